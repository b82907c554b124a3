"""The duplicate index: a few keys stored per claim, so that linking a new article reads
only the earlier claims that can pair with one of its claims, however large the archive.

Two claims can be duplicates only when their figures are equal (`duplicates.same_claim`),
and, without figures, only when they share at least half of the larger text's distinct
words. Each claim therefore stores:

- with figures: one key, a hash of its sorted (value, unit) pairs: a duplicate has the
  same key, and claims with other numbers never meet;
- without figures and with a named source: the "prefix" of its distinct words in one
  fixed order (rare-looking words first: no function word, longer before shorter), as
  many as make two texts sharing half their words share a prefix word (prefix filtering
  for set-similarity joins: with t = ceil(half of n) words in common, any n - t + 1 of a
  text's n words include a common one, and taking both prefixes in one order makes them
  meet);
- nothing otherwise (the article's own voice or a bare body without figures: no claim
  of theirs is a duplicate).

So the index finds exactly the pairs the rule accepts (a test compares it with the rule
over all pairs). Keys depend on nothing but the claim's text and figures, never on its
source, so merging or renaming sources leaves them valid; they are rewritten when a
claim's text or figures change (ingest, re-extraction, a figure correction) and rebuilt
after `load`, which is why `dump` does not carry them. Keys are 64-bit hashes: a
collision only adds a candidate, which the rule then rejects.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from functools import lru_cache
from hashlib import blake2b

from rapidfuzz import utils
from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from claims.core.attribution.sources import is_article_qualified, is_unqualified
from claims.store.tables import claim, claim_key

MIN_WORD_SHARE = 0.5
PAGE = 5000
# Words that say nothing about which statement a claim is: they go last in the prefix
# order, so prefixes hold the words that tell claims apart (any fixed order is exact;
# this one keeps the lists read per key short).
_COMMON_WORDS = (
    "a about after against all also an and any are as at be been before being but by "
    "can could did do does for from had has have he her his if in into is it its last "
    "may more most new no not of on one or our out over said says she so some than "
    "that the their them there these they this those to told two up was we were what "
    "when which who will with would year years according reported added"
)
COMMON = frozenset(_COMMON_WORDS.split())

# what each figure of a claim says, sorted: (value, unit, low, high); low and high are
# the value itself except for a range, whose midpoint alone would make "between 188
# and 318" and "between 245 and 261" one figure
Figures = tuple[tuple[float | str, ...], ...]


@lru_cache(maxsize=1 << 13)
def processed(text: str) -> tuple[str, frozenset[str]]:
    """The text as rapidfuzz compares it and its distinct words. Memoised (a bounded
    cache: the rule meets an article's texts several times, earlier ones rarely)."""
    text = utils.default_process(text)
    return text, frozenset(text.split())


def _rank(word: str) -> tuple[bool, int, str]:
    return word in COMMON, -len(word), word


def prefix(words: frozenset[str]) -> list[str]:
    """The words a claim is indexed by: the first n - ceil(n/2) + 1 in `_rank` order."""
    ranked = sorted(words, key=_rank)
    return ranked[: len(ranked) - math.ceil(len(ranked) * MIN_WORD_SHARE) + 1]


def _hash(kind: bytes, data: str) -> int:
    digest = blake2b(kind + data.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def figures_key(figures: Figures) -> int:
    """One key for a claim's figures; equal figures, equal keys."""
    return _hash(b"f", ";".join(" ".join(
        x if isinstance(x, str) else repr(float(x) or 0.0) for x in f) for f in figures))


def keys_of(text: str, figures: Figures, named: bool) -> list[int]:
    """The keys of one claim (module docstring); `named`: its source is a named one."""
    if figures:
        return [figures_key(figures)]
    if not named:
        return []
    return [_hash(b"w", w) for w in prefix(processed(text)[1])]


@lru_cache(maxsize=4096)
def bare_body(name: str) -> str | None:
    """The bare generic name of a source ("police", "officials"), whether or not it was
    pinned to an article ("Officials (a2.txt)"), case-folded; None for a named source.

    Two articles' "police" need not be one police force, so such claims are compared by
    what they say and the numbers they give, never by the name alone.
    """
    base = name.strip()
    if is_article_qualified(base):
        base = base.rsplit(" (", 1)[0]
    elif not is_unqualified(base):
        return None
    return " ".join(base.casefold().split())


def party(source_id: int | None, source_name: str | None) -> str:
    """Who made a claim, as duplicate linking compares it: "" for the article's own
    voice, "~name" for a bare body, "#id" for a registry source."""
    if source_id is None:
        return ""
    bare = bare_body(source_name or "")
    return f"~{bare}" if bare is not None else f"#{source_id}"


def is_named(who: str) -> bool:
    return who.startswith("#")


def write_keys(conn: Connection, rows: Iterable[tuple[int, str, Figures, str]]) -> None:
    """Replace the keys of these claims: (claim id, text, figures, party) each."""
    rows = list(rows)
    if not rows:
        return
    ids = [r[0] for r in rows]
    for i in range(0, len(ids), PAGE):
        conn.execute(delete(claim_key).where(claim_key.c.claim_id.in_(ids[i : i + PAGE])))
    fresh = [
        {"key": k, "claim_id": cid}
        for cid, text, figs, who in rows
        for k in sorted(set(keys_of(text, figs, is_named(who))))
    ]
    for i in range(0, len(fresh), PAGE):
        conn.execute(insert(claim_key), fresh[i : i + PAGE])


def rekey(conn: Connection, claim_ids: Sequence[int]) -> None:
    """Rewrite the keys of these claims from what is stored (a figure was corrected)."""
    from claims.store.duplicates import load_candidates

    write_keys(conn, ((c.id, c.text, c.figures, c.party)
                      for c in load_candidates(conn, claim.c.id.in_(list(claim_ids)))))


def rebuild(conn: Connection) -> int:
    """Every live claim's keys anew, page by page (after `load`, and by migration 0006);
    returns the number of claims keyed."""
    from claims.store.duplicates import load_candidates

    conn.execute(delete(claim_key))
    last, done = 0, 0
    while True:
        ids = list(conn.execute(
            select(claim.c.id).where(claim.c.id > last, claim.c.superseded.is_(None))
            .order_by(claim.c.id).limit(PAGE)).scalars())
        if not ids:
            return done
        found = load_candidates(conn, claim.c.id.in_(ids))
        write_keys(conn, ((c.id, c.text, c.figures, c.party) for c in found))
        last, done = ids[-1], done + len(found)

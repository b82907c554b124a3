"""Duplicate claims: the same statement reported by two articles, linked for `--propagate`.

Two claims are duplicates when they come from different articles and the same party
(`duplicate_keys.party`: one registry source, or the article's own voice on both sides,
or one bare body such as "police" on both sides), give the same figures (values and
units, a range by its two ends, or none on both sides), share at least half of the
larger text's distinct words, and their texts agree (rapidfuzz `token_set_ratio` ≥ 90),
or are close (≥ 80) and have figures. Without figures, only a named source can make
two texts one claim: the article's own voice or a bare body ("officials") says nothing
about who is speaking.
Links are stored in `claim_duplicate` in BOTH directions, so "the duplicates of X" is
one indexed lookup whichever article came first.

Linking runs at ingest time for the new article only, against the earlier claims that
share a key of the duplicate index with one of its claims (`duplicate_keys`), so its
cost follows the article, not the archive.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from sqlalchemy import ColumnElement, and_, delete, insert, or_, select
from sqlalchemy.engine import Connection

from claims.records import VerdictRecord
from claims.store.duplicate_keys import (
    MIN_WORD_SHARE,
    Figures,
    is_named,
    keys_of,
    party,
    processed,
    write_keys,
)
from claims.store.engine import Store
from claims.store.tables import claim, claim_duplicate, claim_key, figure, source
from claims.store.verdicts import record_verdicts

TEXT_CUTOFF = 90
FIGURES_CUTOFF = 80


@dataclass(frozen=True)
class Candidate:
    """What the duplicate rule reads of a claim."""

    id: int
    article_id: int
    text: str
    party: str  # `duplicate_keys.party`: "" own voice, "~police" bare body, "#7" source 7
    figures: Figures  # what its figures say, sorted


def same_claim(a: Candidate, b: Candidate) -> bool:
    """The duplicate rule (module docstring); symmetric, and pure.

    `token_set_ratio` scores 100 whenever one text's words are a subset of the other's,
    so "the ministry said" would match every long claim of that ministry, and it scores
    "3554 drones were recorded in Zone12" and "1202 drones were recorded in Zone7" over
    90: hence the shared words and the equal figures. Sharing half the words is also
    what lets the index find every pair (`duplicate_keys`).
    """
    if a.article_id == b.article_id or a.party != b.party or a.figures != b.figures:
        return False
    if not a.figures and not is_named(a.party):
        return False
    text_a, words_a = processed(a.text)
    text_b, words_b = processed(b.text)
    if len(words_a & words_b) < MIN_WORD_SHARE * max(len(words_a), len(words_b)):
        return False
    # the processed texts score as the raw ones do with rapidfuzz's processor
    score = fuzz.token_set_ratio(text_a, text_b, processor=None)
    return score >= TEXT_CUTOFF or score >= FIGURES_CUTOFF and bool(a.figures)


def load_candidates(conn: Connection, where: ColumnElement[bool]) -> list[Candidate]:
    """The live claims `where` selects, in id order, with their party and figures."""
    live = and_(where, claim.c.superseded.is_(None))
    rows = conn.execute(
        select(claim.c.id, claim.c.article_id, claim.c.text, claim.c.source_id, source.c.name)
        .outerjoin(source, source.c.id == claim.c.source_id)
        .where(live)
        .order_by(claim.c.id)
    ).all()
    figs = _figures_of(conn, [r.id for r in rows])
    return [Candidate(r.id, r.article_id, r.text, party(r.source_id, r.name), figs.get(r.id, ()))
            for r in rows]


def _figures_of(conn: Connection, ids: Sequence[int]) -> dict[int, Figures]:
    """What each claim's figures say (`duplicate_keys.Figures`), sorted."""
    figs: dict[int, list[tuple[float | str, ...]]] = {}
    for i in range(0, len(ids), 5000):
        for cid, value, unit, qualifier, low, high in conn.execute(
            select(figure.c.claim_id, figure.c.value, figure.c.unit, figure.c.qualifier,
                   figure.c.low, figure.c.high).where(figure.c.claim_id.in_(ids[i : i + 5000]))
        ):
            v = float(value)
            ends = (float(low), float(high)) if qualifier == "range" and low is not None \
                and high is not None else (v, v)
            figs.setdefault(cid, []).append((v, unit or "", *ends))
    return {cid: tuple(sorted(fs)) for cid, fs in figs.items()}


def link_duplicates(store: Store, article_id: int) -> int:
    """Link the claims of one (new) article to their duplicates elsewhere; returns the
    number of new pairs."""
    with store.write() as conn:
        return link_in(conn, article_id)


def link_in(conn: Connection, article_id: int) -> int:
    """`link_duplicates` inside the caller's transaction (ingest and re-extraction).

    It first writes the article's claims' keys, then reads the earlier claims holding
    one of those keys (the candidates), and applies the rule to each new claim and the
    candidates sharing a key with it.
    """
    new = load_candidates(conn, claim.c.article_id == article_id)
    _rewrite_keys(conn, article_id, new)
    wanted: dict[int, list[Candidate]] = {}
    for c in new:
        for k in set(keys_of(c.text, c.figures, is_named(c.party))):
            wanted.setdefault(k, []).append(c)
    if not wanted:
        return 0
    hits: dict[int, list[int]] = {}
    keys = sorted(wanted)
    for i in range(0, len(keys), 5000):
        for k, cid in conn.execute(
            select(claim_key.c.key, claim_key.c.claim_id)
            .join(claim, claim.c.id == claim_key.c.claim_id)
            .where(claim_key.c.key.in_(keys[i : i + 5000]), claim.c.article_id != article_id)
        ):
            hits.setdefault(k, []).append(cid)
    if not hits:
        return 0
    others = {c.id: c for c in load_candidates(
        conn, claim.c.id.in_(sorted({i for ids in hits.values() for i in ids})))}
    pairs: set[tuple[int, int]] = set()
    for k, ids in hits.items():
        for c in wanted[k]:
            pairs.update((c.id, o.id) for i in ids
                         if (o := others.get(i)) is not None and same_claim(c, o))
    return _store_pairs(conn, pairs)


def _rewrite_keys(conn: Connection, article_id: int, live: Sequence[Candidate]) -> None:
    """The article's claims' keys, replaced (re-extraction may have changed or superseded
    some of them)."""
    conn.execute(delete(claim_key).where(claim_key.c.claim_id.in_(
        select(claim.c.id).where(claim.c.article_id == article_id))))
    write_keys(conn, ((c.id, c.text, c.figures, c.party) for c in live))


def _store_pairs(conn: Connection, pairs: set[tuple[int, int]]) -> int:
    """Insert the links of `pairs` not stored yet, both ways; returns how many pairs."""
    if not pairs:
        return 0
    ids = sorted({i for pair in pairs for i in pair})
    known = {
        (r[0], r[1])
        for r in conn.execute(
            select(claim_duplicate.c.claim_id, claim_duplicate.c.other_claim_id).where(
                claim_duplicate.c.claim_id.in_(ids)
            )
        )
    }
    fresh = sorted(p for p in pairs if p not in known)
    rows = [{"claim_id": a, "other_claim_id": b} for a, b in fresh]
    rows += [{"claim_id": b, "other_claim_id": a} for a, b in fresh if (b, a) not in known]
    if rows:
        conn.execute(insert(claim_duplicate), rows)
    return len(fresh)


def unlink(conn: Connection, claim_ids: Sequence[int]) -> None:
    """Drop every link touching these claims (before they are replaced or re-linked)."""
    if claim_ids:
        conn.execute(
            delete(claim_duplicate).where(
                or_(
                    claim_duplicate.c.claim_id.in_(claim_ids),
                    claim_duplicate.c.other_claim_id.in_(claim_ids),
                )
            )
        )


def duplicates_of(conn: Connection, claim_id: int) -> tuple[int, ...]:
    """Ids of the live claims linked to `claim_id`, ascending."""
    rows = conn.execute(
        select(claim_duplicate.c.other_claim_id)
        .join(claim, claim.c.id == claim_duplicate.c.other_claim_id)
        .where(claim_duplicate.c.claim_id == claim_id, claim.c.superseded.is_(None))
        .order_by(claim_duplicate.c.other_claim_id)
    )
    return tuple(r[0] for r in rows)


def propagate_verdict(
    store: Store,
    *,
    claim_id: int,
    status: str,
    reviewer: str,
    evidence: Sequence[str] = (),
    skip: frozenset[int] = frozenset(),
    on_recorded: Callable[[Connection, VerdictRecord], None] | None = None,
) -> list[VerdictRecord]:
    """Apply a verdict given on `claim_id` to its linked duplicates, each in its own
    history row noted "propagated from claim N" (`skip`: ids already handled), all in
    one transaction with what `on_recorded` attaches (evidence snapshots).

    A dismissed duplicate is left alone: a reviewer took it off the desk, and a verdict
    given elsewhere should not put it back (`dismissed_duplicates` names them)."""
    with store.read() as conn:
        linked = duplicates_of(conn, claim_id)
        off = set(_dismissed(conn, linked))
        targets = [d for d in linked if d not in skip and d not in off]
    if not targets:
        return []
    return list(record_verdicts(
        store, claim_ids=targets, status=status, reviewer=reviewer,
        note=f"propagated from claim {claim_id}", evidence=tuple(evidence),
        on_recorded=on_recorded,
    ).recorded)


def dismissed_duplicates(store: Store, claim_id: int) -> list[int]:
    """The linked duplicates of `claim_id` that are dismissed (propagation skips them)."""
    with store.read() as conn:
        return _dismissed(conn, duplicates_of(conn, claim_id))


def _dismissed(conn: Connection, ids: Sequence[int]) -> list[int]:
    if not ids:
        return []
    rows = conn.execute(
        select(claim.c.id).where(claim.c.id.in_(ids), claim.c.dismissed.is_(True))
        .order_by(claim.c.id)
    )
    return [r[0] for r in rows]

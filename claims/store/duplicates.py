"""Duplicate claims: the same statement reported by two articles, linked for `--propagate`.

Two claims are duplicates when they come from different articles, have the same source
(or are both in their article's own voice), and either their texts agree (rapidfuzz
`token_set_ratio` ≥ 90) or their texts are close (≥ 80) and their figures are the same
(values and units); the shorter text needs at least half as many distinct words as the
longer one (see `same_claim`). Links are stored in `claim_duplicate` in BOTH directions, so "the
duplicates of X" is one indexed lookup whichever article came first.

Linking runs at ingest time for the new article only, against existing claims that share
a figure value or a source with one of its claims (blocking), never against all pairs.
Own-voice claims without figures therefore have no candidates: without a number or a
named source there is nothing that makes two articles' sentences the same claim.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process, utils
from sqlalchemy import ColumnElement, and_, delete, insert, or_, select
from sqlalchemy.engine import Connection

from claims.records import VerdictRecord
from claims.store.engine import Store
from claims.store.tables import claim, claim_duplicate, figure
from claims.store.verdicts import record_verdict

TEXT_CUTOFF = 90
FIGURES_CUTOFF = 80
MIN_WORD_SHARE = 0.5


@dataclass(frozen=True)
class Candidate:
    """What the duplicate rule reads of a claim."""

    id: int
    article_id: int
    text: str
    source_id: int | None
    figures: tuple[tuple[float, str | None], ...]  # (value, unit), sorted


def same_claim(a: Candidate, b: Candidate) -> bool:
    """The duplicate rule (module docstring); symmetric, and pure.

    `token_set_ratio` scores 100 whenever one text's words are a subset of the other's,
    so "the ministry said" would match every long claim of that ministry; a text with
    less than half the other's distinct words is therefore never a duplicate of it.
    """
    if a.article_id == b.article_id or a.source_id != b.source_id:
        return False
    words_a = set(utils.default_process(a.text).split())
    words_b = set(utils.default_process(b.text).split())
    if min(len(words_a), len(words_b)) < MIN_WORD_SHARE * max(len(words_a), len(words_b)):
        return False
    score = fuzz.token_set_ratio(a.text, b.text, processor=utils.default_process)
    if score >= TEXT_CUTOFF:
        return True
    return score >= FIGURES_CUTOFF and bool(a.figures) and a.figures == b.figures


@dataclass(frozen=True)
class _Prepared:
    """A candidate with what `same_claim` derives from its text, derived once."""

    claim: Candidate
    processed: str
    n_words: int

    @classmethod
    def of(cls, c: Candidate) -> _Prepared:
        return cls(c, *_processed(c.text))

    def shares_words(self, other: _Prepared) -> bool:
        """`same_claim`'s word-share test: neither text under half the other's words.

        (`token_set_ratio` processes each text on its own, so scoring the processed
        texts gives `same_claim`'s score; its cutoff only drops scores under 80, which
        the rule rejects anyway.)
        """
        few, many = sorted((self.n_words, other.n_words))
        return few >= MIN_WORD_SHARE * many


@lru_cache(maxsize=1 << 16)
def _processed(text: str) -> tuple[str, int]:
    """The text as rapidfuzz compares it and its number of distinct words. Memoised:
    one `claims ingest` reloads the same earlier claims for every article it links."""
    processed = utils.default_process(text)
    return processed, len(set(processed.split()))


def _candidates(
    conn: Connection, where: ColumnElement[bool], *, figures: bool = True
) -> list[Candidate]:
    """Live claims matching `where`; without `figures`, their figures are left empty
    (the rule needs them only for the few pairs whose texts score 80 to 90)."""
    live = and_(where, claim.c.superseded.is_(None))
    rows = conn.execute(
        select(claim.c.id, claim.c.article_id, claim.c.text, claim.c.source_id)
        .where(live)
        .order_by(claim.c.id)
    ).all()
    figs = _figures_of(conn, live) if figures else {}
    return [Candidate(r.id, r.article_id, r.text, r.source_id, figs.get(r.id, ()))
            for r in rows]


def _figures_of(
    conn: Connection, which: ColumnElement[bool]
) -> dict[int, tuple[tuple[float, str | None], ...]]:
    """(value, unit) of each claim's figures, sorted, for the claims `which` selects."""
    figs: dict[int, list[tuple[float, str | None]]] = {}
    for cid, value, unit in conn.execute(
        select(figure.c.claim_id, figure.c.value, figure.c.unit).where(
            figure.c.claim_id.in_(select(claim.c.id).where(which)))
    ):
        figs.setdefault(cid, []).append((float(value), unit))
    return {cid: tuple(sorted(fs, key=lambda f: (f[0], f[1] or ""))) for cid, fs in figs.items()}


def link_duplicates(store: Store, article_id: int) -> int:
    """Link the claims of one (new) article to their duplicates elsewhere; returns the
    number of new pairs."""
    with store.write() as conn:
        return link_in(conn, article_id)


def link_in(conn: Connection, article_id: int) -> int:
    """`link_duplicates` inside the caller's transaction (re-extraction uses it).

    `same_claim` needs one source on both sides, so only two kinds of earlier claim can
    pair: those of a source the new article quotes, and own-voice claims sharing a
    figure value with it (own voice has no source to block on). Claims of other sources
    are not loaded, and each new claim is compared with its own source's claims only,
    each text processed once rather than once per pair.
    """
    new = _candidates(conn, claim.c.article_id == article_id)
    values = sorted({v for c in new for v, _ in c.figures})
    sources = sorted({c.source_id for c in new if c.source_id is not None})
    if not values and not sources:
        return 0
    blocks: list[ColumnElement[bool]] = []
    if sources:
        blocks.append(claim.c.source_id.in_(sources))
    if values and any(c.source_id is None for c in new):
        blocks.append(and_(
            claim.c.source_id.is_(None),
            claim.c.id.in_(select(figure.c.claim_id).where(figure.c.value.in_(values))),
        ))
    if not blocks:
        return 0
    others = _candidates(conn, and_(claim.c.article_id != article_id, or_(*blocks)),
                         figures=False)
    by_source: dict[int | None, list[_Prepared]] = {}
    for other in others:
        by_source.setdefault(other.source_id, []).append(_Prepared.of(other))
    texts = {k: [p.processed for p in pool] for k, pool in by_source.items()}
    pairs: set[tuple[int, int]] = set()
    close: list[tuple[Candidate, int]] = []  # texts close (80-90): the figures decide
    for pa in map(_Prepared.of, new):
        pool = by_source.get(pa.claim.source_id, [])
        # the scores of the whole pool in one call (rapidfuzz's C++ loop), then the
        # rule's other tests on the few that reach the cutoff
        for _, score, i in process.extract(
            pa.processed, texts.get(pa.claim.source_id, []), scorer=fuzz.token_set_ratio,
            processor=None, score_cutoff=FIGURES_CUTOFF, limit=None,
        ):
            pb = pool[i]
            if not pa.shares_words(pb) or pa.claim.article_id == pb.claim.article_id:
                continue
            if score >= TEXT_CUTOFF:
                pairs.add((pa.claim.id, pb.claim.id))
            elif score >= FIGURES_CUTOFF and pa.claim.figures:
                close.append((pa.claim, pb.claim.id))
    if close:
        figs = _figures_of(conn, claim.c.id.in_(sorted({i for _, i in close})))
        pairs.update((c.id, i) for c, i in close if c.figures == figs.get(i, ()))
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
) -> list[VerdictRecord]:
    """Apply a verdict given on `claim_id` to its linked duplicates, each in its own
    history row noted "propagated from claim N" (`skip`: ids already handled).

    A dismissed duplicate is left alone: a reviewer took it off the desk, and a verdict
    given elsewhere should not put it back (`dismissed_duplicates` names them)."""
    with store.read() as conn:
        linked = duplicates_of(conn, claim_id)
        off = set(_dismissed(conn, linked))
        targets = [d for d in linked if d not in skip and d not in off]
    return [
        record_verdict(
            store,
            claim_id=d,
            status=status,
            reviewer=reviewer,
            note=f"propagated from claim {claim_id}",
            evidence=tuple(evidence),
        )
        for d in targets
    ]


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

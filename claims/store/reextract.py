"""Re-extraction: run a newer extractor over stored articles without losing reviewers' work.

History rows are append-only and point at claim ids, so a claim that matches its new
extraction (same span, else text `ratio` ≥ 90) keeps its row and id: its text, span,
cue and figures are rewritten in place and its status, version, history, dismissal and
re-attribution simply stay. A figure whose span is unchanged keeps its row too, so its
relations (manual or reviewed) and reviewer fixes survive; other figures are replaced,
and a relation that loses a figure goes with it. A reviewed claim that no longer matches
stays, marked `superseded`, so its history remains attached to the article; an
unreviewed one is deleted. Each article is one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import delete, select, update
from sqlalchemy.engine import Connection, Row

from claims.core.model import Claim, Document, Extraction, Source
from claims.errors import NotFound
from claims.store import tables
from claims.store.duplicates import link_in, unlink
from claims.store.engine import Store
from claims.store.ingest import (
    FRAME_COLUMNS,
    RelationRow,
    figure_fact,
    figure_row,
    insert_many,
    insert_relations,
    insert_via,
    line_starts,
    now_utc,
    propose_cross_article_same,
    register_sources,
)
from claims.store.relations import article_condition
from claims.store.tables import (
    article,
    claim,
    claim_via,
    figure,
    relation,
    relation_member,
    verdict,
)

TEXT_MATCH = 90
Extractor = Callable[[Document], Extraction]


@dataclass(frozen=True)
class ArticleOutcome:
    article_id: int
    name: str
    claims: int  # claims after re-extraction
    carried: int  # matched claims that carry a history
    superseded: tuple[int, ...]  # reviewed claims with no match, kept as superseded


@dataclass(frozen=True)
class ReextractResult:
    articles: tuple[ArticleOutcome, ...]

    @property
    def carried(self) -> int:
        return sum(a.carried for a in self.articles)

    @property
    def superseded(self) -> tuple[int, ...]:
        return tuple(i for a in self.articles for i in a.superseded)


def match_claims(old: Sequence[tuple[int, int, int, str]], new: Sequence[Claim]) -> dict[int, int]:
    """New claim index → old claim id, one to one: equal spans first, then the most
    similar texts (rapidfuzz `ratio` ≥ 90), best pairs first. `old` is (id, start, end,
    text)."""
    matched: dict[int, int] = {}
    by_span = {(s, e): cid for cid, s, e, _ in old}
    for i, c in enumerate(new):
        cid = by_span.get((c.start, c.end))
        if cid is not None and cid not in matched.values():
            matched[i] = cid
    used = set(matched.values())
    scored = sorted(
        (
            (-fuzz.ratio(c.text, text), i, cid)
            for i, c in enumerate(new)
            if i not in matched
            for cid, _, _, text in old
            if cid not in used
        ),
    )
    for negative, i, cid in scored:
        if -negative < TEXT_MATCH:
            break
        if i not in matched and cid not in used:
            matched[i] = cid
            used.add(cid)
    return matched


def reextract_articles(
    store: Store,
    *,
    article: str | int | None = None,
    force: bool = False,
    extract: Extractor | None = None,
    version: str | None = None,
) -> ReextractResult:
    """Re-extract the articles whose extractor version differs from `version` (all of
    them with `force`; only `article` when given). `extract`/`version` default to the
    current extractor; tests pass their own."""
    if extract is None or version is None:
        from claims.core.extraction import EXTRACTOR_VERSION
        from claims.core.extraction import extract as current

        extract = extract or current
        version = version or EXTRACTOR_VERSION
    art = tables.article  # `article` is the parameter here
    stmt = select(art.c.id, art.c.extractor_version).order_by(art.c.id)
    if article is not None:
        stmt = stmt.where(article_condition(article))
    with store.read() as conn:
        rows = conn.execute(stmt).all()
    if article is not None and not rows:
        raise NotFound(f"no article '{article}'")
    outcomes = []
    for art_id, stored_version in rows:
        if stored_version == version and not force:
            continue
        with store.read() as conn:
            doc = _document(conn, art_id)
        extraction = extract(doc)
        with store.write() as conn:
            outcomes.append(_apply(conn, art_id, extraction, version))
    return ReextractResult(tuple(outcomes))


def _document(conn: Connection, art_id: int) -> Document:
    a = conn.execute(select(article).where(article.c.id == art_id)).one()
    return Document(
        text=a.text,
        name=a.name,
        content_hash=a.content_hash,
        title=a.title,
        url=a.url,
        publisher=a.publisher,
        published=a.published,
    )


@dataclass(frozen=True)
class _Reviewed:
    """What reviewers did to the article's current claims and figures."""

    with_history: set[int]
    reattributed: set[int]
    fixed_figures: set[int]
    reframed: set[int]  # figures whose frame a reviewer corrected


def _reviewed(conn: Connection, claim_ids: Sequence[int]) -> _Reviewed:
    rows = conn.execute(
        select(verdict.c.claim_id, verdict.c.kind, verdict.c.detail).where(
            verdict.c.claim_id.in_(claim_ids)
        )
    ).all()
    reviewed = _Reviewed(set(), set(), set(), set())
    for cid, kind, detail in rows:
        reviewed.with_history.add(cid)
        if kind != "correction" or not detail:
            continue
        data: dict[str, Any] = json.loads(detail)
        if "source_id" in data:
            reviewed.reattributed.add(cid)
        fix = data.get("figure")
        if isinstance(fix, dict) and isinstance(fix.get("id"), int):
            reviewed.fixed_figures.add(fix["id"])
            if any(k.startswith("frame_") for k in data.get("to", {})):
                reviewed.reframed.add(fix["id"])
    return reviewed


def _apply(conn: Connection, art_id: int, x: Extraction, version: str) -> ArticleOutcome:
    a = conn.execute(select(article).where(article.c.id == art_id)).one()
    old = conn.execute(
        select(claim.c.id, claim.c.start, claim.c.end, claim.c.text)
        .where(claim.c.article_id == art_id, claim.c.superseded.is_(None))
        .order_by(claim.c.seq)
    ).all()
    old_ids = [r.id for r in old]
    reviewed = _reviewed(conn, old_ids)
    named = {s.name for s in x.sources}
    unlisted = sorted({n for c in x.claims for n in (c.source, *c.via) if n and n not in named})
    mine = (claim.c.article_id == art_id) & claim.c.source_id.is_not(None)
    used = set(conn.execute(select(claim.c.source_id).where(mine)).scalars())
    sources = (*x.sources, *(Source(n) for n in unlisted))
    source_ids, canonical, _ = register_sources(conn, sources, a.name, used)
    matched = match_claims([tuple(r) for r in old], x.claims)  # type: ignore[misc]
    unlink(conn, old_ids)
    claim_ids = _write_claims(conn, art_id, x.claims, matched, source_ids, reviewed)
    chains = [(cid, c) for cid, c in zip(claim_ids, x.claims, strict=True)
              if cid not in reviewed.reattributed]  # a reviewer's attribution outranks ours
    conn.execute(delete(claim_via).where(claim_via.c.claim_id.in_([cid for cid, _ in chains])))
    insert_via(conn, chains, source_ids)
    new_figs = _write_figures(conn, x, claim_ids, old_ids, reviewed)
    _write_relations(conn, x, claim_ids, new_figs, a, canonical)
    kept_frames = tuple(sorted(reviewed.reframed & {fid for fid, _ in new_figs.values()}))
    if kept_frames:  # relations from the reviewer's frames, not the extractor's
        from claims.store.repropose import repropose_article

        repropose_article(conn, art_id, kept_frames)
    gone = [cid for cid in old_ids if cid not in matched.values()]
    kept = [cid for cid in gone if cid in reviewed.with_history]
    if kept:
        conn.execute(update(claim).where(claim.c.id.in_(kept)).values(superseded=now_utc()))
    dropped = [cid for cid in gone if cid not in reviewed.with_history]
    if dropped:
        conn.execute(delete(claim_via).where(claim_via.c.claim_id.in_(dropped)))
        conn.execute(delete(claim).where(claim.c.id.in_(dropped)))
    link_in(conn, art_id)
    conn.execute(update(article).where(article.c.id == art_id).values(extractor_version=version))
    carried = sum(1 for cid in matched.values() if cid in reviewed.with_history)
    return ArticleOutcome(art_id, a.name, len(claim_ids), carried, tuple(kept))


def _write_claims(
    conn: Connection,
    art_id: int,
    claims: Sequence[Claim],
    matched: dict[int, int],
    source_ids: dict[str, int],
    reviewed: _Reviewed,
) -> list[int]:
    """Rewrite matched claims in place, insert the others; ids in extraction order."""
    ids: list[int | None] = []
    fresh: list[dict[str, object]] = []
    for seq, c in enumerate(claims):
        values: dict[str, object] = {
            "seq": seq,
            "text": c.text,
            "start": c.start,
            "end": c.end,
            "cue": c.cue,
            "paragraph": c.paragraph,
            "sentence": c.sentence,
            "source_id": source_ids.get(c.source) if c.source else None,
        }
        cid = matched.get(seq)
        if cid is None:
            fresh.append(
                {
                    **values,
                    "article_id": art_id,
                    "status": "unverified",
                    "version": 1,
                    "dismissed": False,
                }
            )
            ids.append(None)
            continue
        if cid in reviewed.reattributed:  # a reviewer's attribution outranks the extractor
            del values["source_id"]
        conn.execute(update(claim).where(claim.c.id == cid).values(**values))
        ids.append(cid)
    inserted = iter(insert_many(conn, claim, fresh))
    return [cid if cid is not None else next(inserted) for cid in ids]


def _write_figures(
    conn: Connection,
    x: Extraction,
    claim_ids: Sequence[int],
    old_claim_ids: Sequence[int],
    reviewed: _Reviewed,
) -> dict[tuple[int, int], tuple[int, bool]]:
    """(claim index, figure index) → (figure id, is new). Same span = same figure row."""
    old = {
        (r.start, r.end): r.id
        for r in conn.execute(
            select(figure.c.id, figure.c.start, figure.c.end).where(
                figure.c.claim_id.in_(old_claim_ids)
            )
        )
    }
    out: dict[tuple[int, int], tuple[int, bool]] = {}
    fresh: list[tuple[tuple[int, int], dict[str, object]]] = []
    for ci, c in enumerate(x.claims):
        for fi, f in enumerate(c.figures):
            values = figure_row(claim_ids[ci], fi, f, c.text, x.document.published)
            fid = old.pop((f.start, f.end), None)
            if fid is None:
                fresh.append(((ci, fi), values))
                continue
            if fid in reviewed.fixed_figures:  # keep the reviewer's value and qualifier
                for key in ("value", "low", "high", "qualifier", "unit"):
                    del values[key]
            if fid in reviewed.reframed:  # and the reviewer's frame, with its keys
                for key in (*FRAME_COLUMNS, "block", "places"):
                    del values[key]
            conn.execute(update(figure).where(figure.c.id == fid).values(**values))
            out[(ci, fi)] = (fid, False)
    _drop_figures(conn, list(old.values()))
    new_ids = insert_many(conn, figure, [v for _, v in fresh])
    for (ref, _), fid in zip(fresh, new_ids, strict=True):
        out[ref] = (fid, True)
    return out


def _drop_figures(conn: Connection, figure_ids: Sequence[int]) -> None:
    """Delete figures and every relation that names one of them."""
    if not figure_ids:
        return
    rels = list(
        conn.execute(
            select(relation_member.c.relation_id)
            .where(relation_member.c.figure_id.in_(figure_ids))
            .distinct()
        ).scalars()
    )
    _drop_relations(conn, rels)
    conn.execute(delete(figure).where(figure.c.id.in_(figure_ids)))


def _drop_relations(conn: Connection, relation_ids: Sequence[int]) -> None:
    if relation_ids:
        conn.execute(delete(relation_member).where(relation_member.c.relation_id.in_(relation_ids)))
        conn.execute(delete(relation).where(relation.c.id.in_(relation_ids)))


def _write_relations(
    conn: Connection,
    x: Extraction,
    claim_ids: Sequence[int],
    figs: dict[tuple[int, int], tuple[int, bool]],
    a: Row[Any],
    canonical: dict[str, str],
) -> None:
    """Keep inferred relations the new extraction infers again (with their review state)
    or that a reviewer accepted or rejected; drop the article's other inferred ones; add
    the new. Manual relations are left alone (those that lost a figure are gone already)."""
    mine = {fid for fid, _ in figs.values()}
    wanted: dict[tuple[str, tuple[int, ...]], tuple[str, str, tuple[str, ...]]] = {}
    for r in x.relations:
        refs = [(m.claim, m.figure) for m in r.members]
        if all(ref in figs for ref in refs):
            wanted.setdefault((r.kind, tuple(figs[ref][0] for ref in refs)),
                              (r.rule, r.confidence, r.evidence))
    existing: dict[int, tuple[str, str, list[int]]] = {}
    for rid, kind, state, fid in conn.execute(
        select(relation.c.id, relation.c.kind, relation.c.state, relation_member.c.figure_id)
        .join(relation_member, relation_member.c.relation_id == relation.c.id)
        .where(relation.c.origin == "inferred")
        .where(
            relation.c.id.in_(
                select(relation_member.c.relation_id).where(relation_member.c.figure_id.in_(mine))
            )
        )
        .order_by(relation.c.id, relation_member.c.position)
    ):
        existing.setdefault(rid, (kind, state, []))[2].append(fid)
    stale = []
    for rid, (kind, state, members) in existing.items():
        if not set(members) <= mine:
            continue  # a cross-article link whose figures all survived: keep it
        again = wanted.pop((kind, tuple(members)), None)
        if again is None and state == "proposed":
            stale.append(rid)  # an accepted or rejected one is a reviewer's decision: kept
        elif again is not None:  # the current rules' confidence and evidence
            conn.execute(update(relation).where(relation.c.id == rid).values(
                confidence=again[1], evidence=json.dumps(list(again[2]), ensure_ascii=False)
                if again[2] else None))
    _drop_relations(conn, stale)
    new: list[RelationRow] = [(kind, list(members), rule, conf, ev)
                              for (kind, members), (rule, conf, ev) in wanted.items()]
    newlines = line_starts(a.text)
    facts = [
        figure_fact(
            fid,
            claim_ids[ci],
            a.id,
            a.name,
            a.origin,
            a.text,
            a.published,
            x.claims[ci].figures[fi],
            x.claims[ci].text,
            canonical.get(x.claims[ci].source or ""),
            newlines,
        )
        for (ci, fi), (fid, is_new) in sorted(figs.items())
        if is_new
    ]
    if facts:
        new += [("same", [p, q], rule, conf, ev)
                for p, q, rule, conf, ev in propose_cross_article_same(conn, facts)]
    insert_relations(conn, new, origin="inferred", state="proposed", at=now_utc())

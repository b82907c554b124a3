"""Propose an article's relations again from its stored frames.

After a reviewer corrects a figure's frame (`claims correct ID --figure FIG --period …`),
what relates to what may change: the article's inferred relations are inferred again
from the stored claims and frames (the reviewer's included), those inferred again keep
their row and review state, proposals no longer inferred go, new ones are added, and the
corrected figure's cross-article `same` proposals are looked up again. Accepted and
rejected relations are reviewers' decisions and stay.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.engine import Connection

from claims.core.model import Claim, Figure, Qualifier
from claims.core.reconcile.relations import infer_relations
from claims.records import frame_of_columns
from claims.store.ingest import (
    RelationRow,
    figure_fact,
    insert_relations,
    now_utc,
    propose_cross_article_same,
)
from claims.store.tables import article, claim, figure, relation, relation_member, source

FRAME = ("frame_event", "frame_role", "frame_actor", "frame_period", "frame_place",
         "frame_words")


@dataclass(frozen=True)
class Reproposed:
    kept: int
    added: int
    dropped: int


def _article_claims(conn: Connection, article_id: int) -> tuple[list[Claim], list[list[int]]]:
    """The article's live claims in reading order, with their figures' ids."""
    rows = conn.execute(
        select(claim.c.id, claim.c.text, claim.c.start, claim.c.end, source.c.name,
               claim.c.cue, claim.c.paragraph, claim.c.sentence)
        .outerjoin(source, source.c.id == claim.c.source_id)
        .where(claim.c.article_id == article_id, claim.c.superseded.is_(None))
        .order_by(claim.c.start, claim.c.id)
    ).all()
    ids = [r[0] for r in rows]
    figs: dict[int, list[Any]] = {}
    if ids:
        for f in conn.execute(select(figure).where(figure.c.claim_id.in_(ids))
                              .order_by(figure.c.claim_id, figure.c.seq)):
            figs.setdefault(f.claim_id, []).append(f)
    claims, figure_ids = [], []
    for cid, text, start, end, src, cue, para, sent in rows:
        mine = figs.get(cid, [])
        claims.append(Claim(text, start, end, src, cue, tuple(
            Figure(f.text, f.start, f.end, f.value, f.low, f.high, Qualifier(f.qualifier),
                   f.unit, f.metric, f.change,
                   frame_of_columns(*(getattr(f, c) for c in FRAME)))
            for f in mine), para, sent))
        figure_ids.append([f.id for f in mine])
    return claims, figure_ids


def repropose_article(conn: Connection, article_id: int,
                      figure_ids: tuple[int, ...] = ()) -> Reproposed:
    """Infer the article's relations again; `figure_ids` also get their cross-article
    `same` proposals looked up again."""
    name, origin, text, published = conn.execute(
        select(article.c.name, article.c.origin, article.c.text, article.c.published)
        .where(article.c.id == article_id)).one()
    claims, ids = _article_claims(conn, article_id)
    wanted: dict[tuple[str, tuple[int, ...]], tuple[str, str, tuple[str, ...]]] = {}
    for r in infer_relations(claims, published):
        key = (r.kind, tuple(ids[m.claim][m.figure] for m in r.members))
        wanted.setdefault(key, (r.rule, r.confidence, r.evidence))
    mine = {i for row in ids for i in row}
    existing: dict[int, tuple[str, str, list[int]]] = {}
    for rid, kind, state, fid in conn.execute(
        select(relation.c.id, relation.c.kind, relation.c.state, relation_member.c.figure_id)
        .join(relation_member, relation_member.c.relation_id == relation.c.id)
        .where(relation.c.origin == "inferred", relation.c.id.in_(
            select(relation_member.c.relation_id)
            .where(relation_member.c.figure_id.in_(sorted(mine)))))
        .order_by(relation.c.id, relation_member.c.position)
    ):
        existing.setdefault(rid, (kind, state, []))[2].append(fid)
    stale, kept = [], 0
    for rid, (kind, state, members) in existing.items():
        inside = set(members) <= mine
        again = wanted.pop((kind, tuple(members)), None) if inside else None
        corrected_same = not inside and kind == "same" and set(members) & set(figure_ids)
        if again is not None:
            kept += 1
            conn.execute(update(relation).where(relation.c.id == rid).values(
                rule=again[0], confidence=again[1],
                evidence=json.dumps(list(again[2]), ensure_ascii=False) if again[2] else None))
        elif state == "proposed" and (inside or corrected_same):
            stale.append(rid)
    if stale:
        conn.execute(delete(relation_member).where(relation_member.c.relation_id.in_(stale)))
        conn.execute(delete(relation).where(relation.c.id.in_(stale)))
    new: list[RelationRow] = [(kind, list(members), rule, conf, ev)
                              for (kind, members), (rule, conf, ev) in wanted.items()]
    if figure_ids:
        facts = [
            figure_fact(fid, claim_ids, article_id, name, origin, text, published, f, c.text,
                        c.source)
            for c, row in zip(claims, ids, strict=True)
            for f, fid in zip(c.figures, row, strict=True) if fid in figure_ids
            for claim_ids in [_claim_id(conn, fid)]
        ]
        new += [("same", [p, q], rule, conf, ev)
                for p, q, rule, conf, ev in propose_cross_article_same(conn, facts)]
    if new:
        insert_relations(conn, new, origin="inferred", state="proposed", at=now_utc())
    return Reproposed(kept=kept, added=len(new), dropped=len(stale))


def _claim_id(conn: Connection, figure_id: int) -> int:
    return int(conn.execute(select(figure.c.claim_id).where(figure.c.id == figure_id))
               .scalar_one())

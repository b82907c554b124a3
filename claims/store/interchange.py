"""`claims export`: claims out to publishing systems and spreadsheets, with what
ClaimReview needs beside each claim. The way back in is `claims.store.import_verdicts`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from claims.records import ClaimRecord
from claims.store.engine import Store
from claims.store.paging import pages
from claims.store.tables import claim, figure, relation, relation_member, source


@dataclass(frozen=True)
class ExportRow:
    """A claim with what ClaimReview needs besides it: where it appeared, who judged it."""

    claim: ClaimRecord
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    reviewer: str | None = None  # of the latest verdict
    reviewed_at: str | None = None
    note: str | None = None
    disagreeing: tuple[str, ...] = ()  # sources whose `same` figures conflict with this claim


def export_claims(
    store: Store,
    *,
    source_id: int | None = None,
    status: str | None = None,
    article_ref: str | int | None = None,
    reviewer: str | None = None,
    search: str | None = None,
) -> list[ExportRow]:
    """The claims `claims list` would show (same filters), with article and verdict facts.

    Three extra queries whatever the number of claims (batched by id), never one per claim.
    """
    from claims.store.queries import articles_by_id, list_claims
    from claims.store.verdicts import latest_verdicts

    claims = list_claims(
        store,
        source_id=source_id,
        status=status,
        article=article_ref,
        reviewer=reviewer,
        search=search,
    )
    if not claims:
        return []
    with store.read() as conn:
        articles = articles_by_id(conn, sorted({c.article_id for c in claims}))
        latest = latest_verdicts(conn, [c.id for c in claims])
        disputed = [c for c in claims if c.status == "disputed"]
        disagreeing = _disagreeing(conn, disputed) if disputed else {}
    rows = []
    for c in claims:
        art = articles[c.article_id]
        last = latest.get(c.id)
        rows.append(
            ExportRow(
                claim=c,
                url=art.url,
                title=art.title,
                publisher=art.publisher,
                published=art.published,
                reviewer=last.reviewer if last is not None else None,
                reviewed_at=last.at if last is not None else None,
                note=last.note if last is not None else None,
                disagreeing=disagreeing.get(c.id, ()),
            )
        )
    return rows


def _overlap(a: Any, b: Any) -> bool:
    lo_a = a.low if a.low is not None else float("-inf")
    hi_a = a.high if a.high is not None else float("inf")
    lo_b = b.low if b.low is not None else float("-inf")
    hi_b = b.high if b.high is not None else float("inf")
    return lo_a <= hi_b and lo_b <= hi_a


def _disagreeing(conn: Connection, claims: Sequence[ClaimRecord]) -> dict[int, tuple[str, ...]]:
    """For each claim, the sources of `same`-linked figures whose intervals do not overlap
    its own: the disagreement a "disputed" rating should name."""
    mine = {f.id: c.id for c in claims for f in c.figures}
    if not mine:
        return {}
    rel_ids: set[int] = set()
    for chunk in pages(sorted(mine)):
        rel_ids.update(
            r[0]
            for r in conn.execute(
                select(relation_member.c.relation_id)
                .join(relation, relation.c.id == relation_member.c.relation_id)
                .where(
                    relation_member.c.figure_id.in_(chunk),
                    relation.c.kind == "same",
                    relation.c.state != "rejected",
                )
            )
        )
    members: dict[int, list[Any]] = {}
    for chunk in pages(sorted(rel_ids)):
        stmt = (
            select(
                relation_member.c.relation_id,
                figure.c.id,
                figure.c.claim_id,
                figure.c.low,
                figure.c.high,
                source.c.name,
            )
            .join(figure, figure.c.id == relation_member.c.figure_id)
            .join(claim, claim.c.id == figure.c.claim_id)
            .outerjoin(source, source.c.id == claim.c.source_id)
            .where(relation_member.c.relation_id.in_(chunk))
        )
        for row in conn.execute(stmt):
            members.setdefault(row.relation_id, []).append(row)
    found: dict[int, set[str]] = {}
    for rows in members.values():
        for a in rows:
            if a.id not in mine:
                continue
            for b in rows:
                if b.claim_id != a.claim_id and b.name and not _overlap(a, b):
                    found.setdefault(mine[a.id], set()).add(b.name)
    return {cid: tuple(sorted(names)) for cid, names in found.items()}

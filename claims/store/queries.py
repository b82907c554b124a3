"""Read side: claim lists and details, sources, articles, statistics.

Each function runs a fixed number of queries whatever the number of rows (figures come
in one extra query, never one per claim), so `list --format json` over a large database
stays linear.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.engine import Connection, Row

from claims.core.status import Status
from claims.records import (
    ArticleRecord,
    ClaimDetail,
    ClaimRecord,
    FigureRecord,
    SourceRecord,
    frame_of_columns,
)
from claims.store import tables
from claims.store.engine import Store
from claims.store.live import in_live_article, live_articles
from claims.store.paging import pages
from claims.store.relations import article_condition, relations_touching
from claims.store.search import desk_conditions, register_fold
from claims.store.source_lookup import collect, pick_source
from claims.store.sources import source_records
from claims.store.tables import claim, claim_via, figure, source, source_alias, verdict
from claims.store.verdicts import history_rows

OWN_VOICE = "(article)"


def _claims_select() -> Select[Any]:
    art = tables.article
    return (
        select(
            claim.c.id,
            claim.c.article_id,
            art.c.name.label("article_name"),
            claim.c.text,
            claim.c.start,
            claim.c.end,
            source.c.name.label("source_name"),
            source.c.type.label("source_type"),
            claim.c.cue,
            claim.c.status,
            claim.c.version,
            claim.c.dismissed,
            art.c.content_hash.label("article_hash"),
        )
        .join(art, claim.c.article_id == art.c.id)
        .outerjoin(source, claim.c.source_id == source.c.id)
    )


def _figures_for(conn: Connection, claim_ids: Select[Any]) -> dict[int, list[FigureRecord]]:
    stmt = (
        select(figure)
        .where(figure.c.claim_id.in_(claim_ids))
        .order_by(figure.c.claim_id, figure.c.seq)
    )
    found: dict[int, list[FigureRecord]] = {}
    for r in conn.execute(stmt):
        found.setdefault(r.claim_id, []).append(
            FigureRecord(
                id=r.id,
                claim_id=r.claim_id,
                text=r.text,
                start=r.start,
                end=r.end,
                value=r.value,
                low=r.low,
                high=r.high,
                qualifier=r.qualifier,
                unit=r.unit,
                metric=r.metric,
                change=r.change,
                frame=frame_of_columns(r.frame_event, r.frame_role, r.frame_actor,
                                       r.frame_period, r.frame_place, r.frame_words),
            )
        )
    return found


def via_for(conn: Connection, claim_ids: Select[Any]) -> dict[int, tuple[str, ...]]:
    """Each claim's attribution chain, source names in order (origin first)."""
    stmt = (
        select(claim_via.c.claim_id, source.c.name)
        .join(source, claim_via.c.source_id == source.c.id)
        .where(claim_via.c.claim_id.in_(claim_ids))
        .order_by(claim_via.c.claim_id, claim_via.c.position)
    )
    found: dict[int, list[str]] = {}
    for cid, name in conn.execute(stmt):
        found.setdefault(cid, []).append(name)
    return {cid: tuple(names) for cid, names in found.items()}


def _record(row: Row[Any], figures: Sequence[FigureRecord],
            via: tuple[str, ...] = ()) -> ClaimRecord:
    return ClaimRecord(
        id=row.id,
        article_id=row.article_id,
        article=row.article_name,
        text=row.text,
        start=row.start,
        end=row.end,
        source=row.source_name,
        source_type=row.source_type,
        cue=row.cue,
        status=row.status,
        version=row.version,
        figures=tuple(figures),
        dismissed=bool(row.dismissed),
        article_hash=row.article_hash,
        via=via,
    )


def _conditions(
    *,
    source_id: int | None = None,
    status: str | None = None,
    article: str | int | None = None,
    reviewer: str | None = None,
    search: str | None = None,
    include_dismissed: bool = False,
    since: str | None = None,
    until: str | None = None,
    value: float | None = None,
    include_retracted: bool = False,
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if source_id is not None:  # its own claims and those it is in the chain of
        conditions.append(or_(claim.c.source_id == source_id, claim.c.id.in_(
            select(claim_via.c.claim_id).where(claim_via.c.source_id == source_id))))
    if status is not None:
        conditions.append(claim.c.status == status)
    if article is not None:
        conditions.append(article_condition(article))
    if reviewer is not None:
        conditions.append(
            claim.c.id.in_(select(verdict.c.claim_id).where(verdict.c.reviewer == reviewer))
        )
    conditions += desk_conditions(search=search, since=since, until=until, value=value)
    if not include_dismissed:
        conditions.append(claim.c.dismissed.is_(False))
    conditions.append(claim.c.superseded.is_(None))
    if not include_retracted:
        conditions.append(live_articles())
    return conditions


def list_claims(
    store: Store,
    *,
    source_id: int | None = None,
    status: str | None = None,
    article: str | int | None = None,
    reviewer: str | None = None,
    search: str | None = None,
    limit: int | None = None,
    include_dismissed: bool = False,
    since: str | None = None,
    until: str | None = None,
    value: float | None = None,
    include_retracted: bool = False,
) -> list[ClaimRecord]:
    """Claims matching every filter given, in article then reading order.

    Filters: `source_id`, `status`, `article` (a name, an origin or a numeric id as
    text, or an article id as an int: what `resolve_article` found for a user's
    `--article`), `reviewer` (claims that reviewer has recorded anything on), `search`
    (words the text must all contain, case, accents and quote styles ignored),
    `since`/`until` (publication dates), `value` (a figure's interval holds it),
    `include_dismissed`, `include_retracted` (claims of retracted articles, left out
    otherwise: only `articles show` reads them).
    """
    conditions = _conditions(source_id=source_id, status=status, article=article,
                             reviewer=reviewer, search=search,
                             include_dismissed=include_dismissed, since=since, until=until,
                             value=value, include_retracted=include_retracted)
    stmt = _claims_select().where(*conditions).order_by(claim.c.article_id, claim.c.seq)
    if limit is not None:
        stmt = stmt.limit(limit)
    with store.read() as conn:
        register_fold(conn)
        rows = conn.execute(stmt).all()
        if not rows:
            return []
        ids = stmt.with_only_columns(claim.c.id)
        figures = _figures_for(conn, ids)
        via = via_for(conn, ids)
    return [_record(r, figures.get(r.id, ()), via.get(r.id, ())) for r in rows]


def count_claims(store: Store, **filters: Any) -> int:
    """How many claims `list_claims` gives with these filters and no limit."""
    stmt = (
        select(func.count())
        .select_from(claim.join(tables.article, claim.c.article_id == tables.article.c.id))
        .where(*_conditions(**filters))
    )
    with store.read() as conn:
        register_fold(conn)
        return int(conn.execute(stmt).scalar_one())


def article_record(r: Row[Any]) -> ArticleRecord:
    return ArticleRecord(
        id=r.id,
        name=r.name,
        origin=r.origin,
        content_hash=r.content_hash,
        extractor_version=r.extractor_version,
        title=r.title,
        url=r.url,
        publisher=r.publisher,
        published=r.published,
        ingested_at=r.ingested_at,
        retracted=bool(r.retracted),
    )


def articles_by_id(conn: Connection, ids: Sequence[int]) -> dict[int, ArticleRecord]:
    """The articles with these ids (their text left out), read a page of ids at a time."""
    cols = [c for c in tables.article.c if c.name != "text"]
    found: dict[int, ArticleRecord] = {}
    for page in pages(ids):
        for r in conn.execute(select(*cols).where(tables.article.c.id.in_(page))):
            found[r.id] = article_record(r)
    return found


def get_claim(store: Store, claim_id: int) -> ClaimDetail | None:
    """A claim with its article (and text), figures, relations and history."""
    art = tables.article
    with store.read() as conn:
        row = conn.execute(_claims_select().where(claim.c.id == claim_id)).first()
        if row is None:
            return None
        one = select(claim.c.id).where(claim.c.id == claim_id)
        figures = _figures_for(conn, one)
        via = via_for(conn, one).get(claim_id, ())
        article_row = conn.execute(select(art).where(art.c.id == row.article_id)).one()
        figs = figures.get(claim_id, [])
        relations = relations_touching(conn, [f.id for f in figs])
        history = history_rows(conn, claim_id)
    return ClaimDetail(
        claim=_record(row, figs, via),
        article=article_record(article_row),
        article_text=article_row.text,
        relations=tuple(relations),
        history=tuple(history),
    )


def get_article(store: Store, ref: str) -> ArticleRecord | None:
    """An article by name, origin or numeric id (the oldest, when a name repeats)."""
    art = tables.article
    cols = [c for c in art.c if c.name != "text"]
    with store.read() as conn:
        row = conn.execute(
            select(*cols).where(article_condition(ref)).order_by(art.c.id).limit(1)
        ).first()
    return None if row is None else article_record(row)


def list_sources(store: Store) -> list[SourceRecord]:
    with store.read() as conn:
        return source_records(conn)


def resolve_source(store: Store, query: str) -> SourceRecord:
    """The source `--source` denotes (`claims.store.source_lookup.pick_source`)."""
    with store.read() as conn:
        keys = collect(
            conn.execute(select(source.c.id, source.c.name).order_by(source.c.id)),
            conn.execute(select(source_alias.c.source_id, source_alias.c.alias)
                         .order_by(source_alias.c.id)),
        )
        return source_records(conn, [pick_source(query, keys)])[0]


def _by_count(rows: Sequence[Sequence[Any]], none_as: str = "") -> dict[str, int]:
    """Largest count first, ties by name in code-point order: decided here, not by the
    backend, whose collation and NULL placement differ (SQLite sorts NULL first,
    PostgreSQL last; "Zeta" and "ábc" sort by locale on PostgreSQL)."""
    counted = [(none_as if r[0] is None else str(r[0]), int(r[1])) for r in rows]
    return dict(sorted(counted, key=lambda item: (-item[1], item[0])))


def stats(store: Store) -> dict[str, dict[str, int]]:
    """Counts of live claims (not dismissed, not superseded, not in a retracted article)
    by status, source and article, and of recorded verdicts by reviewer. Claims in the
    article's own voice count under "(article)".

    One order on every backend: statuses in workflow order (`Status`), the others by
    count, largest first, then by name in code-point order.
    """
    art = tables.article
    live = claim.c.dismissed.is_(False) & claim.c.superseded.is_(None) & in_live_article()
    n = func.count().label("n")
    with store.read() as conn:
        by_status = conn.execute(
            select(claim.c.status, n).where(live).group_by(claim.c.status)
        ).all()
        by_source = conn.execute(
            select(source.c.name, n)
            .select_from(claim.outerjoin(source, claim.c.source_id == source.c.id))
            .where(live)
            .group_by(source.c.name)
        ).all()
        by_article = conn.execute(
            select(art.c.name, n)
            .select_from(claim.join(art, claim.c.article_id == art.c.id))
            .where(live)
            .group_by(art.c.name)
        ).all()
        by_reviewer = conn.execute(
            select(verdict.c.reviewer, n)
            .where(verdict.c.kind == "verdict")
            .group_by(verdict.c.reviewer)
        ).all()
    workflow = {s.value: i for i, s in enumerate(Status)}
    statuses = sorted(by_status, key=lambda r: (workflow.get(r[0], len(workflow)), r[0]))
    return {
        "by_status": {r[0]: int(r[1]) for r in statuses},
        "by_source": _by_count(by_source, OWN_VOICE),
        "by_article": _by_count(by_article),
        "by_reviewer": _by_count(by_reviewer),
    }

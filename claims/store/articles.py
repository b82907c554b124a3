"""Articles as objects a desk works with: listed with their counts, read whole with their
claims, their metadata corrected (and each correction recorded).

Retraction and purging are `retraction`'s; this module reads and edits.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.engine import Connection

from claims.core.reconcile.consistency import iter_check
from claims.core.text.dateline import iso_date
from claims.errors import InputError
from claims.records import ArticleEvent, ArticleRecord, ArticleSummary, ClaimRecord, Removal
from claims.store.engine import Store
from claims.store.frames import set_article_day
from claims.store.paging import pages
from claims.store.queries import article_record, list_claims
from claims.store.relations import iter_check_groups, load_acks
from claims.store.retraction import EDIT, last_removal, record_event
from claims.store.tables import article, article_event, claim, verdict

EDITABLE = ("title", "url", "publisher", "published")


def list_articles(store: Store) -> list[ArticleSummary]:
    """Every stored article, oldest first, with its live claims, verdicts and findings.

    Findings are those `check-consistency` reports (its relations, never a retracted
    article's) that are not `consistent`, counted once per article they touch.
    """
    findings: dict[int, int] = {}
    touched_claims: list[set[int]] = [
        {f.claim for f in found.figures}
        for found in iter_check(iter_check_groups(store), load_acks(store))
        if found.outcome != "consistent"
    ]
    cols = [c for c in article.c if c.name != "text"]
    live = claim.c.dismissed.is_(False) & claim.c.superseded.is_(None)
    with store.read() as conn:
        rows = conn.execute(select(*cols).order_by(article.c.id)).all()
        claims_n: dict[int, int] = {r[0]: r[1] for r in conn.execute(
            select(claim.c.article_id, func.count()).where(live).group_by(claim.c.article_id))}
        verdicts_n: dict[int, int] = {r[0]: r[1] for r in conn.execute(
            select(claim.c.article_id, func.count())
            .select_from(verdict.join(claim, verdict.c.claim_id == claim.c.id))
            .where(verdict.c.kind == "verdict")
            .group_by(claim.c.article_id))}
        owner = _articles_of(conn, sorted(set().union(*touched_claims)))
        removals = {r.id: last_removal(conn, r.content_hash) for r in rows if r.retracted}
    for claims in touched_claims:
        for aid in {owner[c] for c in claims if c in owner}:
            findings[aid] = findings.get(aid, 0) + 1
    return [
        ArticleSummary(
            article=article_record(r),
            claims=int(claims_n.get(r.id, 0)),
            verdicts=int(verdicts_n.get(r.id, 0)),
            findings=findings.get(r.id, 0),
            removal=_removal(removals.get(r.id)) if r.retracted else None,
        )
        for r in rows
    ]


def _removal(found: tuple[Removal, str] | None) -> Removal:
    return found[0] if found is not None else Removal("unknown time", "unknown", None)


def _articles_of(conn: Connection, claim_ids: Sequence[int]) -> dict[int, int]:
    owner: dict[int, int] = {}
    for page in pages(claim_ids):
        rows = conn.execute(select(claim.c.id, claim.c.article_id).where(claim.c.id.in_(page)))
        owner.update({r.id: r.article_id for r in rows})
    return owner


@dataclass(frozen=True)
class ArticleView:
    """What `claims articles show` prints: the article, its text, its claims in reading
    order (dismissed ones too, marked), and its record (retractions, edits)."""

    article: ArticleRecord
    text: str
    claims: tuple[ClaimRecord, ...]
    events: tuple[ArticleEvent, ...]
    removal: Removal | None


def article_view(store: Store, article_id: int) -> ArticleView:
    claims = list_claims(store, article=article_id, include_dismissed=True,
                         include_retracted=True)
    with store.read() as conn:
        row = conn.execute(select(article).where(article.c.id == article_id)).one()
        events = conn.execute(
            select(article_event).where(article_event.c.content_hash == row.content_hash)
            .order_by(article_event.c.id)
        ).all()
        removal = last_removal(conn, row.content_hash) if row.retracted else None
    return ArticleView(
        article=article_record(row),
        text=row.text,
        claims=tuple(claims),
        events=tuple(_event(e) for e in events),
        removal=_removal(removal) if row.retracted else None,
    )


def _event(r: Any) -> ArticleEvent:
    return ArticleEvent(r.id, r.article_id, r.name, r.action, r.at, r.reviewer, r.note, r.detail)


def edit_article(
    store: Store, *, article_id: int, changes: Mapping[str, str | None], reviewer: str,
    note: str | None = None,
) -> ArticleRecord:
    """Set any of title, url, publisher, published ("" clears one); the change is
    recorded with what it replaced. Nothing to change is an input error."""
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise InputError(f"an article has no field {unknown[0]!r}")
    values = {k: (v.strip() or None) if isinstance(v, str) else v for k, v in changes.items()}
    if values.get("published"):
        values["published"] = iso_date(str(values["published"]))
    cols = [c for c in article.c if c.name != "text"]
    with store.write() as conn:
        row = conn.execute(select(*cols).where(article.c.id == article_id)).one()
        before = {k: getattr(row, k) for k in values}
        changed = {k: v for k, v in values.items() if before[k] != v}
        if not changed:
            raise InputError(f"article {row.name} already has these values")
        conn.execute(update(article).where(article.c.id == article_id).values(**changed))
        if "published" in changed:
            set_article_day(conn, article_id, changed["published"])
        detail = {"from": {k: before[k] for k in changed}, "to": changed}
        record_event(conn, row=row, action=EDIT, reviewer=reviewer, note=note, detail=detail)
        return article_record(conn.execute(select(*cols).where(article.c.id == article_id)).one())

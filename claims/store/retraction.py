"""Retracting an article: its claims leave lists, queues and checks; nothing is lost.

An article ingested by mistake (a README in the folder) or withdrawn by its publisher is
retracted, not deleted: `article.retracted` takes its claims out of `list`, `review`,
`stats`, `check-consistency`, `report` and `export`, while their history stays, and an
`article_event` row says who did it, when and why. Only an article no reviewer has
touched (no verdict or correction on its claims, no relation a reviewer declared or
decided) may be purged, which deletes its rows; the event row outlives it, so ingesting
the same text again is recognised and refused unless the user asks to restore it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import ColumnElement, delete, func, insert, or_, select, update
from sqlalchemy.engine import Connection

from claims.errors import InputError, NotFound
from claims.records import ArticleRecord, IngestOutcome, Removal
from claims.store.duplicates import duplicates_of
from claims.store.engine import Store
from claims.store.ingest import find_article, now_utc
from claims.store.queries import article_record
from claims.store.tables import (
    article,
    article_event,
    claim,
    claim_duplicate,
    claim_via,
    figure,
    relation,
    relation_member,
    review_position,
    verdict,
)

RETRACT, RESTORE, PURGE, EDIT = "retract", "restore", "purge", "edit"
REMOVALS = (RETRACT, RESTORE, PURGE)


# --- the record -------------------------------------------------------------------------


def record_event(
    conn: Connection,
    *,
    row: Any,
    action: str,
    reviewer: str,
    note: str | None,
    detail: Mapping[str, Any] | None = None,
) -> None:
    """Append one `article_event` row for the article `row` (id, name, content_hash)."""
    conn.execute(
        insert(article_event).values(
            article_id=row.id,
            content_hash=row.content_hash,
            name=row.name,
            action=action,
            at=now_utc(),
            reviewer=reviewer,
            note=note,
            detail=json.dumps(dict(detail), sort_keys=True) if detail is not None else None,
        )
    )


def last_removal(conn: Connection, content_hash: str) -> tuple[Removal, str] | None:
    """The retraction or purge in force for a text (none followed by a restore), with
    the article's name at the time."""
    row = conn.execute(
        select(article_event)
        .where(article_event.c.content_hash == content_hash, article_event.c.action.in_(REMOVALS))
        .order_by(article_event.c.at.desc(), article_event.c.id.desc())
        .limit(1)
    ).first()
    if row is None or row.action == RESTORE:
        return None
    return Removal(row.at, row.reviewer, row.note, purged=row.action == PURGE), row.name


def _article_row(conn: Connection, article_id: int) -> Any:
    cols = [c for c in article.c if c.name != "text"]
    row = conn.execute(select(*cols).where(article.c.id == article_id)).first()
    if row is None:
        raise NotFound(f"no article with id {article_id}")
    return row


# --- retract, restore, purge ------------------------------------------------------------


def retract_article(
    store: Store, *, article_id: int, reviewer: str, note: str | None = None
) -> ArticleRecord:
    """Take the article's claims out of lists, queues and checks; keep everything."""
    with store.write() as conn:
        row = _article_row(conn, article_id)
        if row.retracted:
            raise InputError(f"article {row.name} is already retracted")
        conn.execute(update(article).where(article.c.id == article_id).values(retracted=True))
        record_event(conn, row=row, action=RETRACT, reviewer=reviewer, note=note)
        return article_record(_article_row(conn, article_id))


def restore_article(
    store: Store, *, article_id: int, reviewer: str, note: str | None = None
) -> ArticleRecord:
    """Bring a retracted article's claims back (`ingest --restore`)."""
    with store.write() as conn:
        row = _article_row(conn, article_id)
        if not row.retracted:
            raise InputError(f"article {row.name} is not retracted")
        conn.execute(update(article).where(article.c.id == article_id).values(retracted=False))
        record_event(conn, row=row, action=RESTORE, reviewer=reviewer, note=note)
        return article_record(_article_row(conn, article_id))


def retracted_duplicates(store: Store, claim_id: int) -> list[int]:
    """The linked duplicates of `claim_id` whose article is retracted, ascending: a
    verdict propagated from a live claim leaves them alone, as it does dismissed ones."""
    with store.read() as conn:
        linked = duplicates_of(conn, claim_id)
        if not linked:
            return []
        rows = conn.execute(
            select(claim.c.id)
            .join(article, article.c.id == claim.c.article_id)
            .where(claim.c.id.in_(linked), article.c.retracted.is_(True))
            .order_by(claim.c.id)
        )
        return [r[0] for r in rows]


@dataclass(frozen=True)
class Purged:
    name: str
    claims: int
    figures: int
    relations: int


def purge_article(
    store: Store, *, article_id: int, reviewer: str, note: str | None = None
) -> Purged:
    """Delete an article no reviewer has touched, keeping the record of its removal.

    Refused (exit 2, nothing deleted) when a verdict or correction is recorded on any of
    its claims, or a relation touching its figures was declared or decided by a
    reviewer: their work would go with it, so such an article can only be retracted.
    """
    with store.write() as conn:
        row = _article_row(conn, article_id)
        claim_ids = select(claim.c.id).where(claim.c.article_id == article_id)
        figure_ids = select(figure.c.id).where(figure.c.claim_id.in_(claim_ids))
        touched = [r[0] for r in conn.execute(
            select(verdict.c.claim_id).where(verdict.c.claim_id.in_(claim_ids))
            .group_by(verdict.c.claim_id).order_by(verdict.c.claim_id).limit(5))]
        if touched:
            listed = ", ".join(map(str, touched))
            raise InputError(
                f"article {row.name} has reviewers' work on claim{'s' if len(touched) > 1 else ''}"
                f" {listed}: it can be retracted (without --purge), not purged"
            )
        related = select(relation_member.c.relation_id).where(
            relation_member.c.figure_id.in_(figure_ids))
        decided = conn.execute(
            select(relation.c.id).where(relation.c.id.in_(related), or_(
                relation.c.origin != "inferred", relation.c.state != "proposed"))
            .order_by(relation.c.id).limit(1)
        ).first()
        if decided is not None:
            raise InputError(
                f"article {row.name} has figures in relation {decided[0]}, which a reviewer "
                "declared or decided: it can be retracted (without --purge), not purged"
            )
        rel_ids = [
            r[0] for r in conn.execute(select(relation.c.id).where(relation.c.id.in_(related)))
        ]
        counts = Purged(
            name=row.name,
            claims=_count(conn, claim.c.article_id == article_id, claim),
            figures=_count(conn, figure.c.claim_id.in_(claim_ids), figure),
            relations=len(rel_ids),
        )
        if rel_ids:
            conn.execute(delete(relation_member).where(relation_member.c.relation_id.in_(rel_ids)))
            conn.execute(delete(relation).where(relation.c.id.in_(rel_ids)))
        conn.execute(delete(review_position).where(review_position.c.claim_id.in_(claim_ids)))
        conn.execute(delete(claim_duplicate).where(or_(
            claim_duplicate.c.claim_id.in_(claim_ids),
            claim_duplicate.c.other_claim_id.in_(claim_ids))))
        conn.execute(delete(claim_via).where(claim_via.c.claim_id.in_(claim_ids)))
        conn.execute(delete(figure).where(figure.c.claim_id.in_(claim_ids)))
        conn.execute(delete(claim).where(claim.c.article_id == article_id))
        conn.execute(delete(article).where(article.c.id == article_id))
        record_event(conn, row=row, action=PURGE, reviewer=reviewer, note=note)
    store.registry_cache = None  # the registry did not change, but its counts did
    return counts


def _count(conn: Connection, where: ColumnElement[bool], table: Any) -> int:
    return int(conn.execute(select(func.count()).select_from(table).where(where)).scalar_one())


# --- ingest -----------------------------------------------------------------------------


def stored_outcome(
    store: Store, content_hash: str, *, restore: bool = False, reviewer: str = "unknown"
) -> IngestOutcome | None:
    """What ingest should report for a text before extracting it: None (extract and
    store it), the stored article (unchanged), or, for a retracted text, an outcome
    with `retracted` set and nothing stored.

    With `restore`, a retracted article still stored comes back here; a purged one
    returns None, so it is extracted and stored again (`note_restored` then records it).
    """
    with store.read() as conn:
        found = find_article(conn, content_hash)
        live = found is None or not conn.execute(
            select(article.c.retracted).where(article.c.id == found.article_id)
        ).scalar_one()
        removal = None if found is not None and live else last_removal(conn, content_hash)
    if found is not None and live:
        return found
    if removal is None:  # retracted with no record (a hand-edited database): honour the flag
        if found is None:
            return None
        removal = (Removal("unknown time", "unknown", None), found.name)
    if not restore:
        return IngestOutcome(
            found.article_id if found else 0, found.name if found else removal[1], new=False,
            claims=0, figures=0, sources=0, retracted=removal[0],
        )
    if found is None:
        return None
    restore_article(store, article_id=found.article_id, reviewer=reviewer,
                    note="restored by ingest --restore")
    return replace(found, restored=True)


def note_restored(
    store: Store, outcome: IngestOutcome, content_hash: str, reviewer: str
) -> IngestOutcome:
    """After a purged text was stored again with `ingest --restore`: record it."""
    with store.write() as conn:
        if last_removal(conn, content_hash) is None:
            return outcome
        row = _article_row(conn, outcome.article_id)
        record_event(conn, row=row, action=RESTORE, reviewer=reviewer,
                     note="stored again by ingest --restore")
    return replace(outcome, restored=True)

"""Where a reviewer stopped in a review queue, so `claims review` resumes there.

One bookmark per reviewer and queue (`scope`: the queue's filters), replaced as they
move on and cleared when they reach the end. A bookmark is not history: it is the only
thing `claims review` writes besides verdicts and corrections.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from claims.records import ClaimRecord
from claims.store.engine import Store
from claims.store.ingest import now_utc
from claims.store.queries import get_claim
from claims.store.tables import review_position
from claims.store.workflow import queue_key


def queue_scope(*, source_id: int | None, article_id: int | None) -> str:
    """The bookmark's key for a queue: its filters, by id."""
    return f"source={source_id or ''};article={article_id or ''}"


def get_position(store: Store, *, reviewer: str, scope: str) -> int | None:
    with store.read() as conn:
        return conn.execute(
            select(review_position.c.claim_id).where(
                review_position.c.reviewer == reviewer, review_position.c.scope == scope)
        ).scalar_one_or_none()


def set_position(store: Store, *, reviewer: str, scope: str, claim_id: int) -> None:
    upsert = pg_insert if store.dialect == "postgresql" else sqlite_insert
    values = {"claim_id": claim_id, "at": now_utc()}
    stmt = upsert(review_position).values(reviewer=reviewer, scope=scope, **values)
    with store.write() as conn:
        conn.execute(stmt.on_conflict_do_update(
            index_elements=[review_position.c.reviewer, review_position.c.scope], set_=values))


def clear_position(store: Store, *, reviewer: str, scope: str) -> None:
    with store.write() as conn:
        conn.execute(delete(review_position).where(
            review_position.c.reviewer == reviewer, review_position.c.scope == scope))


def resume(
    store: Store, queue: Sequence[ClaimRecord], claim_id: int
) -> tuple[list[ClaimRecord], int]:
    """The queue turned to start where the reviewer stopped, and the 0-based position
    it starts from in queue order: at `claim_id` if it is still waiting, else at the
    next claim after it (claims skipped before it come last)."""
    ids = [c.id for c in queue]
    if claim_id in ids:
        at = ids.index(claim_id)
    else:
        detail = get_claim(store, claim_id)
        if detail is None:
            return list(queue), 0
        key = queue_key(detail.claim)
        at = next((i for i, c in enumerate(queue) if queue_key(c) > key), 0)
    return [*queue[at:], *queue[:at]], at

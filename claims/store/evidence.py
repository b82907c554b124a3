"""Evidence snapshots: stored with the verdict that cites them, read back per claim, and
the set of pages `evidence check` watches.

Bodies are content-addressed (`evidence_body`, keyed by SHA-256), so one body cited by
many verdicts is stored once; a snapshot row (`evidence_snapshot`) ties one retrieval of
one link to one verdict row. Both tables are insert-only (database triggers refuse the
rest), like the verdict history they belong to.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Row

from claims.errors import NotFound
from claims.evidence import EvidenceItem, PageSnapshot, WatchedPage
from claims.records import VerdictRecord
from claims.store import verdicts
from claims.store.engine import Store
from claims.store.paging import pages
from claims.store.tables import claim, evidence_body, evidence_snapshot, verdict
from claims.store.verdicts import busy_retried


def save_snapshots(
    conn: Connection, *, verdict_id: int, snapshots: Iterable[PageSnapshot]
) -> int:
    """Store each snapshot for `verdict_id` inside the caller's transaction; a body already
    stored (same SHA-256) is not stored again. Returns the number of snapshot rows."""
    rows = list(snapshots)
    if not rows:
        return 0
    bodies = {s.sha256: {"sha256": s.sha256, "size": s.size, "text": s.text} for s in rows}
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    conn.execute(
        insert(evidence_body).on_conflict_do_nothing(index_elements=["sha256"]),
        list(bodies.values()),
    )
    conn.execute(
        evidence_snapshot.insert(),
        [
            {
                "verdict_id": verdict_id,
                "url": s.url,
                "retrieved_at": s.retrieved_at,
                "final_url": s.final_url,
                "status": s.status,
                "content_type": s.content_type,
                "sha256": s.sha256,
            }
            for s in rows
        ],
    )
    return len(rows)


def record_verdict_with_snapshots(
    store: Store,
    *,
    claim_id: int,
    status: str,
    reviewer: str,
    note: str | None,
    evidence: Sequence[str],
    expect_version: int | None,
    snapshots: Sequence[PageSnapshot],
) -> VerdictRecord:
    """A verdict and the snapshots of its evidence in one transaction: both or neither."""
    return verdicts.record_verdict(
        store, claim_id=claim_id, status=status, reviewer=reviewer, note=note,
        evidence=tuple(evidence), expect_version=expect_version,
        on_recorded=snapshot_hook(snapshots),
    )


def record_verdicts_with_snapshots(
    store: Store,
    *,
    claim_ids: Sequence[int],
    status: str,
    reviewer: str,
    note: str | None,
    evidence: Sequence[str],
    expect_version: int | None,
    snapshots: Sequence[PageSnapshot],
) -> verdicts.VerdictBatch:
    """`verify ID...` with archived evidence: every verdict and its snapshots in one
    transaction, all or nothing, as `verdicts.record_verdicts` is without them."""
    return verdicts.record_verdicts(
        store, claim_ids=claim_ids, status=status, reviewer=reviewer, note=note,
        evidence=tuple(evidence), expect_version=expect_version,
        on_recorded=snapshot_hook(snapshots),
    )


def snapshot_hook(
    snapshots: Sequence[PageSnapshot],
) -> Callable[[Connection, VerdictRecord], None] | None:
    """What the verdict writers run after each row: store the snapshots with it."""
    if not snapshots:
        return None

    def attach(conn: Connection, row: VerdictRecord) -> None:
        save_snapshots(conn, verdict_id=row.id, snapshots=snapshots)

    return attach


def _snapshot(r: Row[Any]) -> PageSnapshot:
    return PageSnapshot(
        url=r.url,
        retrieved_at=r.retrieved_at,
        final_url=r.final_url,
        status=r.status,
        content_type=r.content_type,
        sha256=r.sha256,
        text=r.text,
        size=r.size,
    )


def _snapshot_select() -> Any:
    return (
        select(
            evidence_snapshot.c.id,
            evidence_snapshot.c.verdict_id,
            evidence_snapshot.c.url,
            evidence_snapshot.c.retrieved_at,
            evidence_snapshot.c.final_url,
            evidence_snapshot.c.status,
            evidence_snapshot.c.content_type,
            evidence_snapshot.c.sha256,
            evidence_body.c.text,
            evidence_body.c.size,
            verdict.c.claim_id,
        )
        .join(evidence_body, evidence_body.c.sha256 == evidence_snapshot.c.sha256)
        .join(verdict, verdict.c.id == evidence_snapshot.c.verdict_id)
    )


def evidence_by_claim(conn: Connection, claim_ids: Sequence[int]) -> dict[int, list[EvidenceItem]]:
    """Each claim's cited links, in the order first cited, with the newest snapshot of
    each link among its own verdicts (a fixed number of queries per 500 claims)."""
    links: dict[int, dict[str, None]] = {}
    newest: dict[tuple[int, str], tuple[tuple[str, int], PageSnapshot]] = {}
    counts: dict[tuple[int, str], int] = {}
    ids = sorted(set(claim_ids))
    for batch in pages(ids):
        history = conn.execute(
            select(verdict.c.claim_id, verdict.c.evidence)
            .where(verdict.c.claim_id.in_(batch))
            .order_by(verdict.c.claim_id, verdict.c.id)
        )
        for cid, evidence in history:
            for url in json.loads(evidence or "[]"):
                links.setdefault(cid, {})[url] = None
        for r in conn.execute(_snapshot_select().where(verdict.c.claim_id.in_(batch))):
            key = (r.claim_id, r.url)
            counts[key] = counts.get(key, 0) + 1
            order = (r.retrieved_at, r.id)
            if key not in newest or order > newest[key][0]:
                newest[key] = (order, _snapshot(r))
    return {
        cid: [
            EvidenceItem(
                url,
                newest[(cid, url)][1] if (cid, url) in newest else None,
                counts.get((cid, url), 0),
            )
            for url in urls
        ]
        for cid, urls in links.items()
    }


def claim_evidence(store: Store, claim_id: int) -> list[EvidenceItem]:
    """A claim's evidence links with their snapshots; `NotFound` for an unknown claim."""
    with store.read() as conn:
        if conn.execute(select(claim.c.id).where(claim.c.id == claim_id)).first() is None:
            raise NotFound(f"no claim with id {claim_id}")
        return evidence_by_claim(conn, [claim_id]).get(claim_id, [])


def watched_pages(store: Store) -> list[WatchedPage]:
    """Every snapshotted link once, with its newest snapshot as the baseline, in the
    order the links were first snapshotted."""
    baseline: dict[str, tuple[tuple[str, int], PageSnapshot]] = {}
    first: dict[str, int] = {}
    claims: dict[str, set[int]] = {}
    citing: dict[str, set[int]] = {}
    with store.read() as conn:
        for r in conn.execute(_snapshot_select().order_by(evidence_snapshot.c.id)):
            first.setdefault(r.url, r.id)
            claims.setdefault(r.url, set()).add(r.claim_id)
            citing.setdefault(r.url, set()).add(r.verdict_id)
            order = (r.retrieved_at, r.id)
            if r.url not in baseline or order > baseline[r.url][0]:
                baseline[r.url] = (order, _snapshot(r))
    return [
        WatchedPage(
            url=url,
            baseline=baseline[url][1],
            claims=tuple(sorted(claims[url])),
            verdicts=tuple(sorted(citing[url])),
        )
        for url in sorted(first, key=first.__getitem__)
    ]


def record_newer(store: Store, updates: Sequence[tuple[WatchedPage, PageSnapshot]]) -> int:
    """`evidence check --update`: the new retrieval of each changed page, recorded for
    every verdict that cites it, beside (never over) the old snapshots. One transaction."""
    if not updates:
        return 0

    def work(conn: Connection) -> int:
        return sum(
            save_snapshots(conn, verdict_id=v, snapshots=[now])
            for page, now in updates
            for v in page.verdicts
        )

    return busy_retried(store, work)

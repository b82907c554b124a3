"""Append-only verdict history with optimistic concurrency.

A verdict row and the claim's new status/version are written in one transaction that
holds the claim (BEGIN IMMEDIATE on SQLite, SELECT … FOR UPDATE on PostgreSQL), so two
reviewers can never both move a claim from the same version. History rows are only ever
inserted; the database triggers refuse anything else.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection, Row

from claims.core.status import Status
from claims.errors import DatabaseBusy, InputError, NotFound, VerdictConflict
from claims.records import VerdictRecord, reverted_id
from claims.store.engine import Store
from claims.store.ingest import now_utc
from claims.store.paging import pages
from claims.store.tables import article, claim, claim_via, figure, verdict

STATUSES = tuple(s.value for s in Status)  # already normalised by the caller
KINDS = ("verdict", "correction")
FIGURE_FIELDS = ("value", "low", "high", "qualifier", "unit", "metric", "frame_event",
                 "frame_role", "frame_actor", "frame_period", "frame_place", "frame_words",
                 "block", "places")
RETRIES = 3
T = TypeVar("T")


def verdict_record(r: Row[Any]) -> VerdictRecord:
    """A `verdict` row as a record (its `detail` read for the row it reverts)."""
    return VerdictRecord(
        id=r.id,
        claim_id=r.claim_id,
        at=r.at,
        reviewer=r.reviewer,
        from_status=r.from_status,
        to_status=r.to_status,
        note=r.note,
        evidence=tuple(json.loads(r.evidence or "[]")),
        version=r.version,
        kind=r.kind,
        reverts=reverted_id(r.detail),
    )


def history_rows(conn: Connection, claim_id: int) -> list[VerdictRecord]:
    rows = conn.execute(
        select(verdict).where(verdict.c.claim_id == claim_id).order_by(verdict.c.id)
    )
    return [verdict_record(r) for r in rows]


def latest_verdicts(conn: Connection, claim_ids: Sequence[int]) -> dict[int, VerdictRecord]:
    """Each claim's most recent verdict row (the one that set its current status;
    corrections are not verdicts), read a page of ids at a time."""
    latest: dict[int, VerdictRecord] = {}
    for page in pages(sorted(claim_ids)):
        rows = conn.execute(
            select(verdict)
            .where(verdict.c.claim_id.in_(page), verdict.c.kind == "verdict")
            .order_by(verdict.c.id)
        )
        for r in rows:
            latest[r.claim_id] = verdict_record(r)
    return latest


def history(store: Store, claim_id: int) -> list[VerdictRecord]:
    """Every verdict and correction on a claim, oldest first."""
    with store.read() as conn:
        exists = conn.execute(select(claim.c.id).where(claim.c.id == claim_id)).first()
        if exists is None:
            raise NotFound(f"no claim with id {claim_id}")
        return history_rows(conn, claim_id)


def record_verdict(
    store: Store,
    *,
    claim_id: int,
    status: str,
    reviewer: str,
    note: str | None = None,
    evidence: Sequence[str] = (),
    expect_version: int | None = None,
    kind: str = "verdict",
    detail: dict[str, Any] | None = None,
    on_recorded: Callable[[Connection, VerdictRecord], None] | None = None,
) -> VerdictRecord:
    """Append a verdict (or a correction) and move the claim to `status`, version + 1.

    A verdict that keeps the status is still recorded. With `expect_version`, a claim
    that has moved on raises `VerdictConflict` naming who moved it. A correction's
    `detail` is applied to the claim in the same transaction:
    `{"source_id": int | None}` re-attributes, `{"dismissed": bool}` dismisses, and
    `{"figure": {"id": int, "value"|"low"|"high"|"qualifier"|"unit"|"metric": …}}` fixes
    one of the claim's figures. The detail is stored as JSON with the row.
    `on_recorded` runs inside the transaction after the row is written, as in
    `record_verdicts`.
    """
    if status not in STATUSES:
        raise InputError(f"unknown status '{status}': use one of {', '.join(STATUSES)}")
    if kind not in KINDS:
        raise InputError(f"unknown history kind '{kind}': use verdict or correction")

    def work(conn: Connection) -> VerdictRecord:
        row = record_in(conn, store.dialect, claim_id=claim_id, status=status,
                        reviewer=reviewer, note=note, evidence=tuple(evidence),
                        expect_version=expect_version, kind=kind, detail=detail)
        if on_recorded is not None:
            on_recorded(conn, row)
        return row

    return busy_retried(store, work)


@dataclass(frozen=True)
class VerdictBatch:
    """What `record_verdicts` wrote, which of those claims are dismissed, and which are
    in a retracted article (claim id → article id). The CLI warns about both: such a
    verdict is kept, but the claim stays out of lists, queues and exports."""

    recorded: tuple[VerdictRecord, ...]
    dismissed: frozenset[int]
    retracted: Mapping[int, int] = field(default_factory=dict)


def record_verdicts(
    store: Store,
    *,
    claim_ids: Sequence[int],
    status: str,
    reviewer: str,
    note: str | None = None,
    evidence: Sequence[str] = (),
    expect_version: int | None = None,
    on_recorded: Callable[[Connection, VerdictRecord], None] | None = None,
) -> VerdictBatch:
    """One verdict on each claim, all or nothing (`claims verify ID...`).

    Every id is checked first: missing ones raise one `NotFound` naming them all, and a
    conflict on any claim (`expect_version`) raises before anything is committed, so a
    typo in the fifth id of a batch never leaves the first four recorded. The verdicts
    are written in one transaction, in the order given (an id given twice counts once).
    `on_recorded` runs inside that transaction after each verdict, so what a caller
    attaches to it (evidence snapshots) is committed with it or not at all.
    """
    if status not in STATUSES:
        raise InputError(f"unknown status '{status}': use one of {', '.join(STATUSES)}")
    ids = tuple(dict.fromkeys(claim_ids))

    def work(conn: Connection) -> VerdictBatch:
        found = lock_claims(conn, store.dialect, ids)
        recorded = []
        for cid in ids:
            row = record_in(conn, store.dialect, claim_id=cid, status=status,
                            reviewer=reviewer, note=note, evidence=tuple(evidence),
                            expect_version=expect_version, kind="verdict", detail=None)
            if on_recorded is not None:
                on_recorded(conn, row)
            recorded.append(row)
        return VerdictBatch(
            tuple(recorded),
            frozenset(i for i in ids if found[i].dismissed),
            {i: found[i].article_id for i in ids if found[i].retracted},
        )

    return busy_retried(store, work)


def lock_claims(conn: Connection, dialect: str, ids: Sequence[int]) -> dict[int, Row[Any]]:
    """Hold every claim of a batch (FOR UPDATE on PostgreSQL; SQLite's write transaction
    already holds the database) and return each one's `dismissed`, `article_id` and
    `retracted` (its article's). A missing id raises one `NotFound` naming them all,
    before anything is written."""
    stmt = (
        select(claim.c.id, claim.c.dismissed, claim.c.article_id, article.c.retracted)
        .join(article, article.c.id == claim.c.article_id)
        .where(claim.c.id.in_(ids))
    )
    if dialect == "postgresql":
        stmt = stmt.with_for_update(of=claim)
    found = {row.id: row for row in conn.execute(stmt)}
    missing = [str(i) for i in ids if i not in found]
    if missing:
        raise NotFound(f"no claim with id {', '.join(missing)}{batch_suffix(ids)}")
    return found


def batch_suffix(ids: Sequence[int]) -> str:
    """What an error in a batch of several claims adds: none of them was recorded."""
    return "; nothing recorded" if len(ids) > 1 else ""


def busy_retried(store: Store, work: Callable[[Connection], T]) -> T:
    """`work` in one write transaction, run again (up to RETRIES) while the database is
    busy: reviewers on one SQLite file queue rather than fail."""
    for attempt in range(RETRIES):
        try:
            with store.write() as conn:
                return work(conn)
        except DatabaseBusy:
            if attempt == RETRIES - 1:
                raise
            time.sleep(0.1 * (attempt + 1))
    raise AssertionError("unreachable")


def record_in(
    conn: Connection,
    dialect: str,
    *,
    claim_id: int,
    status: str,
    reviewer: str,
    note: str | None,
    evidence: tuple[str, ...],
    expect_version: int | None,
    kind: str,
    detail: dict[str, Any] | None,
) -> VerdictRecord:
    """Append one history row inside the caller's write transaction.

    `store.interchange` calls this too, to record a whole import in one transaction:
    keep the signature stable.
    """
    stmt = select(claim.c.status, claim.c.version).where(claim.c.id == claim_id)
    if dialect == "postgresql":
        stmt = stmt.with_for_update()
    current = conn.execute(stmt).first()
    if current is None:
        raise NotFound(f"no claim with id {claim_id}")
    if expect_version is not None and expect_version != current.version:
        raise _conflict(conn, claim_id, current.status, current.version)
    changes: dict[str, Any] = {"status": status, "version": current.version + 1}
    if detail:
        changes.update(_apply_detail(conn, claim_id, detail))
    row = {
        "claim_id": claim_id,
        "at": now_utc(),
        "reviewer": reviewer,
        "from_status": current.status,
        "to_status": status,
        "note": note,
        "evidence": json.dumps(list(evidence)),
        "version": current.version + 1,
        "kind": kind,
        "detail": json.dumps(detail, sort_keys=True) if detail is not None else None,
    }
    new_id = conn.execute(insert(verdict).values(**row)).inserted_primary_key[0]  # type: ignore[index]
    conn.execute(update(claim).where(claim.c.id == claim_id).values(**changes))
    return verdict_record(conn.execute(select(verdict).where(verdict.c.id == new_id)).one())


def _conflict(conn: Connection, claim_id: int, status: str, version: int) -> VerdictConflict:
    last = conn.execute(
        select(verdict.c.reviewer, verdict.c.at)
        .where(verdict.c.claim_id == claim_id)
        .order_by(verdict.c.id.desc())
        .limit(1)
    ).first()
    who, when = (last.reviewer, last.at) if last is not None else ("unknown", "unknown time")
    return VerdictConflict(
        f"claim {claim_id} changed by {who} at {when}; now {status} (version {version})"
    )


def _apply_detail(conn: Connection, claim_id: int, detail: Mapping[str, Any]) -> dict[str, Any]:
    """Claim-column changes for a correction; figure fixes are written here directly."""
    changes: dict[str, Any] = {}
    if "source_id" in detail:  # a reviewer's attribution replaces the extractor's chain
        changes["source_id"] = detail["source_id"]
        conn.execute(delete(claim_via).where(claim_via.c.claim_id == claim_id))
    if "dismissed" in detail:
        changes["dismissed"] = bool(detail["dismissed"])
    fix = detail.get("figure")
    if isinstance(fix, Mapping):
        fid = fix.get("id")
        owned = conn.execute(
            select(figure.c.id).where(figure.c.id == fid, figure.c.claim_id == claim_id)
        ).first()
        if owned is None:
            raise NotFound(f"no figure with id {fid} in claim {claim_id}")
        values = {k: fix[k] for k in FIGURE_FIELDS if k in fix}
        if values:
            conn.execute(update(figure).where(figure.c.id == fid).values(**values))
            from claims.store.duplicate_keys import rekey  # keys → duplicates → verdicts

            rekey(conn, [claim_id])
    return changes

"""Undo without rewriting history: `claims verify ID --revert`.

A wrong verdict is never edited or deleted (the history is append-only, and the database
refuses it). Reverting appends a new verdict row that takes the claim back to the status
it had before the last verdict, naming that verdict's row in its detail
(`{"reverts": 12}`). Reverts stack like an editor's undo: reverting again goes one
verdict further back, never re-applies the one just reverted. Corrections (re-attribution,
figure fixes, dismissal) have their own way back (`claims correct`) and are skipped.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.engine import Connection

from claims.errors import InputError
from claims.records import VerdictRecord
from claims.store.engine import Store
from claims.store.verdicts import batch_suffix, busy_retried, history_rows, lock_claims, record_in


def revert_target(rows: Sequence[VerdictRecord]) -> tuple[VerdictRecord, VerdictRecord | None]:
    """(the verdict a revert undoes, the verdict that set the status it returns to).

    The undo stack: each verdict is pushed, each revert pops the verdict it names.
    """
    stack: list[VerdictRecord] = []
    for row in rows:
        if row.kind != "verdict":
            continue
        if row.reverts is not None:
            stack = [v for v in stack if v.id != row.reverts]
        else:
            stack.append(row)
    if not stack:
        raise InputError("no verdict left to revert")
    return stack[-1], (stack[-2] if len(stack) > 1 else None)


def revert_verdicts(
    store: Store,
    *,
    claim_ids: Sequence[int],
    reviewer: str,
    note: str | None = None,
    expect_version: int | None = None,
) -> list[tuple[VerdictRecord, VerdictRecord]]:
    """Revert the last verdict of each claim, all or nothing, in one transaction;
    returns (new row, the row it reverts) pairs in the order given.

    The new row carries the evidence links of the verdict whose status it restores, so
    an export after a revert still cites what that verdict cited.
    """
    ids = tuple(dict.fromkeys(claim_ids))

    def work(conn: Connection) -> list[tuple[VerdictRecord, VerdictRecord]]:
        lock_claims(conn, store.dialect, ids)
        done = []
        for cid in ids:
            try:
                target, before = revert_target(history_rows(conn, cid))
            except InputError:
                raise InputError(
                    f"claim {cid} has no verdict to revert{batch_suffix(ids)}") from None
            evidence = before.evidence if before is not None else ()
            row = record_in(conn, store.dialect, claim_id=cid, status=target.from_status,
                            reviewer=reviewer, note=note, evidence=tuple(evidence),
                            expect_version=expect_version, kind="verdict",
                            detail={"reverts": target.id})
            done.append((row, target))
        return done

    return busy_retried(store, work)

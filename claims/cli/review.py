"""`claims verify`, `history` and `stats`: recording and reading verdicts."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from claims.cli.base import app
from claims.cli.claims_cmds import parse_id
from claims.cli.common import (
    TableFormat,
    err_console,
    open_db,
    open_db_for_reading,
    out_console,
    write,
)
from claims.errors import InputError

if TYPE_CHECKING:
    from claims.evidence import PageSnapshot
    from claims.store import Store


@app.command("verify")
def verify(
    ids: Annotated[list[str], typer.Argument(metavar="ID", help="Claim ids.")],
    status: Annotated[
        str | None,
        typer.Option(
            help="supported, refuted, misleading, unverifiable, disputed, in_review, "
            "unverified (also true/verified, false). Asked for on a terminal if omitted."
        ),
    ] = None,
    note: Annotated[str | None, typer.Option(help="Why: what you found.")] = None,
    evidence: Annotated[
        list[str] | None, typer.Option(help="A link to the evidence (repeatable).")
    ] = None,
    snapshot: Annotated[
        bool,
        typer.Option(
            help="Fetch each --evidence page now and archive it with the verdict "
            "(`claims evidence show ID`)."
        ),
    ] = False,
    reviewer: Annotated[
        str | None, typer.Option(help="Who you are (default: $CLAIMS_REVIEWER, git user.name).")
    ] = None,
    expect_version: Annotated[
        int | None,
        typer.Option(min=1, help="Record only if the claim is still at this version."),
    ] = None,
    propagate: Annotated[
        bool, typer.Option(help="Apply the verdict to the claims linked as duplicates too.")
    ] = False,
    revert: Annotated[
        bool,
        typer.Option(help="Undo the last verdict: a new history row back to the status "
                     "before it, naming the row it reverts (no --status)."),
    ] = False,
) -> None:
    """Record a verdict on one or more claims; every verdict is kept in the history.

    All or nothing: every id is checked first, and nothing is recorded when one is
    missing (exit 2) or has moved past --expect-version (exit 1). --revert undoes the
    last verdict without rewriting history: it records a new row going back to the
    previous status; reverting again goes one verdict further back.

    Example:

        claims verify 16 --status supported --note "Matches the air force's post" \\
            --evidence https://t.me/kpszsu/12345

        claims verify 16 --status refuted --propagate

        claims verify 16 --status supported --evidence https://example.org/report --snapshot

        claims verify 16 --revert --note "wrong claim" --expect-version 3
    """
    from claims.config import resolve_reviewer
    from claims.core.status import parse_status
    from claims.render.review import dismissed_warning, retracted_warning
    from claims.store.evidence import record_verdicts_with_snapshots

    claim_ids = list(dict.fromkeys(parse_id(i) for i in ids))
    if revert:
        _revert(claim_ids, (status, evidence, snapshot, propagate), reviewer, note,
                expect_version)
        return
    if snapshot and not evidence and status is not None:
        raise InputError("--snapshot needs --evidence URL")
    if status is None:
        status, note, evidence = _ask(note, evidence)
    parsed = parse_status(status)
    who = resolve_reviewer(reviewer)
    snapshots = _fetch(evidence) if snapshot else []
    console = err_console()
    with open_db() as store:
        batch = record_verdicts_with_snapshots(
            store, claim_ids=claim_ids, status=parsed.value, reviewer=who, note=note,
            evidence=tuple(evidence or ()), expect_version=expect_version, snapshots=snapshots,
        )
        for v in batch.recorded:
            console.print(f"Claim {v.claim_id}: {v.from_status} → {v.to_status} "
                          f"(version {v.version})", markup=False, highlight=False)
        for cid in sorted(batch.dismissed):
            console.print(dismissed_warning(cid), markup=False, highlight=False, soft_wrap=True)
        for cid, article_id in sorted(batch.retracted.items()):
            console.print(retracted_warning(cid, article_id), markup=False, highlight=False,
                          soft_wrap=True)
        if propagate:
            done = set(claim_ids)
            for cid in claim_ids:
                done.update(_propagate(store, cid, parsed.value, who, evidence, done, snapshots))


def _revert(
    claim_ids: list[int],
    refused: tuple[object, ...],
    reviewer: str | None,
    note: str | None,
    expect_version: int | None,
) -> None:
    """`verify --revert`: one new row per claim, back to the status before its last
    verdict (all or nothing)."""
    from claims.config import resolve_reviewer
    from claims.render.review import reverted_line
    from claims.store.revert import revert_verdicts

    if any(refused):
        raise InputError("--revert takes no --status, --evidence, --snapshot or --propagate: "
                         "it goes back to the status before the last verdict")
    with open_db() as store:
        done = revert_verdicts(store, claim_ids=claim_ids, reviewer=resolve_reviewer(reviewer),
                               note=note, expect_version=expect_version)
    console = err_console()
    for row, target in done:
        console.print(reverted_line(row, target), markup=False, highlight=False, soft_wrap=True)


def _fetch(evidence: list[str] | None) -> list[PageSnapshot]:
    from claims.cli.evidence import fetch_snapshots

    return fetch_snapshots(evidence or [])


def _propagate(
    store: Store,
    cid: int,
    status: str,
    who: str,
    evidence: list[str] | None,
    done: set[int],
    snapshots: list[PageSnapshot],
) -> set[int]:
    """Record the verdict on `cid`'s duplicates; returns the ids it touched. Dismissed
    duplicates and those of retracted articles are left alone, each named."""
    from claims.store.duplicates import dismissed_duplicates, propagate_verdict
    from claims.store.evidence import snapshot_hook
    from claims.store.retraction import retracted_duplicates

    retracted = retracted_duplicates(store, cid)
    rows = propagate_verdict(
        store,
        claim_id=cid,
        status=status,
        reviewer=who,
        evidence=tuple(evidence or ()),
        skip=frozenset(done) | frozenset(retracted),
        on_recorded=snapshot_hook(snapshots),
    )
    for p in rows:
        err_console().print(
            f"Claim {p.claim_id}: {p.from_status} → {p.to_status} (version {p.version}), "
            f"propagated from claim {cid}",
            markup=False,
            highlight=False,
        )
    dismissed = dismissed_duplicates(store, cid)
    for d in dismissed:
        if d not in done:
            err_console().print(
                f"Claim {d}: dismissed, not changed (a duplicate of claim {cid})",
                markup=False,
                highlight=False,
            )
    for d in retracted:
        if d not in done and d not in dismissed:
            err_console().print(
                f"Claim {d}: in a retracted article, not changed (a duplicate of claim {cid})",
                markup=False,
                highlight=False,
            )
    return {p.claim_id for p in rows}


def _ask(note: str | None, evidence: list[str] | None) -> tuple[str, str | None, list[str]]:
    """The interactive form of verify, only where a person can answer."""
    if not sys.stdin.isatty():
        raise InputError("--status is required when not running on a terminal")
    from claims.core.status import Status

    choices = [s.value for s in Status]
    for i, s in enumerate(choices, 1):
        err_console().print(f"  {i}. {s}", markup=False)
    answer = typer.prompt("Status (number or name)", err=True)
    status = (
        choices[int(answer) - 1] if answer.isdigit() and 0 < int(answer) <= len(choices) else answer
    )
    if note is None:
        note = typer.prompt("Note", default="", show_default=False, err=True) or None
    if not evidence:
        link = typer.prompt("Evidence URL", default="", show_default=False, err=True)
        evidence = [link] if link else []
    return status, note, evidence


@app.command("history")
def history(
    claim_id: Annotated[str, typer.Argument(metavar="ID", help="Claim id.")],
    fmt: Annotated[
        TableFormat, typer.Option("--format", help="Output format.")
    ] = TableFormat.table,
) -> None:
    """The verdict history of a claim, oldest first.

    Example:

        claims history 16 --format json
    """
    from claims.render.review import history_json
    from claims.store.verdicts import history as load

    cid = parse_id(claim_id)
    with open_db_for_reading() as store:
        rows = load(store, cid)
    if fmt is TableFormat.json:
        write(history_json(rows))
    else:
        from claims.render.tables import history_table

        out_console().print(history_table(rows))


@app.command("stats")
def stats(
    fmt: Annotated[
        TableFormat, typer.Option("--format", help="Output format.")
    ] = TableFormat.table,
) -> None:
    """Counts by status, source, article and reviewer.

    Example:

        claims stats --format json
    """
    from claims.render.claims import dumps
    from claims.store.queries import stats as load

    with open_db_for_reading() as store:
        data = load(store)
    if fmt is TableFormat.json:
        write(dumps(data))
    else:
        from claims.render.review import stats_tables

        console = out_console()
        for table in stats_tables(data):
            console.print(table)

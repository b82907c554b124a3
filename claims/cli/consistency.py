"""`claims check-consistency`, `relate`, `relations` and `ack`: reconciling figures."""

from __future__ import annotations

import tempfile
from enum import StrEnum
from itertools import chain
from pathlib import Path
from typing import IO, Annotated

import typer

from claims.cli.base import app, make_app
from claims.cli.claims_cmds import parse_id
from claims.cli.common import (
    TableFormat,
    message,
    open_db,
    open_db_for_reading,
    out_console,
    write,
    write_chunks,
)
from claims.render import CheckFormat


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    never = "never"


class Confidence(StrEnum):
    high = "high"
    medium = "medium"
    low = "low"


class Which(StrEnum):
    all = "all"
    accepted = "accepted"


class Kind(StrEnum):
    PARTITION = "partition"
    BOUND = "bound"
    SAME = "same"


class State(StrEnum):
    proposed = "proposed"
    accepted = "accepted"
    rejected = "rejected"


@app.command("check-consistency")
def check_consistency(
    fail_on: Annotated[
        FailOn, typer.Option(help="Exit 1 when a finding reaches this severity.")
    ] = FailOn.error,
    relations: Annotated[
        Which, typer.Option(help="Check proposed and accepted relations, or accepted only.")
    ] = Which.all,
    min_confidence: Annotated[
        Confidence,
        typer.Option(help="The lowest confidence of a proposed relation whose findings can "
                          "fail the gate (declared and accepted relations always can)."),
    ] = Confidence.high,
    article: Annotated[
        str | None,
        typer.Option(help="Only relations touching this article (name, path, id or a unique "
                     "part of the name)."),
    ] = None,
    base_dir: Annotated[
        Path,
        typer.Option(exists=True, file_okay=False, help="Print paths relative to this folder "
                     "where they are under it (default: the current directory)."),
    ] = Path("."),
    fmt: Annotated[CheckFormat, typer.Option("--format", help="Output format.")] = CheckFormat.text,
) -> None:
    """Reconcile related figures: do the parts add up, are bounds kept, do sources agree?

    Exit 0 when nothing reaches --fail-on, 1 when something does. Only gating findings
    fail: those of declared or accepted relations, and of proposals at --min-confidence
    or above; acknowledged findings never fail. Every finding is reported. Formats:
    text, json, github (workflow annotations), junit (a failure for each finding that
    fails the gate), sarif. Paths are relative to --base-dir (the repository root in
    CI), so annotations land on the runner's files.

    Example:

        claims check-consistency --fail-on warning --format github
    """
    from claims.core.reconcile.consistency import iter_check
    from claims.render.checks import Tally
    from claims.render.paths import PathBase
    from claims.store.article_lookup import resolve_article
    from claims.store.relations import iter_check_groups, load_acks

    tally = Tally(fail_on.value)
    with _spool() as report:
        with open_db_for_reading() as store:
            article_id = resolve_article(store, article).id if article is not None else None
            groups = iter_check_groups(store, relations=relations.value, article=article_id)
            findings = tally.counted(PathBase(str(base_dir)).rebased(
                iter_check(groups, load_acks(store), min_confidence.value)))
            for chunk in fmt.body(findings, fail_on.value):  # spooled, not held in memory
                report.write(chunk)
        report.seek(0)
        write_chunks(chain((fmt.head(tally),), iter(lambda: report.read(1 << 20), ""),
                           (fmt.tail(tally),)))
    code = tally.exit_code()
    if code:
        raise typer.Exit(code)


SPOOL_IN_MEMORY = 8 << 20  # characters of report kept in memory before a temporary file


def _spool() -> IO[str]:
    """A temporary file for the findings' text, kept in memory while small.

    A report's head holds counts known only once the last finding is checked. Keeping
    the findings, or their text, until then is what made a million figures cost 500 MB;
    a file costs one write and one read, and no output appears unless the whole report
    is ready (an error halfway prints nothing, as before).
    """
    return tempfile.SpooledTemporaryFile(  # type: ignore[return-value]  # text mode: str
        max_size=SPOOL_IN_MEMORY, mode="w+", encoding="utf-8", errors="surrogatepass", newline=""
    )


@app.command("relate")
def relate(
    kind: Annotated[Kind, typer.Argument(help="partition, bound or same.")],
    figure_ids: Annotated[
        list[str],
        typer.Argument(
            metavar="FIGURE_ID",
            help="partition: TOTAL PART...; bound: SMALLER LARGER; same: A B (ids from `show`).",
        ),
    ],
) -> None:
    """Declare a relation between figures; it is checked as accepted and always gates.

    A relation that already exists over the same figures (declared or proposed, in any
    state) is not added again: the command says which one it is.

    Example:

        claims relate partition 40 41 42 43

        claims relate bound 45 41
    """
    from claims.store.relation_review import declare_relation

    ids = [parse_id(f, "figure") for f in figure_ids]
    with open_db() as store:
        rel, new = declare_relation(store, kind=kind.value, figure_ids=ids)
    members = " ".join(map(str, rel.figure_ids))
    if new:
        message(f"Relation {rel.id}: {rel.kind} of figures {members}.")
    else:
        message(f"Relation {rel.id} already relates these figures ({rel.kind} of figures "
                f"{members}, {rel.origin}, {rel.state}): nothing added.", soft_wrap=True)


relations_app = make_app(no_args_is_help=False)
app.add_typer(relations_app, name="relations",
              help="List, accept, reject or delete numeric relations.")


@relations_app.callback(invoke_without_command=True)
def relations_list(
    ctx: typer.Context,
    state: Annotated[State | None, typer.Option(help="Only relations in this state.")] = None,
    fmt: Annotated[
        TableFormat, typer.Option("--format", help="Output format.")
    ] = TableFormat.table,
) -> None:
    """List relations between figures, proposed by rules or declared by reviewers.

    Each shows its members (figure text, claim id, article), the rule that proposed it,
    its confidence and the frame evidence behind it.

    Example:

        claims relations --state proposed
    """
    if ctx.invoked_subcommand is not None:
        return
    from claims.cli.base import guard

    guard(_print_relations)(state, fmt)


def _print_relations(state: State | None, fmt: TableFormat) -> None:
    from claims.render.relations import relations_json, relations_table
    from claims.store.relation_review import relation_records

    with open_db_for_reading() as store:
        rels = relation_records(store, state=state.value if state else None)
    if fmt is TableFormat.json:
        write(relations_json(rels))
    else:
        out_console().print(relations_table(rels))


def _set_state(relation_id: str, state: str) -> None:
    from claims.store.relation_review import change_state

    rid = parse_id(relation_id, "relation")
    with open_db() as store:
        rel, before = change_state(store, rid, state)
    if before == state:
        message(f"Relation {rel.id} was already {state}.")
    else:
        message(f"Relation {rel.id} is {rel.state} (was {before}).")


@relations_app.command("accept")
def relations_accept(
    relation_id: Annotated[str, typer.Argument(metavar="ID", help="Relation id.")],
) -> None:
    """Accept a relation: it is trusted, so its findings always gate, and `--relations
    accepted` checks it. Accepting a rejected relation revives it.

    Example:

        claims relations accept 1
    """
    _set_state(relation_id, "accepted")


@relations_app.command("reject")
def relations_reject(
    relation_id: Annotated[str, typer.Argument(metavar="ID", help="Relation id.")],
) -> None:
    """Reject a relation: it is not checked while it stays rejected, and re-extraction
    does not propose it again. `relations accept ID` revives it.

    Example:

        claims relations reject 2
    """
    _set_state(relation_id, "rejected")


@relations_app.command("delete")
def relations_delete(
    relation_id: Annotated[str, typer.Argument(metavar="ID", help="Relation id.")],
    note: Annotated[str | None, typer.Option(help="Why.")] = None,
    reviewer: Annotated[
        str | None, typer.Option(help="Who you are (default: $CLAIMS_REVIEWER, git user.name).")
    ] = None,
) -> None:
    """Delete a relation a reviewer declared (`relate`); the deletion is recorded in the
    history of each claim it touched. Proposed relations are rejected, not deleted.

    Example:

        claims relations delete 7 --note "declared on the wrong figure"
    """
    from claims.config import resolve_reviewer
    from claims.store.relation_review import delete_relation

    rid = parse_id(relation_id, "relation")
    with open_db() as store:
        rel = delete_relation(store, rid, reviewer=resolve_reviewer(reviewer), note=note)
    message(f"Relation {rel.id} deleted ({rel.kind} of figures "
            f"{' '.join(map(str, rel.figure_ids))}).", soft_wrap=True)


@app.command("ack")
def ack(
    key: Annotated[str, typer.Argument(metavar="FINDING_KEY", help="The finding's key.")],
    note: Annotated[str, typer.Option(help="Why this finding is acceptable.")],
    reviewer: Annotated[str | None, typer.Option(help="Who acknowledges it.")] = None,
) -> None:
    """Acknowledge a finding: still reported, never fails the gate. The key must be one
    `check-consistency` reports (exit 2 otherwise).

    Example:

        claims ack partition:3f9a1c0d2b4e5f60 --note "11 drones unaccounted for, as reported"
    """
    from claims.config import resolve_reviewer
    from claims.errors import InputError
    from claims.render.safe import clean_for_terminal
    from claims.store.relation_review import acknowledge

    if not note.strip():
        raise InputError("--note must say why the finding is acceptable")
    with open_db() as store:
        acknowledge(store, key=key.strip(), note=note.strip(), reviewer=resolve_reviewer(reviewer))
    message(f"Acknowledged {clean_for_terminal(key.strip())}.", markup=False)

"""`claims sources`: the global source registry, its aliases, merges."""

from __future__ import annotations

from typing import Annotated

import typer

from claims.cli.base import app, make_app
from claims.cli.common import (
    TableFormat,
    message,
    open_db,
    open_db_for_reading,
    out_console,
    write,
)

Reviewer = Annotated[
    str | None, typer.Option(help="Who you are (default: $CLAIMS_REVIEWER, git user.name).")
]
sources_app = make_app(no_args_is_help=False)
alias_app = make_app()
sources_app.add_typer(alias_app, name="alias", help="Add or remove a source's aliases.")
app.add_typer(sources_app, name="sources", help="The source registry, with aliases and counts.")


@sources_app.callback(invoke_without_command=True)
def sources_list(
    ctx: typer.Context,
    fmt: Annotated[
        TableFormat, typer.Option("--format", help="Output format.")
    ] = TableFormat.table,
) -> None:
    """List every source with its type, aliases and claim count.

    Example:

        claims sources

        claims sources --format json
    """
    if ctx.invoked_subcommand is not None:
        return
    from claims.cli.base import guard

    guard(_print_sources)(fmt)


def _print_sources(fmt: TableFormat) -> None:
    from claims.render.claims import sources_json
    from claims.store.queries import list_sources

    with open_db_for_reading() as store:
        sources = list_sources(store)
    if fmt is TableFormat.json:
        write(sources_json(sources))
    else:
        from claims.render.tables import sources_table

        out_console().print(sources_table(sources))


@sources_app.command("merge")
def sources_merge(
    keep: Annotated[str, typer.Argument(help="The source to keep (name or alias).")],
    drop: Annotated[str, typer.Argument(help="The source merged into it.")],
    reviewer: Reviewer = None,
) -> None:
    """Merge source DROP into KEEP: its claims and aliases move, its name becomes an alias.

    The merge is recorded, so `claims sources split KEEP` can undo it.

    Example:

        claims sources merge "Ukrainian Air Force" "Ukraine's military"
    """
    from claims.config import resolve_reviewer
    from claims.render.safe import clean_for_terminal
    from claims.store.queries import resolve_source
    from claims.store.registry_upkeep import merge_recorded

    who = resolve_reviewer(reviewer)
    with open_db() as store:
        a, b = resolve_source(store, keep), resolve_source(store, drop)
        if a.id == b.id:
            from claims.errors import InputError

            raise InputError(f"{keep!r} and {drop!r} are already the same source")
        merge_recorded(store, keep=a.id, drop=b.id, reviewer=who)
    message(f"Merged {clean_for_terminal(b.name)} into {clean_for_terminal(a.name)}.", markup=False)


@alias_app.command("add")
def sources_alias_add(
    source: Annotated[str, typer.Argument(help="Source name or alias.")],
    alias: Annotated[str, typer.Argument(help="The new alias.")],
    reviewer: Reviewer = None,
) -> None:
    """Teach the registry another name for a source.

    Example:

        claims sources alias add ISW "the Institute"
    """
    from claims.config import resolve_reviewer
    from claims.errors import InputError
    from claims.render.safe import clean_for_terminal
    from claims.store.queries import resolve_source
    from claims.store.registry_upkeep import add_alias_recorded

    if not alias.strip():
        raise InputError("the alias must not be empty")
    who = resolve_reviewer(reviewer)
    with open_db() as store:
        s = resolve_source(store, source)
        add_alias_recorded(store, source_id=s.id, alias=alias.strip(), reviewer=who)
    message(
        f"{clean_for_terminal(s.name)} is also {clean_for_terminal(alias.strip())}.", markup=False
    )

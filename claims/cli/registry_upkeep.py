"""`claims sources rename|set-type|split|prune|log` and `sources alias remove`: registry
upkeep, each change recorded (`claims sources log` shows the record)."""

from __future__ import annotations

from typing import Annotated

import typer

from claims.cli.common import TableFormat, message, open_db, open_db_for_reading, out_console, write
from claims.cli.sources import alias_app, sources_app

SourceArg = Annotated[str, typer.Argument(help="Source name or alias.")]
Reviewer = Annotated[
    str | None, typer.Option(help="Who you are (default: $CLAIMS_REVIEWER, git user.name).")
]


@sources_app.command("rename")
def sources_rename(
    old: SourceArg,
    new: Annotated[str, typer.Argument(help="The new canonical name.")],
    reviewer: Reviewer = None,
) -> None:
    """Give a source a new canonical name; the old name stays as an alias.

    Example:

        claims sources rename "Ukraine's military" "Armed Forces of Ukraine"
    """
    from claims.config import resolve_reviewer
    from claims.render.registry import renamed_message
    from claims.store.queries import resolve_source
    from claims.store.registry_upkeep import rename_source

    who = resolve_reviewer(reviewer)
    with open_db() as store:
        found = resolve_source(store, old)
        after = rename_source(store, source_id=found.id, new_name=new, reviewer=who)
    message(renamed_message(found, after), markup=False, soft_wrap=True)


@alias_app.command("remove")
def sources_alias_remove(
    source: SourceArg,
    alias: Annotated[str, typer.Argument(help="The alias to take away.")],
    reviewer: Reviewer = None,
) -> None:
    """Take an alias away from a source; claims already attributed stay where they are.

    Example:

        claims sources alias remove ISW "the Institute"
    """
    from claims.config import resolve_reviewer
    from claims.render.safe import clean_for_terminal
    from claims.store.queries import resolve_source
    from claims.store.registry_upkeep import remove_alias

    who = resolve_reviewer(reviewer)
    with open_db() as store:
        found = resolve_source(store, source)
        _, removed = remove_alias(store, source_id=found.id, alias=alias, reviewer=who)
    message(clean_for_terminal(f"'{removed}' is no longer an alias of {found.name}."),
            markup=False, soft_wrap=True)


@sources_app.command("set-type")
def sources_set_type(
    source: SourceArg,
    source_type: Annotated[
        str,
        typer.Argument(metavar="TYPE", help="government, military, official, politician, "
                       "think_tank, osint, media, organisation, analyst or other."),
    ],
    reviewer: Reviewer = None,
) -> None:
    """Set a source's type.

    Example:

        claims sources set-type ISW think_tank
    """
    from claims.config import resolve_reviewer
    from claims.render.safe import clean_for_terminal
    from claims.store.queries import resolve_source
    from claims.store.registry_upkeep import set_source_type

    who = resolve_reviewer(reviewer)
    with open_db() as store:
        found = resolve_source(store, source)
        after = set_source_type(store, source_id=found.id, type_=source_type, reviewer=who)
    message(clean_for_terminal(f"{after.name}: {found.type} → {after.type}."), markup=False,
            soft_wrap=True)


@sources_app.command("split")
def sources_split(source: SourceArg, reviewer: Reviewer = None) -> None:
    """Undo the last `sources merge` into SOURCE, from its record: the merged source
    comes back with its type and aliases, and the claims the merge moved go back to it
    (those re-attributed since stay where a reviewer put them). Run it again to undo
    an earlier merge.

    Example:

        claims sources split "Ukrainian Air Force"
    """
    from claims.config import resolve_reviewer
    from claims.render.registry import split_message
    from claims.store.queries import resolve_source
    from claims.store.registry_upkeep import split_source

    who = resolve_reviewer(reviewer)
    with open_db() as store:
        found = resolve_source(store, source)
        done = split_source(store, source_id=found.id, reviewer=who)
    message(split_message(done), markup=False, soft_wrap=True)


@sources_app.command("prune")
def sources_prune(
    dry_run: Annotated[bool, typer.Option(help="Only say which sources would go.")] = False,
    reviewer: Reviewer = None,
) -> None:
    """Drop the sources that no claim names any more (after merges, re-attributions,
    purged articles), with their aliases, and say which.

    Example:

        claims sources prune --dry-run
    """
    from claims.config import resolve_reviewer
    from claims.render.registry import pruned_message
    from claims.store.registry_upkeep import prune_sources

    who = resolve_reviewer(reviewer)
    with open_db() as store:
        gone = prune_sources(store, reviewer=who, dry_run=dry_run)
    message(pruned_message(gone, dry_run), markup=False, soft_wrap=True)


@sources_app.command("log")
def sources_log(
    source: Annotated[str | None, typer.Option(help="Only changes touching this source.")] = None,
    fmt: Annotated[
        TableFormat, typer.Option("--format", help="Output format.")
    ] = TableFormat.table,
) -> None:
    """The record of registry changes, oldest first: renames, aliases added and removed,
    types set, merges and splits, prunes; who made each and when.

    Example:

        claims sources log --source ISW --format json
    """
    from claims.render.registry import log_json, log_table
    from claims.store.queries import resolve_source
    from claims.store.registry_upkeep import source_log

    with open_db_for_reading() as store:
        source_id = resolve_source(store, source).id if source is not None else None
        events = source_log(store, source_id=source_id)
    if fmt is TableFormat.json:
        write(log_json(events))
    elif not events:
        message("No registry changes recorded.")
    else:
        out_console().print(log_table(events))

"""`claims evidence show` and `claims evidence check`: archived copies of cited pages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated

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
)
from claims.render import EvidenceCheckFormat

if TYPE_CHECKING:
    from claims.evidence import PageSnapshot

evidence_app = make_app()
app.add_typer(
    evidence_app, name="evidence", help="Evidence links and their archived snapshots."
)


def fetch_snapshots(urls: Sequence[str]) -> list[PageSnapshot]:
    """`verify --snapshot`: fetch each link once; a link that fails is named on stderr and
    the verdict keeps it without a snapshot."""
    from claims.evidence import FetchFailure
    from claims.evidence_fetch import fetch_pages

    snapshots = []
    for url, result in fetch_pages(urls).items():
        if isinstance(result, FetchFailure):
            message(
                f"Warning: no snapshot of {url}: {result.reason}; the link is kept without one",
                soft_wrap=True,
            )
        else:
            snapshots.append(result)
    return snapshots


@evidence_app.command("show")
def evidence_show(
    claim_id: Annotated[str, typer.Argument(metavar="ID", help="Claim id.")],
    fmt: Annotated[
        TableFormat, typer.Option("--format", help="Output format.")
    ] = TableFormat.table,
) -> None:
    """A claim's evidence links, each with its newest archived snapshot.

    The table shows when each page was archived, its HTTP status, the start of its body's
    SHA-256 and an excerpt of the stored text; JSON has the whole text.

    Example:

        claims evidence show 16 --format json
    """
    from claims.render.evidence import evidence_json, evidence_table
    from claims.store.evidence import claim_evidence

    cid = parse_id(claim_id)
    with open_db_for_reading() as store:
        items = claim_evidence(store, cid)
    if fmt is TableFormat.json:
        write(evidence_json(items))
    elif items:
        out_console().print(evidence_table(items))
    else:
        message(f"Claim {cid} has no evidence links.")


@evidence_app.command("check")
def evidence_check(
    fmt: Annotated[
        EvidenceCheckFormat, typer.Option("--format", help="Output format.")
    ] = EvidenceCheckFormat.text,
    update: Annotated[
        bool,
        typer.Option(help="Record a new snapshot of each changed page (the old one is kept)."),
    ] = False,
) -> None:
    """Re-fetch every archived page: is it unchanged, changed or gone?

    Changed means another body (a different SHA-256); gone means a 4xx/5xx answer or no
    answer at all. Exit 1 when any page is changed or gone, 0 otherwise, so a nightly
    job can watch the desk's sources. A check never replaces a stored snapshot.

    Example:

        claims evidence check --format github
    """
    from claims.evidence import PageState, compare, exit_code
    from claims.evidence_fetch import fetch_pages
    from claims.store.evidence import record_newer, watched_pages

    with open_db() if update else open_db_for_reading() as store:
        pages = watched_pages(store)
        if pages:
            message(f"Checking {len(pages)} archived page{'s' if len(pages) > 1 else ''}...",
                    soft_wrap=True)
        fetched = fetch_pages(p.url for p in pages)
        checks = [compare(p, fetched[p.url]) for p in pages]
        updated = None
        if update:
            changed = [(c.page, c.now) for c in checks if c.state is PageState.changed and c.now]
            updated = record_newer(store, changed)
    write(fmt.render(checks, updated=updated))
    if updated:
        message(f"Recorded {updated} new snapshot{'s' if updated > 1 else ''}; "
                "the old ones are kept.", soft_wrap=True)
    code = exit_code(checks)
    if code:
        raise typer.Exit(code)

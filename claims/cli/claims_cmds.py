"""`claims list` and `claims show`: what reviewers run all day."""

from __future__ import annotations

from typing import Annotated

import typer

from claims.cli.base import STATE, app
from claims.cli.common import message, out_console, upgrading_notice, write
from claims.errors import InputError, NotFound
from claims.render import ListFormat

DEFAULT_TABLE_LIMIT = 50


@app.command("list")
def list_claims(
    source: Annotated[
        str | None, typer.Option(help="Source name or alias (case-insensitive, typos tolerated).")
    ] = None,
    status: Annotated[str | None, typer.Option(help="Only claims with this status.")] = None,
    article: Annotated[
        str | None,
        typer.Option(help="Article: name, path, id, or a unique part of the name."),
    ] = None,
    reviewer: Annotated[
        str | None, typer.Option(help="Only claims this reviewer gave a verdict on.")
    ] = None,
    search: Annotated[
        str | None,
        typer.Option(help="Words the claim contains, all of them, in any order (case, "
                     "accents and quote styles ignored)."),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(metavar="YYYY-MM-DD", help="Only articles published on or after this "
                     "day (undated articles are left out)."),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(metavar="YYYY-MM-DD", help="Only articles published on or before this day."),
    ] = None,
    value: Annotated[
        float | None,
        typer.Option(metavar="N", help="Only claims with a figure whose interval holds N "
                     "(\"more than 150\" holds 188)."),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option(min=0, help=f"At most N claims; 0 for all (tables: {DEFAULT_TABLE_LIMIT} "
                     "by default, saying on stderr how many were left out)."),
    ] = None,
    dismissed: Annotated[bool, typer.Option(help="Include dismissed claims.")] = False,
    fmt: Annotated[ListFormat, typer.Option("--format", help="Output format.")] = ListFormat.table,
) -> None:
    """List claims, filtered by source, status, article, reviewer, words, publication
    date or a figure's value.

    Example:

        claims list --source ISW

        claims list --status unverified --format json

        claims list --search "kyiv drones" --since 2024-11-01 --value 188
    """
    from claims.config import resolve_db
    from claims.core.status import parse_status
    from claims.core.text.dateline import iso_date
    from claims.render.claims import shown_of
    from claims.store.fastread import read_claim_page

    days = {k: iso_date(v, f"--{k}") for k, v in (("since", since), ("until", until)) if v}
    if limit is None and fmt is ListFormat.table:
        limit = DEFAULT_TABLE_LIMIT
    claims, total = read_claim_page(
        resolve_db(STATE.db),
        source=source,
        status=parse_status(status).value if status is not None else None,
        article=article,
        reviewer=reviewer,
        search=search,
        limit=limit or None,
        include_dismissed=dismissed,
        value=value,
        **days,
        on_upgrade=upgrading_notice,
        count=fmt is ListFormat.table,  # only a table says what it left out
    )
    rendered = fmt.render(claims)
    if isinstance(rendered, str):
        write(rendered)
        return
    if not claims:
        message("No claims match.")
        return
    out_console().print(rendered)
    if total > len(claims):
        message(shown_of(len(claims), total))


def parse_id(value: str, what: str = "claim") -> int:
    """Ids come from users and scripts: reject anything but a positive integer clearly."""
    text = value.strip()
    if not text.isdigit() or not text.isascii():
        raise InputError(f"{what} id must be a positive whole number, not {value!r}")
    n = int(text)
    if n < 1 or n > 2**63 - 1:
        raise NotFound(f"no {what} with id {text}")
    return n


@app.command("show")
def show(claim_id: Annotated[str, typer.Argument(metavar="ID", help="Claim id.")]) -> None:
    """Show one claim in context: its source, figures, relations and history.

    Example:

        claims show 16
    """
    from claims.config import resolve_db
    from claims.render.tables import claim_detail
    from claims.store.fastread import read_claim_detail

    cid = parse_id(claim_id)
    detail = read_claim_detail(resolve_db(STATE.db), cid, upgrading_notice)
    if detail is None:
        raise NotFound(f"no claim with id {cid}")
    console = out_console()
    for part in claim_detail(detail):
        console.print(part)

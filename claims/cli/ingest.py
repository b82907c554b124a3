"""`claims ingest` and `claims extract`."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from claims.cli.base import app
from claims.cli.common import (
    TableFormat,
    err_console,
    message,
    open_db,
    out_console,
    write_chunks,
)
from claims.errors import InputError

PathsArg = Annotated[
    list[str],
    typer.Argument(
        metavar="PATH",
        help="Files (.txt, .md, .html), folders (searched recursively), URLs, or - for stdin.",
        show_default=False,
    ),
]
Title = Annotated[str | None, typer.Option(help="Article title (stdin has none otherwise).")]
Url = Annotated[str | None, typer.Option(help="Where the article was published.")]
Publisher = Annotated[str | None, typer.Option(help="Who published it.")]
Published = Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")]

PROGRESS_AFTER = 3  # a progress bar is noise for one or two files


@app.command("ingest")
def ingest(
    paths: PathsArg,
    title: Title = None,
    url: Url = None,
    publisher: Publisher = None,
    published: Published = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            help="Worker processes that extract articles while this one stores them, "
            "once a batch has more than 32 new articles (default: CPUs less one; "
            "0: extract here).",
            show_default=False,
        ),
    ] = None,
    restore: Annotated[
        bool,
        typer.Option(help="Bring back an article whose text was retracted "
                     "(`claims articles remove`), instead of refusing it."),
    ] = False,
) -> None:
    """Split articles into claims, attribute them, extract figures, and store them.

    Ingesting the same text twice adds nothing. Each article is stored in one
    transaction; a file that cannot be read is reported and the others go on (exit 2).
    Ctrl-C rolls back the article in progress and reports what was stored (exit 130);
    running the same command again finishes the batch. A text that was retracted is
    reported and not stored, unless --restore. The publication date comes from
    --published, else the page's metadata, else a dateline; ingest says when it finds
    none.

    Example:

        claims ingest seeds/

        claims ingest archive/ --jobs 4

        claims ingest seeds/README.md --restore

        curl -s https://example.org/story.txt | claims ingest - --title "Story"
    """
    from claims.config import resolve_reviewer
    from claims.inputs import iter_inputs
    from claims.pipeline import Provenance, default_jobs, ingest_all
    from claims.render.ingest import IngestReporter

    meta = Provenance(title=title, url=url, publisher=publisher, published=_date(published))
    with open_db() as store, IngestReporter(err_console(), PROGRESS_AFTER) as reporter:
        summary = ingest_all(
            store,
            iter_inputs(paths, stdin=sys.stdin.buffer),
            meta=meta,
            on_item=reporter.item,
            jobs=default_jobs() if jobs is None else jobs,
            restore=resolve_reviewer(None) if restore else None,
        )
    reporter.summary(summary)
    if summary.stopped is not None:
        raise summary.stopped
    if summary.interrupted:
        raise typer.Exit(130)
    if summary.failed:
        raise typer.Exit(2)


@app.command("extract")
def extract_cmd(
    path: Annotated[str, typer.Argument(metavar="PATH", help="One file, URL, or - for stdin.")],
    fmt: Annotated[
        TableFormat, typer.Option("--format", help="Output format.")
    ] = TableFormat.table,
    title: Title = None,
) -> None:
    """Show what `ingest` would store for one article, without storing anything.

    Example:

        claims extract seeds/seed-nato-oreshnik.txt

        echo "The ministry said 40 people died." | claims extract - --format json
    """
    from claims.inputs import InputFailure, iter_inputs
    from claims.pipeline import Provenance, analyse
    from claims.render.claims import extraction_json

    items = list(iter_inputs([path], stdin=sys.stdin.buffer))
    if len(items) != 1:
        raise InputError(f"{path}: extract takes exactly one article ({len(items)} found)")
    item = items[0]
    if isinstance(item, InputFailure):
        raise InputError(item.message)
    extraction = analyse(item, Provenance(title=title))
    for note in extraction.notes:  # a document read in windows: say which one
        message(f"Warning: {item.origin if path == '-' else path}: {note}", soft_wrap=True)
    if fmt is TableFormat.json:
        write_chunks(extraction_json(extraction))
    else:
        from claims.render.tables import extraction_table

        out_console().print(extraction_table(extraction))


def _date(value: str | None) -> str | None:
    """Accept only ISO dates, so ClaimReview and the `same` window get what they need."""
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise InputError(f"--published {value!r} is not a date like 2024-11-26") from None

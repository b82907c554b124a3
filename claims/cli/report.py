"""`claims report`: a readable report of claims, verdicts, evidence, figures and findings."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from claims.cli.base import app
from claims.cli.common import message, open_db_for_reading, write
from claims.errors import InputError
from claims.render import ReportFormat


@app.command("report")
def report(
    article: Annotated[str | None, typer.Option(help="Article name, path or id.")] = None,
    status: Annotated[str | None, typer.Option(help="Only claims with this status.")] = None,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", help="md (Markdown) or html (one file).")
    ] = ReportFormat.md,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write here instead of stdout."),
    ] = None,
) -> None:
    """A report for editors: a summary, then each article's claims with their source,
    verdict, reviewer, note, evidence (with snapshot date and hash), figures and findings.

    The summary counts claims by status and lists the findings that fail the
    consistency gate, then the others to review. HTML is one self-contained file (inline
    styles, no scripts, nothing loaded from the network) that prints well.

    Example:

        claims report --format html -o report.html

        claims report --article seed-nato-oreshnik.txt --status supported
    """
    from claims.core.status import parse_status
    from claims.store.article_lookup import resolve_article
    from claims.store.report import load_report

    wanted = parse_status(status).value if status is not None else None
    with open_db_for_reading() as store:
        chosen = resolve_article(store, article) if article is not None else None
        data = load_report(store, article=chosen, status=wanted)
    text = fmt.render(data)
    if output is None:
        write(text)
    else:
        _save(Path(output), text)
        message(f"Wrote {output} ({data.claim_count} claims).", soft_wrap=True)
    if not data.articles:
        message("No claims match.")


def _save(target: Path, text: str) -> None:
    """Written beside the target and renamed over it when complete: a failed run never
    leaves half a report where the last good one was."""
    if not target.parent.is_dir():
        raise InputError(f"folder does not exist: {target.parent}")
    if target.is_dir():
        raise InputError(f"{target} is a folder; name a file")
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise InputError(f"cannot write {target}: {error.strerror or error}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # as an ordinary new file, not mkstemp's 0600
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

"""`claims dump`, `load`, `export` and `import`: moving a desk's work between machines and
into publishing systems."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO, assert_never

import typer

from claims.cli.base import app
from claims.cli.common import message, open_db, open_db_for_reading, write
from claims.errors import InputError

if TYPE_CHECKING:
    from claims.store.interchange import ExportRow
    from claims.store.snapshot import LoadResult

STDIO = "-"


class ExportFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    claimreview = "claimreview"

    def render(
        self, rows: Sequence[ExportRow], *, review_url: str | None, organization: str | None,
        bom: bool = False,
    ) -> str:
        from claims.render import claims as r

        claims = [row.claim for row in rows]
        match self:
            case ExportFormat.json:
                return r.claims_json(claims)
            case ExportFormat.jsonl:
                from claims.store.snapshot import encode

                return "".join(encode(r.claim_dict(c)) + "\n" for c in claims)
            case ExportFormat.csv:
                return r.claims_csv(claims, bom=bom)
            case ExportFormat.claimreview:
                from claims.render.claimreview import claimreview, embeddable_json

                return embeddable_json(
                    claimreview(rows, review_url=review_url, organization=organization))
            case _:
                assert_never(self)


def _plural(n: int, word: str) -> str:
    if n == 1:
        return f"{n} {word}"
    if word.endswith("y") and word[-2:-1] not in tuple("aeiou"):
        return f"{n} {word[:-1]}ies"
    return f"{n} {word}{'es' if word.endswith('s') else 's'}"


def _say(text: str) -> None:
    """One stderr line, never wrapped at the terminal width (scripts grep these)."""
    message(text, markup=False, soft_wrap=True)


@contextmanager
def _output(path: str) -> Iterator[TextIO]:
    """stdout for `-`; else a temporary file renamed over FILE only once it is complete,
    so a failed dump never leaves a half-written snapshot in the repository."""
    if path == STDIO:
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    if not target.parent.is_dir():
        raise InputError(f"folder does not exist: {target.parent}")
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            yield out
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def _input(path: str) -> Iterator[Iterator[str]]:
    """The lines of FILE (or stdin), split on "\\n" only: article text may hold U+2028."""
    if path == STDIO:
        yield iter(sys.stdin)
        return
    try:
        handle = open(path, encoding="utf-8", newline="\n")  # noqa: SIM115
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None
    with handle:
        try:
            yield iter(handle)
        except UnicodeDecodeError as error:
            raise InputError(f"cannot read {path}: not UTF-8 ({error.reason})") from None


def _read_text(path: str, encoding: str = "utf-8") -> str:
    """The whole file (or stdin) decoded; UTF-8 with or without a byte-order mark."""
    import codecs

    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"unknown --encoding {encoding!r} (e.g. utf-8, cp1252)") from None
    codec = "utf-8-sig" if codec == "utf-8" else codec
    try:
        data = sys.stdin.buffer.read() if path == STDIO else Path(path).read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        hint = "; pass --encoding (Excel on Windows saves cp1252)" if encoding == "utf-8" else ""
        raise InputError(f"cannot read {path}: not {encoding} text (byte 0x"
                         f"{data[error.start]:02x} at offset {error.start}){hint}") from None


@app.command("dump")
def dump_cmd(
    path: Annotated[str, typer.Argument(metavar="FILE", help="Snapshot file, or - for stdout.")],
) -> None:
    """Write the whole database as a lossless, deterministic JSON Lines snapshot.

    The same database always gives the same bytes, so a desk can commit the snapshot
    beside its articles and review changes as diffs.

    Example:

        claims dump snapshot.jsonl
    """
    from claims.store.snapshot import dump

    with open_db_for_reading() as store, _output(path) as out:
        lines = dump(store, out)
    _say(f"Dumped {_plural(lines - 1, 'record')} to {'stdout' if path == STDIO else path}.")


@app.command("load")
def load_cmd(
    path: Annotated[str, typer.Argument(metavar="FILE", help="Snapshot file, or - for stdin.")],
) -> None:
    """Load a snapshot written by `claims dump`: all of it, or nothing if a line is bad.

    Into an empty database the ids are kept; into one with work in it the snapshot is
    merged (articles by text, sources by name, history and relations without duplicates).

    Example:

        claims load snapshot.jsonl
    """
    from claims.store.snapshot import load

    with _input(path) as lines, open_db() as store:
        result = load(store, lines, name="stdin" if path == STDIO else path)
    _say(_load_summary(result))


def _load_summary(result: LoadResult) -> str:
    parts = [_plural(n, k) for k, n in result.added.items() if n]
    summary = f"Loaded {', '.join(parts) if parts else 'nothing new'}"
    merged = sum(result.merged.values())
    dropped = sum(result.dropped.values())
    if merged:
        summary += f"; {_plural(merged, 'record')} already present"
    if dropped:
        summary += f"; {_plural(dropped, 'record')} skipped (their claim or figure differs here)"
    return summary + "."


@app.command("export")
def export_cmd(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="Output format.")] = (
        ExportFormat.json
    ),
    source: Annotated[str | None, typer.Option(help="Source name or alias.")] = None,
    status: Annotated[str | None, typer.Option(help="Only claims with this status.")] = None,
    article: Annotated[
        str | None,
        typer.Option(help="Article: name, path, id, or a unique part of the name."),
    ] = None,
    reviewer: Annotated[
        str | None, typer.Option(help="Only claims this reviewer gave a verdict on.")
    ] = None,
    search: Annotated[str | None, typer.Option(help="Text the claim contains.")] = None,
    review_url: Annotated[
        str | None,
        typer.Option(help="ClaimReview `url`: the desk's page for each review, with {id} for "
                     "the claim id, e.g. https://desk.example/checks/{id} (required)."),
    ] = None,
    organization: Annotated[
        str | None,
        typer.Option(help="ClaimReview author: the desk that publishes the reviews (required)."),
    ] = None,
    allow_incomplete: Annotated[
        bool,
        typer.Option(help="ClaimReview without --review-url or --organization: the article's "
                     "url and the reviewer stand in (consumers may reject it)."),
    ] = False,
    bom: Annotated[
        bool, typer.Option(help="CSV: start with a UTF-8 byte-order mark, for Excel.")
    ] = False,
) -> None:
    """Export claims as JSON, JSON Lines, CSV or schema.org ClaimReview JSON-LD.

    ClaimReview holds only claims with a final verdict (supported, refuted, misleading,
    disputed, unverifiable) and needs --review-url and --organization. CSV opens in a
    spreadsheet (cells that would run as formulas start with '); edit `status` and
    `claims import` it back: rows are matched on their `key`.

    Example:

    \b
        claims export --format claimreview --organization "Example Checks" \\
            --review-url "https://desk.example/checks/{id}" > reviews.json

        claims export --format csv --source ISW --bom > isw.csv
    """
    from claims.core.status import parse_status
    from claims.store.article_lookup import resolve_article
    from claims.store.interchange import export_claims
    from claims.store.queries import resolve_source

    if fmt is ExportFormat.claimreview:
        from claims.render.claimreview import check_options

        check_options(review_url, organization, allow_incomplete=allow_incomplete)
    with open_db_for_reading() as store:
        source_id = resolve_source(store, source).id if source is not None else None
        article_id = resolve_article(store, article).id if article is not None else None
        rows = export_claims(
            store, source_id=source_id, article_ref=article_id, reviewer=reviewer, search=search,
            status=parse_status(status).value if status is not None else None,
        )
    write(fmt.render(rows, review_url=review_url, organization=organization, bom=bom))


@app.command("import")
def import_cmd(
    path: Annotated[str, typer.Argument(metavar="FILE", help="Edited CSV or JSON export.")],
    reviewer: Annotated[
        str | None, typer.Option(help="Who you are (default: $CLAIMS_REVIEWER, git user.name).")
    ] = None,
    encoding: Annotated[
        str, typer.Option(help="The file's encoding, e.g. cp1252 (a UTF-8 BOM is ignored).")
    ] = "utf-8",
    skip_conflicts: Annotated[
        bool, typer.Option(help="Record the good rows and list the rows that failed.")
    ] = False,
) -> None:
    """Record the statuses edited in an exported CSV or JSON file as verdicts.

    Rows are matched on their `key` (its id must name the same claim); a file without a
    key column is matched on id, article and text together. Rows whose status changed
    become verdicts (with the `note` column, if any). Every row is checked first: any
    problem records nothing (exit 2; 1 when rows are only stale), unless --skip-conflicts.

    Example:

        claims export --format csv --status unverified > todo.csv
        claims import todo.csv --reviewer ana
    """
    from claims.config import resolve_reviewer
    from claims.store.import_verdicts import (
        ImportRejected,
        import_statuses,
        problems_exit_code,
        read_rows,
    )

    name = "stdin" if path == STDIO else path
    rows = read_rows(_read_text(path, encoding), name=name)
    who = resolve_reviewer(reviewer)
    try:
        with open_db() as store:
            result = import_statuses(store, rows, reviewer=who, name=name,
                                     skip_failing=skip_conflicts)
    except ImportRejected as rejected:
        for problem in rejected.problems:
            _say(f"Error: {problem.message}")
        raise
    for warning in result.warnings:
        _say(f"Warning: {warning}")
    for v in result.recorded:
        _say(f"Claim {v.claim_id}: {v.from_status} → {v.to_status} (version {v.version})")
    for problem in result.skipped:
        _say(f"Skipped {problem.message}")
    skipped = f"; {_plural(len(result.skipped), 'row')} skipped" if result.skipped else ""
    _say(f"Recorded {_plural(len(result.recorded), 'verdict')}; "
         f"{_plural(result.unchanged, 'row')} unchanged{skipped}.")
    code = problems_exit_code(result.skipped)
    if code:
        raise typer.Exit(code)

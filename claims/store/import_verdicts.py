"""`claims import`: reviewers' edited statuses back in as verdicts, on the right claims.

Ids are local to a database, so a row is matched on the claim's stable `key` (the
article's content hash and the claim's normalised text: `claims.core.claim_key`), which
every CSV export carries; its id must name the same claim. A file without a `key`
column (an older export, a hand-made sheet) is matched on id, article and text together.
A CSV exported from one database and imported into another once recorded "supported" on
an unrelated claim that shared an id; now every such row is an error naming its line.

Import is all or nothing: every row is checked (all problems reported in one run), and
only when all are good are the verdicts written, in one transaction that holds the
claims, so a concurrent reviewer either comes before (the stale row is a conflict) or
after. `skip_failing` (`--skip-conflicts`) records the good rows and returns the rest.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from claims.core.claim_key import claim_key, normalised_text
from claims.errors import ClaimsError, InputError
from claims.records import VerdictRecord
from claims.store.engine import Store
from claims.store.paging import pages
from claims.store.tables import article, claim, source

APPLIED = frozenset({"id", "key", "status", "note", "version"})
# exported columns import reads to match a row or to say it was edited, never applies
EXPORTED = frozenset({"article", "text", "start", "end", "source", "source_type", "cue",
                      "figures", "via"})
CHECKED_EDITS = ("text", "source", "article")  # reported when changed in a matched row

Row = tuple[int, dict[str, Any]]


@dataclass(frozen=True)
class ImportProblem:
    """One row that cannot be recorded: `message` starts with `FILE:LINE:`. A conflict
    (the claim moved on since the export) is exit 1; anything else is an input error."""

    message: str
    conflict: bool = False


class ImportRejected(ClaimsError):
    """Rows of the file are wrong or stale: nothing was recorded. Fix the rows listed,
    export again, or pass --skip-conflicts to record the good rows."""

    def __init__(self, name: str, problems: Sequence[ImportProblem], rows: int) -> None:
        self.problems = tuple(problems)
        self.exit_code = problems_exit_code(self.problems)
        n = len(self.problems)
        super().__init__(f"nothing recorded: {n} of {rows} row{'s' if rows != 1 else ''} "
                         f"of {name} {'has a problem' if n == 1 else 'have problems'}")


def problems_exit_code(problems: Sequence[ImportProblem]) -> int:
    """2 when any row is an input error (it outranks a stale row), 1 for conflicts only."""
    if not problems:
        return 0
    return 1 if all(p.conflict for p in problems) else 2


@dataclass(frozen=True)
class ImportResult:
    recorded: tuple[VerdictRecord, ...]
    unchanged: int
    skipped: tuple[ImportProblem, ...] = ()  # with skip_failing only
    warnings: tuple[str, ...] = ()  # columns that were edited but are not applied


# --- reading -----------------------------------------------------------------------------


def read_rows(text: str, *, name: str) -> list[Row]:
    """Rows of an exported file with the line each starts on: CSV, a JSON array, or JSON
    Lines, told apart by the file's extension, else by its first character."""
    text = text.removeprefix("\ufeff")  # spreadsheets save CSV with a byte-order mark
    suffix = PurePath(name).suffix.lower()
    first = text.lstrip()[:1]
    if suffix in {".json", ".jsonl", ".ndjson"} or (suffix != ".csv" and first in "[{"):
        return _json_rows(text, name) if first == "[" else _jsonl_rows(text, name)
    return _csv_rows(text)


def _json_rows(text: str, name: str) -> list[Row]:
    decoder = json.JSONDecoder()
    pos = text.index("[") + 1
    rows: list[Row] = []
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        line = text.count("\n", 0, pos) + 1
        if pos >= len(text):
            raise InputError(f"{name}:{line}: unterminated JSON array")
        if text[pos] == "]":
            return rows
        try:
            obj, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as error:
            raise InputError(f"{name}:{error.lineno}: not JSON ({error.msg})") from None
        rows.append((line, _object(obj, name, line)))


def _jsonl_rows(text: str, name: str) -> list[Row]:
    rows = []
    for line, raw in enumerate(text.split("\n"), 1):
        if raw.strip():
            try:
                obj = json.loads(raw)
            except json.JSONDecodeError as error:
                raise InputError(f"{name}:{line}: not JSON ({error.msg})") from None
            rows.append((line, _object(obj, name, line)))
    return rows


def _object(obj: Any, name: str, line: int) -> dict[str, Any]:
    if not isinstance(obj, dict):
        raise InputError(f"{name}:{line}: each row must be a JSON object with an id and a status")
    return {str(k).strip().lower(): v for k, v in obj.items()}


def _csv_rows(text: str) -> list[Row]:
    """CSV rows, each cell without the formula mark the export put on it."""
    from claims.render.spreadsheet import unprotect

    header = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=header.count)  # some spreadsheet locales save with ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns = [c.strip().lower() for c in next(reader, [])]
    rows = []
    start = reader.line_num + 1
    for values in reader:
        if any(v.strip() for v in values):
            rows.append((start, dict(zip(columns, map(unprotect, values), strict=False))))
        start = reader.line_num + 1
    return rows


# --- checking ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Change:
    line: int
    claim_id: int
    status: str
    note: str | None
    version: int | None
    row: dict[str, Any]


def _whole(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():  # spreadsheets turn 3 into 3.0
        return int(value)
    text = str(value).strip().removesuffix(".0")
    return int(text) if text.isascii() and text.isdigit() else None


def _cell(row: dict[str, Any], column: str) -> str:
    value = row.get(column)
    return "" if value is None else str(value)


def _parse(line: int, row: dict[str, Any], name: str) -> _Change:
    from claims.core.status import parse_status

    where = f"{name}:{line}"
    raw_id = row.get("id")
    if raw_id is None or str(raw_id).strip() == "":
        raise InputError(f"{where}: missing id")
    claim_id = _whole(raw_id)
    if claim_id is None or claim_id < 1:
        raise InputError(f"{where}: id must be a positive whole number, not {str(raw_id)!r}")
    raw_status = row.get("status")
    if raw_status is None or not str(raw_status).strip():
        raise InputError(f"{where}: missing status")
    try:
        status = parse_status(str(raw_status)).value
    except InputError as error:
        raise InputError(f"{where}: {error}") from None
    version = None
    raw_version = row.get("version")
    if raw_version is not None and str(raw_version).strip():
        version = _whole(raw_version)
        if version is None:
            raise InputError(f"{where}: version must be a whole number, not {str(raw_version)!r}")
    if not _cell(row, "key").strip() and not (_cell(row, "article").strip()
                                              and _cell(row, "text").strip()):
        raise InputError(f"{where}: no key, so the row needs its article and text as "
                         f"exported (id alone could name another claim); export again")
    note = row.get("note")
    note = str(note).strip() or None if note is not None else None
    return _Change(line, claim_id, status, note, version, row)


@dataclass(frozen=True)
class _Stored:
    status: str
    version: int
    text: str
    article: str
    key: str
    source: str


def _stored(conn: Connection, ids: Iterable[int]) -> dict[int, _Stored]:
    """What each claim is now, locked on PostgreSQL until the import commits."""
    found: dict[int, _Stored] = {}
    wanted = sorted(set(ids))
    for page in pages(wanted):
        stmt = (
            select(claim.c.id, claim.c.status, claim.c.version, claim.c.text,
                   article.c.name, article.c.content_hash, source.c.name.label("source"))
            .join(article, article.c.id == claim.c.article_id)
            .outerjoin(source, source.c.id == claim.c.source_id)
            .where(claim.c.id.in_(page))
        )
        if conn.dialect.name == "postgresql":
            stmt = stmt.with_for_update(of=claim)
        for r in conn.execute(stmt):
            found[r.id] = _Stored(r.status, r.version, r.text, r.name,
                                  claim_key(r.content_hash, r.text), r.source or "")
    return found


def _owner_of(conn: Connection, key: str, text: str) -> int | None:
    """The claim a key belongs to, found through the row's text (keys are not stored)."""
    if not text.strip():
        return None
    rows = conn.execute(
        select(claim.c.id, claim.c.text, article.c.content_hash)
        .join(article, article.c.id == claim.c.article_id)
        .where(claim.c.text == text)
    )
    return next((r.id for r in rows if claim_key(r.content_hash, r.text) == key), None)


def _mismatch(conn: Connection, c: _Change, now: _Stored, where: str) -> str | None:
    """Why row `c` does not name claim `now`, or None when it does."""
    key = _cell(c.row, "key").strip()
    if key:
        if key == now.key:
            return None
        owner = _owner_of(conn, key, _cell(c.row, "text"))
        other = f"is claim {owner}" if owner is not None else "matches no claim here"
        return (f"{where}: key {key} {other}, not claim {c.claim_id} (was the file exported "
                f"from another database?)")
    same_text = normalised_text(_cell(c.row, "text")) == normalised_text(now.text)
    if _cell(c.row, "article").strip() == now.article and same_text:
        return None
    return (f"{where}: id {c.claim_id}, article and text do not all match claim "
            f"{c.claim_id} here ({now.article}); without a key column all three must agree")


def _edits(c: _Change, now: _Stored, where: str) -> list[str]:
    """The exported columns of a matched row that were changed: import does not apply
    them, and a reviewer who edited them must hear so."""
    stored = {"text": now.text, "source": now.source, "article": now.article}
    hints = {"text": "the claim's text is not changed",
             "source": f"re-attribute with `claims correct {c.claim_id} --source`",
             "article": "the claim stays where it is"}
    out = []
    for column in CHECKED_EDITS:
        if column in c.row and normalised_text(_cell(c.row, column)) != normalised_text(
                stored[column]):
            out.append(f"{where}: {column} differs from claim {c.claim_id}'s and is not "
                       f"imported ({hints[column]}); only status and note are")
    return out


def _unknown_columns(rows: Sequence[Row], name: str) -> list[str]:
    columns = {k for _, row in rows for k in row}
    return [f"{name}: column '{k}' is not imported (import reads id, key, status, note and "
            f"version)" for k in sorted(columns - APPLIED - EXPORTED)]


def import_statuses(
    store: Store, rows: Sequence[Row], *, reviewer: str, name: str,
    skip_failing: bool = False,
) -> ImportResult:
    """Record a verdict for every row whose status differs from its claim's.

    Every row is checked first; any problem raises `ImportRejected` listing them all and
    nothing is recorded, unless `skip_failing`, which records the good rows and returns
    the others in `skipped`. A row's `version` (when present) is the version the
    reviewer saw: a claim that has moved on since the export is a conflict.
    """
    from claims.store.verdicts import record_in

    problems: dict[int, ImportProblem] = {}
    changes: list[_Change] = []
    seen: dict[int, int] = {}
    for line, row in rows:
        try:
            change = _parse(line, row, name)
        except InputError as error:
            problems[line] = ImportProblem(str(error))
            continue
        if change.claim_id in seen:
            problems[line] = ImportProblem(f"{name}:{line}: claim {change.claim_id} again "
                                           f"(first on line {seen[change.claim_id]})")
            continue
        seen[change.claim_id] = line
        changes.append(change)
    warnings = _unknown_columns(rows, name)
    with store.write() as conn:
        current = _stored(conn, (c.claim_id for c in changes))
        todo: list[tuple[_Change, int]] = []
        unchanged = 0
        for c in changes:
            where = f"{name}:{c.line}"
            now = current.get(c.claim_id)
            problem = (f"{where}: no claim with id {c.claim_id}" if now is None
                       else _mismatch(conn, c, now, where))
            if problem is not None or now is None:
                problems[c.line] = ImportProblem(problem or "")
                continue
            warnings += _edits(c, now, where)
            if c.status == now.status:
                unchanged += 1
            elif c.version is not None and c.version != now.version:
                problems[c.line] = ImportProblem(
                    f"{where}: claim {c.claim_id} is at version {now.version} ({now.status}), "
                    f"the file has version {c.version}; export again", conflict=True)
            else:
                todo.append((c, now.version))
        found = tuple(problems[line] for line in sorted(problems))
        if found and not skip_failing:
            raise ImportRejected(name, found, len(rows))
        recorded = tuple(
            record_in(conn, store.dialect, claim_id=c.claim_id, status=c.status,
                      reviewer=reviewer, note=c.note, evidence=(), expect_version=version,
                      kind="verdict", detail=None)
            for c, version in todo
        )
    return ImportResult(recorded, unchanged, found, tuple(warnings))

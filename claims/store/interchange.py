"""`claims export` and `claims import`: claims out to publishing systems and spreadsheets,
reviewers' edited statuses back in as verdicts.

Import is all or nothing: a desk that fixes one typo in a 300-row sheet must not end up
with 120 verdicts recorded and the rest lost. Every row is checked, then every verdict is
written in one transaction that holds the claims, so a concurrent reviewer either comes
before (and the stale row is refused as a conflict) or after.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from claims.errors import ClaimsError, InputError, VerdictConflict
from claims.records import ClaimRecord, VerdictRecord
from claims.store.engine import Store
from claims.store.tables import article, claim, figure, relation, relation_member, source, verdict

BATCH = 500
MAX_ERRORS = 10


@dataclass(frozen=True)
class ExportRow:
    """A claim with what ClaimReview needs besides it: where it appeared, who judged it."""

    claim: ClaimRecord
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    reviewer: str | None = None  # of the latest verdict
    reviewed_at: str | None = None
    note: str | None = None
    disagreeing: tuple[str, ...] = ()  # sources whose `same` figures conflict with this claim


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for i in range(0, len(values), BATCH):
        yield values[i : i + BATCH]


def export_claims(
    store: Store,
    *,
    source_id: int | None = None,
    status: str | None = None,
    article_ref: str | int | None = None,
    reviewer: str | None = None,
    search: str | None = None,
) -> list[ExportRow]:
    """The claims `claims list` would show (same filters), with article and verdict facts.

    Three extra queries whatever the number of claims (batched by id), never one per claim.
    """
    from claims.store.queries import list_claims

    claims = list_claims(
        store,
        source_id=source_id,
        status=status,
        article=article_ref,
        reviewer=reviewer,
        search=search,
    )
    if not claims:
        return []
    with store.read() as conn:
        articles = _articles(conn, sorted({c.article_id for c in claims}))
        latest = _latest_verdicts(conn, [c.id for c in claims])
        disputed = [c for c in claims if c.status == "disputed"]
        disagreeing = _disagreeing(conn, disputed) if disputed else {}
    rows = []
    for c in claims:
        art = articles[c.article_id]
        last = latest.get(c.id)
        rows.append(
            ExportRow(
                claim=c,
                url=art.url,
                title=art.title,
                publisher=art.publisher,
                published=art.published,
                reviewer=last.reviewer if last is not None else None,
                reviewed_at=last.at if last is not None else None,
                note=last.note if last is not None else None,
                disagreeing=disagreeing.get(c.id, ()),
            )
        )
    return rows


def _articles(conn: Connection, ids: Sequence[int]) -> dict[int, Any]:
    cols = (article.c.id, article.c.url, article.c.title, article.c.publisher, article.c.published)
    found = {}
    for chunk in _chunks(ids):
        for row in conn.execute(select(*cols).where(article.c.id.in_(chunk))):
            found[row.id] = row
    return found


def _latest_verdicts(conn: Connection, claim_ids: Sequence[int]) -> dict[int, Any]:
    """The newest verdict (not correction) per claim: who decided the current status."""
    found: dict[int, Any] = {}
    for chunk in _chunks(claim_ids):
        stmt = (
            select(verdict.c.claim_id, verdict.c.reviewer, verdict.c.at, verdict.c.note)
            .where(verdict.c.claim_id.in_(chunk), verdict.c.kind == "verdict")
            .order_by(verdict.c.id)
        )
        for row in conn.execute(stmt):
            found[row.claim_id] = row
    return found


def _overlap(a: Any, b: Any) -> bool:
    lo_a = a.low if a.low is not None else float("-inf")
    hi_a = a.high if a.high is not None else float("inf")
    lo_b = b.low if b.low is not None else float("-inf")
    hi_b = b.high if b.high is not None else float("inf")
    return lo_a <= hi_b and lo_b <= hi_a


def _disagreeing(conn: Connection, claims: Sequence[ClaimRecord]) -> dict[int, tuple[str, ...]]:
    """For each claim, the sources of `same`-linked figures whose intervals do not overlap
    its own: the disagreement a "disputed" rating should name."""
    mine = {f.id: c.id for c in claims for f in c.figures}
    if not mine:
        return {}
    rel_ids: set[int] = set()
    for chunk in _chunks(sorted(mine)):
        rel_ids.update(
            r[0]
            for r in conn.execute(
                select(relation_member.c.relation_id)
                .join(relation, relation.c.id == relation_member.c.relation_id)
                .where(
                    relation_member.c.figure_id.in_(chunk),
                    relation.c.kind == "same",
                    relation.c.state != "rejected",
                )
            )
        )
    members: dict[int, list[Any]] = {}
    for chunk in _chunks(sorted(rel_ids)):
        stmt = (
            select(
                relation_member.c.relation_id,
                figure.c.id,
                figure.c.claim_id,
                figure.c.low,
                figure.c.high,
                source.c.name,
            )
            .join(figure, figure.c.id == relation_member.c.figure_id)
            .join(claim, claim.c.id == figure.c.claim_id)
            .outerjoin(source, source.c.id == claim.c.source_id)
            .where(relation_member.c.relation_id.in_(chunk))
        )
        for row in conn.execute(stmt):
            members.setdefault(row.relation_id, []).append(row)
    found: dict[int, set[str]] = {}
    for rows in members.values():
        for a in rows:
            if a.id not in mine:
                continue
            for b in rows:
                if b.claim_id != a.claim_id and b.name and not _overlap(a, b):
                    found.setdefault(mine[a.id], set()).add(b.name)
    return {cid: tuple(sorted(names)) for cid, names in found.items()}


# --- import -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    recorded: tuple[VerdictRecord, ...]
    unchanged: int


@dataclass(frozen=True)
class _Change:
    line: int
    claim_id: int
    status: str
    note: str | None
    version: int | None


def read_rows(text: str, *, name: str) -> list[tuple[int, dict[str, Any]]]:
    """Rows of an exported file with the line each starts on: CSV, a JSON array, or JSON
    Lines, told apart by the file's extension, else by its first character."""
    text = text.removeprefix("\ufeff")  # spreadsheets save CSV with a byte-order mark
    suffix = PurePath(name).suffix.lower()
    first = text.lstrip()[:1]
    if suffix in {".json", ".jsonl", ".ndjson"} or (suffix != ".csv" and first in "[{"):
        return _json_rows(text, name) if first == "[" else _jsonl_rows(text, name)
    return _csv_rows(text)


def _json_rows(text: str, name: str) -> list[tuple[int, dict[str, Any]]]:
    decoder = json.JSONDecoder()
    pos = text.index("[") + 1
    rows: list[tuple[int, dict[str, Any]]] = []
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


def _jsonl_rows(text: str, name: str) -> list[tuple[int, dict[str, Any]]]:
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
    return obj


def _csv_rows(text: str) -> list[tuple[int, dict[str, Any]]]:
    header = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=header.count)  # some spreadsheet locales save with ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns = [c.strip().lower() for c in next(reader, [])]
    rows = []
    start = reader.line_num + 1
    for values in reader:
        if any(v.strip() for v in values):
            rows.append((start, dict(zip(columns, values, strict=False))))
        start = reader.line_num + 1
    return rows


def _whole(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():  # spreadsheets turn 3 into 3.0
        return int(value)
    text = str(value).strip().removesuffix(".0")
    return int(text) if text.isascii() and text.isdigit() else None


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
    note = row.get("note")
    note = str(note).strip() or None if note is not None else None
    return _Change(line, claim_id, status, note, version)


def _fail(errors: list[ClaimsError]) -> ClaimsError:
    """One error carrying every problem (first few), of the most serious kind."""
    shown = "; ".join(str(e) for e in errors[:MAX_ERRORS])
    more = len(errors) - MAX_ERRORS
    message = shown + (f" (and {more} more)" if more > 0 else "")
    kinds = {type(e) for e in errors}
    return VerdictConflict(message) if kinds == {VerdictConflict} else InputError(message)


def import_statuses(
    store: Store, rows: Iterable[tuple[int, dict[str, Any]]], *, reviewer: str, name: str
) -> ImportResult:
    """Record a verdict for every row whose status differs from the stored one.

    A row's `version` (when present) is the version the reviewer saw: a claim that has
    moved on since the export is a conflict, and then nothing at all is recorded.
    """
    from claims.store.verdicts import record_in

    errors: list[ClaimsError] = []
    changes: list[_Change] = []
    seen: dict[int, int] = {}
    for line, row in rows:
        try:
            change = _parse(line, row, name)
        except InputError as error:
            errors.append(error)
            continue
        if change.claim_id in seen:
            errors.append(
                InputError(
                    f"{name}:{line}: claim {change.claim_id} again (first on line "
                    f"{seen[change.claim_id]})"
                )
            )
        seen[change.claim_id] = line
        changes.append(change)
    if errors:
        raise _fail(errors)
    with store.write() as conn:
        current = _current(conn, [c.claim_id for c in changes])
        todo = []
        for c in changes:
            if c.claim_id not in current:
                errors.append(InputError(f"{name}:{c.line}: no claim with id {c.claim_id}"))
                continue
            status, version = current[c.claim_id]
            if c.status == status:
                continue
            if c.version is not None and c.version != version:
                errors.append(
                    VerdictConflict(
                        f"{name}:{c.line}: claim {c.claim_id} is at version {version} "
                        f"({status}), the file has version {c.version}; export again"
                    )
                )
            todo.append((c, version))
        if errors:
            raise _fail(errors)
        recorded = tuple(
            record_in(
                conn,
                store.dialect,
                claim_id=c.claim_id,
                status=c.status,
                reviewer=reviewer,
                note=c.note,
                evidence=(),
                expect_version=version,
                kind="verdict",
                detail=None,
            )
            for c, version in todo
        )
    return ImportResult(recorded=recorded, unchanged=len(changes) - len(recorded))


def _current(conn: Connection, ids: Sequence[int]) -> dict[int, tuple[str, int]]:
    """Status and version of each claim, locked on PostgreSQL until the import commits."""
    found: dict[int, tuple[str, int]] = {}
    for chunk in _chunks(sorted(set(ids))):
        stmt = select(claim.c.id, claim.c.status, claim.c.version).where(claim.c.id.in_(chunk))
        if conn.dialect.name == "postgresql":
            stmt = stmt.with_for_update()
        for row in conn.execute(stmt):
            found[row.id] = (row.status, row.version)
    return found

"""`claims dump` / `claims load`: a lossless, deterministic JSON Lines snapshot.

A desk commits the dump beside its articles, so the same database must always give the
same bytes (records by kind then primary key, keys sorted, compact separators) and a dump
loaded into an empty database must dump back byte for byte (ids kept). Loading into a
database that already holds work merges instead of duplicating (see `snapshot_merge`).
The dump streams table by table in one read transaction; nothing is held in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TextIO

from sqlalchemy import Boolean, Float, Integer, String, Table, func, select, text
from sqlalchemy.engine import Connection

from claims.errors import InputError
from claims.store.engine import Store, head_revision, known_revisions
from claims.store.paging import pages
from claims.store.tables import (
    article,
    article_event,
    claim,
    claim_duplicate,
    claim_via,
    evidence_body,
    evidence_snapshot,
    figure,
    finding_ack,
    relation,
    relation_member,
    review_position,
    source,
    source_alias,
    source_event,
    verdict,
)

FORMAT = 1
HEADER_TYPE = "claims-dump"
PAGE = 1000

# Record kind -> table, in dump order: every record refers only to kinds before it.
KINDS: dict[str, Table] = {
    "article": article,
    "source": source,
    "alias": source_alias,
    "claim": claim,
    "via": claim_via,
    "figure": figure,
    "relation": relation,
    "member": relation_member,
    "ack": finding_ack,
    "verdict": verdict,
    "duplicate": claim_duplicate,
    "body": evidence_body,
    "snapshot": evidence_snapshot,
    "article_event": article_event,  # no reference: a purged article's record outlives it
    "source_event": source_event,  # the same for merged and pruned sources
    "position": review_position,
}

# (kind, column) -> the kind whose primary key it holds.
REFERENCES: dict[tuple[str, str], str] = {
    ("alias", "source_id"): "source",
    ("claim", "article_id"): "article",
    ("claim", "source_id"): "source",
    ("via", "claim_id"): "claim",
    ("via", "source_id"): "source",
    ("figure", "claim_id"): "claim",
    ("member", "relation_id"): "relation",
    ("member", "figure_id"): "figure",
    ("verdict", "claim_id"): "claim",
    ("duplicate", "claim_id"): "claim",
    ("duplicate", "other_claim_id"): "claim",
    ("snapshot", "verdict_id"): "verdict",
    ("snapshot", "sha256"): "body",
    ("position", "claim_id"): "claim",
}

Record = dict[str, Any]


# Characters that some tools (str.splitlines, editors) take as line breaks although JSON
# leaves them raw: escaped, so one record stays one line everywhere. Still valid JSON.
_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def encode(record: Record) -> str:
    """One record as one line: canonical JSON (sorted keys, compact, UTF-8 kept)."""
    text = json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text.translate(_LINE_BREAKS)


def _primary_key(table: Table) -> list[Any]:
    return list(table.primary_key.columns)


def schema_version(conn: Connection) -> str:
    row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return str(row[0]) if row is not None else ""


def _rows(conn: Connection, table: Table) -> Iterator[dict[str, Any]]:
    """Rows in primary-key order, streamed (server-side cursor, fixed-size batches).

    Text keys sort by code point on every backend (PostgreSQL's locale order differs), so a
    PostgreSQL and a SQLite copy of the same work dump to the same bytes.
    """
    order = [
        c.collate("C") if conn.dialect.name == "postgresql" and isinstance(c.type, String) else c
        for c in _primary_key(table)
    ]
    stmt = select(table).order_by(*order)
    result = conn.execution_options(stream_results=True, yield_per=PAGE).execute(stmt)
    for row in result:
        yield dict(row._mapping)


def dump(store: Store, out: TextIO) -> int:
    """Write the whole database as JSON Lines; returns the number of lines written.

    One read transaction, so a dump taken while someone records verdicts is still a
    consistent snapshot.
    """
    with store.read() as conn:
        header = {"type": HEADER_TYPE, "format": FORMAT, "schema": schema_version(conn)}
        out.write(encode(header) + "\n")
        lines = 1
        for kind, table in KINDS.items():
            for row in _rows(conn, table):
                row["type"] = kind
                out.write(encode(row) + "\n")
                lines += 1
    return lines


@dataclass(frozen=True)
class LoadResult:
    """What a load did, per record kind: rows inserted, and records already present."""

    added: dict[str, int]
    merged: dict[str, int]
    dropped: dict[str, int]  # records whose claim or figure the database lacks
    kept_ids: bool  # loaded into an empty database: ids are those of the dump

    @property
    def total_added(self) -> int:
        return sum(self.added.values())


@dataclass
class Parsed:
    """A validated dump: records by kind (dump order), each with its line number."""

    schema: str
    records: dict[str, list[tuple[int, Record]]]


def _expected(column: Any) -> tuple[tuple[type, ...], str]:
    if isinstance(column.type, Boolean):
        return (bool,), "true or false"
    if isinstance(column.type, Integer):
        return (int,), "an integer"
    if isinstance(column.type, Float):
        return (int, float), "a number"
    return (str,), "a string"


def _check_fields(kind: str, record: Record, older: bool) -> str | None:
    """What is wrong with one record's fields, or None.

    A dump from an older schema lacks the columns added since: those with a default (or
    nullable) take it, as the migration gave them to existing rows.
    """
    table = KINDS[kind]
    names = {c.name for c in table.columns}
    unknown = sorted(set(record) - names - {"type"})
    if unknown:
        return f"unknown field '{unknown[0]}' in {kind} record"
    for column in table.columns:
        if column.name not in record:
            default = column.default
            if older and default is not None and default.is_scalar:
                record[column.name] = getattr(default, "arg", None)
            elif older and column.nullable:
                record[column.name] = None
            else:
                return f"{kind} record lacks '{column.name}'"
        value = record[column.name]
        if value is None:
            if not column.nullable or column.primary_key:
                return f"{kind} '{column.name}' must not be null"
            continue
        types, what = _expected(column)
        if isinstance(value, bool) and bool not in types or not isinstance(value, types):
            return f"{kind} '{column.name}' must be {what}, not {json.dumps(value)}"
    if kind == "verdict":
        try:
            evidence = json.loads(record["evidence"])
        except ValueError:
            evidence = None
        if not isinstance(evidence, list):
            return "verdict 'evidence' must be a JSON array of links"
    return None


def _key(kind: str, record: Record) -> tuple[Any, ...]:
    return tuple(record[c.name] for c in _primary_key(KINDS[kind]))


def parse(lines: Iterable[str], *, name: str) -> Parsed:
    """Validate every line before anything is written; the first error names its line."""
    records: dict[str, list[tuple[int, Record]]] = {kind: [] for kind in KINDS}
    keys: dict[str, dict[tuple[Any, ...], int]] = {kind: {} for kind in KINDS}
    hashes: dict[str, int] = {}
    schema: str | None = None
    line_no = 0
    for line_no, line in enumerate(lines, 1):
        if not line.strip():
            continue

        def fail(what: str, n: int = line_no) -> InputError:
            return InputError(f"{name}:{n}: {what}")

        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise fail(f"not JSON ({error.msg} at column {error.colno})") from None
        if not isinstance(record, dict):
            raise fail("a record must be a JSON object")
        kind = record.get("type")
        if schema is None:
            schema = _check_header(record, fail)
            continue
        if kind not in KINDS:
            raise fail(f"unknown record type {json.dumps(kind, ensure_ascii=False)}")
        problem = _check_fields(kind, record, older=schema != head_revision())
        if problem:
            raise fail(problem)
        key = _key(kind, record)
        if key in keys[kind]:
            raise fail(f"duplicate {kind} {_show(key)} (first on line {keys[kind][key]})")
        keys[kind][key] = line_no
        if kind == "article":
            if record["content_hash"] in hashes:
                first = hashes[record["content_hash"]]
                raise fail(f"duplicate article text (first on line {first})")
            hashes[record["content_hash"]] = line_no
        records[kind].append((line_no, record))
    if schema is None:
        raise InputError(f"{name}:{max(line_no, 1)}: empty file, not a claims dump")
    _check_references(records, keys, name)
    return Parsed(schema=schema, records=records)


def _show(key: tuple[Any, ...]) -> str:
    return str(key[0]) if len(key) == 1 else "(" + ", ".join(map(str, key)) + ")"


def _check_header(record: Record, fail: Any) -> str:
    if record.get("type") != HEADER_TYPE:
        raise fail(f'not a claims dump (the first line must be {{"type": "{HEADER_TYPE}", …}})')
    if record.get("format") != FORMAT:
        raise fail(f"unsupported dump format {json.dumps(record.get('format'))}, expected {FORMAT}")
    schema = record.get("schema")
    if not isinstance(schema, str) or schema not in known_revisions():
        raise fail(f"dump schema {json.dumps(schema)} is newer than this build; upgrade claims")
    return schema


def _check_references(
    records: dict[str, list[tuple[int, Record]]],
    keys: dict[str, dict[tuple[Any, ...], int]],
    name: str,
) -> None:
    for (kind, column), target in REFERENCES.items():
        for line_no, record in records[kind]:
            value = record[column]
            if value is not None and (value,) not in keys[target]:
                raise InputError(f"{name}:{line_no}: {kind} '{column}' {value}: no such {target}")


def load(store: Store, lines: Iterable[str], *, name: str) -> LoadResult:
    """Load a dump all or nothing: validate every line, then write in ONE transaction.

    An empty database receives the dump's ids unchanged; a database with work in it
    merges (articles by text, sources by name, history without duplicates).
    """
    from claims.store.duplicate_keys import rebuild
    from claims.store.frames import fill_days
    from claims.store.snapshot_merge import merge

    parsed = parse(lines, name=name)
    with store.write() as conn:
        result = (_restore(conn, store.dialect, parsed.records) if is_empty(conn)
                  else merge(conn, parsed.records))
        rebuild(conn)  # the duplicate index is derived, not dumped
        fill_days(conn)  # a dump older than schema 0010 has no figure days
        return result


def is_empty(conn: Connection) -> bool:
    for table in KINDS.values():
        if conn.execute(select(func.count()).select_from(table)).scalar_one():
            return False
    return True


SERIAL = ("article", "source", "alias", "claim", "figure", "relation", "verdict", "snapshot",
          "article_event", "source_event")
Records = dict[str, list[tuple[int, Record]]]


def columns(record: Record) -> Record:
    return {k: v for k, v in record.items() if k != "type"}


def _restore(conn: Connection, dialect: str, records: Records) -> LoadResult:
    """An empty database takes every row as dumped, ids included."""
    added: dict[str, int] = {}
    for kind, table in KINDS.items():
        rows = [columns(r) for _, r in records[kind]]
        for batch in pages(rows, PAGE):
            conn.execute(table.insert(), batch)
        added[kind] = len(rows)
    if dialect == "postgresql":
        for kind in SERIAL:
            name = KINDS[kind].name
            conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                    f"COALESCE(MAX(id), 0) + 1, false) FROM {name}"
                )
            )
    zero = dict.fromkeys(KINDS, 0)
    return LoadResult(added=added, merged=dict(zero), dropped=dict(zero), kept_ids=True)

"""The store of a SQLite file this process cannot write (see `claims.store.readonly`).

Kept apart from `engine.open_store`: a read-only open never creates, migrates or sets the
journal mode, and anything that would need to (a write, a schema upgrade) is refused with
one line naming why the database is read-only here, before the driver fails somewhere
less clear.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import QueuePool

from claims.config import DbTarget
from claims.errors import DatabaseChanged, DatabaseError, DatabaseReadOnly
from claims.store import engine as eng
from claims.store.readonly import ReadOnly, UnreadableWal, read_only_open, write_blocker


def plain_file(target: DbTarget) -> Path | None:
    """The SQLite file of a plain path or `sqlite:///path` target; None for PostgreSQL, a
    `file:` URI (its own `mode=` applies) or memory."""
    path = target.path
    if path is None or not target.url.startswith("sqlite:///") or str(path).startswith("file:"):
        return None
    return path


def read_only_mode(target: DbTarget) -> ReadOnly | None:
    """How to open `target` for reading when this process cannot write it, else None."""
    path = plain_file(target)
    if path is None or not path.is_file():
        return None
    try:
        return read_only_open(path)
    except UnreadableWal as error:
        reason = write_blocker(path)
        raise DatabaseReadOnly(
            f"database {eng._where(target.url)} is read-only here ({reason}) and {error}: "
            f"open it once where it is writable to fold them into the file"
        ) from error


def refuse_writes(target: DbTarget) -> None:
    """For a command that writes: a one-line refusal when the existing file is read-only
    here, before any work is done (an ingest would otherwise extract first)."""
    path = plain_file(target)
    if path is None or not path.is_file():
        return
    reason = write_blocker(path)
    if reason is not None:
        raise DatabaseReadOnly(_writes_refused(eng._where(target.url), reason))


def _writes_refused(where: str, reason: str) -> str:
    return (f"database {where} is read-only here ({reason}): this command writes to it; "
            f"run it on a writable copy")


class ReadOnlyStore(eng.Store):
    """A store that reads and refuses to write; a guarded (immutable) open also checks
    after every read that no other process wrote the file meanwhile."""

    def __init__(self, engine: Engine, where: str, mode: ReadOnly) -> None:
        super().__init__(engine, where)
        self.mode = mode
        self._checked = True  # quick_check runs before writes, and there are none

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with super().read() as conn:
            yield conn
        if self.mode.changed_since_open():
            raise DatabaseChanged(
                f"database {self.where} changed while it was being read (another process "
                f"writes it); run the command again"
            )

    @contextmanager
    def write(self, *, durable: bool = True) -> Iterator[Connection]:
        raise DatabaseReadOnly(_writes_refused(self.where, self.mode.reason))
        yield  # pragma: no cover - a generator, for @contextmanager


def _engine(target: DbTarget, mode: ReadOnly) -> Engine:
    """An engine whose every connection opens `mode.uri` (read-only, maybe immutable)."""

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(mode.uri, uri=True, timeout=eng.BUSY_TIMEOUT_MS / 1000,
                               check_same_thread=False)

    engine = create_engine(target.url, creator=connect, poolclass=QueuePool)
    eng._install_sqlite_events(engine, {"on": False})  # never switch the journal mode

    @event.listens_for(engine, "connect")
    def _query_only(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA query_only=ON")

    return engine


def open_read_only(target: DbTarget, mode: ReadOnly) -> ReadOnlyStore:
    """Open a read-only SQLite file at the current schema; one that is behind (or empty)
    is refused naming the upgrade it needs, since it cannot be upgraded here."""
    where = eng._where(target.url)
    engine = _engine(target, mode)
    try:
        with eng.translate_errors(where), engine.connect() as conn:
            version = eng.read_version(conn)
            if version is None and eng._has_tables(conn):
                raise DatabaseError(f"not a claims database: {where}")
        eng._check_not_ahead(version)
        head = eng.head_revision()
        if version is None:
            raise DatabaseReadOnly(
                f"database {where} has no claims schema yet (it needs {head}) and is "
                f"read-only here ({mode.reason}); use `claims db upgrade` on a writable copy"
            )
        if version != head:
            raise DatabaseReadOnly(
                f"database schema {version} needs upgrade to {head}; {where} is read-only "
                f"here ({mode.reason}): upgrade a writable copy with `claims db upgrade`"
            )
    except BaseException:
        engine.dispose()
        raise
    return ReadOnlyStore(engine, where, mode)

"""Opening a database: engine, SQLite pragmas, the cheap schema check, lazy migrations.

Every command that touches the database goes through `open_store`, so it must cost one
query when the schema is current. Alembic is imported only when an upgrade actually runs.
Every driver failure is turned into one `DatabaseError` (exit 2) or `DatabaseBusy`
(exit 3) line here, so the CLI never shows a traceback for a bad `--db`.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, event, inspect
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection, Engine, make_url

from claims.config import DbTarget, missing_database
from claims.errors import ClaimsError, DatabaseBusy, DatabaseError, InputError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
BUSY_TIMEOUT_MS = 5000
OPEN_RETRIES = 3
_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")


def known_revisions() -> tuple[str, ...]:
    """Revision ids shipped with this build, oldest first (from the `NNNN_slug.py` names).

    Reading file names instead of importing Alembic keeps the per-command check cheap;
    a test asserts each file's `revision` equals its prefix.
    """
    names = (p.name for p in (MIGRATIONS_DIR / "versions").glob("*.py"))
    return tuple(sorted(m.group(1) for n in names if (m := _REVISION_FILE.match(n))))


def head_revision() -> str:
    return known_revisions()[-1]


def _is_locked(error: BaseException) -> bool:
    text = str(error).lower()
    return any(
        phrase in text
        for phrase in ("database is locked", "database table is locked", "lock timeout")
    )


@contextmanager
def translate_errors(where: str = "") -> Iterator[None]:
    """Turn driver errors into the one-line errors of `claims.errors`.

    Integrity and programming errors are left alone: they are bugs, not user mistakes.
    """
    try:
        yield
    except OverflowError as error:  # sqlite3 binding an id or limit beyond 64 bits
        raise InputError(
            f"a number given is too large (the largest id or count is {2**63 - 1})"
        ) from error
    except sa_exc.ProgrammingError as error:
        if getattr(error.orig, "sqlstate", None) == "42501":  # PostgreSQL: no privilege
            raise DatabaseError(_one_line(error, where)) from error
        raise
    except sa_exc.IntegrityError:
        raise
    except (sa_exc.OperationalError, sqlite3.OperationalError) as error:
        if _is_locked(error):
            raise DatabaseBusy(
                f"database is busy: another writer held it for more than "
                f"{BUSY_TIMEOUT_MS / 1000:g} s; try again"
            ) from error
        raise DatabaseError(_one_line(error, where)) from error
    except (sa_exc.DatabaseError, sqlite3.DatabaseError) as error:
        raise DatabaseError(_one_line(error, where)) from error


def _one_line(error: BaseException, where: str) -> str:
    orig = getattr(error, "orig", None) or error
    detail = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    if "file is not a database" in detail or "malformed" in detail:
        return f"not a usable SQLite database: {where or detail}"
    lowered = detail.lower()
    if getattr(orig, "sqlstate", None) == "25006":  # PostgreSQL: a read-only transaction
        return (f"database {where or 'server'} is read-only for this connection ({detail}): "
                f"commands that only read work; writing needs a role that may write")
    if "readonly" in lowered or "read-only" in lowered:
        return (f"database {where} is read-only: check the file's and its folder's "
                f"permissions" if where else f"database is read-only: {detail}")
    return f"cannot use database {where}: {detail}" if where else f"database error: {detail}"


class Store:
    """An open database: the engine plus transaction helpers that map driver errors."""

    def __init__(self, engine: Engine, where: str = "") -> None:
        self.engine = engine
        self.dialect: str = engine.dialect.name
        self.where = where  # names the database in error messages
        self._checked = self.dialect != "sqlite"
        self.registry_cache: object | None = None  # ingest's source index (store.registry)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with translate_errors(self.where), self.engine.connect() as conn:
            yield conn

    @contextmanager
    def write(self, *, durable: bool = True) -> Iterator[Connection]:
        """One write transaction; on SQLite it takes the write lock up front.

        BEGIN IMMEDIATE makes concurrent writers queue on the busy timeout instead of
        failing mid-transaction when a deferred read lock cannot be upgraded.

        `durable=False` (ingest only) commits without waiting for the disk on SQLite
        (`synchronous=NORMAL`, which in WAL mode still never corrupts the file): an OS
        crash or power loss may undo the last commits, which re-running the idempotent
        ingest restores. Every other write (verdicts, imports, reviews) stays FULL, the
        setting of every connection outside such a transaction.
        """
        with translate_errors(self.where), self.engine.connect() as conn:
            if not self._checked:
                self._check_pages(conn)
            relaxed = self.dialect == "sqlite" and not durable
            if self.dialect == "sqlite":
                conn.execution_options(sqlite_begin="BEGIN IMMEDIATE")
            if relaxed:  # on the driver's connection: SQLAlchemy's would begin a transaction
                _pragma(conn, "synchronous=NORMAL")
            try:
                with conn.begin():
                    yield conn
            except BaseException:
                if relaxed:
                    _restore_durability(conn, quietly=True)  # the first error is the news
                raise
            if relaxed:
                _restore_durability(conn, quietly=False)

    def checkpoint(self, *, truncate: bool = False) -> None:
        """Copy SQLite's write-ahead log back into the database file (no-op elsewhere).

        SQLite checkpoints by itself after commits, but never past a read still open
        and without shrinking the file: a long ingest calls this between articles, and
        with `truncate` at the end of a batch, so the log does not outgrow one batch's
        worth of pages. Another process reading at that moment only makes it copy less
        (PASSIVE) or give up waiting (TRUNCATE, after the busy timeout): not an error.
        """
        if self.dialect != "sqlite":
            return
        mode = "TRUNCATE" if truncate else "PASSIVE"
        raw = self.engine.raw_connection()  # outside any transaction: SQLite requires it
        try:
            cursor = raw.cursor()
            cursor.execute(f"PRAGMA wal_checkpoint({mode})")
            cursor.fetchall()
            cursor.close()
        except sqlite3.OperationalError as error:
            if not _is_locked(error):
                raise DatabaseError(_one_line(error, self.where)) from error
        finally:
            raw.close()

    def _check_pages(self, conn: Connection) -> None:
        """Before the first write, SQLite's quick_check (about 2 ms per MB).

        A damaged file fails only when a query reads a bad page, so a write can succeed
        on a corrupt database and bury the damage deeper; a fact-checking record must
        not be changed further once it is damaged.
        """
        rows = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA quick_check").fetchall()]
        conn.rollback()
        if rows != ["ok"]:
            detail = rows[0] if rows else "no result"
            raise DatabaseError(
                f"not a usable SQLite database: {self.where} (integrity check: {detail})"
            )
        self._checked = True


def _restore_durability(conn: Connection, *, quietly: bool) -> None:
    """Back to `synchronous=FULL` after a durable-later transaction. A connection that
    cannot be reset is dropped from the pool rather than handed, still relaxed, to the
    next writer; `quietly` (the transaction already failed) keeps that failure the one
    reported."""
    try:
        _pragma(conn, "synchronous=FULL")
    except Exception:
        conn.invalidate()
        if not quietly:
            raise


def _pragma(conn: Connection, setting: str) -> None:
    """A pragma outside any transaction (pysqlite in autocommit mode, as connected)."""
    raw: Any = conn.connection.dbapi_connection
    raw.execute(f"PRAGMA {setting}").close()


def _sqlite_file(url: str) -> Path | None:
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def _where(url: str) -> str:
    """How to name the database in a message: the file, or the URL without a password."""
    try:
        parsed = make_url(url)
    except sa_exc.ArgumentError:
        return url
    if parsed.get_backend_name() == "sqlite":
        return str(_sqlite_file(url) or url)
    return parsed.render_as_string(hide_password=True)


def _create_engine(target: DbTarget, wal: dict[str, bool]) -> Engine:
    url = target.url
    try:
        parsed = make_url(url)
    except sa_exc.ArgumentError as error:
        raise DatabaseError(f"not a database URL: {url}") from error
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise DatabaseError(
            f"unknown database URL scheme: {parsed.drivername} "
            f"(use a SQLite file path or postgresql+psycopg://…)"
        )
    if backend == "sqlite":
        path = _sqlite_file(url)
        if path is not None:
            if target.is_default:
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as error:
                    raise DatabaseError(f"cannot create database folder: {path.parent}") from error
            elif not path.parent.is_dir():
                raise DatabaseError(f"database folder does not exist: {path.parent}")
            if path.is_dir():
                raise DatabaseError(f"database path is a folder: {path}")
    # PostgreSQL waits for row locks forever by default; give it SQLite's busy timeout.
    connect_args = (
        {"options": f"-c lock_timeout={BUSY_TIMEOUT_MS}"} if backend == "postgresql" else {}
    )
    try:
        engine = create_engine(url, connect_args=connect_args)
    except sa_exc.NoSuchModuleError as error:
        raise DatabaseError(f"unknown database URL scheme: {parsed.drivername}") from error
    except ModuleNotFoundError as error:
        raise DatabaseError(
            f"no driver for {parsed.drivername}: install claim-tracker[postgres] ({error.name})"
        ) from error
    except sa_exc.ArgumentError as error:
        raise DatabaseError(f"unusable database URL {url}: {error}") from error
    if engine.dialect.name == "sqlite":
        _install_sqlite_events(engine, wal)
    return engine


def _install_sqlite_events(engine: Engine, wal: dict[str, bool]) -> None:
    """Pragmas on every connection, and BEGIN under our control (pysqlite's is lazy)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=FULL")  # `Store.write(durable=False)` aside
            if wal["on"]:
                cursor.execute("PRAGMA journal_mode=WAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql(conn.get_execution_options().get("sqlite_begin", "BEGIN"))


def read_version(conn: Connection) -> str | None:
    """The one schema query; a missing `alembic_version` table means an empty database."""
    try:
        row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    except (sa_exc.OperationalError, sa_exc.ProgrammingError) as error:
        if "no such table" in str(error) or "alembic_version" in str(error):
            conn.rollback()
            return None
        raise
    return None if row is None else str(row[0])


def _has_tables(conn: Connection) -> bool:
    row = conn.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
    ).first()
    return bool(row and row[0])


def _check_not_ahead(version: str | None) -> None:
    if version is not None and version not in known_revisions():
        raise DatabaseError(
            f"database schema {version} is newer than this build ({head_revision()}); "
            f"upgrade claims"
        )


def alembic_config(url: str | None = None, connection: Connection | None = None) -> Config:
    """The Alembic Config, built in code: no alembic.ini is read at runtime."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    config.set_main_option("file_template", "%%(rev)s_%%(slug)s")
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def _migrate(engine: Engine, where: str) -> str | None:
    """Upgrade to head in one transaction (write-locked on SQLite); returns the old version.

    The version is read again under the lock so two processes opening a new file at
    once do not both run the migrations.
    """
    from alembic import command

    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            conn.execution_options(sqlite_begin="BEGIN IMMEDIATE")
        with conn.begin():
            version = _read_version_in_tx(conn)
            _check_not_ahead(version)
            if version != head_revision():
                command.upgrade(alembic_config(connection=conn), "head")
    return version


def _read_version_in_tx(conn: Connection) -> str | None:
    """Like `read_version`, without a failing statement (it would abort a PG transaction)."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    return None if row is None else str(row[0])


def _connect(target: DbTarget) -> tuple[Engine, dict[str, bool], str | None]:
    wal = {"on": False}
    engine = _create_engine(target, wal)
    where = _where(target.url)
    try:
        with translate_errors(where), engine.connect() as conn:
            version = read_version(conn)
            if version is None and engine.dialect.name == "sqlite" and _has_tables(conn):
                raise DatabaseError(f"not a claims database: {where}")
        _check_not_ahead(version)
    except BaseException:
        engine.dispose()
        raise
    return engine, wal, version


def open_store(
    target: DbTarget, *, on_upgrade: Callable[[str, str], None] | None = None
) -> Store:
    """Open the database, creating or upgrading a SQLite file that is behind.

    PostgreSQL is shared by a team, so it is only upgraded on purpose (`claims db
    upgrade`). A newer schema is refused before anything is written to the file.
    Several processes opening a new SQLite file at once queue behind the one that
    migrates it; on a slow machine that can outlast one busy timeout, hence the retries.
    `on_upgrade(from, to)` is told before an existing file is upgraded (a large one can
    take a minute: revision 0003 derives a key for every figure).
    """
    from claims.store.readonly_store import refuse_writes

    refuse_writes(target)
    for attempt in range(OPEN_RETRIES):
        try:
            return _open(target, on_upgrade)
        except DatabaseBusy:
            if attempt == OPEN_RETRIES - 1:
                raise
    raise AssertionError("unreachable")


def open_for_reading(
    target: DbTarget, *, on_upgrade: Callable[[str, str], None] | None = None
) -> Store:
    """Open the database for a command that only reads: reading never creates one.

    A SQLite file that does not exist is an input error (exit 2) naming the path and
    where it came from, and nothing is created, not even the default `db/` folder; a
    mistyped `--db` must not turn the consistency gate into a pass on an empty database.
    Every read-only command (list, show, sources, history, stats, relations,
    check-consistency, export, dump, and those to come) opens the store through here.
    An existing older file is still upgraded, as on any first use, unless this process
    cannot write it (read-only media, file or folder): then it is opened read-only and
    creates nothing (`claims.store.readonly`), and one that is behind is refused.
    """
    problem = missing_database(target)
    if problem is not None:
        raise DatabaseError(problem)
    from claims.store.readonly_store import open_read_only, read_only_mode

    mode = read_only_mode(target)
    if mode is not None:
        return open_read_only(target, mode)
    return open_store(target, on_upgrade=on_upgrade)


def _open(target: DbTarget, on_upgrade: Callable[[str, str], None] | None) -> Store:
    engine, wal, version = _connect(target)
    where = _where(target.url)
    try:
        head = head_revision()
        if engine.dialect.name == "sqlite":
            wal["on"] = True
            engine.dispose()  # the checking connection was opened without WAL
            if version != head:
                if version is not None and on_upgrade is not None:
                    on_upgrade(version, head)
                with translate_errors(where):
                    _migrate(engine, where)
        elif version != head:
            raise DatabaseError(
                f"database schema is at {version or 'none'}, this build needs {head}: "
                f"run `claims db upgrade`"
            )
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, where)


def upgrade(target: DbTarget) -> tuple[str | None, str]:
    """Bring any database to head on purpose (`claims db upgrade`); returns (from, to)."""
    from claims.store.readonly_store import open_read_only, read_only_mode

    mode = read_only_mode(target)
    if mode is not None:  # refused if behind; at head there is nothing to write
        open_read_only(target, mode).close()
        return head_revision(), head_revision()
    engine, wal, version = _connect(target)
    where = _where(target.url)
    try:
        if engine.dialect.name == "sqlite":
            wal["on"] = True
            engine.dispose()
        with translate_errors(where):
            before = _migrate(engine, where) if version != head_revision() else version
    finally:
        engine.dispose()
    return before, head_revision()


_DRIVER_MODULES = ("sqlite3", "sqlalchemy", "psycopg")


def driver_error(exc: BaseException, url: str | None = None) -> ClaimsError | None:
    """The one-line error for a driver exception that escaped `translate_errors` (a fast
    path on a raw connection, say); None when `exc` is not a database driver's error.
    `url` names the database in the message."""
    where = _where(url) if url else ""
    module = type(exc).__module__.split(".")[0]
    is_binding = isinstance(exc, OverflowError) and "SQLite INTEGER" in str(exc)
    if module not in _DRIVER_MODULES and not is_binding:
        return None
    try:
        with translate_errors(where):
            raise exc
    except ClaimsError as translated:
        return translated
    except BaseException:  # noqa: BLE001 - not one we can explain: the caller reports it
        return None

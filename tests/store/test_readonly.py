"""How a SQLite file this process cannot write is opened (issue 20), decided per case.

Root writes everything, so here "cannot write" is simulated by patching `os.access` and
the read-only-media test; `tests/cli/test_read_only_db.py` runs the same cases for real,
as an unprivileged user and on read-only mounts.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest

from claims.config import DbTarget, resolve_db
from claims.errors import DatabaseChanged, DatabaseReadOnly
from claims.store import fastread, readonly
from claims.store.engine import head_revision, open_for_reading, open_store
from claims.store.queries import list_claims
from claims.store.readonly import ReadOnly, UnreadableWal, read_only_open, write_blocker
from claims.store.readonly_store import ReadOnlyStore
from tests.store.test_fastread import SEED

Deny = Callable[..., None]


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    """The seed in a WAL database nobody holds open (no -wal/-shm beside it)."""
    from claims.inputs import ArticleInput
    from claims.pipeline import ingest_all

    db = tmp_path / "archive" / "claims.db"
    db.parent.mkdir()
    with open_store(resolve_db(str(db))) as store:
        ingest_all(store, [ArticleInput(origin="seed.txt", name="seed.txt",
                                        text=SEED.read_text(encoding="utf-8"))])
    assert sorted(p.name for p in db.parent.iterdir()) == ["claims.db"]
    return db


@pytest.fixture
def deny(monkeypatch: pytest.MonkeyPatch) -> Iterator[Deny]:
    """`deny(path, media=False)`: make `path` (file or folder) unwritable to this process,
    or put everything on read-only media."""
    denied: set[str] = set()
    real_access = os.access

    def access(path: object, mode: int, **kwargs: object) -> bool:
        if mode & os.W_OK and os.path.abspath(str(path)) in denied:
            return False
        return real_access(path, mode, **kwargs)  # type: ignore[arg-type]

    def apply(path: Path | None = None, media: bool = False) -> None:
        if path is not None:
            denied.add(os.path.abspath(path))
        if media:
            monkeypatch.setattr(readonly, "on_read_only_media", lambda _p: True)

    monkeypatch.setattr(readonly.os, "access", access)
    yield apply


def _side_files(db: Path) -> list[str]:
    return sorted(p.name for p in db.parent.iterdir() if p != db)


def test_a_writable_file_is_opened_as_usual(seeded: Path) -> None:
    assert write_blocker(seeded) is None
    assert read_only_open(seeded) is None


def test_why_a_file_is_read_only(seeded: Path, deny: Deny) -> None:
    deny(seeded.parent)
    assert write_blocker(seeded) == "you cannot write its folder, where SQLite keeps its journal"
    deny(seeded)
    assert write_blocker(seeded) == "you cannot write the file"
    deny(media=True)
    assert write_blocker(seeded) == "on a read-only file system"


def test_read_only_media_is_immutable_and_unguarded(seeded: Path, deny: Deny) -> None:
    deny(media=True)
    mode = read_only_open(seeded)
    assert mode is not None
    assert (mode.immutable, mode.guarded, mode.reason) == (
        True, False, "on a read-only file system")
    assert mode.uri == f"file:{seeded}?mode=ro&immutable=1"


def test_a_wal_file_nobody_has_open_is_immutable_with_a_guard(seeded: Path,
                                                              deny: Deny) -> None:
    deny(seeded)
    mode = read_only_open(seeded)
    assert mode is not None and (mode.immutable, mode.guarded) == (True, True)
    assert not mode.changed_since_open()
    with closing(sqlite3.connect(seeded)) as conn:  # another process writes it
        conn.execute("PRAGMA user_version=7")
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert mode.changed_since_open()


def test_a_wal_file_in_use_is_read_through_its_shared_memory(seeded: Path,
                                                             deny: Deny) -> None:
    deny(seeded)
    with closing(sqlite3.connect(seeded)) as writer:  # holds -wal/-shm open
        writer.execute("SELECT count(*) FROM claim").fetchone()
        mode = read_only_open(seeded)
        assert mode is not None and (mode.immutable, mode.guarded) == (False, False)
        assert mode.uri == f"file:{seeded}?mode=ro"


def test_a_rollback_journal_file_takes_shared_locks(seeded: Path, deny: Deny) -> None:
    with closing(sqlite3.connect(seeded)) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
    deny(seeded)
    mode = read_only_open(seeded)
    assert mode is not None and (mode.immutable, mode.guarded) == (False, False)


def _copy_while_open(seeded: Path, dest: Path) -> None:
    """A copy of the three files taken while a writer held a change in its -wal."""
    with closing(sqlite3.connect(seeded, isolation_level=None)) as conn:
        conn.execute("PRAGMA wal_autocheckpoint=0")
        conn.execute("UPDATE source SET name = 'Pending' WHERE id = 1")
        dest.mkdir()
        for suffix in ("", "-wal", "-shm"):
            shutil.copy(f"{seeded}{suffix}", dest / f"claims.db{suffix}")


def test_changes_still_in_the_wal_are_read_on_read_only_media(
    seeded: Path, tmp_path: Path, deny: Deny
) -> None:
    copy = tmp_path / "copy"
    _copy_while_open(seeded, copy)
    deny(media=True)
    mode = read_only_open(copy / "claims.db")
    assert mode is not None and not mode.immutable  # immutable would skip the -wal
    (copy / "claims.db-shm").unlink()
    with pytest.raises(UnreadableWal, match="its last changes are still in claims.db-wal"):
        read_only_open(copy / "claims.db")


def test_the_uri_keeps_odd_file_names_exact(tmp_path: Path, seeded: Path, deny: Deny) -> None:
    odd = tmp_path / "a b?c#d%20e" / "x y.db"
    odd.parent.mkdir()
    shutil.copy(seeded, odd)
    deny(odd)
    mode = read_only_open(odd)
    assert mode is not None
    with closing(sqlite3.connect(mode.uri, uri=True)) as conn:
        assert conn.execute("SELECT count(*) FROM article").fetchone() == (1,)
    assert _side_files(odd) == []


def test_the_read_only_store_reads_refuses_writes_and_creates_nothing(
    seeded: Path, deny: Deny
) -> None:
    deny(seeded)
    target = resolve_db(str(seeded))
    with open_for_reading(target) as store:
        assert isinstance(store, ReadOnlyStore)
        assert len(list_claims(store)) == 39
        with pytest.raises(DatabaseReadOnly) as info, store.write():
            pass
    assert str(info.value) == (
        f"database {seeded} is read-only here (you cannot write the file): this command "
        "writes to it; run it on a writable copy")
    with pytest.raises(DatabaseReadOnly):
        open_store(target)
    assert _side_files(seeded) == []


def test_a_write_by_another_process_during_a_guarded_read_is_reported(
    seeded: Path, deny: Deny
) -> None:
    deny(seeded)
    with open_for_reading(resolve_db(str(seeded))) as store:
        assert len(list_claims(store)) == 39
        with closing(sqlite3.connect(seeded)) as conn:
            conn.execute("PRAGMA user_version=7")
            conn.commit()
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        with pytest.raises(DatabaseChanged) as info:
            list_claims(store)
    assert str(info.value) == (
        f"database {seeded} changed while it was being read (another process writes "
        "it); run the command again")
    assert info.value.exit_code == 3


def test_the_lean_path_reads_read_only_files_and_rereads_after_a_change(
    seeded: Path, deny: Deny, monkeypatch: pytest.MonkeyPatch
) -> None:
    deny(seeded)
    target = resolve_db(str(seeded))
    conn = fastread.connect(target)
    assert conn is not None
    mode = conn.read_only  # type: ignore[attr-defined]
    assert isinstance(mode, ReadOnly) and mode.guarded
    conn.close()
    assert len(fastread.read_claims(target)) == 39
    real = fastread.list_claims
    calls: list[str] = []

    def write_meanwhile(conn: sqlite3.Connection, **kwargs: object) -> object:
        found = real(conn, **kwargs)  # type: ignore[arg-type]
        if not calls:  # the first (lean) read: another process renames a source
            with closing(sqlite3.connect(seeded)) as other:
                other.execute("UPDATE source SET name = 'Renamed' WHERE id = 1")
                other.commit()
                other.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        calls.append("lean")
        return found

    monkeypatch.setattr(fastread, "list_claims", write_meanwhile)
    claims = fastread.read_claims(target)
    assert calls == ["lean"]  # the retry went through the full path, opened afresh
    assert len(claims) == 39 and "Renamed" in {c.source for c in claims}
    assert _side_files(seeded) == []


def test_an_old_schema_read_only_names_the_upgrade(tmp_path: Path, deny: Deny) -> None:
    from tests.store.test_upgrade_from_first import make_old_database

    db = tmp_path / "old.db"
    make_old_database(db)
    deny(db)
    target = DbTarget(url=f"sqlite:///{db}", is_default=False, path=db)
    assert fastread.connect(target) is None
    with pytest.raises(DatabaseReadOnly) as info:
        open_for_reading(target)
    assert str(info.value) == (
        f"database schema 0001 needs upgrade to {head_revision()}; {db} is read-only here "
        "(you cannot write the file): upgrade a writable copy with `claims db upgrade`")
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)

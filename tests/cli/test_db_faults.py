"""Unusable databases: one clear line, exit 2 (3 for a lock held past the timeout), never a
traceback, never a change to the file.

As root, chmod does not make a file read-only, so read-only cases go through SQLite's
`?mode=ro` URIs, and one case through an unprivileged subprocess (`tests/unprivileged.py`;
more in `test_read_only_db.py`).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from claims.store import engine
from tests.cli.conftest import SEED, Invoke
from tests.unprivileged import nobody_who_reads

GOOD = "The ministry said 40 people died in the flood.\n"
TABLES = ("article", "claim", "figure", "source", "verdict", "relation")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def row_counts(db: Path) -> dict[str, int]:
    uri = f"file:{db}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def one_error_line(stderr: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), stderr
    return lines[0]


@pytest.fixture
def seeded_db(seeded: Invoke, tmp_path: Path) -> Path:
    """The seed in a database no connection holds open (WAL folded into the file)."""
    db = tmp_path / "claims.db"
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db


COMMANDS = [("list",), ("show", "1"), ("ingest", "new.txt"), ("verify", "1", "--status",
            "supported"), ("check-consistency",), ("sources",), ("stats",)]


def _cases(tmp_path: Path, seeded_db: Path) -> dict[str, tuple[str, str]]:
    """name -> (--db value, expected error line) for databases that cannot be used."""
    text = tmp_path / "text.db"
    text.write_text("hello, this is not a database at all\n" * 40)
    corrupt = tmp_path / "corrupt.db"
    shutil.copy(seeded_db, corrupt)
    with corrupt.open("r+b") as handle:
        handle.seek(4096)
        handle.write(b"\xff" * 4096 * 4)
    header = tmp_path / "header.db"
    shutil.copy(seeded_db, header)
    with header.open("r+b") as handle:
        handle.write(b"NOT SQLITE AT ALL")
    newer = tmp_path / "newer.db"
    shutil.copy(seeded_db, newer)
    with closing(sqlite3.connect(newer)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    foreign = tmp_path / "foreign.db"
    with closing(sqlite3.connect(foreign)) as conn, conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
        conn.execute("INSERT INTO notes VALUES ('mine')")
    head = engine.head_revision()
    return {
        "missing-folder": (str(tmp_path / "nope" / "c.db"),
                           f"Error: database folder does not exist: {tmp_path / 'nope'}"),
        "folder": (str(tmp_path), f"Error: database path is a folder: {tmp_path}"),
        "scheme": ("mysql://u@localhost/claims",
                   "Error: unknown database URL scheme: mysql "
                   "(use a SQLite file path or postgresql+psycopg://…)"),
        "odd-scheme": ("ftp://example.org/x",
                       "Error: unknown database URL scheme: ftp "
                       "(use a SQLite file path or postgresql+psycopg://…)"),
        "text-file": (str(text), f"Error: not a usable SQLite database: {text}"),
        "bad-header": (str(header), f"Error: not a usable SQLite database: {header}"),
        "corrupt": (str(corrupt), f"Error: not a usable SQLite database: {corrupt}"),
        "newer": (str(newer), f"Error: database schema 9999 is newer than this build "
                              f"({head}); upgrade claims"),
        "foreign": (str(foreign), f"Error: not a claims database: {foreign}"),
        "ro-missing": (f"sqlite:///file:{tmp_path / 'absent.db'}?mode=ro&uri=true",
                       f"Error: cannot use database sqlite:///file:{tmp_path / 'absent.db'}"
                       f"?mode=ro&uri=true: unable to open database file"),
    }


CASES = ["missing-folder", "folder", "scheme", "odd-scheme", "text-file", "bad-header",
         "corrupt", "newer", "foreign", "ro-missing"]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("case", CASES)
def test_unusable_database_is_one_line_exit_2_and_untouched(
    seeded_db: Path, invoke: Invoke, tmp_path: Path, case: str, command: tuple[str, ...]
) -> None:
    (tmp_path / "new.txt").write_text(GOOD)
    target, expected = _cases(tmp_path, seeded_db)[case]
    if case == "missing-folder" and command[0] not in ("ingest", "verify"):
        # reading never creates a database: the missing file is named first
        expected = (f"Error: no database at {target} (from --db); check the path (only "
                    f"commands that write, such as `claims ingest`, create one)")
    files = [tmp_path / f"{n}.db" for n in ("text", "corrupt", "header", "newer", "foreign")]
    before = {p: digest(p) for p in files}
    result = invoke("--db", target, *command)
    if case == "corrupt" and command[0] == "ingest":
        # Found when opening, or by the integrity check before the first write (after
        # which the summary of nothing stored comes first).
        assert result.exit_code == 2, result.stderr
        assert result.stderr.splitlines()[-1] == expected
        assert result.stderr.splitlines()[:-1] in ([], [
            "Articles: 0 new, 0 unchanged, 0 failed, 0 claims, 0 figures, 0 new sources"
        ])
    else:
        assert result.exit_code == 2, result.stderr
        assert one_error_line(result.stderr) == expected
    assert "Traceback" not in result.stderr
    assert {p: digest(p) for p in files} == before
    assert not (tmp_path / "nope").exists()


def test_corrupt_database_write_is_refused_and_untouched(
    seeded_db: Path, invoke: Invoke, tmp_path: Path
) -> None:
    target, expected = _cases(tmp_path, seeded_db)["corrupt"]
    before = digest(Path(target))
    result = invoke("--db", target, "ingest", str(SEED.parent))
    assert result.exit_code == 2
    assert expected in result.stderr.splitlines()
    assert digest(Path(target)) == before


def test_read_only_uri_reads_but_refuses_writes(seeded_db: Path, invoke: Invoke,
                                                tmp_path: Path) -> None:
    (tmp_path / "new.txt").write_text(GOOD)
    ro = f"sqlite:///file:{seeded_db}?mode=ro&uri=true"
    before, counts = digest(seeded_db), row_counts(seeded_db)
    assert invoke("--db", ro, "list", "--format", "json").exit_code == 0
    message = f"Error: database {ro} is read-only: check the file's and its folder's permissions"
    result = invoke("--db", ro, "verify", "1", "--status", "supported")
    assert (result.exit_code, one_error_line(result.stderr)) == (2, message)
    result = invoke("--db", ro, "ingest", "new.txt")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "Articles: 0 new, 0 unchanged, 0 failed, 0 claims, 0 figures, 0 new sources",
        message,
    ]
    assert digest(seeded_db) == before and row_counts(seeded_db) == counts


def test_read_only_file_for_an_unprivileged_user() -> None:
    nobody = [*nobody_who_reads(), sys.executable]
    work = Path("/tmp") / f"claims-ro-{os.getpid()}"
    work.mkdir(mode=0o755, exist_ok=True)
    try:
        db = work / "c.db"
        env = {"PATH": os.environ["PATH"], "HOME": str(work), "CLAIMS_DB": str(db)}
        cmd = [sys.executable, "-m", "claims"]
        subprocess.run([*cmd, "ingest", str(SEED)], env=env, cwd=work, check=True,
                       capture_output=True, timeout=120)
        db.chmod(0o644)
        before = digest(db)
        proc = subprocess.run(
            [*nobody, "-m", "claims", "verify", "1", "--status", "supported"],
            env=env, cwd=work, capture_output=True, text=True, timeout=120, check=False,
        )
        assert proc.returncode == 2, proc.stderr
        assert one_error_line(proc.stderr) == (
            f"Error: database {db} is read-only here (you cannot write the file): this "
            "command writes to it; run it on a writable copy")
        assert digest(db) == before
    finally:
        shutil.rmtree(work, ignore_errors=True)


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 300)


@pytest.fixture
def locked(seeded_db: Path, short_busy_timeout: None) -> Iterator[Path]:
    """Another process-like writer holding the write lock for the whole test."""
    conn = sqlite3.connect(seeded_db, isolation_level=None, check_same_thread=False)
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield seeded_db
    finally:
        conn.execute("ROLLBACK")
        conn.close()


BUSY = "Error: database is busy: another writer held it for more than 0.3 s; try again"


def test_lock_held_past_the_timeout_is_exit_3(locked: Path, invoke: Invoke) -> None:
    counts = row_counts(locked)
    result = invoke("verify", "1", "--status", "supported")
    assert (result.exit_code, one_error_line(result.stderr)) == (3, BUSY)
    assert row_counts(locked) == counts


def test_ingest_under_a_lock_reports_what_was_stored(
    locked: Path, invoke: Invoke, tmp_path: Path
) -> None:
    (tmp_path / "new.txt").write_text(GOOD)
    counts = row_counts(locked)
    result = invoke("ingest", "new.txt")
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        "Articles: 0 new, 0 unchanged, 0 failed, 0 claims, 0 figures, 0 new sources", BUSY
    ]
    assert row_counts(locked) == counts


def test_reading_is_not_blocked_by_a_writer(locked: Path, invoke: Invoke) -> None:
    result = invoke("list", "--format", "json")
    assert result.exit_code == 0


def test_lock_released_in_time_waits_and_succeeds(
    seeded_db: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 5000)
    conn = sqlite3.connect(seeded_db, isolation_level=None, check_same_thread=False)
    conn.execute("BEGIN IMMEDIATE")
    timer = threading.Timer(0.5, lambda: conn.execute("ROLLBACK"))
    timer.start()
    try:
        result = invoke("verify", "1", "--status", "supported")
    finally:
        timer.join()
        conn.close()
    assert result.exit_code == 0, result.stderr
    assert row_counts(seeded_db)["verdict"] == 1


def test_write_to_a_database_damaged_elsewhere_is_refused(
    seeded_db: Path, invoke: Invoke, tmp_path: Path
) -> None:
    """SQLite notices damage only on the pages a query reads: the check before the first
    write refuses to add to a damaged record even when the write itself would succeed."""
    damaged = tmp_path / "damaged.db"
    shutil.copy(seeded_db, damaged)
    with damaged.open("r+b") as handle:
        handle.seek(4096 * 2)
        handle.write(b"\xff" * 4096 * 3)
    before = digest(damaged)
    result = invoke("--db", str(damaged), "verify", "1", "--status", "supported")
    assert result.exit_code == 2, result.stderr
    assert one_error_line(result.stderr).startswith(
        f"Error: not a usable SQLite database: {damaged}"
    )
    assert digest(damaged) == before

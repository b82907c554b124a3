"""Read-only databases are readable (issue 20): every command that only reads works on a
SQLite file the user may read but not write, in a folder they may or may not write, and
on read-only media, with the output it gives on a writable copy; every command that
writes exits 2 saying the database is read-only; an old schema exits 2 naming the
upgrade; and nothing is ever created beside the file.

Root writes everything, so the unprivileged cases run the CLI as `nobody` in a
subprocess (`tests/unprivileged.py`), and the read-only media cases bind-mount the
folder onto itself read-only (skipped where the test may not mount).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claims.cli import app
from claims.store.engine import head_revision
from tests.cli.conftest import SEED
from tests.cli.test_reading import READERS
from tests.store.test_upgrade_from_first import make_old_database
from tests.unprivileged import nobody_who_reads

Result = tuple[int, str, str]
OUTPUT_FILES = ("snap.jsonl", "report.html")
NEW = "The ministry said 40 people died in the flood.\n"
WRITERS = [
    ("ingest", "new.txt"), ("verify", "1", "--status", "supported"), ("import", "todo.csv"),
    ("load", "snap.jsonl"), ("reextract", "--force"), ("relate", "bound", "1", "2"),
    ("relations", "accept", "1"), ("correct", "1", "--source", "Someone"),
    ("evidence", "check", "--update"),
]
_DRIVER = """
import json, sys
from typer.testing import CliRunner
from claims.cli import app
results = []
for args in json.loads(sys.argv[1]):
    r = CliRunner().invoke(app, args)
    results.append([r.exit_code, r.stdout, r.stderr])
print(json.dumps(results))
"""
_GENERATED = re.compile(r"Generated \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _same_run(text: str) -> str:
    """The report's time stamp is the only output that differs between two runs."""
    return _GENERATED.sub("Generated <time>", text)


ENV = {"CLAIMS_REVIEWER": "ana", "COLUMNS": "120"}


def run_commands(commands: list[tuple[str, ...]], db: Path, cwd: Path,
                 prefix: list[str] | None = None) -> list[Result]:
    """Each command in one Python process (as root, or as `prefix`'s user) on `db`."""
    env = {"PATH": os.environ["PATH"], "HOME": str(cwd), "CLAIMS_DB": str(db), **ENV}
    proc = subprocess.run(
        [*(prefix or []), sys.executable, "-c", _DRIVER, json.dumps(commands)],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr
    return [(code, _same_run(out), err) for code, out, err in json.loads(proc.stdout)]


def run_here(commands: list[tuple[str, ...]], db: Path, cwd: Path) -> list[Result]:
    """`run_commands` in this process, as root, on a writable database: the reference."""
    here = Path.cwd()
    os.chdir(cwd)
    try:
        found = [CliRunner().invoke(app, list(args), env={"CLAIMS_DB": str(db), **ENV})
                 for args in commands]
    finally:
        os.chdir(here)
    return [(r.exit_code, _same_run(r.stdout), r.stderr) for r in found]


def outputs(cwd: Path) -> dict[str, str]:
    return {n: _same_run((cwd / n).read_text()) for n in OUTPUT_FILES}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Result], Path]:
    """The seed with a verdict, in a database nobody holds open; what every reader gives
    on it while it is writable; the folder holding their output files."""
    folder = tmp_path_factory.mktemp("template")
    db = folder / "claims.db"
    runner = CliRunner()
    for args in (("ingest", str(SEED)), ("verify", "1", "--status", "supported",
                                         "--reviewer", "ana", "--note", "checked")):
        result = runner.invoke(app, ["--db", str(db), *args])
        assert result.exit_code == 0, result.stderr
    ref_cwd = folder / "ref"
    ref_cwd.mkdir()
    reference = run_here(READERS, db, ref_cwd)
    assert sorted(p.name for p in folder.iterdir()) == ["claims.db", "ref"]
    return db, reference, ref_cwd


def build(template: tuple[Path, list[Result], Path], db: Path, journal: str = "wal") -> None:
    """A copy of the template database at `db`, in `journal` mode."""
    shutil.copy(template[0], db)
    if journal != "wal":
        with closing(sqlite3.connect(db)) as conn:
            conn.execute(f"PRAGMA journal_mode={journal}")
    assert sorted(p.name for p in db.parent.iterdir()) == [db.name]


def inputs_for_writers(cwd: Path, db: Path) -> None:
    (cwd / "new.txt").write_text(NEW)
    csv = CliRunner().invoke(app, ["--db", str(db), "export", "--format", "csv"]).stdout
    (cwd / "todo.csv").write_text(csv.replace(",unverified,", ",supported,", 1))


@pytest.fixture
def work() -> Iterator[Path]:
    """A folder under /tmp that an unprivileged user can reach (pytest's is root's)."""
    path = Path(tempfile.mkdtemp(prefix="claims-ro-", dir="/tmp"))
    path.chmod(0o755)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _nobody_dir(path: Path) -> Path:
    path.mkdir()
    shutil.chown(path, "nobody")
    return path


def _refused(db: Path, reason: str) -> str:
    return (f"Error: database {db} is read-only here ({reason}): this command writes to "
            f"it; run it on a writable copy\n")


def _check_readers(reference: list[Result], ref_cwd: Path, got: list[Result],
                   cwd: Path) -> None:
    """`got` equals the reference for each reader run (all of them, or the first few)."""
    gate = ("check-consistency", "--fail-on", "warning")  # the seed's finding fails it
    assert [r[0] for r in reference] == [int(c == gate) for c in READERS], reference
    for command, expected, actual in zip(READERS, reference, got, strict=False):
        assert actual == expected, command
    if len(got) == len(READERS):
        assert outputs(cwd) == outputs(ref_cwd)


# --- as an unprivileged user: the file (or its folder) is not theirs to write ------------

ALL = len(READERS)
LAYOUTS = {  # folder owner, file owner, journal mode, readers run, why it is read-only
    # folder writable by the reader, file not: SQLite could create -wal/-shm, must not
    "writable-folder": ("nobody", "root", "wal", ALL, "you cannot write the file"),
    "read-only-folder": ("root", "root", "wal", ALL, "you cannot write the file"),
    "read-only-folder-rollback": ("root", "root", "delete", ALL, "you cannot write the file"),
    # the reader's own file in a folder they cannot write: no journal can be created
    "own-file-read-only-folder": (
        "root", "nobody", "wal", 3, "you cannot write its folder, where SQLite keeps its journal"),
}


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_an_unwritable_database_reads_the_same_and_refuses_writes(
    work: Path, layout: str, template: tuple[Path, list[Result], Path]
) -> None:
    nobody = nobody_who_reads()
    folder_owner, file_owner, journal, readers, reason = LAYOUTS[layout]
    archive = work / "archive"
    archive.mkdir(mode=0o755)
    db = archive / "claims.db"
    build(template, db, journal)
    _, reference, ref_cwd = template
    cwd = _nobody_dir(work / "reader")
    shutil.chown(archive, folder_owner)
    shutil.chown(db, file_owner)
    db.chmod(0o644)
    before = digest(db)

    got = run_commands(READERS[:readers], db, cwd, nobody)
    _check_readers(reference, ref_cwd, got, cwd)
    inputs_for_writers(cwd, template[0])
    if readers < ALL:
        (cwd / "snap.jsonl").write_text((ref_cwd / "snap.jsonl").read_text())
    refused = run_commands(WRITERS, db, cwd, nobody)
    assert refused == [(2, "", _refused(db, reason))] * len(WRITERS)
    assert sorted(p.name for p in archive.iterdir()) == ["claims.db"]
    assert digest(db) == before


def test_the_installed_command_as_nobody(
    work: Path, template: tuple[Path, list[Result], Path]
) -> None:
    """The console script itself, on the lean path (`list`) and a write."""
    nobody = nobody_who_reads()
    db = work / "claims.db"
    build(template, db)
    claims = str(Path(sys.executable).with_name("claims"))
    env = {"PATH": os.environ["PATH"], "HOME": str(work), "CLAIMS_DB": str(db)}
    expected = subprocess.run([claims, "list", "--format", "json"], env=env, cwd=work,
                              capture_output=True, text=True, check=True).stdout
    before = digest(db)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*nobody, claims, *args], env=env, cwd=work,
                              capture_output=True, text=True, timeout=120, check=False)

    listing = run("list", "--format", "json")
    assert (listing.returncode, listing.stdout, listing.stderr) == (0, expected, "")
    verify = run("verify", "2", "--status", "refuted")
    assert (verify.returncode, verify.stdout) == (2, "")
    assert verify.stderr == _refused(db, "you cannot write the file")
    assert sorted(p.name for p in work.iterdir()) == ["claims.db"]
    assert digest(db) == before


def test_reading_while_the_owner_writes(
    work: Path, template: tuple[Path, list[Result], Path]
) -> None:
    """The owner has the database open and writes; the reader sees each commit through
    the owner's -wal/-shm, and creates nothing of its own."""
    nobody = nobody_who_reads()
    archive = work / "archive"
    archive.mkdir(mode=0o755)
    db = archive / "claims.db"
    build(template, db)
    cwd = _nobody_dir(work / "reader")
    history = [("history", "2", "--format", "json")]
    with closing(sqlite3.connect(db)) as owner:
        owner.execute("SELECT count(*) FROM claim").fetchone()  # holds -wal/-shm open
        assert run_commands(history, db, cwd, nobody) == [(0, "[]\n", "")]
        result = CliRunner().invoke(app, ["--db", str(db), "verify", "2", "--status",
                                          "refuted", "--reviewer", "bo"])
        assert result.exit_code == 0, result.stderr
        [(code, out, err)] = run_commands(history, db, cwd, nobody)
        assert (code, err) == (0, "")
        assert [(v["reviewer"], v["to"]) for v in json.loads(out)] == [("bo", "refuted")]
        owners = {p.name: p.stat().st_uid for p in archive.iterdir()}
        assert owners == {"claims.db": 0, "claims.db-wal": 0, "claims.db-shm": 0}
    assert sorted(p.name for p in archive.iterdir()) == ["claims.db"]


def test_an_old_schema_names_the_upgrade_it_needs(work: Path) -> None:
    nobody = nobody_who_reads()
    archive = work / "archive"
    archive.mkdir(mode=0o755)
    db = archive / "old.db"
    make_old_database(db)
    db.chmod(0o644)
    before = digest(db)
    cwd = _nobody_dir(work / "reader")
    message = (f"Error: database schema 0001 needs upgrade to {head_revision()}; {db} is "
               "read-only here (you cannot write the file): upgrade a writable copy with "
               "`claims db upgrade`\n")
    got = run_commands([("list",), ("show", "1"), ("stats",), ("db", "upgrade")], db, cwd,
                       nobody)
    assert got == [(2, "", message)] * 4
    assert sorted(p.name for p in archive.iterdir()) == ["old.db"]
    assert digest(db) == before


# --- read-only media: the folder bind-mounted onto itself, read-only ---------------------


@contextmanager
def read_only_mount(folder: Path) -> Iterator[None]:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root and mount to make a read-only mount")
    done = subprocess.run(["mount", "--bind", str(folder), str(folder)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"mounting is not permitted here: {done.stderr.strip()}")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True,
                       capture_output=True)
        assert os.statvfs(folder).f_flag & os.ST_RDONLY
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True, capture_output=True)


def _hold_a_change_in_the_wal(db: Path, archive: Path) -> None:
    """Copy the database into `archive` while a writer holds a verdict in its -wal, as a
    snapshot of a live system would (the copy's main file lacks that verdict)."""
    with closing(sqlite3.connect(db)) as owner:
        owner.execute("PRAGMA wal_autocheckpoint=0")
        owner.execute("SELECT count(*) FROM claim").fetchone()
        result = CliRunner().invoke(app, ["--db", str(db), "verify", "2", "--status",
                                          "refuted", "--reviewer", "bo"])
        assert result.exit_code == 0, result.stderr
        for suffix in ("", "-wal", "-shm"):
            shutil.copy(f"{db}{suffix}", archive / f"claims.db{suffix}")


@pytest.mark.parametrize("state", ["wal", "changes-in-wal"])
def test_read_only_media_reads_the_same_and_refuses_writes(
    tmp_path: Path, state: str, template: tuple[Path, list[Result], Path]
) -> None:
    """Immutable when the file holds everything; through the -wal/-shm when the last
    changes are still in the -wal (a copy of a live database)."""
    archive, cwd = tmp_path / "archive", tmp_path / "reader"
    archive.mkdir()
    cwd.mkdir()
    db = archive / "claims.db"
    if state == "wal":
        build(template, db)
        _, reference, ref_cwd = template
    else:
        source = tmp_path / "live" / "claims.db"
        source.parent.mkdir()
        build(template, source)
        _hold_a_change_in_the_wal(source, archive)
        reference_db = tmp_path / "ref" / "claims.db"
        ref_cwd = reference_db.parent
        ref_cwd.mkdir()
        for suffix in ("", "-wal", "-shm"):
            shutil.copy(f"{db}{suffix}", f"{reference_db}{suffix}")
        reference = run_here(READERS, reference_db, ref_cwd)
    files = sorted(p.name for p in archive.iterdir())
    before = {name: digest(archive / name) for name in files}
    inputs_for_writers(cwd, template[0])
    with read_only_mount(archive):
        _check_readers(reference, ref_cwd, run_commands(READERS, db, cwd), cwd)
        refused = run_commands(WRITERS, db, cwd)
        assert refused == [(2, "", _refused(db, "on a read-only file system"))] * len(WRITERS)
        assert sorted(p.name for p in archive.iterdir()) == files
        assert {name: digest(archive / name) for name in files} == before
        if state == "changes-in-wal":  # the verdict only the -wal holds is read
            [(code, out, _)] = run_commands([("history", "2", "--format", "json")], db, cwd)
            assert [(v["reviewer"], v["to"]) for v in json.loads(out)] == [("bo", "refuted")]


def test_read_only_media_without_the_shared_memory_file_says_so(
    tmp_path: Path, template: tuple[Path, list[Result], Path]
) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    source = tmp_path / "live" / "claims.db"
    source.parent.mkdir()
    build(template, source)
    _hold_a_change_in_the_wal(source, archive)
    (archive / "claims.db-shm").unlink()
    db = archive / "claims.db"
    with read_only_mount(archive):
        got = run_commands([("list",), ("stats",)], db, tmp_path)
    message = (f"Error: database {db} is read-only here (on a read-only file system) and its "
               "last changes are still in claims.db-wal, which SQLite cannot read here "
               "without claims.db-shm: open it once where it is writable to fold them into "
               "the file\n")
    assert got == [(2, "", message)] * 2


def test_an_old_schema_on_read_only_media_names_the_upgrade(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    db = archive / "old.db"
    make_old_database(db)
    with read_only_mount(archive):
        got = run_commands([("list",), ("check-consistency",), ("db", "upgrade")], db,
                           tmp_path)
    message = (f"Error: database schema 0001 needs upgrade to {head_revision()}; {db} is "
               "read-only here (on a read-only file system): upgrade a writable copy with "
               "`claims db upgrade`\n")
    assert got == [(2, "", message)] * 3


# --- PostgreSQL: a role whose transactions are read-only ---------------------------------


def test_a_read_only_postgres_role_reads_and_refuses_writes(pg_database: str) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    runner = CliRunner()
    for args in (("db", "upgrade"), ("ingest", str(SEED))):
        assert runner.invoke(app, ["--db", pg_database, *args]).exit_code == 0
    url = make_url(pg_database)

    def admin(*statements: str) -> None:
        with psycopg.connect(host=url.host, port=url.port, user="postgres",
                             dbname=url.database, autocommit=True) as conn:
            for statement in statements:
                conn.execute(statement)

    admin("CREATE ROLE reader LOGIN", "GRANT ALL ON ALL TABLES IN SCHEMA public TO reader",
          "GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO reader",
          "ALTER ROLE reader SET default_transaction_read_only = on")
    reader = url.set(username="reader").render_as_string(hide_password=False)
    try:
        for args in (("list", "--format", "json"), ("stats",), ("check-consistency",)):
            expected = runner.invoke(app, ["--db", pg_database, *args])
            got = runner.invoke(app, ["--db", reader, *args])
            assert (got.exit_code, got.stdout, got.stderr) == (
                expected.exit_code, expected.stdout, expected.stderr)
        verify = runner.invoke(app, ["--db", reader, "verify", "1", "--status", "supported"])
        assert (verify.exit_code, verify.stdout) == (2, "")
        assert verify.stderr == (
            f"Error: database {url.set(username='reader').render_as_string()} is read-only "
            "for this connection (cannot execute SELECT FOR UPDATE in a read-only "
            "transaction): "
            "commands that only read work; writing needs a role that may write\n")
    finally:
        admin("DROP OWNED BY reader", "DROP ROLE reader")

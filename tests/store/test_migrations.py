"""Schema: migrations equal the models, triggers exist and bite, opening is guarded."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy import exc as sa_exc

from claims.config import DbTarget, resolve_db
from claims.errors import DatabaseError
from claims.store import open_store, upgrade
from claims.store.engine import MIGRATIONS_DIR, head_revision, known_revisions


def test_revision_files_are_numbered_and_match_their_ids() -> None:
    files = sorted(p.name for p in (MIGRATIONS_DIR / "versions").glob("*.py"))
    assert files[0] == "0001_initial.py"
    for name in files:
        source = (MIGRATIONS_DIR / "versions" / name).read_text()
        assert re.search(rf"^revision: str = [\"']{name[:4]}[\"']$", source, re.M), name
    assert known_revisions() == tuple(n[:4] for n in files)
    assert head_revision() == files[-1][:4]


def test_upgrade_empty_database_matches_models(backend: DbTarget) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    assert upgrade(backend) == (None, head_revision())
    engine = create_engine(backend.url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, SQLModel.metadata) == []
    finally:
        engine.dispose()
    assert upgrade(backend) == (head_revision(), head_revision())


def test_triggers_exist_at_head_on_sqlite(db_target: DbTarget) -> None:
    open_store(db_target).close()
    with sqlite3.connect(db_target.path) as conn:  # type: ignore[arg-type]
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    assert names == {
        f"{table}_no_{what}"
        for table in (
            "verdict", "evidence_body", "evidence_snapshot", "article_event", "source_event"
        )
        for what in ("update", "delete")
    }


def _one_verdict(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO article (name, origin, content_hash, extractor_version, "
                "text, ingested_at) VALUES ('a', 'a', 'h', '', 't', 'now')"
            )
        )
        conn.execute(
            text(
                'INSERT INTO claim (article_id, seq, text, start, "end", paragraph, '
                "sentence) VALUES (1, 0, 't', 0, 1, 0, 0)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO verdict (claim_id, at, reviewer, from_status, to_status, "
                "evidence, version, kind) VALUES (1, 'now', 'ana', 'unverified', "
                "'supported', '[]', 2, 'verdict')"
            )
        )
    engine.dispose()


@pytest.mark.parametrize("statement", ["UPDATE verdict SET note = 'x'", "DELETE FROM verdict"])
def test_triggers_block_update_and_delete(backend: DbTarget, statement: str) -> None:
    upgrade(backend)
    _one_verdict(backend.url)
    engine = create_engine(backend.url)
    try:
        with (
            pytest.raises(sa_exc.DBAPIError, match="verdict history is append-only"),
            engine.begin() as conn,
        ):
            conn.execute(text(statement))
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*), max(note) FROM verdict")).one() == (1, None)
    finally:
        engine.dispose()


def test_new_file_is_created_in_wal_mode_at_head(db_target: DbTarget) -> None:
    with open_store(db_target) as store, store.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
        assert (
            conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            == head_revision()
        )


def test_current_database_opens_without_importing_alembic(db_target: DbTarget) -> None:
    open_store(db_target).close()
    code = (
        "import sys; from claims.config import resolve_db; from claims.store import open_store;"
        f"open_store(resolve_db({str(db_target.path)!r})).close();"
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_newer_schema_is_refused_and_file_untouched(db_target: DbTarget) -> None:
    open_store(db_target).close()
    path = db_target.path
    assert path is not None
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError) as info:
        open_store(db_target)
    assert str(info.value) == (
        f"database schema 9999 is newer than this build ({head_revision()}); upgrade claims"
    )
    assert info.value.exit_code == 2
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith("test.db")) == [
        "test.db"
    ]
    with pytest.raises(DatabaseError, match="newer than this build"):
        upgrade(db_target)


def test_not_a_database_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("this is not a database, just some notes\n" * 100)
    with pytest.raises(DatabaseError) as info:
        open_store(resolve_db(str(path)))
    assert str(info.value) == f"not a usable SQLite database: {path}"
    assert info.value.exit_code == 2


def test_other_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(DatabaseError, match=f"not a claims database: {re.escape(str(path))}"):
        open_store(resolve_db(str(path)))


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    missing = tmp_path / "nope" / "claims.db"
    with pytest.raises(DatabaseError) as info:
        open_store(resolve_db(str(missing)))
    assert str(info.value) == f"database folder does not exist: {missing.parent}"
    assert not missing.parent.exists()


def test_default_location_creates_its_folder(tmp_path: Path) -> None:
    target = resolve_db(None, env={})
    assert target.is_default
    open_store(target).close()
    assert (tmp_path / "db" / "claims.db").is_file()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "nosuch://x/y",
            "unknown database URL scheme: nosuch (use a SQLite file path or "
            "postgresql+psycopg://…)",
        ),
        ("::::", "not a database URL: ::::"),
        ("postgresql+nodriver://u@h/d", "unknown database URL scheme: postgresql+nodriver"),
    ],
)
def test_unusable_urls_are_one_line_errors(url: str, message: str) -> None:
    with pytest.raises(DatabaseError) as info:
        open_store(DbTarget(url=url, is_default=False, path=None))
    assert str(info.value) == message


def test_postgres_behind_asks_for_upgrade(pg_database: str) -> None:
    target = DbTarget(url=pg_database, is_default=False, path=None)
    with pytest.raises(DatabaseError) as info:
        open_store(target)
    assert str(info.value) == (
        f"database schema is at none, this build needs {head_revision()}: run `claims db upgrade`"
    )
    assert upgrade(target) == (None, head_revision())
    with open_store(target) as store:
        assert store.dialect == "postgresql"


def test_postgres_unreachable_is_one_line_error() -> None:
    target = DbTarget(
        url="postgresql+psycopg://nobody@127.0.0.1:1/none", is_default=False, path=None
    )
    with pytest.raises(DatabaseError) as info:
        open_store(target)
    assert "\n" not in str(info.value)
    assert str(info.value).startswith("cannot use database postgresql+psycopg://")


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs /proc")
def test_unwritable_location_is_one_line_error() -> None:
    with pytest.raises(DatabaseError) as info:
        open_store(resolve_db("/proc/claims.db"))
    assert str(info.value) == "cannot use database /proc/claims.db: unable to open database file"


def test_corrupt_database_is_refused(db_target: DbTarget) -> None:
    open_store(db_target).close()
    path = db_target.path
    assert path is not None
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    with pytest.raises(
        DatabaseError, match=f"^not a usable SQLite database: {re.escape(str(path))}$"
    ):
        open_store(db_target)


def test_sqlite_behind_is_upgraded_on_open(db_target: DbTarget) -> None:
    from alembic import command

    from claims.store.engine import alembic_config

    engine = create_engine(db_target.url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(connection=conn), known_revisions()[0])
    engine.dispose()
    with open_store(db_target) as store, store.read() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == (
            head_revision()
        )


def test_postgres_behind_at_an_old_revision_names_it(pg_database: str) -> None:
    from alembic import command

    from claims.store.engine import alembic_config

    if len(known_revisions()) < 2:
        pytest.skip("only one revision so far")
    first = known_revisions()[0]
    engine = create_engine(pg_database)
    with engine.begin() as conn:
        command.upgrade(alembic_config(connection=conn), first)
    engine.dispose()
    target = DbTarget(url=pg_database, is_default=False, path=None)
    with pytest.raises(DatabaseError) as info:
        open_store(target)
    assert str(info.value) == (
        f"database schema is at {first}, this build needs {head_revision()}: "
        "run `claims db upgrade`"
    )
    assert upgrade(target) == (first, head_revision())


def test_downgrade_to_base_and_back(backend: DbTarget) -> None:
    from alembic import command

    from claims.store.engine import alembic_config

    upgrade(backend)
    engine = create_engine(backend.url)
    try:
        with engine.begin() as conn:
            command.downgrade(alembic_config(connection=conn), "base")
        with engine.connect() as conn:
            assert read_tables(conn) == {"alembic_version"}
    finally:
        engine.dispose()
    assert upgrade(backend) == (None, head_revision())


def read_tables(conn: object) -> set[str]:
    from sqlalchemy import inspect

    return set(inspect(conn).get_table_names())


def test_postgres_without_privileges_is_one_line_error(pg_database: str) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(pg_database)
    with psycopg.connect(
        host=url.host, port=url.port, user="postgres", dbname=url.database, autocommit=True
    ) as conn:
        conn.execute("CREATE ROLE reader LOGIN")
        conn.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    target = DbTarget(
        url=url.set(username="reader").render_as_string(hide_password=False),
        is_default=False,
        path=None,
    )
    try:
        with pytest.raises(DatabaseError) as info:
            upgrade(target)
        assert "permission denied for schema public" in str(info.value)
        assert "\n" not in str(info.value)
    finally:
        with psycopg.connect(
            host=url.host, port=url.port, user="postgres", dbname=url.database, autocommit=True
        ) as conn:
            conn.execute("DROP ROLE reader")

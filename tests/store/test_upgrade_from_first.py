"""A database made by the first released schema upgrades to head with its data intact."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from claims.cli import app
from claims.store.engine import head_revision

SNAPSHOT = Path(__file__).resolve().parents[1] / "data" / "schema-0001.sql"


def make_old_database(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.executescript(SNAPSHOT.read_text())
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)


def test_first_schema_upgrades_on_open_with_data_intact(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    make_old_database(db)
    runner = CliRunner()
    listing = runner.invoke(app, ["--db", str(db), "list", "--format", "json"])
    assert listing.exit_code == 0, listing.stderr
    assert listing.stderr == (
        f"Upgrading the database schema from 0001 to {head_revision()} (once; a large "
        "database takes a minute)...\n"
    )
    assert runner.invoke(app, ["--db", str(db), "list"]).stderr == ""  # once
    rows = json.loads(listing.stdout)
    assert [(r["id"], r["source"], r["status"], r["version"]) for r in rows] == [
        (1, "Police", "supported", 2),
        (2, "Civil Protection Agency", "unverified", 1),
    ]
    assert rows[0]["figures"][0]["value"] == 40
    history = runner.invoke(app, ["--db", str(db), "history", "1", "--format", "json"])
    assert json.loads(history.stdout) == [
        {
            "id": 1,
            "at": "2025-01-02T11:30:00Z",
            "reviewer": "ana",
            "from": "unverified",
            "to": "supported",
            "note": "coroner confirms",
            "evidence": ["https://example.org/coroner"],
            "version": 2,
            "kind": "verdict",
            "reverts": None,
        }
    ]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            head_revision(),
        )
        assert conn.execute("SELECT count(*) FROM relation_member").fetchone() == (2,)
        # 0007 frames every existing figure from its claim's text, and its block is the
        # frame's role
        blocks = conn.execute(
            "SELECT f.id, f.block, f.frame_role, f.frame_words FROM figure f ORDER BY f.id"
        ).fetchall()
        assert [(r[0], r[1]) for r in blocks] == [
            (i, f"r:{role}" if role else "") for i, _, role, _ in blocks
        ]
        assert all(words is not None for *_, words in blocks)
        assert conn.execute("SELECT note FROM finding_ack").fetchone() == ("known",)
        triggers = {
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
        }
    assert any("verdict" in t for t in triggers)


def test_first_schema_upgrades_with_db_upgrade(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    make_old_database(db)
    result = CliRunner().invoke(app, ["--db", str(db), "db", "upgrade"])
    assert result.exit_code == 0
    assert result.stderr == f"Database schema upgraded from 0001 to {head_revision()}.\n"
    again = CliRunner().invoke(app, ["--db", str(db), "db", "upgrade"])
    assert again.stderr == f"Database schema is already at {head_revision()}.\n"

"""Interrupted ingests: Ctrl-C rolls back the article in progress and reports what was
stored (exit 130); `kill -9` at any moment leaves a sound database with no partial
article, and the same ingest run again completes it without duplicates.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from claims.core.extraction import extract
from claims.core.text.documents import make_document
from tests.cli.conftest import Invoke

INTERRUPTED = (
    "Interrupted: the article in progress was not stored; run the same command again to finish."
)


def article(i: int) -> str:
    """A small, distinct news article with attributed claims and figures."""
    return (
        f"Flood update number {i}\n"
        f"The ministry said {i + 10} people were evacuated from district {i} on Monday.\n"
        f"Officials said {i % 7 + 2} bridges were damaged and {i * 3 + 1} homes lost power.\n"
        f"The mayor said repairs in district {i} would take {i % 5 + 1} weeks.\n"
    )


def make_folder(root: Path, count: int) -> Path:
    folder = root / "articles"
    folder.mkdir()
    for i in range(count):
        (folder / f"a{i:04d}.txt").write_text(article(i), encoding="utf-8")
    return folder


def expected_claims(folder: Path) -> dict[str, int]:
    """Claims per file, from the same extractor the ingest runs."""
    return {
        p.name: len(extract(make_document(p.read_text(encoding="utf-8"), p.name)).claims)
        for p in sorted(folder.glob("*.txt"))
    }


def query(db: Path, sql: str) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(db, timeout=30)) as conn:
        return conn.execute(sql).fetchall()


def stored_articles(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        return int(query(db, "SELECT count(*) FROM article")[0][0])
    except sqlite3.OperationalError:  # not migrated yet, or briefly locked
        return 0


def assert_sound(db: Path, expected: dict[str, int]) -> None:
    """Integrity holds, and every stored article has all of its claims (none partial)."""
    assert query(db, "PRAGMA integrity_check") == [("ok",)]
    assert query(db, "PRAGMA foreign_key_check") == []
    per_article = query(
        db,
        "SELECT article.name, count(claim.id) FROM article "
        "LEFT JOIN claim ON claim.article_id = article.id GROUP BY article.id",
    )
    assert per_article, "nothing was stored"
    for name, claims in per_article:
        assert claims == expected[name], name
    assert query(db, "SELECT count(*) - count(DISTINCT content_hash) FROM article") == [(0,)]


# --- Ctrl-C inside the process: deterministic ---------------------------------------------


def test_ctrl_c_rolls_back_the_article_in_progress(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claims.store import ingest as store_ingest

    folder = make_folder(tmp_path, 5)
    expected = expected_claims(folder)
    real_save = store_ingest._save
    calls = {"n": 0}

    def save_then_interrupt(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        outcome = real_save(*args, **kwargs)  # the rows are written, not yet committed
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return outcome

    monkeypatch.setattr(store_ingest, "_save", save_then_interrupt)
    result = invoke("ingest", str(folder))
    first_two = expected["a0000.txt"] + expected["a0001.txt"]
    assert result.exit_code == 130
    undated, summary, last = result.stderr.splitlines()
    assert undated.startswith("No publication date found for a0000.txt, a0001.txt: ")
    assert summary.startswith(f"Articles: 2 new, 0 unchanged, 0 failed, {first_two} claims, ")
    assert last == INTERRUPTED
    db = tmp_path / "claims.db"
    assert query(db, "SELECT name FROM article ORDER BY id") == [("a0000.txt",), ("a0001.txt",)]
    assert_sound(db, expected)

    monkeypatch.setattr(store_ingest, "_save", real_save)
    again = invoke("ingest", str(folder))
    assert again.exit_code == 0, again.stderr
    assert again.stderr.splitlines()[-1].startswith("Articles: 3 new, 2 unchanged, 0 failed,")
    assert stored_articles(db) == 5
    assert_sound(db, expected)


def test_ctrl_c_before_anything_is_stored_is_exit_130(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claims import pipeline

    def interrupt(*_: Any, **__: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "analyse", interrupt)
    (tmp_path / "a.txt").write_text(article(1))
    result = invoke("ingest", "a.txt")
    assert result.exit_code == 130
    assert result.stderr.splitlines() == [
        "Articles: 0 new, 0 unchanged, 0 failed, 0 claims, 0 figures, 0 new sources",
        INTERRUPTED,
    ]


# --- real signals on a real process ---------------------------------------------------------

COUNT = 300


def _start(folder: Path, db: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "CLAIMS_DB": str(db)}
    return subprocess.Popen(
        [sys.executable, "-m", "claims", "ingest", str(folder)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=db.parent,
        preexec_fn=_hear_ctrl_c,
    )


def _hear_ctrl_c() -> None:
    """Give the child the SIGINT a terminal user's ingest has. A test run started in the
    background of a non-interactive shell (`bash .ci/run &`) ignores SIGINT, the child
    inherits that, and Python then rightly leaves Ctrl-C ignored, so the ingest would
    run to its end."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _wait_for(db: Path, proc: subprocess.Popen[str], at_least: int) -> None:
    deadline = time.monotonic() + 120
    while stored_articles(db) < at_least:
        if proc.poll() is not None:
            pytest.fail(f"ingest ended before it could be interrupted: {proc.stderr}")
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail("ingest stored nothing within 120 s")
        time.sleep(0.02)


def test_sigkill_mid_ingest_leaves_a_sound_database_and_a_rerun_completes(
    tmp_path: Path,
) -> None:
    folder = make_folder(tmp_path, COUNT)
    expected = expected_claims(folder)
    db = tmp_path / "killed.db"
    proc = _start(folder, db)
    _wait_for(db, proc, at_least=5)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    stored = stored_articles(db)
    assert 5 <= stored < COUNT, "kill the ingest while it is still running"
    assert_sound(db, expected)

    rerun = _start(folder, db)
    _, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    new = COUNT - stored
    assert err.splitlines()[-1].startswith(f"Articles: {new} new, {stored} unchanged, 0 failed,")
    assert stored_articles(db) == COUNT
    assert_sound(db, expected)
    assert query(db, "SELECT count(*) FROM claim") == [(sum(expected.values()),)]


def test_sigint_mid_ingest_reports_what_was_stored(tmp_path: Path) -> None:
    folder = make_folder(tmp_path, COUNT)
    expected = expected_claims(folder)
    db = tmp_path / "interrupted.db"
    proc = _start(folder, db)
    _wait_for(db, proc, at_least=5)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    lines = err.splitlines()
    assert lines[-1] == INTERRUPTED
    assert "Traceback" not in err
    stored = stored_articles(db)
    assert lines[-2].startswith(f"Articles: {stored} new, 0 unchanged, 0 failed,")
    assert_sound(db, expected)

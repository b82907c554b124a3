"""Acceptance: real parallel `claims verify` processes on one database never lose or
double-apply a verdict (SQLite: WAL + busy timeout + BEGIN IMMEDIATE + retry;
PostgreSQL: a row lock), and `--expect-version` lets exactly one of them win."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from claims.config import resolve_db
from claims.store import open_store
from claims.store.ingest import save_extraction
from tests.store.test_workflow import extraction_a

CLAIMS = str(Path(sys.executable).parent / "claims")
CONFLICT = re.compile(
    r"Error: claim 2 changed by (r\d) at (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ); "
    r"now refuted \(version 2\)\n"
)


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database holding article a (claim 2 is the one everyone verifies)."""
    if request.param == "sqlite":
        url = str(tmp_path / "shared.db")
    else:
        url = request.getfixturevalue("pg_database")
        up = claims(url, "db", "upgrade")
        assert up.returncode == 0, up.stderr
    with open_store(resolve_db(url)) as store:
        save_extraction(store, extraction_a(), origin="a.txt")
    return url


def claims(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CLAIMS, "--db", db, *args], capture_output=True, text=True, timeout=120, env=_env()
    )


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("CLAIMS_REVIEWER", None)
    return env


def parallel(db: str, argvs: list[list[str]]) -> list[tuple[int, str, str]]:
    """Start every process before waiting for any, so they really overlap."""
    procs = [
        subprocess.Popen(
            [CLAIMS, "--db", db, *argv],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
        )
        for argv in argvs
    ]
    results = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        results.append((p.returncode, out, err))
    return results


def test_parallel_verdicts_are_all_kept(db: str) -> None:
    runs = parallel(
        db, [["verify", "2", "--status", "supported", "--reviewer", f"r{i}"] for i in range(8)]
    )
    assert [code for code, _, _ in runs] == [0] * 8, [err for _, _, err in runs]
    rows = json.loads(claims(db, "history", "2", "--format", "json").stdout)
    assert len(rows) == 8
    assert [r["version"] for r in rows] == list(range(2, 10))
    assert sorted(r["reviewer"] for r in rows) == [f"r{i}" for i in range(8)]
    assert [r["from"] for r in rows] == ["unverified"] + ["supported"] * 7
    listed = json.loads(claims(db, "list", "--format", "json").stdout)
    assert [(c["status"], c["version"]) for c in listed if c["id"] == 2] == [("supported", 9)]


def test_expect_version_lets_exactly_one_win(db: str) -> None:
    runs = parallel(
        db,
        [
            ["verify", "2", "--status", "refuted", "--expect-version", "1", "--reviewer", f"r{i}"]
            for i in range(6)
        ],
    )
    codes = [code for code, _, _ in runs]
    assert sorted(codes) == [0, 1, 1, 1, 1, 1], [err for _, _, err in runs]
    winner = f"r{codes.index(0)}"
    assert runs[codes.index(0)][2] == "Claim 2: unverified → refuted (version 2)\n"
    rows = json.loads(claims(db, "history", "2", "--format", "json").stdout)
    assert [(r["reviewer"], r["version"]) for r in rows] == [(winner, 2)]
    for code, out, err in runs:
        if code == 1:
            match = CONFLICT.fullmatch(err)
            assert match is not None, err
            assert match.group(1) == winner
            assert match.group(2) == rows[0]["at"]
            assert out == ""

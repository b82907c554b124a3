"""`claims verify ID --revert`: undo by appending, never by rewriting the history."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from tests.cli.conftest import Invoke


def history(invoke: Invoke, claim_id: int) -> list[dict[str, Any]]:
    result = invoke("history", str(claim_id), "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def steps(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(r["id"], r["from"], r["to"], r["version"], r["reverts"]) for r in rows]


def test_revert_goes_back_one_verdict_at_a_time(seeded: Invoke) -> None:
    assert seeded("verify", "16", "--status", "supported", "--reviewer", "ana",
                  "--evidence", "https://t.example/1").exit_code == 0
    assert seeded("verify", "16", "--status", "refuted", "--reviewer", "bo").exit_code == 0
    seeded("correct", "16", "--source", "ISW", "--reviewer", "cy")  # not a verdict

    first = seeded("verify", "16", "--revert", "--reviewer", "ana", "--note", "wrong claim")
    assert first.exit_code == 0, first.stderr
    assert first.stderr.startswith("Claim 16: refuted → supported (version 5), reverting "
                                   "history row 2 (bo, 20")
    assert first.stderr.endswith(": supported → refuted)\n")
    second = seeded("verify", "16", "--revert", "--reviewer", "ana")
    assert second.stderr.startswith("Claim 16: supported → unverified (version 6), "
                                    "reverting history row 1 (ana, ")
    rows = history(seeded, 16)
    assert steps(rows) == [
        (1, "unverified", "supported", 2, None),
        (2, "supported", "refuted", 3, None),
        (3, "refuted", "refuted", 4, None),  # the correction, left alone
        (4, "refuted", "supported", 5, 2),
        (5, "supported", "unverified", 6, 1),
    ]
    assert rows[3]["note"] == "wrong claim"
    assert rows[3]["evidence"] == ["https://t.example/1"]  # the restored verdict's links
    assert [r["kind"] for r in rows] == ["verdict", "verdict", "correction", "verdict",
                                         "verdict"]
    none_left = seeded("verify", "16", "--revert")
    assert (none_left.exit_code, none_left.stderr) == (
        2, "Error: claim 16 has no verdict to revert\n")
    table = seeded("history", "16").stdout
    assert table.count("reverts") == 2 and "row" in table


def test_the_reverted_rows_are_still_there_unchanged(seeded: Invoke, tmp_path: Any) -> None:
    seeded("verify", "16", "--status", "misleading", "--note", "first look")
    db = tmp_path / "claims.db"
    with sqlite3.connect(db) as conn:
        before = conn.execute("SELECT * FROM verdict ORDER BY id").fetchall()
    seeded("verify", "16", "--revert")
    with sqlite3.connect(db) as conn:
        after = conn.execute("SELECT * FROM verdict ORDER BY id").fetchall()
        status = conn.execute("SELECT status, version FROM claim WHERE id = 16").fetchone()
    assert after[: len(before)] == before and len(after) == len(before) + 1
    assert json.loads(after[-1][-1]) == {"reverts": before[-1][0]}
    assert status == ("unverified", 3)


def test_revert_checks_expect_version_and_every_id_first(seeded: Invoke) -> None:
    seeded("verify", "16", "17", "--status", "supported")
    stale = seeded("verify", "16", "--revert", "--expect-version", "1")
    assert stale.exit_code == 1
    assert stale.stderr.startswith("Error: claim 16 changed by ")
    batch = seeded("verify", "16", "18", "--revert")
    assert (batch.exit_code, batch.stderr) == (
        2, "Error: claim 18 has no verdict to revert; nothing recorded\n")
    missing = seeded("verify", "16", "99999", "--revert")
    assert (missing.exit_code, missing.stderr) == (
        2, "Error: no claim with id 99999; nothing recorded\n")
    assert len(history(seeded, 16)) == 1  # nothing recorded by the failed batches
    both = seeded("verify", "16", "17", "--revert")
    assert both.exit_code == 0
    assert [h["to"] for h in history(seeded, 17)] == ["supported", "unverified"]


def test_revert_takes_no_status_evidence_or_propagate(seeded: Invoke) -> None:
    for extra in (("--status", "refuted"), ("--evidence", "https://x.example"),
                  ("--propagate",)):
        result = seeded("verify", "16", "--revert", *extra)
        assert result.exit_code == 2
        assert result.stderr == (
            "Error: --revert takes no --status, --evidence, --snapshot or --propagate: it "
            "goes back to the status before the last verdict\n")

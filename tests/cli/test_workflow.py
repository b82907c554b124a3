"""`claims review` (through a pseudo-terminal), `correct`, `verify --propagate`, `show`
duplicates and `reextract`, with exact output and exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pexpect
import pytest

from claims.config import resolve_db
from claims.store import open_store
from claims.store.duplicates import link_duplicates
from claims.store.ingest import save_extraction
from tests.cli.conftest import SEED, Invoke
from tests.store.test_workflow import extraction_a, extraction_b

CLAIMS = str(Path(sys.executable).parent / "claims")


@pytest.fixture
def desk(invoke: Invoke) -> Invoke:
    """The default database with article a (claims 1-4) and b (5-6); 2 and 5 duplicates.

    Literal extractions, so ids and texts do not move when the extractor improves.
    """
    with open_store(resolve_db(None)) as store:
        for x in (extraction_a(), extraction_b()):
            link_duplicates(store, save_extraction(store, x, origin=x.document.name).article_id)
    return invoke


def history(invoke: Invoke, claim_id: int) -> list[dict[str, Any]]:
    result = invoke("history", str(claim_id), "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def listed(invoke: Invoke, *args: str) -> list[dict[str, Any]]:
    return json.loads(invoke("list", "--format", "json", *args).stdout)  # type: ignore[no-any-return]


# --- review --------------------------------------------------------------------------------


def test_review_full_pass_on_a_terminal(desk: Invoke) -> None:
    env = {**os.environ, "TERM": "dumb", "COLUMNS": "120"}
    child = pexpect.spawn(
        CLAIMS, ["review", "--reviewer", "ana"], env=env, encoding="utf-8", timeout=30
    )
    try:
        child.expect_exact("── 1/6 ──")
        child.expect_exact("Claim 2")  # figures and a source: first
        child.expect_exact("1 supported  2 refuted  3 misleading  4 unverifiable  5 disputed")
        child.expect_exact("Verdict: ")
        child.sendline("1")
        child.expect_exact("Note: ")
        child.sendline("matches the air force's post")
        child.expect_exact("Claim 2: unverified → supported (version 2)")
        child.expect_exact("── 2/6 ──")
        child.expect_exact("Claim 5")
        child.expect_exact("Verdict: ")
        child.sendline("s")
        child.expect_exact("── 3/6 ──")
        child.expect_exact("Verdict: ")
        child.sendline("nonsense")
        child.expect_exact("unknown status 'nonsense'")
        child.expect_exact("Verdict: ")
        child.sendline("q")
        child.expect_exact("1 verdict recorded, 1 skipped (3 of 6 claims seen).")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    rows = history(desk, 2)
    assert [(r["reviewer"], r["from"], r["to"], r["note"], r["version"]) for r in rows] == [
        ("ana", "unverified", "supported", "matches the air force's post", 2)
    ]
    assert history(desk, 5) == [] and history(desk, 6) == []


def test_review_without_a_terminal_is_an_input_error(desk: Invoke) -> None:
    result = desk("review")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "Error: claims review needs a terminal (it asks questions); "
        "in scripts use `claims verify ID --status S`\n"
    )


# --- correct -------------------------------------------------------------------------------


def test_correct_reattributes_and_records_history(desk: Invoke) -> None:
    result = desk("correct", "2", "--source", "ISW", "--reviewer", "bo", "--note", "their quote")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "Claim 2: re-attributed: Ukrainian Air Force → Institute for the Study of War: "
        "their quote (version 2)\n"
    )
    assert listed(desk, "--article", "a.txt")[1]["source"] == "Institute for the Study of War"
    row = history(desk, 2)[0]
    assert (row["kind"], row["from"], row["to"], row["version"]) == (
        "correction",
        "unverified",
        "unverified",
        2,
    )
    result = desk("correct", "2", "--source", "none", "--reviewer", "bo")
    assert result.stderr == (
        "Claim 2: re-attributed: Institute for the Study of War → the article's own voice "
        "(version 3)\n"
    )


def test_correct_unknown_source_suggests_or_creates(desk: Invoke) -> None:
    result = desk("correct", "2", "--source", "Ukrainian Army")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: unknown source 'Ukrainian Army'; did you mean: Ukrainian Air Force? "
        "(--new-source adds it)\n"
    )
    result = desk(
        "correct", "2", "--source", "Kyiv Independent", "--new-source", "--source-type", "media"
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(
        "Claim 2: re-attributed: Ukrainian Air Force → Kyiv Independent"
    )
    sources = json.loads(desk("sources", "--format", "json").stdout)
    assert {"name": "Kyiv Independent", "type": "media", "aliases": [], "claims": 1} in sources
    assert history(desk, 1) == []


def test_correct_figure_dismiss_restore(desk: Invoke) -> None:
    result = desk("correct", "2", "--figure", "1", "--value", "190", "--qualifier", "approx")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "Claim 2: figure 1 '188': exact 188 [188, 188] drone → approx 190 [171, 209] drone "
        "(version 2)\n"
    )
    figure = listed(desk, "--article", "a.txt")[1]["figures"][0]
    assert (figure["value"], figure["qualifier"]) == (190, "approx")
    assert (
        desk("correct", "1", "--dismiss").stderr == "Claim 1: dismissed: not a claim (version 2)\n"
    )
    assert [c["id"] for c in listed(desk, "--article", "a.txt")] == [2, 3, 4]
    assert [c["id"] for c in listed(desk, "--article", "a.txt", "--dismissed")] == [1, 2, 3, 4]
    assert desk("correct", "1", "--restore").stderr == "Claim 1: restored (version 3)\n"
    assert desk("correct", "1", "--restore").stderr == "Error: claim 1 is already not dismissed\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "nothing to correct: give --source, --figure, --dismiss or --restore"),
        (("--dismiss", "--restore"), "--dismiss and --restore contradict each other: give one"),
        (("--value", "3"), "--value, --qualifier, --unit, --low, --high and the frame options "
                           "need --figure FIG"),
        (("--place", "Kyiv"), "--value, --qualifier, --unit, --low, --high and the frame "
                              "options need --figure FIG"),
        (("--figure", "1"), "--figure needs --value, --qualifier, --unit, --low/--high, or a "
                            "frame option (--event, --role, --actor, --period, --place)"),
        (("--figure", "x", "--value", "3"), "figure id must be a positive whole number, not 'x'"),
        (("--new-source",), "--new-source needs --source NAME"),
        (("--figure", "3", "--value", "3"), "no figure with id 3 in claim 2"),
        (
            ("--figure", "1", "--qualifier", "lots"),
            "unknown qualifier 'lots'; valid: exact, "
            "approx, nearly, more_than, at_least, less_than, at_most, range",
        ),
    ],
)
def test_correct_refuses_unclear_requests(
    desk: Invoke, args: tuple[str, ...], message: str
) -> None:
    result = desk("correct", "2", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"Error: {message}\n")
    assert history(desk, 2) == []


def test_correct_unknown_claim(desk: Invoke) -> None:
    result = desk("correct", "99", "--dismiss")
    assert (result.exit_code, result.stderr) == (2, "Error: no claim with id 99\n")


# --- duplicates and --propagate ------------------------------------------------------------


def test_show_lists_duplicates_and_verify_propagates(desk: Invoke) -> None:
    shown = desk("show", "5")
    assert shown.exit_code == 0
    assert "Duplicates: 2\n" in shown.stdout
    assert "Duplicates" not in desk("show", "6").stdout
    result = desk(
        "verify",
        "2",
        "--status",
        "false",
        "--propagate",
        "--reviewer",
        "ana",
        "--evidence",
        "https://e.example/1",
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "Claim 2: unverified → refuted (version 2)\n"
        "Claim 5: unverified → refuted (version 2), propagated from claim 2\n"
    )
    row = history(desk, 5)[0]
    assert (row["reviewer"], row["to"], row["note"], row["evidence"]) == (
        "ana",
        "refuted",
        "propagated from claim 2",
        ["https://e.example/1"],
    )
    both = desk("verify", "2", "5", "--status", "supported", "--propagate", "--reviewer", "ana")
    assert both.stderr == (
        "Claim 2: refuted → supported (version 3)\nClaim 5: refuted → supported (version 3)\n"
    )


def test_propagate_says_which_dismissed_duplicate_it_left_alone(desk: Invoke) -> None:
    assert desk("correct", "5", "--dismiss", "--reviewer", "bo").exit_code == 0
    result = desk("verify", "2", "--status", "false", "--propagate", "--reviewer", "ana")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "Claim 2: unverified → refuted (version 2)\n"
        "Claim 5: dismissed, not changed (a duplicate of claim 2)\n"
    )


def test_ingest_links_the_same_claim_in_two_articles(invoke: Invoke, tmp_path: Path) -> None:
    sentence = "The Ukrainian Air Force said Russia launched 188 drones overnight."
    Path("one.txt").write_text(f"Drones\n\n{sentence}\n\nThe weather was mild.\n")
    Path("two.txt").write_text(f"Night attack\n\nIn the east, {sentence}\n")
    assert invoke("ingest", "one.txt", "two.txt").exit_code == 0
    hits = [c for c in listed(invoke, "--search", "188 drones")]
    assert [c["article"] for c in hits] == ["one.txt", "two.txt"]
    assert f"Duplicates: {hits[1]['id']}\n" in invoke("show", str(hits[0]["id"])).stdout


# --- reextract -----------------------------------------------------------------------------


def test_reextract_the_seed_keeps_its_verdicts(seeded: Invoke) -> None:
    claims = listed(seeded)
    assert seeded("verify", str(claims[3]["id"]), "--status", "supported").exit_code == 0
    result = seeded("reextract")
    assert (result.exit_code, result.stderr) == (
        0,
        "0 articles re-extracted, 0 verdicts carried over, 0 unmatched\n",
    )
    result = seeded("reextract", "--force", "--article", SEED.name)
    assert (result.exit_code, result.stderr) == (
        0,
        "1 article re-extracted, 1 verdict carried over, 0 unmatched\n",
    )
    assert listed(seeded) == [
        {**c, "status": "supported", "version": 2} if c["id"] == claims[3]["id"] else c
        for c in claims
    ]


def test_reextract_old_extractions(desk: Invoke) -> None:
    result = desk("reextract")
    assert result.exit_code == 0, result.stderr
    assert re.fullmatch(
        r"2 articles re-extracted, 0 verdicts carried over, 0 unmatched\n", result.stderr
    )
    assert desk("reextract").stderr == (
        "0 articles re-extracted, 0 verdicts carried over, 0 unmatched\n"
    )
    missing = desk("reextract", "--article", "nope.txt")
    assert (missing.exit_code, missing.stderr) == (
        2, "Error: unknown article 'nope.txt'; `claims articles` lists the articles\n")


def test_every_workflow_command_has_an_example(invoke: Invoke) -> None:
    for command in ("review", "correct", "reextract"):
        result = subprocess.run(
            [CLAIMS, command, "--help"], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0
        assert "Example:" in result.stdout
        assert f"claims {command}" in result.stdout


def test_propagate_leaves_a_duplicate_in_a_retracted_article_alone(desk: Invoke) -> None:
    assert desk("articles", "remove", "2", "--reviewer", "bo").exit_code == 0  # claims 5, 6
    result = desk("verify", "2", "--status", "false", "--propagate", "--reviewer", "ana")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "Claim 2: unverified → refuted (version 2)\n"
        "Claim 5: in a retracted article, not changed (a duplicate of claim 2)\n"
    )
    assert history(desk, 5) == []
    assert desk("correct", "5", "--dismiss", "--reviewer", "bo").exit_code == 0
    again = desk("verify", "2", "--status", "supported", "--propagate", "--reviewer", "ana")
    assert again.stderr == (  # one reason is enough
        "Claim 2: refuted → supported (version 3)\n"
        "Claim 5: dismissed, not changed (a duplicate of claim 2)\n"
    )
    assert desk("articles", "restore", "2").exit_code == 0
    assert desk("correct", "5", "--restore").exit_code == 0
    last = desk("verify", "2", "--status", "refuted", "--propagate", "--reviewer", "ana")
    assert last.stderr == (
        "Claim 2: supported → refuted (version 4)\n"
        "Claim 5: unverified → refuted (version 4), propagated from claim 2\n"
    )

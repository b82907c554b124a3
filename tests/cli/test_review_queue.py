"""`claims review` through a pseudo-terminal: every key, and resuming where one stopped."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pexpect
import pytest

from tests.cli.conftest import Invoke
from tests.cli.test_workflow import CLAIMS, desk, history, listed  # noqa: F401 - fixture

MENU_ACTIONS = "e evidence  n note  d dismiss  r re-attribute  s skip  q quit"


@contextmanager
def reviewing(*args: str) -> Iterator[pexpect.spawn]:
    env = {**os.environ, "TERM": "dumb", "COLUMNS": "120"}
    child = pexpect.spawn(CLAIMS, ["review", "--reviewer", "ana", *args], env=env,
                          encoding="utf-8", timeout=30)
    try:
        yield child
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0, child.before


def corrections(invoke: Invoke, claim_id: int) -> list[tuple[Any, ...]]:
    return [(r["kind"], r["note"]) for r in history(invoke, claim_id)]


def test_evidence_and_note_go_with_the_verdict(desk: Invoke) -> None:  # noqa: F811
    with reviewing() as child:
        child.expect_exact("Claim 2")
        child.expect_exact(MENU_ACTIONS)  # the keys are on screen
        child.expect_exact("Verdict: ")
        child.sendline("e")
        child.expect_exact("Evidence URL: ")
        child.sendline("https://t.example/post/1")
        child.expect_exact("With the verdict: 1 evidence link")
        child.sendline("n")
        child.expect_exact("Note: ")
        child.sendline("matches the post")
        child.expect_exact("With the verdict: note: matches the post; 1 evidence link")
        child.expect_exact("Verdict: ")
        child.sendline("supported")  # no second Note prompt: the note was given
        child.expect_exact("Claim 2: unverified → supported (version 2)")
        child.expect_exact("Claim 5")
        child.expect_exact("Verdict: ")
        child.sendline("q")
        child.expect_exact("1 verdict recorded, 0 skipped (2 of 6 claims seen).")
    (row,) = history(desk, 2)
    assert (row["to"], row["note"], row["evidence"], row["reviewer"]) == (
        "supported", "matches the post", ["https://t.example/post/1"], "ana")


def test_dismiss_and_reattribute_are_recorded_as_corrections(desk: Invoke) -> None:  # noqa: F811
    with reviewing() as child:
        child.expect_exact("Claim 2")
        child.expect_exact("Verdict: ")
        child.sendline("r")
        child.expect_exact("Source (name or alias; none: the article's own voice): ")
        child.sendline("Nobody Known")
        child.expect_exact("Not recorded: unknown source 'Nobody Known'")
        child.expect_exact("Verdict: ")
        child.sendline("r")
        child.expect_exact("Source (name or alias; none: the article's own voice): ")
        child.sendline("ISW")
        child.expect_exact("Claim 2: re-attributed: Ukrainian Air Force → "
                           "Institute for the Study of War (version 2)")
        child.expect_exact("Verdict: ")  # still on claim 2, for its verdict
        child.sendline("3")
        child.expect_exact("Note: ")
        child.sendline("")
        child.expect_exact("Claim 2: unverified → misleading (version 3)")
        child.expect_exact("Claim 5")
        child.expect_exact("Verdict: ")
        child.sendline("n")
        child.expect_exact("Note: ")
        child.sendline("a caption")
        child.sendline("d")
        child.expect_exact("Claim 5: dismissed: not a claim: a caption (version 2)")
        child.expect_exact("Verdict: ")
        child.sendline("s")
        child.expect_exact("Verdict: ")
        child.sendline("quit")
        child.expect_exact("1 verdict recorded, 1 dismissed, 1 re-attributed, 1 skipped "
                           "(4 of 6 claims seen).")
    assert corrections(desk, 2) == [
        ("correction", "re-attributed: Ukrainian Air Force → Institute for the Study of War"),
        ("verdict", None),
    ]
    assert corrections(desk, 5) == [("correction", "dismissed: not a claim: a caption")]
    assert 5 not in [c["id"] for c in listed(desk)]
    assert [c["id"] for c in listed(desk, "--dismissed") if c.get("dismissed")] == [5]


def test_review_resumes_where_the_reviewer_stopped(desk: Invoke) -> None:  # noqa: F811
    with reviewing() as child:
        child.expect_exact("── 1/6 ──")
        child.expect_exact("Verdict: ")
        child.sendline("s")
        child.expect_exact("── 2/6 ──")
        child.expect_exact("Claim 5")
        child.expect_exact("Verdict: ")
        child.sendline("q")
        child.expect_exact("Stopped at claim 5: `claims review` resumes there")
    with reviewing() as child:
        child.expect_exact("Resuming where you stopped: claim 5, 2 of 6 (--restart: from the top).")
        child.expect_exact("── 2/6 ──")
        child.expect_exact("Claim 5")
        child.expect_exact("Verdict: ")
        child.sendline("1")
        child.expect_exact("Note: ")
        child.sendline("")
        child.expect_exact("── 3/6 ──")
        child.expect_exact("Verdict: ")
        child.sendline("q")
    # claim 5 is decided now: the queue resumes at the claim after it, claim 2 comes last
    with reviewing() as child:
        child.expect_exact("Resuming where you stopped: claim 6, 2 of 5")
        child.expect_exact("Verdict: ")
        child.sendline("q")
    with reviewing("--restart") as child:
        child.expect_exact("── 1/5 ──")
        child.expect_exact("Claim 2")
        child.expect_exact("Verdict: ")
        child.sendline("q")
    # another reviewer has a bookmark of their own
    env = {**os.environ, "TERM": "dumb", "COLUMNS": "120"}
    other = pexpect.spawn(CLAIMS, ["review", "--reviewer", "bo"], env=env, encoding="utf-8",
                          timeout=30)
    other.expect_exact("── 1/5 ──")
    other.sendline("q")
    other.expect(pexpect.EOF)
    other.close()


def test_end_of_input_keeps_the_bookmark(desk: Invoke) -> None:  # noqa: F811
    with reviewing() as child:
        child.expect_exact("Verdict: ")
        child.sendline("s")
        child.expect_exact("Verdict: ")
        child.sendeof()
        child.expect_exact("Stopped at claim 5")
    result = desk("dump", "-")
    positions = [json.loads(line) for line in result.stdout.splitlines()
                 if '"type":"position"' in line]
    assert [(p["reviewer"], p["claim_id"]) for p in positions] == [("ana", 5)]


@pytest.mark.parametrize("answer", ["x", "7", "supported please"])
def test_a_wrong_key_is_explained_and_asked_again(desk: Invoke, answer: str) -> None:  # noqa: F811
    with reviewing() as child:
        child.expect_exact("Verdict: ")
        child.sendline(answer)
        child.expect_exact("unknown status")
        child.expect_exact(MENU_ACTIONS)
        child.expect_exact("Verdict: ")
        child.sendline("q")
    assert history(desk, 2) == []


def test_a_store_failure_mid_review_keeps_the_bookmark(
    desk: Invoke, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    """A failed write is reported as itself, and the place the reviewer had is not
    cleared by a walk that never reached the end."""
    from types import SimpleNamespace

    import claims.cli.review_queue as review_queue
    import claims.cli.workflow as workflow
    from claims.errors import DatabaseBusy

    with reviewing() as child:
        child.expect_exact("Verdict: ")
        child.sendline("s")
        child.expect_exact("Verdict: ")
        child.sendline("q")
        child.expect_exact("Stopped at claim 5")

    def failing(*_: object) -> None:
        raise DatabaseBusy("the database is busy")

    tty = SimpleNamespace(isatty=lambda: True)
    monkeypatch.setattr(workflow, "sys", SimpleNamespace(stdin=tty, stdout=tty))
    monkeypatch.setattr(review_queue, "walk", failing)
    result = desk("review", "--reviewer", "ana")
    assert result.exit_code == 3
    assert result.stderr.strip().endswith("Error: the database is busy")
    positions = [json.loads(line) for line in desk("dump", "-").stdout.splitlines()
                 if '"type":"position"' in line]
    assert [(p["reviewer"], p["claim_id"]) for p in positions] == [("ana", 5)]

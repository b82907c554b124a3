"""`verify ID...` is one decision: all recorded or none (issue 15), and a verdict on a
dismissed claim says how to bring the claim back."""

from __future__ import annotations

import pytest

from tests.cli.conftest import Invoke
from tests.cli.test_workflow import desk, history  # noqa: F401 - the fixture


def all_history(invoke: Invoke) -> list[list[dict[str, object]]]:
    return [history(invoke, cid) for cid in range(1, 7)]


@pytest.mark.parametrize("ids", [("3", "9999"), ("9999", "3"), ("1", "3", "9999", "10000")])
def test_a_missing_id_records_nothing(desk: Invoke, ids: tuple[str, ...]) -> None:  # noqa: F811
    before = all_history(desk)
    result = desk("verify", *ids, "--status", "supported", "--reviewer", "ana")
    missing = ", ".join(i for i in ids if int(i) > 6)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", f"Error: no claim with id {missing}; nothing recorded\n")
    assert all_history(desk) == before


def test_one_missing_id_alone_keeps_its_message(desk: Invoke) -> None:  # noqa: F811
    result = desk("verify", "99", "--status", "supported")
    assert (result.exit_code, result.stderr) == (2, "Error: no claim with id 99\n")


def test_a_conflict_on_any_claim_records_nothing(desk: Invoke) -> None:  # noqa: F811
    assert desk("verify", "3", "--status", "in_review", "--reviewer", "bo").exit_code == 0
    before = all_history(desk)
    result = desk("verify", "1", "3", "--status", "supported", "--expect-version", "1",
                  "--reviewer", "ana")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: claim 3 changed by bo at ")
    assert all_history(desk) == before


def test_a_good_batch_is_recorded_in_order_once(desk: Invoke) -> None:  # noqa: F811
    result = desk("verify", "3", "1", "3", "--status", "refuted", "--reviewer", "ana")
    assert (result.exit_code, result.stderr) == (0, (
        "Claim 3: unverified → refuted (version 2)\n"
        "Claim 1: unverified → refuted (version 2)\n"))
    assert [len(h) for h in all_history(desk)] == [1, 0, 1, 0, 0, 0]


def test_verify_on_a_dismissed_claim_warns_and_says_how_to_restore(
    desk: Invoke,  # noqa: F811
) -> None:
    assert desk("correct", "4", "--dismiss", "--reviewer", "bo").exit_code == 0
    result = desk("verify", "3", "4", "--status", "supported", "--reviewer", "ana")
    assert result.exit_code == 0
    assert result.stderr == (
        "Claim 3: unverified → supported (version 2)\n"
        "Claim 4: unverified → supported (version 3)\n"
        "Warning: claim 4 is dismissed: the verdict is in its history, but the claim stays "
        "out of lists, review and exports; restore it with `claims correct 4 --restore`\n")
    assert history(desk, 4)[-1]["to"] == "supported"
    assert desk("correct", "4", "--restore").exit_code == 0
    assert "Warning" not in desk("verify", "4", "--status", "refuted").stderr


def test_verify_on_a_claim_of_a_retracted_article_warns_like_a_dismissed_one(
    desk: Invoke,  # noqa: F811
) -> None:
    assert desk("articles", "remove", "2", "--reviewer", "bo").exit_code == 0  # claims 5, 6
    result = desk("verify", "5", "1", "--status", "refuted", "--reviewer", "ana")
    assert result.exit_code == 0
    assert result.stderr == (
        "Claim 5: unverified → refuted (version 2)\n"
        "Claim 1: unverified → refuted (version 2)\n"
        "Warning: claim 5 is in a retracted article (article 2): the verdict is in its "
        "history, but the claim stays out of lists, review and exports; restore the article "
        "with `claims articles restore 2`\n")
    assert history(desk, 5)[-1]["to"] == "refuted"
    assert desk("articles", "restore", "2").exit_code == 0
    assert "Warning" not in desk("verify", "5", "--status", "supported").stderr

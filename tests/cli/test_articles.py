"""`claims articles`: list, show with claims marked, edit, remove (retract or purge),
restore; and what a retraction does to ingest, list, stats and the gate."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import SEED, Invoke
from tests.cli.test_hostile import assert_clean

STRAY = "# Notes\n\nThis folder holds 3 test files. The team said 2 scripts run daily.\n"
UNDATED = ("No publication date found for {}: compared with articles of any date; give one "
           "with --published or `claims articles edit NAME --published YYYY-MM-DD`.")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The seed and a stray README, as a reporter's folder might hold them."""
    root = tmp_path / "desk"
    root.mkdir()
    shutil.copy(SEED, root / SEED.name)
    (root / "README.md").write_text(STRAY)
    return root


@pytest.fixture
def desk(invoke: Invoke, folder: Path) -> Invoke:
    result = invoke("ingest", str(folder))
    assert result.exit_code == 0, result.stderr
    return invoke


def listed(invoke: Invoke, *args: str) -> list[dict[str, Any]]:
    result = invoke("list", "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def articles(invoke: Invoke) -> list[dict[str, Any]]:
    result = invoke("articles", "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


# --- the acceptance case --------------------------------------------------------------


def test_seed_and_stray_file(desk: Invoke) -> None:
    rows = articles(desk)
    assert [(r["id"], r["name"], r["claims"], r["verdicts"], r["retracted"]) for r in rows] == [
        (1, "README.md", 3, 0, None),
        (2, "seed-nato-oreshnik.txt", 39, 0, None),
    ]
    assert set(rows[0]) == {"id", "name", "title", "publisher", "published", "claims",
                            "verdicts", "findings", "retracted"}
    assert rows[1]["findings"] == 1  # 76 + 96 + 5 of 188: 11 unaccounted
    stray = {c["id"] for c in listed(desk) if c["article"] == "README.md"}
    assert len(stray) == 3

    removed = desk("articles", "remove", "README.md", "--note", "not an article",
                   "--reviewer", "ana")
    assert removed.exit_code == 0, removed.stderr
    assert removed.stderr == (
        "Retracted README.md (article 1): its claims are out of lists, review and checks; "
        "`claims articles restore 1` brings them back.\n")
    remaining = listed(desk)
    assert not stray & {c["id"] for c in remaining}
    assert len(remaining) == 39

    drones = next(c for c in remaining if "188 drones" in c["text"])
    shown = desk("articles", "show", "seed-nato-oreshnik.txt")
    assert shown.exit_code == 0, shown.stderr
    assert (f"[{drones['id']}] Ukraine’s military reported successfully downing {{76}} out of "
            "a historic high of {188} drones launched by Russia overnight.") in shown.stdout
    assert shown.stdout.startswith("seed-nato-oreshnik.txt  (article 2, 39 claims)\n")


def test_retracted_claims_leave_stats_the_gate_and_review_but_keep_history(
    desk: Invoke,
) -> None:
    stray = [c["id"] for c in listed(desk) if c["article"] == "README.md"]
    assert desk("verify", str(stray[1]), "--status", "refuted", "--reviewer", "ana").exit_code == 0
    desk("articles", "remove", "README")
    stats = json.loads(desk("stats", "--format", "json").stdout)
    assert "README.md" not in stats["by_article"]
    assert sum(stats["by_status"].values()) == 39
    history = json.loads(desk("history", str(stray[1]), "--format", "json").stdout)
    assert [(h["to"], h["reviewer"]) for h in history] == [("refuted", "ana")]
    assert desk("show", str(stray[1])).exit_code == 0  # still readable by id
    row = next(r for r in articles(desk) if r["name"] == "README.md")
    assert row["retracted"]["reviewer"] and row["verdicts"] == 1
    csv_rows = desk("articles", "--format", "csv").stdout.splitlines()
    assert csv_rows[0] == "id,name,title,publisher,published,claims,verdicts,findings,retracted"
    assert csv_rows[1].startswith("1,README.md,,,,3,1,0,20")


def test_a_retracted_article_leaves_check_consistency(invoke: Invoke) -> None:
    assert invoke("ingest", str(SEED)).exit_code == 0
    before = json.loads(invoke("check-consistency", "--format", "json",
                               "--fail-on", "never").stdout)
    assert before["summary"] == {"error": 0, "warning": 1, "ok": 2}
    assert invoke("articles", "remove", "seed").exit_code == 0
    after = invoke("check-consistency", "--format", "json", "--fail-on", "warning")
    assert after.exit_code == 0
    assert json.loads(after.stdout)["findings"] == []
    assert articles(invoke)[0]["findings"] == 0
    assert invoke("articles", "restore", "seed").exit_code == 0
    again = json.loads(invoke("check-consistency", "--format", "json",
                              "--fail-on", "never").stdout)
    assert again["summary"] == before["summary"]


# --- ingest and retraction --------------------------------------------------------------


def test_ingesting_a_retracted_text_stores_nothing_unless_restore(
    desk: Invoke, folder: Path
) -> None:
    desk("articles", "remove", "README.md", "--note", "not an article", "--reviewer", "ana")
    again = desk("ingest", str(folder / "README.md"))
    assert again.exit_code == 0
    notice, summary = again.stderr.splitlines()
    assert notice.startswith("README.md: retracted by ana at 20")
    assert notice.endswith(" (not an article); not stored (ingest --restore brings it back)")
    assert summary == ("Articles: 0 new, 0 unchanged, 0 failed, 0 claims, 0 figures, "
                       "0 new sources, 1 retracted (not stored)")
    assert [r["name"] for r in articles(desk)] == ["README.md", "seed-nato-oreshnik.txt"]
    assert not [c for c in listed(desk) if c["article"] == "README.md"]

    restored = desk("ingest", str(folder / "README.md"), "--restore")
    assert restored.exit_code == 0
    assert restored.stderr.splitlines() == [
        "README.md: restored (it had been retracted)",
        "Articles: 0 new, 1 unchanged, 0 failed, 0 claims, 0 figures, 0 new sources, "
        "1 restored",
    ]
    assert len([c for c in listed(desk) if c["article"] == "README.md"]) == 3


def test_purge_deletes_what_nobody_reviewed_and_keeps_the_record(
    desk: Invoke, folder: Path
) -> None:
    purged = desk("articles", "remove", "1", "--purge", "--note", "junk", "--reviewer", "bo")
    assert purged.exit_code == 0, purged.stderr
    assert purged.stderr == (
        "Purged README.md (article 1): 3 claims, 2 figures and 0 proposed relations deleted; "
        "the record of its removal stays, so ingesting its text again is refused unless "
        "--restore.\n")
    assert [r["name"] for r in articles(desk)] == ["seed-nato-oreshnik.txt"]
    refused = desk("ingest", str(folder))
    assert refused.stderr.splitlines()[0].startswith(
        "README.md: retracted and purged by bo at 20")
    assert len(articles(desk)) == 1
    back = desk("ingest", str(folder), "--restore")
    assert back.exit_code == 0
    assert back.stderr.splitlines() == [
        "README.md: restored (it had been retracted)",
        UNDATED.format("README.md"),
        "Articles: 1 new, 1 unchanged, 0 failed, 3 claims, 2 figures, 0 new sources, "
        "1 restored",
    ]
    assert [r["name"] for r in articles(desk)] == ["seed-nato-oreshnik.txt", "README.md"]
    shown = desk("articles", "show", "README.md").stdout
    assert "purge" in shown and "restore" in shown and "junk" in shown


def test_purge_takes_the_attribution_chains_with_the_claims(
    invoke: Invoke, tmp_path: Path
) -> None:
    """A claim reported "citing" another party has a `via` row: purge deletes it too."""
    path = tmp_path / "cited.txt"
    path.write_text("The Harbour Gazette, citing the port authority, reported that 14 ships "
                    "were held at the quay.\n")
    assert invoke("ingest", str(path), "--published", "2026-03-01").exit_code == 0
    assert [c["via"] for c in listed(invoke)] == [["Port authority"]]
    purged = invoke("articles", "remove", "cited.txt", "--purge")
    assert purged.exit_code == 0, purged.stderr
    assert purged.stderr.startswith("Purged cited.txt (article 1): 1 claim, 1 figure and")
    assert listed(invoke) == [] and articles(invoke) == []


def test_purge_is_refused_where_a_reviewer_worked(desk: Invoke) -> None:
    claim_id = next(c["id"] for c in listed(desk) if c["article"] == "README.md")
    desk("correct", str(claim_id), "--dismiss")
    refused = desk("articles", "remove", "README.md", "--purge")
    assert refused.exit_code == 2
    assert refused.stderr == (
        f"Error: article README.md has reviewers' work on claim {claim_id}: it can be "
        "retracted (without --purge), not purged\n")
    assert len(articles(desk)) == 2
    assert desk("articles", "remove", "README.md").exit_code == 0  # retraction still works
    twice = desk("articles", "remove", "README.md")
    assert (twice.exit_code, twice.stderr) == (
        2, "Error: article README.md is already retracted\n")


def test_restore_command_and_its_errors(desk: Invoke) -> None:
    not_retracted = desk("articles", "restore", "README.md")
    assert (not_retracted.exit_code, not_retracted.stderr) == (
        2, "Error: article README.md is not retracted\n")
    desk("articles", "remove", "README.md")
    done = desk("articles", "restore", "README.md", "--note", "by mistake")
    assert done.stderr == ("Restored README.md (article 1): its claims are back in lists, "
                           "review and checks.\n")
    assert len(listed(desk)) == 42


# --- edit and show ----------------------------------------------------------------------


def test_edit_sets_clears_and_records(desk: Invoke) -> None:
    result = desk("articles", "edit", "seed", "--published", "2024-11-26", "--publisher",
                  "Example News", "--title", "Talks", "--reviewer", "ana")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ("seed-nato-oreshnik.txt (article 2): title: — → Talks; "
                             "publisher: — → Example News; published: — → 2024-11-26\n")
    row = articles(desk)[1]
    assert (row["title"], row["publisher"], row["published"]) == (
        "Talks", "Example News", "2024-11-26")
    cleared = desk("articles", "edit", "seed", "--title", "")
    assert cleared.stderr == "seed-nato-oreshnik.txt (article 2): title: Talks → —\n"
    assert articles(desk)[1]["title"] is None
    since = listed(desk, "--since", "2024-11-26", "--until", "2024-11-26")
    assert len(since) == 39 and listed(desk, "--since", "2024-11-27") == []
    shown = desk("articles", "show", "2").stdout
    assert "published: 2024-11-26" in shown
    assert "published: — → 2024-11-26" in shown  # the record of the edit


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--published", "26/11/2024"),
         "Error: --published '26/11/2024' is not a date like 2024-11-26\n"),
        ((), "Error: nothing to change: give --title, --url, --publisher or --published\n"),
        (("--url", ""), "Error: article seed-nato-oreshnik.txt already has these values\n"),
    ],
)
def test_edit_refuses_bad_input(desk: Invoke, args: tuple[str, ...], message: str) -> None:
    result = desk("articles", "edit", "seed", *args)
    assert (result.exit_code, result.stderr) == (2, message)


def test_show_escapes_what_the_article_says(invoke: Invoke, tmp_path: Path) -> None:
    evil = ("Evil\x1b]0;owned\x07 news\n\nThe ministry said [bold]40[/bold] people died "
            "\x1b[31min red\x1b[0m.\n")
    (tmp_path / "evil.txt").write_text(evil)
    assert invoke("ingest", "evil.txt").exit_code == 0
    shown = invoke("articles", "show", "evil")
    assert shown.exit_code == 0
    assert_clean(shown.stdout)
    assert "[bold]" in shown.stdout and "{40}" in shown.stdout
    listing = invoke("articles")
    assert_clean(listing.stdout)


def test_unknown_article_is_exit_2_with_candidates(desk: Invoke) -> None:
    result = desk("articles", "show", "seed-nato.txt")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: unknown article 'seed-nato.txt'; did you mean: ")


def test_list_json_marks_dismissed_claims(desk: Invoke) -> None:
    first = listed(desk)[0]
    desk("correct", str(first["id"]), "--dismiss")
    assert "dismissed" not in listed(desk)[0]
    shown = [c for c in listed(desk, "--dismissed") if c["id"] == first["id"]]
    assert shown[0]["dismissed"] is True


def test_ingest_says_which_new_articles_have_no_date(invoke: Invoke, tmp_path: Path) -> None:
    (tmp_path / "dated.txt").write_text(
        "KYIV, Nov 23, 2024 (Reuters) - The ministry said 40 people died.\n")
    (tmp_path / "page.html").write_text(
        '<html><head><meta property="article:published_time" content="2024-11-26T10:00:00Z">'
        "<title>Page</title></head><body><article><p>The mayor said 12 schools closed."
        "</p></article></body></html>")
    (tmp_path / "undated.txt").write_text("The governor said 7 roads closed.\n")
    result = invoke("ingest", "dated.txt", "page.html", "undated.txt")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == UNDATED.format("undated.txt")
    published = {r["name"]: r["published"] for r in articles(invoke)}
    assert published == {"dated.txt": "2024-11-23", "page.html": "2024-11-26",
                         "undated.txt": None}
    dated_only = invoke("ingest", "-", "--published", "2024-11-01",
                        input="The mayor said 9 bridges closed.\n")
    assert "No publication date" not in dated_only.stderr


@pytest.mark.parametrize("dated_first", [True, False])
def test_an_undated_article_still_meets_a_dated_one(
    invoke: Invoke, tmp_path: Path, dated_first: bool
) -> None:
    """A wire copy whose dateline has no year is undated; the local paper is dated: the
    cross-article `same` is proposed whichever comes first, and not once the dated one
    is retracted."""
    (tmp_path / "local.txt").write_text(
        "The coroner said floods killed 31 people in Riverton.\n")
    (tmp_path / "wire.txt").write_text(
        "Rescuers said floods killed at least 40 people in Riverton.\n")
    order = [("local.txt", "--published", "2026-09-13"), ("wire.txt",)]
    for args in order if dated_first else order[::-1]:
        assert invoke("ingest", *args).exit_code == 0
    relations = invoke("relations")
    assert "same" in relations.stdout and "proposed" in relations.stdout
    check = json.loads(invoke("check-consistency", "--format", "json", "--fail-on",
                              "never").stdout)
    assert [f["kind"] for f in check["findings"]] == ["same"]
    invoke("articles", "remove", "local")
    again = json.loads(invoke("check-consistency", "--format", "json", "--fail-on",
                              "never").stdout)
    assert again["findings"] == []

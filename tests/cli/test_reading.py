"""Reading never creates a database, and `--article` names exactly one article (issue 15).

A mistyped `--db` once created an empty database, printed "No relations to check." and
exited 0, so a typo in CI passed the consistency gate.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claims.cli import app
from tests.cli.conftest import SEED, Invoke

READERS = [
    ("list",), ("list", "--format", "json"), ("show", "1"), ("sources",), ("history", "1"),
    ("stats",), ("relations",), ("check-consistency", "--fail-on", "warning"),
    ("check-consistency", "--format", "sarif"), ("export",), ("export", "--format", "csv"),
    ("dump", "-"), ("dump", "snap.jsonl"), ("evidence", "show", "1"), ("evidence", "check"),
    ("report",), ("report", "--format", "html", "-o", "report.html"),
    ("articles",), ("articles", "--format", "json"), ("articles", "show", "1"),
    ("sources", "log"),
]
TYPO = "(only commands that write, such as `claims ingest`, create one)"


def _run(args: tuple[str, ...], env: dict[str, str | None]) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def _nothing_created(tmp_path: Path) -> list[str]:
    return sorted(p.name for p in tmp_path.iterdir())


@pytest.mark.parametrize("command", READERS, ids=" ".join)
def test_a_mistyped_db_is_exit_2_and_creates_nothing(tmp_path: Path,
                                                      command: tuple[str, ...]) -> None:
    code, out, err = _run(("--db", "typo.db", *command), {})
    assert (code, out) == (2, "")
    assert err == f"Error: no database at typo.db (from --db); check the path {TYPO}\n"
    assert _nothing_created(tmp_path) == []


@pytest.mark.parametrize("command", READERS, ids=" ".join)
def test_a_missing_claims_db_is_named_with_its_variable(tmp_path: Path,
                                                        command: tuple[str, ...]) -> None:
    missing = tmp_path / "desk.db"
    code, out, err = _run(command, {"CLAIMS_DB": str(missing)})
    assert (code, out) == (2, "")
    assert err == f"Error: no database at {missing} (from CLAIMS_DB); check the path {TYPO}\n"
    assert _nothing_created(tmp_path) == []


@pytest.mark.parametrize("command", READERS, ids=" ".join)
def test_no_default_database_says_to_ingest_first(tmp_path: Path,
                                                  command: tuple[str, ...]) -> None:
    code, out, err = _run(command, {"CLAIMS_DB": None})
    assert (code, out) == (2, "")
    assert err == ("Error: no database at db/claims.db (the default location); "
                   "run `claims ingest` first\n")
    assert _nothing_created(tmp_path) == []  # not even the db/ folder


def test_a_url_to_a_missing_file_is_refused_too(tmp_path: Path) -> None:
    code, _, err = _run(("--db", f"sqlite:///{tmp_path}/gone.db", "stats"), {})
    assert code == 2
    assert err.startswith(f"Error: no database at {tmp_path}/gone.db (from --db)")
    assert _nothing_created(tmp_path) == []


def test_writers_still_create_the_database(tmp_path: Path) -> None:
    code, _, err = _run(("--db", "new.db", "ingest", str(SEED)), {})
    assert code == 0, err
    code, out, _ = _run(("--db", "new.db", "check-consistency", "--fail-on", "never"), {})
    assert code == 0 and out


def test_an_existing_empty_database_is_read(invoke: Invoke) -> None:
    assert invoke("--db", "empty.db", "relate", "same", "1", "2").exit_code == 2  # creates it
    result = invoke("--db", "empty.db", "check-consistency")
    assert (result.exit_code, result.stdout) == (0, "No relations to check.\n")


# --- --article ---------------------------------------------------------------------------


@pytest.fixture
def desk(invoke: Invoke, tmp_path: Path) -> Invoke:
    """Three articles: hospitals.txt, schools.txt, and a second hospitals.txt elsewhere."""
    for folder, name, text in [
        ("a", "hospitals.txt", "The ministry said 40 hospitals were hit."),
        ("a", "schools.txt", "The mayor said 12 schools closed."),
        ("b", "hospitals.txt", "Officials said 7 hospitals reopened."),
    ]:
        (tmp_path / folder).mkdir(exist_ok=True)
        (tmp_path / folder / name).write_text(text)
    assert invoke("ingest", "a", "b").exit_code == 0
    return invoke


def texts(invoke: Invoke, *args: str) -> list[str]:
    result = invoke(*args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return [c["text"] for c in json.loads(result.stdout)]


@pytest.mark.parametrize("command", [("list",), ("export",)])
def test_article_by_stem_substring_path_or_id(desk: Invoke, command: tuple[str, ...]) -> None:
    schools = ["The mayor said 12 schools closed."]
    for ref in ("schools.txt", "schools", "SCHOOL", "chool", "a/schools.txt", "2"):
        assert texts(desk, *command, "--article", ref) == schools, ref
    assert texts(desk, *command, "--article", "b/hospitals.txt") == [
        "Officials said 7 hospitals reopened."]


@pytest.mark.parametrize("command", [("list",), ("export",), ("check-consistency",),
                                     ("reextract",)])
def test_an_ambiguous_article_lists_the_candidates(desk: Invoke,
                                                   command: tuple[str, ...]) -> None:
    result = desk(*command, "--article", "hospitals")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "Error: article 'hospitals' matches 2 articles: hospitals.txt (id 1, a/hospitals.txt), "
        "hospitals.txt (id 3, b/hospitals.txt); give the full name, the path or the id\n")
    result = desk(*command, "--article", "s.txt")
    assert result.stderr.startswith("Error: article 's.txt' matches 3 articles: ")


@pytest.mark.parametrize("command", [("list",), ("export",), ("check-consistency",),
                                     ("reextract",)])
def test_an_unknown_article_suggests_close_names(desk: Invoke,
                                                 command: tuple[str, ...]) -> None:
    result = desk(*command, "--article", "shools")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "Error: unknown article 'shools'; did you mean: schools.txt?\n"
    result = desk(*command, "--article", "zzz")
    assert result.stderr == "Error: unknown article 'zzz'; `claims articles` lists the articles\n"


def test_check_consistency_filters_by_a_resolved_article(seeded: Invoke) -> None:
    whole = seeded("check-consistency", "--format", "json", "--fail-on", "never")
    part = seeded("check-consistency", "--format", "json", "--fail-on", "never",
                  "--article", "oreshnik")
    assert part.exit_code == 0 and json.loads(part.stdout) == json.loads(whole.stdout)

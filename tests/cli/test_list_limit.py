"""A table that cuts says so (issue 15): `list` shows 50 rows by default and tells how
many it left out, on stderr, so nobody takes the first 50 claims for all of them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import Invoke

SENTENCES = [f"The ministry said {n + 3} schools closed in district {n + 1}." for n in range(54)]


@pytest.fixture
def many(invoke: Invoke, tmp_path: Path) -> Invoke:
    (tmp_path / "many.txt").write_text(" ".join(SENTENCES) + "\n")
    assert invoke("ingest", "many.txt").exit_code == 0
    listed = json.loads(invoke("list", "--format", "json").stdout)
    assert len(listed) == 54
    return invoke


def test_a_cut_table_says_how_many_it_shows(many: Invoke) -> None:
    result = many("list")
    assert result.exit_code == 0
    assert result.stderr == "50 of 54 shown; --limit 0 for all\n"
    assert "district 50." in result.stdout and "district 51." not in result.stdout
    explicit = many("list", "--limit", "10", "--search", '"district 1"')
    assert explicit.stderr == "10 of 11 shown; --limit 0 for all\n"  # 1, 10-19


def test_limit_0_shows_everything_and_says_nothing(many: Invoke) -> None:
    result = many("list", "--limit", "0")
    assert result.exit_code == 0 and result.stderr == ""
    assert "district 54." in result.stdout


def test_an_uncut_table_and_machine_formats_say_nothing(many: Invoke) -> None:
    assert many("list", "--search", '"district 5"').stderr == ""  # 5, 50-54: 6 rows
    for fmt in ("json", "csv"):
        result = many("list", "--format", fmt)
        assert result.exit_code == 0 and result.stderr == ""
    assert len(json.loads(many("list", "--format", "json", "--limit", "0").stdout)) == 54
    assert len(json.loads(many("list", "--format", "json", "--limit", "5").stdout)) == 5

"""Docs are part of the product: every command is documented and has help with an example."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claims.cli import app
from claims.docs_gen import command_paths

DOCS = Path(__file__).resolve().parents[1] / "docs"
PATHS = command_paths()


def test_every_command_is_in_cli_md() -> None:
    text = (DOCS / "cli.md").read_text()
    missing = [" ".join(p) for p in PATHS if f"claims {' '.join(p)}" not in text]
    assert not missing, f"not in docs/cli.md: {missing}"


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p))
def test_every_command_has_help_with_an_example(path: list[str]) -> None:
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0
    assert len(result.stdout.strip().splitlines()) > 3
    is_group = "Commands:" in result.stdout
    if not is_group:
        assert "Example:" in result.stdout, f"`claims {' '.join(path)} --help` has no example"


def test_docs_index_links_resolve() -> None:
    text = (DOCS / "index.md").read_text()
    links = re.findall(r"\]\(([^)]+\.md)\)", text)
    assert links
    missing = [link for link in links if not (DOCS / link).exists()]
    assert not missing, f"docs/index.md links to missing pages: {missing}"


def test_readme_quick_start_is_two_commands() -> None:
    readme = (DOCS.parent / "README.md").read_text()
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", quick, flags=re.S)
    assert [b.strip() for b in blocks] == [
        "pip install . && claims ingest seeds/ && claims list --source ISW",
        "pip install '.[test]' && pytest",
    ]
    ci = (DOCS.parent / ".ci" / "run").read_text()
    assert "pip install '.[test]' && pytest" in ci

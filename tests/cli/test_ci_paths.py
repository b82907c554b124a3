"""CI output paths mean something on the CI runner (issue 15): origins are stored
relative to the working directory, `--base-dir` makes output paths relative to the
checkout, SARIF says so with `%SRCROOT%`, and stdin articles have names, not `-`."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.cli.conftest import SEED, Invoke

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "sarif-2.1.0.json"


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    """A desk's repository with the seed under articles/; the working directory."""
    (tmp_path / "desk" / "articles").mkdir(parents=True)
    shutil.copy(SEED, tmp_path / "desk" / "articles" / SEED.name)
    os.chdir(tmp_path / "desk")
    return tmp_path / "desk"


def report(invoke: Invoke, *args: str) -> dict[str, Any]:
    result = invoke("check-consistency", "--format", "json", "--fail-on", "never", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def paths(invoke: Invoke, *args: str) -> set[str]:
    return {f["location"]["path"] for f in report(invoke, *args)["findings"]}


def test_an_absolute_path_typed_at_ingest_is_stored_relative(invoke: Invoke,
                                                             desk: Path) -> None:
    assert invoke("ingest", str(desk / "articles" / SEED.name)).exit_code == 0
    assert paths(invoke) == {f"articles/{SEED.name}"}
    github = invoke("check-consistency", "--format", "github", "--fail-on", "never").stdout
    assert f"file=articles/{SEED.name},line=" in github
    assert str(desk) not in github


def test_stored_absolute_origins_are_made_relative_to_the_base(invoke: Invoke, desk: Path,
                                                                tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    os.chdir(tmp_path / "elsewhere")  # a desk machine: the file is not under the directory
    absolute = str(desk / "articles" / SEED.name)
    assert invoke("ingest", absolute).exit_code == 0
    assert paths(invoke) == {absolute}  # stored and shown as given
    assert paths(invoke, "--base-dir", str(desk)) == {f"articles/{SEED.name}"}
    os.chdir(tmp_path)
    assert paths(invoke, "--base-dir", "desk") == {f"articles/{SEED.name}"}
    assert paths(invoke) == {f"desk/articles/{SEED.name}"}  # the default base: this directory
    os.chdir(desk)
    assert paths(invoke) == {f"articles/{SEED.name}"}
    assert paths(invoke, "--base-dir", "articles") == {SEED.name}
    assert paths(invoke, "--base-dir", str(tmp_path / "elsewhere")) == {absolute}  # as given


def test_relative_origins_follow_the_base(invoke: Invoke, desk: Path) -> None:
    assert invoke("ingest", "articles").exit_code == 0
    assert paths(invoke, "--base-dir", "articles") == {SEED.name}
    assert paths(invoke, "--base-dir", str(desk.parent)) == {f"desk/articles/{SEED.name}"}
    (desk / "elsewhere").mkdir()
    assert paths(invoke, "--base-dir", "elsewhere") == {f"articles/{SEED.name}"}  # as given


def test_sarif_locations_are_relative_to_srcroot(invoke: Invoke, desk: Path,
                                                 tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    os.chdir(tmp_path / "elsewhere")  # stored absolute, as on a desk's machine
    assert invoke("ingest", str(desk / "articles" / SEED.name)).exit_code == 0
    result = invoke("check-consistency", "--format", "sarif", "--fail-on", "never",
                    "--base-dir", str(desk))
    doc = json.loads(result.stdout)
    jsonschema.validate(doc, json.loads(SCHEMA.read_text(encoding="utf-8")))
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"]
                 for r in doc["runs"][0]["results"]]
    assert locations and all(loc == {"uri": f"articles/{SEED.name}", "uriBaseId": "%SRCROOT%"}
                             for loc in locations)
    assert "file://" not in result.stdout
    junit = invoke("check-consistency", "--format", "junit", "--fail-on", "never",
                   "--base-dir", str(desk)).stdout
    assert f'file="articles/{SEED.name}"' in junit and str(desk) not in junit


def test_a_missing_base_dir_is_a_usage_error(invoke: Invoke, desk: Path) -> None:
    assert invoke("ingest", "articles").exit_code == 0
    result = invoke("check-consistency", "--base-dir", "nope")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: Invalid value for '--base-dir': Directory 'nope' "
                                    "does not exist.")


def test_stdin_articles_are_named_by_title_or_by_their_hash(invoke: Invoke,
                                                             desk: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    assert invoke("ingest", "-", input=text).exit_code == 0
    name = "stdin-" + hashlib.sha256(text.encode()).hexdigest()[:8]
    assert paths(invoke) == {name}
    listed = json.loads(invoke("list", "--format", "json", "--article", name).stdout)
    assert {c["article"] for c in listed} == {name}
    other = text.replace("Oreshnik", "Oreshnik missile", 1)
    assert invoke("ingest", "-", "--title", "Night of drones", input=other).exit_code == 0
    assert paths(invoke, "--article", "night of") == {"Night of drones"}

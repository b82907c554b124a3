"""Hypothesis is derandomised under CI and random on a developer's machine (issue 15)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hypothesis import settings

from tests.conftest import REPO, hypothesis_profile


@pytest.mark.parametrize(("env", "profile"), [
    ({}, "dev"),
    ({"CI": "true"}, "ci"),
    ({"CI": "1"}, "ci"),
    ({"CI": "0"}, "dev"),
    ({"CI": "false"}, "dev"),
    ({"CI": ""}, "dev"),
    ({"HYPOTHESIS_PROFILE": "dev", "CI": "true"}, "dev"),
    ({"HYPOTHESIS_PROFILE": "ci"}, "ci"),
])
def test_the_profile_follows_the_environment(env: dict[str, str], profile: str) -> None:
    assert hypothesis_profile(env) == profile


def test_this_run_uses_the_profile_of_its_environment() -> None:
    assert settings.default.derandomize is (hypothesis_profile(os.environ) == "ci")


@pytest.mark.parametrize(("env", "derandomized"), [({"CI": "true"}, True), ({}, False)])
def test_loading_the_test_suite_applies_the_profile(env: dict[str, str],
                                                    derandomized: bool) -> None:
    clean = {k: v for k, v in os.environ.items() if k not in ("CI", "HYPOTHESIS_PROFILE")}
    out = subprocess.run(
        [sys.executable, "-c", "import tests.conftest; from hypothesis import settings; "
         "print(settings.default.derandomize, settings.default.database)"],
        cwd=REPO, env={**clean, **env}, capture_output=True, text=True, check=True,
    ).stdout.split()
    assert out[0] == str(derandomized)
    assert (out[1] == "None") is derandomized  # CI keeps no example database


def test_ci_script_selects_the_ci_profile() -> None:
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "export HYPOTHESIS_PROFILE=ci" in script.split("pytest")[0]

"""CLI fixtures: a runner, and a database that already holds the seed article."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from claims.cli import app

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "seed-nato-oreshnik.txt"

Invoke = Callable[..., Result]


@pytest.fixture
def invoke() -> Invoke:
    runner = CliRunner()

    def run(*args: str, input: str | None = None) -> Result:
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return run


@pytest.fixture
def seeded(invoke: Invoke) -> Invoke:
    """The seed ingested into the test's own database (CLAIMS_DB is per test)."""
    result = invoke("ingest", str(SEED))
    assert result.exit_code == 0, result.output
    return invoke

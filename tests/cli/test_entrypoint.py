"""The installed `claims` and `python -m claims` behave like the CliRunner app."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from claims import __version__

REPO = Path(__file__).resolve().parents[2]


def claims_cmd() -> list[str]:
    exe = shutil.which("claims") or str(Path(sys.executable).parent / "claims")
    return [exe]


def test_version_via_console_script() -> None:
    p = subprocess.run(claims_cmd() + ["--version"], capture_output=True, text=True)
    assert p.returncode == 0
    assert p.stdout == f"claims {__version__}\n"


def test_python_dash_m() -> None:
    p = subprocess.run(
        [sys.executable, "-m", "claims", "--version"], capture_output=True, text=True
    )
    assert p.stdout == f"claims {__version__}\n"


def test_help_does_not_import_the_database_layer() -> None:
    code = (
        "import sys\n"
        "sys.argv = ['claims', '--help']\n"
        "from claims.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "roots = {'sqlmodel', 'sqlalchemy', 'pydantic', 'alembic'}\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in roots)\n"
        "print('HEAVY', heavy)\n"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "HEAVY []" in p.stdout, p.stdout[-500:]


def test_usage_error_is_one_line_exit_2() -> None:
    p = subprocess.run(claims_cmd() + ["list", "--limit", "x"], capture_output=True, text=True)
    assert p.returncode == 2
    assert p.stdout == ""
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), p.stderr


@pytest.mark.parametrize("group", [[], ["db"], ["sources", "alias"], ["evidence"]],
                         ids=["claims", "db", "sources alias", "evidence"])
def test_a_group_without_its_subcommand_prints_its_help_on_stderr_exit_2(
    group: list[str],
) -> None:
    from typer.testing import CliRunner

    from claims.cli import app

    runner = CliRunner()
    help_text = runner.invoke(app, [*group, "--help"])
    assert help_text.exit_code == 0 and help_text.stdout.startswith("Usage: ")
    bare = runner.invoke(app, group)
    assert (bare.exit_code, bare.stdout, bare.stderr) == (2, "", help_text.stdout)
    assert "Error" not in bare.stderr


def test_installed_claims_db_alone_prints_the_help_of_db() -> None:
    p = subprocess.run(claims_cmd() + ["db"], capture_output=True, text=True)
    assert (p.returncode, p.stdout) == (2, "")
    assert p.stderr.startswith("Usage: claims db [OPTIONS] COMMAND [ARGS]...\n\n")
    assert "  upgrade  Upgrade the database schema" in p.stderr


@pytest.mark.usefixtures("tmp_path")
def test_installed_claims_ingests_the_seed_end_to_end(tmp_path: Path) -> None:
    db = tmp_path / "e2e.db"
    base = claims_cmd() + ["--db", str(db)]
    p = subprocess.run(base + ["ingest", str(REPO / "seeds")], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert "1 new" in p.stderr
    p = subprocess.run(
        base + ["list", "--source", "ISW", "--format", "json"], capture_output=True, text=True
    )
    assert p.returncode == 0, p.stderr
    rows = json.loads(p.stdout)
    assert [r["source"] for r in rows] == ["Institute for the Study of War"] * 2

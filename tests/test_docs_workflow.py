"""docs/cli.md's "A day at the desk" runs as written: each command of its console block,
in order, in an empty folder holding a copy of `seeds/`, with exactly the output shown
(`…` alone on a line stands for any lines, inside a line for any text)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"
BIN = Path(sys.executable).parent


def desk_day() -> list[tuple[str, list[str]]]:
    """(command, expected output lines) for each `$ ` line of the section's block."""
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    section = text.split("\n## A day at the desk\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```console\n(.*?)```", section, flags=re.S)
    assert block is not None, "no console block under 'A day at the desk'"
    steps: list[tuple[str, list[str]]] = []
    for line in block.group(1).splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        else:
            steps[-1][1].append(line)
    return steps


def pattern(expected: list[str]) -> re.Pattern[str]:
    parts = []
    for line in expected:
        if line == "…":
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            pieces = [re.escape(p) for p in line.split("…")]
            parts.append("[^\n]*".join(pieces) + r"\n")
    return re.compile("".join(parts), flags=re.S)


def test_the_day_has_every_step_the_desk_needs() -> None:
    commands = " ".join(cmd for cmd, _ in desk_day())
    for step in ("claims ingest", "claims list", "claims articles show", "claims verify",
                 "--revert", "claims sources rename", "claims articles remove"):
        assert step in commands, step


def test_a_day_at_the_desk_runs_as_written(tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    env = {k: v for k, v in os.environ.items() if k not in ("CLAIMS_DB", "CLAIMS_REVIEWER")}
    env.update(PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}", CLAIMS_REVIEWER="ana",
               COLUMNS="80", TERM="dumb", NO_COLOR="1")
    for command, expected in desk_day():
        run = subprocess.run(["bash", "-c", command], cwd=tmp_path, env=env, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
        assert run.returncode == 0, f"$ {command}\n{run.stdout}"
        output = "".join(line.rstrip() + "\n" for line in run.stdout.splitlines())
        assert pattern(expected).fullmatch(output), f"$ {command}\n{output}"

"""The functional core stays pure: no database, no console, no CLI, no environment."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[1] / "claims" / "core"
BANNED = ("sqlmodel", "sqlalchemy", "typer", "click", "rich", "alembic", "claims.store",
          "claims.cli", "claims.render", "httpx", "os", "subprocess")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


@pytest.mark.parametrize("path", sorted(CORE.rglob("*.py")), ids=lambda p: p.name)
def test_core_module_imports_nothing_from_the_shell(path: Path) -> None:
    bad = {
        m for m in imported_modules(path)
        if any(m == b or m.startswith(b + ".") for b in BANNED)
    }
    assert not bad, f"{path.name} imports {sorted(bad)}"


def test_core_has_modules() -> None:
    assert len(list(CORE.rglob("*.py"))) >= 5

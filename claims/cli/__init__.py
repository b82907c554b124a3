"""The command line: `claims` and `python -m claims`.

`app` is built on first access (PEP 562), so `claims --version` answers before typer
is even imported: it is run often, by people and by scripts.
"""

from __future__ import annotations

import sys
from typing import Any

from claims import __version__

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the `claims` console script."""
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(f"claims {__version__}\n")
        return
    get_app()(prog_name="claims")


def get_app() -> Any:
    """The typer app with every command module imported (each registers its commands)."""
    # Import order is registration order, which is the order `--help` lists commands in.
    # isort: off
    from claims.cli import ingest, claims_cmds, sources, review, workflow  # noqa: F401
    from claims.cli import evidence, report  # noqa: F401
    from claims.cli import registry_upkeep, articles  # noqa: F401
    from claims.cli import consistency, interchange, db  # noqa: F401
    # isort: on
    from claims.cli.base import app

    return app


def __getattr__(name: str) -> Any:
    if name == "app":
        return get_app()
    raise AttributeError(name)

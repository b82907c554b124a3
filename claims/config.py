"""Where the database is: the one place that applies `--db` > `CLAIMS_DB` > default."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DB = Path("db") / "claims.db"


@dataclass(frozen=True)
class DbTarget:
    """A resolved database: a SQLAlchemy URL, whether it is the default location, and
    which setting named it (`--db`, `CLAIMS_DB` or `default`), for messages."""

    url: str
    is_default: bool
    path: Path | None  # the SQLite file, when the target is a plain path
    given_by: str = "--db"


def resolve_db(cli_value: str | None, env: Mapping[str, str] | None = None) -> DbTarget:
    """Apply the precedence rules of DESIGN.md.

    A value containing `://` is a SQLAlchemy URL and is used as is; anything else is a
    SQLite file path. Only the default location may have its folder created later.
    """
    env = os.environ if env is None else env
    given_by = "--db" if cli_value else "CLAIMS_DB"
    value = cli_value if cli_value else env.get("CLAIMS_DB") or None
    if value is None:
        return DbTarget(url=f"sqlite:///{DEFAULT_DB}", is_default=True, path=DEFAULT_DB,
                        given_by="default")
    if "://" in value:
        path = None
        if value.startswith("sqlite:///") and "?" not in value:
            path = Path(value[len("sqlite:///") :])
        return DbTarget(url=value, is_default=False, path=path, given_by=given_by)
    return DbTarget(url=f"sqlite:///{value}", is_default=False, path=Path(value),
                    given_by=given_by)


def missing_database(target: DbTarget) -> str | None:
    """Why a command that only reads cannot run: the SQLite file does not exist.

    None when it exists, or when the target is no plain file (PostgreSQL, a `file:` URI,
    memory), whose driver reports a missing database itself without creating one. The
    message names the path and the setting it came from, so a typo in CI's `--db` or
    `CLAIMS_DB` is found at once instead of passing the gate on an empty database.
    """
    path = target.path
    if path is None or path.exists():
        return None
    if target.given_by == "default":
        return f"no database at {path} (the default location); run `claims ingest` first"
    return (f"no database at {path} (from {target.given_by}); check the path "
            f"(only commands that write, such as `claims ingest`, create one)")


def resolve_reviewer(cli_value: str | None, env: Mapping[str, str] | None = None) -> str:
    """Who is recording a verdict: --reviewer > CLAIMS_REVIEWER > git user.name > OS user.

    Verdicts are attributed forever, so we prefer the identity the person already uses
    for their commits over the login name of whatever machine they are on.
    """
    env = os.environ if env is None else env
    for value in (cli_value, env.get("CLAIMS_REVIEWER")):
        if value and value.strip():
            return value.strip()
    import subprocess

    try:
        name = subprocess.run(
            ["git", "config", "user.name"], capture_output=True, text=True, timeout=5
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        name = ""
    if name:
        return name
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"

"""Shared fixtures: isolated state for every test, temporary databases, seed text.

No test may touch a real database: `CLAIMS_DB` points into `tmp_path` and the working
directory is `tmp_path`, so even the default `./db/claims.db` lands there.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from hypothesis import settings

from claims.config import DbTarget, resolve_db

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "seed-nato-oreshnik.txt"

# Hypothesis: CI must give the same verdict on the same commit, so it runs a fixed
# (derandomised) set of examples and keeps no example database between runs; a
# developer's run explores new random examples every time and remembers failures.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("dev")


def hypothesis_profile(env: Mapping[str, str]) -> str:
    """`HYPOTHESIS_PROFILE` when set, else "ci" under a CI runner (`CI` set, as GitHub
    Actions, GitLab and `.ci/run` do), else "dev"."""
    chosen = env.get("HYPOTHESIS_PROFILE", "").strip()
    if chosen:
        return chosen
    return "ci" if env.get("CI", "").strip().lower() not in ("", "0", "false", "no") else "dev"


settings.load_profile(hypothesis_profile(os.environ))


@pytest.fixture(autouse=True)
def _isolate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMS_DB", str(tmp_path / "claims.db"))
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def db_target(tmp_path: Path) -> DbTarget:
    """A fresh SQLite file target (the file does not exist yet)."""
    return resolve_db(str(tmp_path / "test.db"))


@pytest.fixture
def db_url(db_target: DbTarget) -> str:
    return db_target.url


@pytest.fixture
def store(db_target: DbTarget) -> Iterator[object]:
    from claims.store import open_store

    opened = open_store(db_target)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def seed_article(seed_text: str) -> str:
    return seed_text


# --- PostgreSQL: a throwaway cluster per test session -------------------------------


def _pg_bindir() -> Path | None:
    """Server binaries: `pg_config --bindir`, else Debian's versioned folders.

    Debian's `pg_config` may be the libpq-dev one (bindir /usr/bin, no initdb) when the
    server-dev package is absent, so the versioned folders are searched too, newest first.
    """
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config is not None:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        if out.returncode == 0:
            candidates.append(Path(out.stdout.strip()))
    candidates += sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    for bindir in candidates:
        if (bindir / "initdb").exists() and (bindir / "pg_ctl").exists():
            return bindir
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _no_postgres(reason: str) -> None:
    if os.environ.get("CLAIMS_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"PostgreSQL required (CLAIMS_REQUIRE_POSTGRES=1): {reason}")
    pytest.skip(f"PostgreSQL not available: {reason}")


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A URL to `claims_test` on a private cluster on 127.0.0.1, stopped at the end.

    PostgreSQL refuses to run as root, so under root (CI) the server runs as the
    `postgres` user in a folder that user owns.
    """
    bindir = _pg_bindir()
    if bindir is None:
        _no_postgres("pg_config/initdb not found")
        raise AssertionError("unreachable")
    try:
        import psycopg
    except ImportError:
        _no_postgres("psycopg is not installed")
        raise
    root = Path(tempfile.mkdtemp(prefix="claims-pg-"))
    prefix: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            _no_postgres("running as root needs runuser to start the server as postgres")
        prefix = ["runuser", "-u", "postgres", "--"]
        try:
            shutil.chown(root, "postgres")
        except LookupError:
            shutil.rmtree(root, ignore_errors=True)
            _no_postgres("running as root needs a 'postgres' user to own the cluster")
    data, log = root / "data", root / "server.log"
    port = _free_port()

    def run(*args: str) -> None:
        subprocess.run(
            [*prefix, *args], cwd=root, check=True, capture_output=True, text=True, timeout=120
        )

    started = False
    try:
        run(
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync",
        )
        run(
            str(bindir / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(log),
            "-w",
            "-t",
            "60",
            "-o",
            f"-h 127.0.0.1 -p {port} -k {root} -F",
            "start",
        )
        started = True
        with psycopg.connect(
            host="127.0.0.1", port=port, user="postgres", dbname="postgres", autocommit=True
        ) as conn:
            conn.execute("CREATE DATABASE claims_test")
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/claims_test"
    except subprocess.CalledProcessError as error:
        log_text = log.read_text() if log.exists() else ""
        _no_postgres(f"{error.cmd[len(prefix)]} failed: {error.stderr}{log_text}")
    except (OSError, subprocess.TimeoutExpired) as error:
        _no_postgres(f"cannot start a cluster: {error}")
    finally:
        if started:
            subprocess.run(
                [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                cwd=root,
                capture_output=True,
                check=False,
                timeout=60,
            )
        shutil.rmtree(root, ignore_errors=True)


def _admin(url: str) -> tuple[str, int]:
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    return str(parsed.host), int(parsed.port or 5432)


@pytest.fixture
def pg_database(pg_url: str) -> Iterator[str]:
    """A URL to a brand-new, empty database in the session cluster (dropped afterwards)."""
    import psycopg

    host, port = _admin(pg_url)
    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(
        host=host, port=port, user="postgres", dbname="postgres", autocommit=True
    ) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"postgresql+psycopg://postgres@{host}:{port}/{name}"
    with psycopg.connect(
        host=host, port=port, user="postgres", dbname="postgres", autocommit=True
    ) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> DbTarget:
    """A fresh, empty database on each backend (not yet migrated: call `upgrade`)."""
    if request.param == "sqlite":
        return resolve_db(str(tmp_path / "backend.db"))
    url = request.getfixturevalue("pg_database")
    return DbTarget(url=url, is_default=False, path=None)

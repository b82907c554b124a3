"""Verdict history: append-only, versioned, optimistic concurrency, parallel writers."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from claims.config import DbTarget
from claims.core.model import Extraction
from claims.errors import DatabaseBusy, InputError, NotFound, VerdictConflict
from claims.store import Store, open_store, upgrade
from claims.store.ingest import save_extraction
from claims.store.queries import get_claim, list_claims
from claims.store.tables import figure
from claims.store.verdicts import history, record_verdict

STORE_DIR = Path(__file__).resolve().parents[2] / "claims" / "store"


@pytest.fixture
def loaded(store: Store, make_a: Callable[..., Extraction]) -> Store:
    save_extraction(store, make_a(), origin="a.txt")
    return store


def test_history_is_ordered_and_versioned(loaded: Store) -> None:
    first = record_verdict(loaded, claim_id=1, status="in_review", reviewer="ana")
    second = record_verdict(
        loaded,
        claim_id=1,
        status="supported",
        reviewer="bo",
        note="Matches the post",
        evidence=["https://example.org/1", "https://example.org/2"],
        expect_version=2,
    )
    same = record_verdict(loaded, claim_id=1, status="supported", reviewer="cy")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", second.at)
    rows = history(loaded, 1)
    assert rows == [first, second, same]
    assert [(r.reviewer, r.from_status, r.to_status, r.version, r.kind) for r in rows] == [
        ("ana", "unverified", "in_review", 2, "verdict"),
        ("bo", "in_review", "supported", 3, "verdict"),
        ("cy", "supported", "supported", 4, "verdict"),
    ]
    assert rows[1].note == "Matches the post"
    assert rows[1].evidence == ("https://example.org/1", "https://example.org/2")
    claim = list_claims(loaded)[0]
    assert (claim.status, claim.version) == ("supported", 4)
    assert history(loaded, 2) == []


def test_expect_version_conflict_names_the_last_reviewer(loaded: Store) -> None:
    done = record_verdict(loaded, claim_id=1, status="refuted", reviewer="ana", expect_version=1)
    with pytest.raises(VerdictConflict) as info:
        record_verdict(loaded, claim_id=1, status="supported", reviewer="bo", expect_version=1)
    assert str(info.value) == f"claim 1 changed by ana at {done.at}; now refuted (version 2)"
    assert info.value.exit_code == 1
    assert len(history(loaded, 1)) == 1


def test_missing_claim_and_bad_status(loaded: Store) -> None:
    with pytest.raises(NotFound, match="^no claim with id 99$"):
        record_verdict(loaded, claim_id=99, status="supported", reviewer="ana")
    with pytest.raises(NotFound, match="^no claim with id 99$"):
        history(loaded, 99)
    with pytest.raises(InputError, match="unknown status 'true'"):
        record_verdict(loaded, claim_id=1, status="true", reviewer="ana")


def test_corrections_are_history_and_apply(loaded: Store) -> None:
    fixed = record_verdict(
        loaded,
        claim_id=2,
        status="unverified",
        reviewer="ana",
        kind="correction",
        note="figure misread",
        detail={"figure": {"id": 2, "value": 77, "low": 77, "high": 77}, "source_id": None},
    )
    assert (fixed.kind, fixed.from_status, fixed.to_status, fixed.version) == (
        "correction",
        "unverified",
        "unverified",
        2,
    )
    detail = get_claim(loaded, 2)
    assert detail is not None
    assert detail.claim.source is None
    assert (detail.claim.figures[0].value, detail.claim.figures[0].low) == (77.0, 77.0)
    with loaded.read() as conn:
        stored = conn.execute(select(figure.c.text).where(figure.c.id == 2)).scalar_one()
    assert stored == "76"
    with pytest.raises(NotFound, match="no figure with id 1 in claim 2"):
        record_verdict(
            loaded,
            claim_id=2,
            status="unverified",
            reviewer="ana",
            kind="correction",
            detail={"figure": {"id": 1, "value": 1}},
        )
    assert len(history(loaded, 2)) == 1


def test_no_update_or_delete_of_verdicts_in_the_code() -> None:
    forbidden = re.compile(
        r"update\(\s*verdict\b|delete\(\s*verdict\b|UPDATE\s+verdict\b|DELETE\s+FROM\s+verdict\b"
        r"|update\(\s*VerdictRow\b|delete\(\s*VerdictRow\b|verdict\.(update|delete)\(",
        re.IGNORECASE,
    )
    offenders = [
        f"{path.relative_to(STORE_DIR)}:{n}"
        for path in STORE_DIR.rglob("*.py")
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if forbidden.search(line)
    ]
    assert offenders == []


WORKER = """
import sys
from claims.config import DbTarget
from claims.store import open_store
from claims.store.verdicts import record_verdict
url, who = sys.argv[1], sys.argv[2]
store = open_store(DbTarget(url=url, is_default=False, path=None))
record_verdict(store, claim_id=1, status="supported", reviewer=who, note="parallel")
store.close()
"""


def _parallel(url: str, n: int = 8) -> None:
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, url, f"r{i}"], stderr=subprocess.PIPE, text=True
        )
        for i in range(n)
    ]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * n, errors


def _check_parallel(store: Store, n: int = 8) -> None:
    rows = history(store, 1)
    assert len(rows) == n
    assert sorted(r.version for r in rows) == list(range(2, n + 2))
    assert sorted(r.reviewer for r in rows) == [f"r{i}" for i in range(n)]
    claim = list_claims(store)[0]
    assert claim.version == n + 1


def test_eight_parallel_writers_on_sqlite(loaded: Store, db_target: DbTarget) -> None:
    _parallel(db_target.url)
    _check_parallel(loaded)


def test_eight_parallel_writers_on_postgres(
    pg_database: str, make_a: Callable[..., Extraction]
) -> None:
    target = DbTarget(url=pg_database, is_default=False, path=None)
    upgrade(target)
    with open_store(target) as pg:
        save_extraction(pg, make_a(), origin="a.txt")
        _parallel(pg_database)
        _check_parallel(pg)
        with pytest.raises(VerdictConflict, match="^claim 1 changed by r"):
            record_verdict(pg, claim_id=1, status="refuted", reviewer="x", expect_version=1)


def test_postgres_row_lock_past_the_timeout_is_busy(
    pg_database: str, make_a: Callable[..., Extraction], monkeypatch: pytest.MonkeyPatch
) -> None:
    import psycopg

    import claims.store.engine as engine

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 200)
    target = DbTarget(url=pg_database, is_default=False, path=None)
    upgrade(target)
    with open_store(target) as pg:
        save_extraction(pg, make_a(), origin="a.txt")
        url = pg.engine.url
        with psycopg.connect(
            host=url.host, port=url.port, user=url.username, dbname=url.database
        ) as holder:
            holder.execute("SELECT 1 FROM claim WHERE id = 1 FOR UPDATE")
            with pytest.raises(DatabaseBusy) as info:
                record_verdict(pg, claim_id=1, status="supported", reviewer="ana")
            assert info.value.exit_code == 3
        record_verdict(pg, claim_id=1, status="supported", reviewer="ana")
        assert [h.version for h in history(pg, 1)] == [2]

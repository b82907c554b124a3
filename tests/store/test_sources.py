"""Registry maintenance (aliases, merges) and busy-database behaviour."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable

import pytest

from claims.config import DbTarget
from claims.core.model import Extraction
from claims.errors import DatabaseBusy, InputError, NotFound
from claims.store import Store, open_store
from claims.store.engine import head_revision
from claims.store.ingest import save_extraction
from claims.store.queries import list_claims, list_sources, resolve_source
from claims.store.sources import (
    Entry,
    add_alias,
    is_name,
    merge_sources,
    norm,
    registry_alias,
    unqualified_entry,
)
from claims.store.verdicts import history, record_verdict


@pytest.fixture
def loaded(
    store: Store, make_a: Callable[..., Extraction], make_b: Callable[..., Extraction]
) -> Store:
    save_extraction(store, make_a(), origin="a.txt")
    save_extraction(store, make_b(), origin="b.txt")
    return store


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("The Kremlin", "kremlin"),
        ("  Putin\u2019s   office. ", "putin's office"),
        ("an Agency", "agency"),
        ("Theatre Group", "theatre group"),
    ],
)
def test_norm(raw: str, key: str) -> None:
    assert norm(raw) == key


def test_add_alias(loaded: Store) -> None:
    kremlin = resolve_source(loaded, "Kremlin")
    updated = add_alias(loaded, source_id=kremlin.id, alias="Presidential Administration")
    assert updated.aliases == ("Presidential Administration",)
    assert resolve_source(loaded, "presidential administration").id == kremlin.id
    assert add_alias(loaded, source_id=kremlin.id, alias="the Kremlin").aliases == (
        "Presidential Administration",
    )
    with pytest.raises(InputError, match="^alias 'ISW' already belongs to source 'Institute"):
        add_alias(loaded, source_id=kremlin.id, alias="ISW")
    with pytest.raises(NotFound, match="^no source with id 99$"):
        add_alias(loaded, source_id=99, alias="x")


def test_merge_sources_moves_claims_and_names(loaded: Store) -> None:
    kremlin = resolve_source(loaded, "Kremlin")
    air = resolve_source(loaded, "Ukrainian Air Force")
    merged = merge_sources(loaded, keep=air.id, drop=kremlin.id)
    assert (merged.name, merged.aliases, merged.claims) == (
        "Ukrainian Air Force",
        ("Air Force", "Kremlin"),
        3,
    )
    assert [s.name for s in list_sources(loaded)] == [
        "Institute for the Study of War",
        "Ukrainian Air Force",
    ]
    assert list_claims(loaded, article="b.txt")[1].source == "Ukrainian Air Force"
    assert resolve_source(loaded, "kremlin").id == air.id
    with pytest.raises(InputError, match="^cannot merge a source into itself$"):
        merge_sources(loaded, keep=air.id, drop=air.id)
    with pytest.raises(NotFound):
        merge_sources(loaded, keep=air.id, drop=kremlin.id)


def test_locked_database_is_busy_not_a_traceback(
    loaded: Store, db_target: DbTarget, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claims.store.engine as engine

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 100)
    loaded.engine.dispose()  # new connections pick up the short timeout
    holder = sqlite3.connect(str(db_target.path), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseBusy) as info:
            record_verdict(loaded, claim_id=1, status="supported", reviewer="ana")
        assert info.value.exit_code == 3
        assert str(info.value).startswith("database is busy")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    record_verdict(loaded, claim_id=1, status="supported", reviewer="ana")
    assert len(history(loaded, 1)) == 1


OPENER = """
import sys
from claims.config import resolve_db
from claims.store import open_store
open_store(resolve_db(sys.argv[1])).close()
"""


def test_parallel_first_opens_migrate_once(db_target: DbTarget) -> None:
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", OPENER, str(db_target.path)], stderr=subprocess.PIPE, text=True
        )
        for _ in range(6)
    ]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * 6, errors
    with open_store(db_target) as store, store.read() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").all() == [
            (head_revision(),)
        ]


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("ISW", True),
        ("the Kremlin", True),
        ("The Fiscal Council", True),
        ("3rd Brigade", True),
        ("the association\u2019s chair", False),
        ("the polling firm Civis", False),
        ("The independent Fiscal Council", False),
        ("the report", False),
        ("", False),
    ],
)
def test_only_names_become_aliases(alias: str, name: bool) -> None:
    assert is_name(alias) is name


@pytest.mark.parametrize(
    ("alias", "admitted"),
    [
        ("ISW", True),
        ("Air Force", True),  # a name: kept, but never matched on (it is generic)
        ("the head of the regional defense headquarters", True),
        ("spokesman for the Kremlin", True),
        ("a spokesperson for the company", False),
        ("the air force", False),
        ("the city’s military administration", False),
        ("its spokesperson", False),
        ("the polling firm Civis", False),
        ("", False),
    ],
)
def test_registry_aliases(alias: str, admitted: bool) -> None:
    assert registry_alias(alias) is admitted


def test_unqualified_entries() -> None:
    """A bare name is the one source under that name, however many articles say it."""
    bare = Entry(1, "Analysts", "analyst", [])
    other = Entry(2, "Analysts at Acme", "analyst", ["Analysts"])
    assert unqualified_entry("Analysts", []) == (None, "Analysts")
    assert unqualified_entry("analysts", [other, bare]) == (bare, "analysts")
    assert unqualified_entry("Analysts", [other]) == (None, "Analysts")  # never by alias

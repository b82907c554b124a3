"""The stdlib-sqlite3 read path of `list` and `show` returns what the SQLAlchemy path does."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.config import DbTarget, resolve_db
from claims.errors import DatabaseError, UnknownSource
from claims.inputs import ArticleInput
from claims.pipeline import ingest_all
from claims.store import Store, fastread, open_store
from claims.store.queries import get_claim, list_claims, resolve_source
from claims.store.relations import add_relation
from claims.store.sources import norm
from claims.store.verdicts import record_verdict
from claims.store.workflow import get_claim_detail

SEED = Path(__file__).resolve().parents[2] / "seeds" / "seed-nato-oreshnik.txt"


@pytest.fixture
def seeded(db_target: DbTarget) -> Iterator[tuple[Store, sqlite3.Connection]]:
    """The seed twice (two names, one with a changed line so both are stored), with a
    verdict, a dismissal and a manual relation, opened both ways."""
    text = SEED.read_text(encoding="utf-8")
    store = open_store(db_target)
    items = [
        ArticleInput(origin="seeds/seed.txt", name="seed.txt", text=text),
        ArticleInput(origin="copy/seed.txt", name="copy.txt", text=text + "\nA late line.\n"),
    ]
    ingest_all(store, items)
    record_verdict(store, claim_id=3, status="supported", reviewer="ana", note="ok",
                   evidence=["https://example.org/a"])
    record_verdict(store, claim_id=4, status="refuted", reviewer="bo", kind="correction",
                   detail={"dismissed": True})
    add_relation(store, kind="bound", figure_ids=[1, 2])
    conn = fastread.connect(db_target)
    assert conn is not None
    try:
        yield store, conn
    finally:
        conn.close()
        store.close()


FILTERS: list[dict[str, object]] = [
    {},
    {"limit": 5},
    {"status": "supported"},
    {"status": "unverified", "limit": 3},
    {"article": "copy.txt"},
    {"article": "seeds/seed.txt"},
    {"article": "1"},
    {"reviewer": "ana"},
    {"search": "drones"},
    {"search": "100%"},
    {"search": "UKRAINE'S Drones"},
    {"search": '"drones launched" ukraine'},
    {"search": "_"},
    {"value": 188.0},
    {"value": 11.0, "limit": 2},
    {"since": "2024-01-01"},
    {"until": "2024-01-01", "search": "drones"},
    {"include_dismissed": True},
]


@pytest.mark.parametrize("filters", FILTERS, ids=repr)
def test_list_gives_identical_records(
    seeded: tuple[Store, sqlite3.Connection], filters: dict[str, object]
) -> None:
    store, conn = seeded
    full = list_claims(store, **filters)  # type: ignore[arg-type]
    assert fastread.list_claims(conn, **filters) == full  # type: ignore[arg-type]


def test_a_retracted_article_is_left_out_alike(
    seeded: tuple[Store, sqlite3.Connection],
) -> None:
    from claims.store.retraction import retract_article

    store, conn = seeded
    retract_article(store, article_id=2, reviewer="ana", note="a copy")
    full = list_claims(store)
    assert full and {c.article for c in full} == {"seed.txt"}
    assert fastread.list_claims(conn) == full
    assert fastread.count_claims(conn) == len(full)
    hidden = [c.id for c in list_claims(store, article=2, include_retracted=True)]
    detail = fastread.get_claim_detail(conn, hidden[0])
    assert detail == get_claim_detail(store, hidden[0])
    assert detail is not None and detail.article.retracted


def test_list_by_source_gives_identical_records(
    seeded: tuple[Store, sqlite3.Connection],
) -> None:
    store, conn = seeded
    names = {c.source for c in list_claims(store) if c.source}
    assert len(names) >= 3
    for name in sorted(names):
        sid = resolve_source(store, name).id
        assert fastread.resolve_source_id(conn, name) == sid
        assert fastread.list_claims(conn, source_id=sid) == list_claims(store, source_id=sid)


@pytest.mark.parametrize("query", ["ISW", "the kremlin", "Air Forse", "zzz", "", "%", "Ukrain"])
def test_source_resolution_agrees_including_errors(
    seeded: tuple[Store, sqlite3.Connection], query: str
) -> None:
    store, conn = seeded
    try:
        expected: object = resolve_source(store, query).id
    except UnknownSource as exc:
        expected = (str(exc), exc.args)
    try:
        got: object = fastread.resolve_source_id(conn, query)
    except UnknownSource as exc:
        got = (str(exc), exc.args)
    assert got == expected


def test_show_gives_identical_detail(seeded: tuple[Store, sqlite3.Connection]) -> None:
    store, conn = seeded
    ids = [c.id for c in list_claims(store, include_dismissed=True)]
    for cid in ids:
        assert fastread.get_claim_detail(conn, cid) == get_claim_detail(store, cid)
    detail = fastread.get_claim_detail(conn, 3)
    assert detail is not None and detail.history and detail.history[0].to_status == "supported"
    assert get_claim(store, 10**6) is None and fastread.get_claim_detail(conn, 10**6) is None


def test_entry_points_use_the_full_path_when_the_lean_one_does_not_apply(
    tmp_path: Path, seeded: tuple[Store, sqlite3.Connection], db_target: DbTarget
) -> None:
    store, _ = seeded
    assert fastread.read_claims(db_target, source="ISW") == list_claims(
        store, source_id=resolve_source(store, "ISW").id
    )
    assert fastread.read_claim_detail(db_target, 3) == get_claim_detail(store, 3)
    new = resolve_db(str(tmp_path / "new.db"))
    with pytest.raises(DatabaseError, match="no database at .*new.db \\(from --db\\)"):
        fastread.read_claims(new)  # reading never creates a database
    assert not (tmp_path / "new.db").exists()
    sqlite3.connect(tmp_path / "new.db").close()  # an empty file: not at the schema
    assert fastread.connect(new) is None
    assert fastread.read_claims(new) == []  # migrated by the full path
    assert fastread.connect(new) is not None
    assert fastread.connect(resolve_db("postgresql+psycopg://u@localhost/x")) is None
    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a database")
    assert fastread.connect(resolve_db(str(text_file))) is None


def test_head_revision_matches_the_engine() -> None:
    from claims.store.engine import head_revision

    assert fastread.head_revision() == head_revision()


_PIECES = st.sampled_from(["the", "The", "a", "An", " ", "  ", "\t", ".", ",", "'", '"',
                           "\u2019", "\u2018", "ISW", "Air Force", "İ", "ß"])


@given(st.lists(_PIECES).map("".join) | st.text())
def test_norm_is_the_store_norm(name: str) -> None:
    assert fastread.norm(name) == norm(name)

"""The desk tools' store side on SQLite and PostgreSQL alike: search, dates and values,
retraction, revert, registry upkeep, bookmarks, and their records through dump/load."""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy import exc as sa_exc

from claims.config import DbTarget, resolve_db
from claims.core.model import Claim, Document, Extraction, Figure, Qualifier, Source, SourceType
from claims.errors import InputError
from claims.store import Store, open_store, upgrade
from claims.store.ingest import save_extraction
from claims.store.queries import list_claims, resolve_source, stats
from claims.store.registry_upkeep import (
    merge_recorded,
    prune_sources,
    rename_source,
    source_log,
    split_source,
)
from claims.store.report import load_report
from claims.store.retraction import purge_article, retract_article, stored_outcome
from claims.store.revert import revert_verdicts
from claims.store.review_position import get_position, set_position
from claims.store.snapshot import dump, load
from claims.store.verdicts import history, record_verdict
from claims.store.workflow import review_queue

TEXTS = {
    "kyiv.txt": (
        "Kyiv’s mayor said 40 shelters were OPEN.\n"
        "The São Paulo office said about 120 staff moved.\n"
        "The air force said between 150 and 200 drones were launched.\n",
        "2024-11-20",
    ),
    "lviv.txt": (
        "Lviv officials said more than 30 trains ran.\n"
        "The ministry said the mayor’s “plan” costs 5 million.\n",
        "2024-11-28",
    ),
    "undated.txt": ("The Naïve Café said 7 cups were sold in the STRASSE.\n", None),
}


def _figure(sentence: str, start: int, word: str, value: float, qualifier: Qualifier,
            low: float | None, high: float | None) -> Figure:
    at = start + sentence.index(word)
    return Figure(word, at, at + len(word), value, low, high, qualifier, "unit")


FIGURES = {
    "40": (40, Qualifier.EXACT, 40, 40),
    "about 120": (120, Qualifier.APPROX, 108, 132),
    "between 150 and 200": (175, Qualifier.RANGE, 150, 200),
    "more than 30": (30, Qualifier.MORE_THAN, 30, None),
    "5 million": (5e6, Qualifier.EXACT, 5e6, 5e6),
    "7": (7, Qualifier.EXACT, 7, 7),
}


def extraction(name: str) -> Extraction:
    body, published = TEXTS[name]
    claims = []
    start = 0
    for line in body.splitlines(keepends=True):
        sentence = line.rstrip("\n")
        figs = tuple(
            _figure(sentence, start, word, *FIGURES[word])
            for word in FIGURES if re.search(rf"\b{re.escape(word)}\b", sentence)
        )
        claims.append(Claim(sentence, start, start + len(sentence), "City Hall", "said", figs))
        start += len(line)
    doc = Document(body, name, hashlib.sha256(body.encode()).hexdigest(), published=published)
    return Extraction(doc, (Source("City Hall", SourceType.GOVERNMENT, ("the hall",)),),
                      tuple(claims), (), "test-1")


@pytest.fixture
def desk(backend: DbTarget) -> Iterator[Store]:
    upgrade(backend)
    with open_store(backend) as store:
        for name in TEXTS:
            save_extraction(store, extraction(name), origin=name)
        yield store


def texts(store: Store, **filters: object) -> list[str]:
    return [c.text.split(" said")[0] for c in list_claims(store, **filters)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"search": "kyiv's"}, ["Kyiv’s mayor"]),
        ({"search": "KYIV’S open"}, ["Kyiv’s mayor"]),
        ({"search": "sao paulo"}, ["The São Paulo office"]),
        ({"search": "naive cafe strasse"}, ["The Naïve Café"]),
        ({"search": '"plan"'}, ["The ministry"]),
        ({"search": "mayor"}, ["Kyiv’s mayor", "The ministry"]),
        ({"search": '"air force" drones'}, ["The air force"]),
        ({"search": '"force air"'}, []),
        ({"search": "%"}, []),
        ({"since": "2024-11-21"}, ["Lviv officials", "The ministry"]),
        ({"until": "2024-11-20"}, ["Kyiv’s mayor", "The São Paulo office", "The air force"]),
        ({"since": "2024-11-20", "until": "2024-11-20", "search": "office"},
         ["The São Paulo office"]),
        ({"value": 160}, ["The air force", "Lviv officials"]),
        ({"value": 125}, ["The São Paulo office", "Lviv officials"]),
        ({"value": 20}, []),
        ({"value": 1000}, ["Lviv officials"]),  # "more than 30": open upper end
        ({"value": 5e6}, ["Lviv officials", "The ministry"]),
        ({"value": 7, "search": "cups"}, ["The Naïve Café"]),
    ],
    ids=repr,
)
def test_filters_answer_alike_on_both_backends(
    desk: Store, filters: dict[str, object], expected: list[str]
) -> None:
    assert texts(desk, **filters) == expected


def test_retraction_hides_claims_keeps_history_and_gates_ingest(desk: Store) -> None:
    kyiv = list_claims(desk, article="kyiv.txt")
    record_verdict(desk, claim_id=kyiv[0].id, status="supported", reviewer="ana")
    retract_article(desk, article_id=kyiv[0].article_id, reviewer="ana", note="withdrawn")
    assert list_claims(desk, article="kyiv.txt") == []
    assert "kyiv.txt" not in stats(desk)["by_article"]
    assert {c.article for c in review_queue(desk)} == {"lviv.txt", "undated.txt"}
    assert {a.article.name for a in load_report(desk).articles} == {"lviv.txt", "undated.txt"}
    assert [v.to_status for v in history(desk, kyiv[0].id)] == ["supported"]
    doc = extraction("kyiv.txt").document
    outcome = stored_outcome(desk, doc.content_hash)
    assert outcome is not None and outcome.retracted is not None
    assert (outcome.retracted.reviewer, outcome.retracted.note) == ("ana", "withdrawn")
    with pytest.raises(InputError, match="has reviewers' work on claim"):
        purge_article(desk, article_id=kyiv[0].article_id, reviewer="ana")
    lviv = list_claims(desk, article="lviv.txt")[0].article_id
    purged = purge_article(desk, article_id=lviv, reviewer="bo", note="junk")
    assert (purged.claims, purged.figures) == (2, 2)
    gone = stored_outcome(desk, extraction("lviv.txt").document.content_hash)
    assert gone is not None and gone.retracted is not None and gone.retracted.purged
    assert stored_outcome(desk, extraction("lviv.txt").document.content_hash,
                          restore=True) is None  # extract and store it again


def test_revert_and_registry_upkeep_on_both_backends(desk: Store) -> None:
    first = list_claims(desk)[0].id
    record_verdict(desk, claim_id=first, status="supported", reviewer="ana")
    record_verdict(desk, claim_id=first, status="refuted", reviewer="bo")
    ((row, target),) = revert_verdicts(desk, claim_ids=[first], reviewer="ana")
    assert (row.to_status, row.reverts, target.reviewer) == ("supported", target.id, "bo")

    hall = resolve_source(desk, "City Hall")
    rename_source(desk, source_id=hall.id, new_name="Town Hall", reviewer="ana")
    assert resolve_source(desk, "city hall").name == "Town Hall"
    from claims.store.workflow import ensure_source, reattribute

    other = ensure_source(desk, "Mayor's Office", "official")
    reattribute(desk, claim_id=first, source_id=other.id, reviewer="ana")
    merge_recorded(desk, keep=hall.id, drop=other.id, reviewer="ana")
    assert [c.source for c in list_claims(desk)][0] == "Town Hall"
    done = split_source(desk, source_id=hall.id, reviewer="bo")
    assert (done.restored.name, done.claims) == ("Mayor's Office", (first,))
    assert [c.source for c in list_claims(desk)][0] == "Mayor's Office"
    reattribute(desk, claim_id=first, source_id=hall.id, reviewer="ana")
    assert [s.name for s in prune_sources(desk, reviewer="ana")] == ["Mayor's Office"]
    assert [e.action for e in source_log(desk)] == ["rename", "merge", "split", "prune"]


def _dump(store: Store) -> str:
    out = io.StringIO()
    dump(store, out)
    return out.getvalue()


def test_desk_records_round_trip_and_merge(desk: Store, tmp_path: Path) -> None:
    """Records made on either backend dump, load into an empty SQLite file byte for byte,
    and merge into a database that has other work, ids inside them renumbered."""
    first = list_claims(desk)[0]
    retract_article(desk, article_id=list_claims(desk, article="lviv.txt")[0].article_id,
                    reviewer="ana", note="withdrawn")
    hall = resolve_source(desk, "City Hall")
    from claims.store.workflow import ensure_source, reattribute

    other = ensure_source(desk, "Mayor's Office", "official")
    reattribute(desk, claim_id=first.id, source_id=other.id, reviewer="ana")
    merge_recorded(desk, keep=hall.id, drop=other.id, reviewer="ana")
    set_position(desk, reviewer="ana", scope=f"source={hall.id};article=", claim_id=first.id)
    snapshot = _dump(desk)
    kinds = [json.loads(line)["type"] for line in snapshot.splitlines()[1:]]
    assert kinds.count("article_event") == 1 and kinds.count("source_event") == 1
    assert kinds.count("position") == 1

    with open_store(resolve_db(str(tmp_path / "copy.db"))) as copy:
        assert load(copy, snapshot.splitlines(), name="s").kept_ids
        assert _dump(copy) == snapshot

    with open_store(resolve_db(str(tmp_path / "busy.db"))) as busy:
        ensure_source(busy, "Somebody Else", "other")  # shifts the source ids
        save_extraction(busy, extraction("undated.txt"), origin="elsewhere/undated.txt")
        result = load(busy, snapshot.splitlines(), name="s")
        assert not result.kept_ids
        assert (result.added["article_event"], result.added["source_event"]) == (1, 1)
        assert result.added["position"] == 1
        assert {c.article for c in list_claims(busy)} == {"kyiv.txt", "undated.txt"}
        moved = list_claims(busy, article="kyiv.txt")[0]
        busy_hall = resolve_source(busy, "City Hall")
        assert busy_hall.id != hall.id
        assert get_position(busy, reviewer="ana",
                            scope=f"source={busy_hall.id};article=") == moved.id
        split = split_source(busy, source_id=busy_hall.id, reviewer="bo")
        assert split.claims == (moved.id,)
        again = load(busy, snapshot.splitlines(), name="s")
        assert again.added["article_event"] == again.added["source_event"] == 0


@pytest.mark.parametrize("table", ["article_event", "source_event"])
@pytest.mark.parametrize("statement", ["UPDATE {} SET reviewer = 'x'", "DELETE FROM {}"])
def test_the_records_are_append_only(desk: Store, backend: DbTarget, table: str,
                                     statement: str) -> None:
    retract_article(desk, article_id=1, reviewer="ana")
    rename_source(desk, source_id=resolve_source(desk, "City Hall").id, new_name="Town Hall",
                  reviewer="ana")
    engine = create_engine(backend.url)
    try:
        with (pytest.raises(sa_exc.DBAPIError, match="records are append-only"),
              engine.begin() as conn):
            conn.execute(text(statement.format(table)))
        with engine.connect() as conn:
            assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() == 1
    finally:
        engine.dispose()


def test_the_database_folds_every_covered_character_as_python_does(desk: Store) -> None:
    """The whole folding table, run by the server itself (PostgreSQL's translate/replace
    form, SQLite's registered function), against `fold`."""
    from sqlalchemy import literal, select

    from claims.core.search import fold, fold_table
    from claims.store.search import folded, register_fold

    sample = "".join(chr(c) for c in sorted(fold_table())) + " Kyiv’s São Paulo 한국"
    with desk.read() as conn:
        register_fold(conn)
        got = conn.execute(select(folded(literal(sample)))).scalar_one()
    assert got == fold(sample)

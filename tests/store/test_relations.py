"""Relations: declare, review, check inputs (fixed query count), acknowledgements."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest

from claims.config import DbTarget
from claims.core.model import Extraction, Qualifier, Relation
from claims.errors import InputError, NotFound
from claims.store import Store, open_store, upgrade
from claims.store.ingest import save_extraction
from claims.store.queries import get_claim, list_claims, resolve_source, stats
from claims.store.relations import (
    ack_finding,
    add_relation,
    check_inputs,
    list_relations,
    set_relation_state,
)
from claims.store.sources import merge_sources
from claims.store.verdicts import history, record_verdict

QueryLog = Callable[[Store], AbstractContextManager[list[str]]]


def test_add_relation_checks_arity_and_ids(loaded: Store) -> None:
    rel = add_relation(loaded, kind="bound", figure_ids=[2, 1])
    assert rel == Relation(
        id=2, kind="bound", figure_ids=(2, 1), origin="manual", state="accepted", rule=None
    )
    with pytest.raises(InputError, match="^a partition needs a total and at least two parts$"):
        add_relation(loaded, kind="partition", figure_ids=[1, 2])
    with pytest.raises(InputError, match="^a same relation takes exactly two figures$"):
        add_relation(loaded, kind="same", figure_ids=[1, 2, 3])
    with pytest.raises(InputError, match="^a bound relation takes exactly two figures$"):
        add_relation(loaded, kind="bound", figure_ids=[1])
    with pytest.raises(InputError, match="^unknown relation kind 'sum'"):
        add_relation(loaded, kind="sum", figure_ids=[1, 2])
    with pytest.raises(NotFound, match="^no figure with id 99$"):
        add_relation(loaded, kind="same", figure_ids=[1, 99])
    assert [r.id for r in list_relations(loaded)] == [1, 2]


def test_review_states(loaded: Store) -> None:
    assert set_relation_state(loaded, 1, "accepted").state == "accepted"
    add_relation(loaded, kind="same", figure_ids=[1, 5], origin="inferred", state="proposed")
    assert [r.id for r in list_relations(loaded, state="proposed")] == [2]
    assert [r.id for r in list_relations(loaded, state="accepted")] == [1]
    assert set_relation_state(loaded, 2, "rejected").state == "rejected"
    with pytest.raises(NotFound, match="^no relation with id 9$"):
        set_relation_state(loaded, 9, "accepted")
    with pytest.raises(InputError, match="^unknown relation state 'maybe'"):
        set_relation_state(loaded, 1, "maybe")


def test_check_inputs(loaded: Store, count_queries: QueryLog) -> None:
    add_relation(loaded, kind="same", figure_ids=[4, 5], state="proposed", origin="inferred")
    add_relation(loaded, kind="bound", figure_ids=[6, 1])
    rejected = add_relation(loaded, kind="same", figure_ids=[1, 6])
    set_relation_state(loaded, rejected.id, "rejected")
    ack_finding(loaded, key="partition:abc", note="known gap", reviewer="ana")
    ack_finding(loaded, key="partition:abc", note="known gap, reported", reviewer="bo")
    with count_queries(loaded) as seen:
        rels, facts, acks = check_inputs(loaded)
    assert len(seen) == 3
    assert [r.id for r in rels] == [1, 2, 3]
    assert sorted(facts) == [1, 2, 3, 4, 5, 6]
    assert acks == {"partition:abc": "known gap, reported"}
    total = facts[1]
    assert (total.text, total.value, total.qualifier, total.unit, total.line) == (
        "188",
        188.0,
        Qualifier.EXACT,
        "drone",
        2,
    )
    assert (total.article, total.origin, total.published, total.source) == (
        "a.txt",
        "seeds/a.txt",
        "2026-11-20",
        "Ukrainian Air Force",
    )
    assert total.context == ""  # checking needs no claim text; relation inference loads it
    assert (facts[3].line, facts[4].line, facts[5].line, facts[6].line) == (3, 4, 1, 2)
    assert facts[5].source == "Institute for the Study of War"

    accepted, _, _ = check_inputs(loaded, relations="accepted")
    assert [r.id for r in accepted] == [3]
    only_b, b_facts, _ = check_inputs(loaded, article="b.txt")
    assert [r.id for r in only_b] == [2, 3]
    assert sorted(b_facts) == [1, 4, 5, 6]
    assert check_inputs(loaded, article="nothing") == (
        [],
        {},
        {"partition:abc": "known gap, reported"},
    )


def test_ack_requires_a_key(loaded: Store) -> None:
    with pytest.raises(InputError):
        ack_finding(loaded, key="", note="x", reviewer="ana")


def test_store_round_trip_on_both_backends(
    backend: DbTarget, make_a: Callable[..., Extraction], make_b: Callable[..., Extraction]
) -> None:
    upgrade(backend)
    with open_store(backend) as db:
        save_extraction(db, make_a(), origin="seeds/a.txt")
        save_extraction(db, make_b(), origin="seeds/b.txt")
        add_relation(db, kind="bound", figure_ids=[6, 1])
        rels, facts, _ = check_inputs(db, article="b.txt")
        assert [(r.kind, r.figure_ids) for r in rels] == [("bound", (6, 1))]
        assert {i: (f.line, f.article, f.source) for i, f in facts.items()} == {
            1: (2, "a.txt", "Ukrainian Air Force"),
            6: (2, "b.txt", "Kremlin"),
        }
        assert [
            c.id for c in list_claims(db, search="100%") + list_claims(db, search="LAUNCH")
        ] == [
            1,
            4,
        ]
        isw = resolve_source(db, "the isw")
        assert [c.id for c in list_claims(db, source_id=isw.id)] == [3, 4]
        kremlin = resolve_source(db, "Kremlin")
        merge_sources(db, keep=isw.id, drop=kremlin.id)
        record_verdict(db, claim_id=5, status="disputed", reviewer="ana", note="two sides")
        assert stats(db)["by_source"] == {
            "Institute for the Study of War": 3,
            "Ukrainian Air Force": 2,
        }
        assert [h.to_status for h in history(db, 5)] == ["disputed"]
        detail = get_claim(db, 5)
        assert detail is not None and detail.claim.source == "Institute for the Study of War"
        assert [(r.kind, r.figure_ids) for r in detail.relations] == [("bound", (6, 1))]


def test_ack_upserts_on_both_backends(backend: DbTarget) -> None:
    upgrade(backend)
    with open_store(backend) as db:
        ack_finding(db, key="same:1", note="first", reviewer="ana")
        ack_finding(db, key="same:1", note="second", reviewer="bo")
        ack_finding(db, key="bound:2", note="other", reviewer="bo")
        assert check_inputs(db)[2] == {"same:1": "second", "bound:2": "other"}

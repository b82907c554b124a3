"""The gate's stream: relations with their figures, one query, same findings as before."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest
from sqlalchemy import delete

from claims.config import DbTarget
from claims.core.model import CheckFigure, Extraction, Qualifier, Relation
from claims.core.reconcile.consistency import check, iter_check
from claims.errors import InputError
from claims.store import Store, open_store, upgrade
from claims.store.ingest import save_extraction
from claims.store.relations import (
    ack_finding,
    add_relation,
    check_inputs,
    iter_check_groups,
    load_acks,
    set_relation_state,
)
from claims.store.tables import relation_member

QueryLog = Callable[[Store], AbstractContextManager[list[str]]]


@pytest.fixture
def loaded(loaded: Store) -> Store:
    """The two articles (tests/store/conftest.py) with relations in every state."""
    store = loaded
    add_relation(store, kind="same", figure_ids=[4, 5], state="proposed", origin="inferred")
    add_relation(store, kind="bound", figure_ids=[6, 1])
    rejected = add_relation(store, kind="same", figure_ids=[1, 6])
    set_relation_state(store, rejected.id, "rejected")
    return store


def old_findings(store: Store, **kw: str) -> tuple[object, ...]:
    rels, facts, acks = check_inputs(store, **kw)  # type: ignore[arg-type]
    return check(rels, facts, acks)


def test_groups_in_relation_order_with_figures_in_position_order(
    loaded: Store, count_queries: QueryLog
) -> None:
    with count_queries(loaded) as seen:
        groups = list(iter_check_groups(loaded))
    assert len(seen) == 1
    assert [rel for rel, _ in groups] == [
        Relation(1, "partition", (1, 2, 3), "inferred", "proposed", "said-of-them", "medium"),
        Relation(2, "same", (4, 5), "inferred", "proposed", None),
        Relation(3, "bound", (6, 1), "manual", "accepted", None),
    ]
    rel, figs = groups[2]
    assert figs == (
        CheckFigure(6, 5, "b.txt", "seeds/b.txt", "3", 60, 61, 3.0, 3.0, 3.0,
                    Qualifier.EXACT, 2),
        CheckFigure(1, 1, "a.txt", "seeds/a.txt", "188", 68, 71, 188.0, 188.0, 188.0,
                    Qualifier.EXACT, None),  # only the first member locates the finding
    )
    firsts = [figs[0] for _, figs in groups]
    assert [f.line for f in firsts if f is not None] == [2, 4, 2]
    assert firsts[1] is not None and firsts[1].qualifier is Qualifier.NEARLY


def test_filters_match_check_inputs(loaded: Store) -> None:
    ack_finding(loaded, key="same:x", note="known", reviewer="ana")
    assert load_acks(loaded) == {"same:x": "known"}
    for kw in ({}, {"relations": "accepted"}, {"article": "b.txt"}, {"article": "2"},
               {"article": "seeds/a.txt"}, {"article": "nothing"}):
        streamed = tuple(iter_check(iter_check_groups(loaded, **kw), load_acks(loaded)))
        assert streamed == old_findings(loaded, **kw), kw
    assert [r.id for r, _ in iter_check_groups(loaded, relations="accepted")] == [3]
    assert [r.id for r, _ in iter_check_groups(loaded, article="b.txt")] == [2, 3]
    assert list(iter_check_groups(loaded, article="nothing")) == []


def test_a_bad_filter_fails_before_reading() -> None:
    with pytest.raises(InputError, match="^unknown relations filter 'some': use all or accepted$"):
        iter_check_groups(None, relations="some")  # type: ignore[arg-type]


def test_a_member_whose_figure_is_gone_skips_its_relation(loaded: Store) -> None:
    # A hand-edited database (foreign keys off): a member points at no figure.
    with sqlite3.connect(str(loaded.engine.url.database)) as raw:
        raw.execute("UPDATE relation_member SET figure_id = 999 "
                    "WHERE relation_id = 2 AND position = 1")
    groups = {rel.id: (rel, figs) for rel, figs in iter_check_groups(loaded)}
    assert groups[2][0].figure_ids == (4, 999)
    assert groups[2][1][0] is not None and groups[2][1][1] is None
    findings = tuple(iter_check(iter_check_groups(loaded), {}))
    assert [f.relation for f in findings] == [1, 3]
    assert findings == old_findings(loaded)


def test_positions_not_from_zero_still_locate_the_first_figure(loaded: Store) -> None:
    with loaded.write() as conn:
        rows = [(3, 5, 6), (3, 7, 1)]
        conn.execute(delete(relation_member).where(relation_member.c.relation_id == 3))
        conn.execute(relation_member.insert(), [
            {"relation_id": r, "position": p, "figure_id": f, "role": "x"} for r, p, f in rows])
    groups = {rel.id: figs for rel, figs in iter_check_groups(loaded)}
    assert [(f.id, f.line) for f in groups[3] if f is not None] == [(6, 2), (1, None)]
    assert tuple(iter_check(iter_check_groups(loaded), {})) == old_findings(loaded)


def test_stream_on_both_backends(
    backend: DbTarget, make_a: Callable[..., Extraction], make_b: Callable[..., Extraction]
) -> None:
    upgrade(backend)
    with open_store(backend) as db:
        save_extraction(db, make_a(), origin="seeds/a.txt")
        save_extraction(db, make_b(), origin="seeds/b.txt")
        add_relation(db, kind="bound", figure_ids=[6, 1])
        ack_finding(db, key="bound:x", note="n", reviewer="ana")
        for kw in ({}, {"article": "b.txt"}, {"relations": "accepted"}):
            streamed = tuple(iter_check(iter_check_groups(db, **kw), load_acks(db)))
            assert streamed == old_findings(db, **kw)
        assert [(f.relation, f.line, f.path) for f in streamed] == [(2, 2, "seeds/b.txt")]

"""Read side: list filters, source resolution, details, stats."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest

from claims.core.model import Extraction
from claims.errors import UnknownSource
from claims.store import Store
from claims.store.ingest import save_extraction
from claims.store.queries import (
    get_article,
    get_claim,
    list_claims,
    resolve_source,
    stats,
)
from claims.store.sources import add_alias
from claims.store.verdicts import record_verdict

QueryLog = Callable[[Store], AbstractContextManager[list[str]]]


@pytest.fixture
def loaded(
    store: Store, make_a: Callable[..., Extraction], make_b: Callable[..., Extraction]
) -> Store:
    save_extraction(store, make_a(), origin="seeds/a.txt")
    save_extraction(store, make_b(), origin="https://example.org/b")
    return store


def ids(records: list) -> list[int]:  # type: ignore[type-arg]
    return [r.id for r in records]


def test_list_filters(loaded: Store) -> None:
    isw = resolve_source(loaded, "ISW").id
    assert ids(list_claims(loaded)) == [1, 2, 3, 4, 5]
    assert ids(list_claims(loaded, source_id=isw)) == [3, 4]
    assert ids(list_claims(loaded, article="b.txt")) == [4, 5]
    assert ids(list_claims(loaded, article="seeds/a.txt")) == [1, 2, 3]
    assert ids(list_claims(loaded, article="2")) == [4, 5]
    assert ids(list_claims(loaded, article="nope")) == []
    assert ids(list_claims(loaded, search="SHOT DOWN")) == [2]
    assert ids(list_claims(loaded, limit=2)) == [1, 2]
    record_verdict(loaded, claim_id=4, status="refuted", reviewer="ana")
    record_verdict(loaded, claim_id=1, status="in_review", reviewer="bo")
    assert ids(list_claims(loaded, status="refuted")) == [4]
    assert ids(list_claims(loaded, reviewer="ana")) == [4]
    assert ids(list_claims(loaded, status="unverified", source_id=isw)) == [3]


def test_search_escapes_like_wildcards(store: Store, make_a: Callable[..., Extraction]) -> None:
    save_extraction(store, make_a(), origin="a.txt")
    assert ids(list_claims(store, search="%")) == []
    assert ids(list_claims(store, search="_")) == []
    assert ids(list_claims(store, search="shot_down")) == []
    assert ids(list_claims(store, search="shot down")) == [2]


def test_list_loads_figures_and_chains_in_one_extra_query_each(
        loaded: Store, count_queries: QueryLog) -> None:
    with count_queries(loaded) as seen:
        claims = list_claims(loaded)
    assert len(seen) == 3  # claims, their figures, their `via` chains
    assert [len(c.figures) for c in claims] == [1, 2, 1, 1, 1]
    assert [f.text for f in claims[1].figures] == ["76", "96"]
    with count_queries(loaded) as seen:
        limited = list_claims(loaded, limit=1)
    assert len(seen) == 3 and ids(limited) == [1] and len(limited[0].figures) == 1


def test_dismissed_claims_are_hidden_unless_asked(loaded: Store) -> None:
    record_verdict(
        loaded,
        claim_id=2,
        status="unverified",
        reviewer="ana",
        kind="correction",
        detail={"dismissed": True},
    )
    assert ids(list_claims(loaded)) == [1, 3, 4, 5]
    assert ids(list_claims(loaded, include_dismissed=True)) == [1, 2, 3, 4, 5]
    assert list_claims(loaded, include_dismissed=True)[1].dismissed is True


@pytest.mark.parametrize(
    "query",
    [
        "Institute for the Study of War",
        "institute for the study of war",
        "The Institute for the Study of War",
        "ISW",
        "isw",
        "Institute for the Study of Wr",
    ],
)
def test_resolve_source_finds_the_think_tank(loaded: Store, query: str) -> None:
    found = resolve_source(loaded, query)
    assert (found.name, found.type, found.aliases, found.claims) == (
        "Institute for the Study of War",
        "think_tank",
        ("ISW",),
        2,
    )


def test_resolve_source_curly_apostrophe(loaded: Store) -> None:
    add_alias(loaded, source_id=resolve_source(loaded, "Kremlin").id, alias="Putin's office")
    assert resolve_source(loaded, "Putin\u2019s office").name == "Kremlin"


def test_resolve_source_unknown_lists_candidates(loaded: Store) -> None:
    with pytest.raises(UnknownSource) as info:
        resolve_source(loaded, "Ukrainian Navy")
    assert info.value.candidates == ("Ukrainian Air Force",)
    assert str(info.value) == "unknown source 'Ukrainian Navy'; did you mean: Ukrainian Air Force?"
    assert info.value.exit_code == 2


def test_resolve_source_ambiguous_is_not_guessed(store: Store) -> None:
    from claims.store.tables import source

    with store.write() as conn:
        conn.execute(
            source.insert(),
            [
                {"name": "Air Force One", "type": "other"},
                {"name": "Air Force Two", "type": "other"},
            ],
        )
    with pytest.raises(UnknownSource) as info:
        resolve_source(store, "Air Force")
    assert info.value.candidates == ("Air Force One", "Air Force Two")


def test_resolve_source_nothing_close(loaded: Store) -> None:
    with pytest.raises(UnknownSource) as info:
        resolve_source(loaded, "zzzzqqq")
    assert str(info.value) == "unknown source 'zzzzqqq'; see `claims sources`"
    assert info.value.candidates == ()


def test_get_claim_detail(loaded: Store, count_queries: QueryLog) -> None:
    record_verdict(loaded, claim_id=2, status="supported", reviewer="ana", note="ok")
    with count_queries(loaded) as seen:
        detail = get_claim(loaded, 2)
    assert detail is not None
    assert len(seen) <= 6
    assert detail.claim.text == "It said 76 were shot down and 96 were lost to jamming."
    assert detail.article.name == "a.txt" and detail.article.origin == "seeds/a.txt"
    assert detail.article_text[detail.claim.start : detail.claim.end] == detail.claim.text
    assert [(r.kind, r.figure_ids) for r in detail.relations] == [("partition", (1, 2, 3))]
    assert [(h.from_status, h.to_status, h.note, h.version) for h in detail.history] == [
        ("unverified", "supported", "ok", 2)
    ]
    assert get_claim(loaded, 999) is None


def test_get_article(loaded: Store) -> None:
    by_name = get_article(loaded, "b.txt")
    assert by_name is not None and by_name.origin == "https://example.org/b"
    assert get_article(loaded, "https://example.org/b") == by_name
    assert get_article(loaded, "2") == by_name
    first = get_article(loaded, "a.txt")
    assert first is not None
    assert (first.title, first.published, first.extractor_version) == (
        "Drones",
        "2026-11-20",
        "test-1",
    )
    assert get_article(loaded, "missing") is None


def test_stats(loaded: Store) -> None:
    record_verdict(loaded, claim_id=1, status="supported", reviewer="ana")
    record_verdict(loaded, claim_id=2, status="refuted", reviewer="ana")
    record_verdict(loaded, claim_id=2, status="misleading", reviewer="bo")
    assert stats(loaded) == {
        "by_status": {"misleading": 1, "supported": 1, "unverified": 3},
        "by_source": {
            "Institute for the Study of War": 2,
            "Kremlin": 1,
            "Ukrainian Air Force": 2,
        },
        "by_article": {"a.txt": 3, "b.txt": 2},
        "by_reviewer": {"ana": 2, "bo": 1},
    }

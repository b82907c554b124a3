"""The one article resolver: the same answer on the lean read path and the full store."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.config import DbTarget
from claims.errors import UnknownArticle
from claims.inputs import ArticleInput, stored_origin
from claims.pipeline import ingest_all
from claims.store import fastread, open_store
from claims.store.article_lookup import match_article, resolve_article

ROWS = [
    (1, "hospitals.txt", "a/hospitals.txt"),
    (2, "schools.txt", "a/schools.txt"),
    (3, "hospitals.txt", "b/hospitals.txt"),
    (4, "Budget speech", "Budget speech"),  # stdin with --title: name and origin
    (5, "12", "https://news.example/12"),  # a URL page without a title
]


@pytest.mark.parametrize(("ref", "expected"), [
    ("2", 2), (" 2 ", 2), ("12", 5),  # no article 12: the name "12"
    ("a/schools.txt", 2), ("./a/schools.txt", 2), ("b/hospitals.txt", 3),
    ("schools.txt", 2), ("SCHOOLS.TXT", 2), ("schools", 2), ("chool", 2),
    ("budget speech", 4), ("speech", 4), ("https://news.example/12", 5),
])
def test_references_that_name_one_article(ref: str, expected: int) -> None:
    assert match_article(ref, ROWS) == expected


def test_an_id_wins_over_a_name_made_of_digits() -> None:
    assert match_article("5", ROWS) == 5
    assert match_article("1", ROWS) == 1


@pytest.mark.parametrize(("ref", "message"), [
    ("hospitals.txt", "article 'hospitals.txt' matches 2 articles: hospitals.txt (id 1, "
                      "a/hospitals.txt), hospitals.txt (id 3, b/hospitals.txt); give the full "
                      "name, the path or the id"),
    ("o", "article 'o' matches 3 articles: hospitals.txt (id 1, a/hospitals.txt), "
          "schools.txt, hospitals.txt (id 3, b/hospitals.txt); give the full name, the path "
          "or the id"),
    ("hospitalz", "unknown article 'hospitalz'; did you mean: hospitals.txt?"),
    ("nothing", "unknown article 'nothing'; `claims articles` lists the articles"),
    ("", "unknown article ''; `claims articles` lists the articles"),
    ("99999999999999999999999", "unknown article '99999999999999999999999'; `claims articles` "
                                "lists the articles"),
])
def test_no_single_article_is_an_error_listing_candidates(ref: str, message: str) -> None:
    with pytest.raises(UnknownArticle) as raised:
        match_article(ref, ROWS)
    assert str(raised.value) == message
    assert raised.value.exit_code == 2


@given(st.text(max_size=12), st.lists(st.tuples(
    st.integers(1, 50), st.text(min_size=1, max_size=10), st.text(max_size=10)),
    max_size=6, unique_by=lambda r: r[0]))
def test_the_answer_matches_the_reference_exactly_or_is_an_error(
    ref: str, rows: list[tuple[int, str, str]]
) -> None:
    try:
        found = match_article(ref, rows)
    except UnknownArticle:
        return
    aid, name, origin = next(r for r in rows if r[0] == found)
    key = ref.strip().casefold()
    assert (str(aid) == ref.strip() or origin in (ref, stored_origin(ref)) or name == ref
            or key in name.casefold())  # a stem or a whole name is a substring too


def test_the_lean_path_and_the_store_resolve_alike(db_target: DbTarget) -> None:
    with open_store(db_target) as store:
        ingest_all(store, [
            ArticleInput(origin=origin, name=name, text=f"The ministry said {i} died.")
            for i, name, origin in ROWS
        ])
        conn = sqlite3.connect(str(db_target.path))
        try:
            for ref in ("2", "a/schools.txt", "schools", "speech", "12", "hospitals",
                        "hospitalz", "nothing"):
                outcomes = []
                for resolve in (lambda r: resolve_article(store, r).id,
                                lambda r: fastread.resolve_article_id(conn, r)):
                    try:
                        outcomes.append(resolve(ref))
                    except UnknownArticle as error:
                        outcomes.append(str(error))
                assert outcomes[0] == outcomes[1], ref
        finally:
            conn.close()

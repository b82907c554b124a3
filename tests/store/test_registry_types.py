"""A registry source's type comes from the evidence of every article that named it,
not from the first one, and does not depend on the order articles are ingested in."""

from __future__ import annotations

import hashlib
import itertools
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.config import DbTarget, resolve_db
from claims.core.attribution.typemerge import merged_type
from claims.core.model import Claim, Document, Extraction, Source, SourceType
from claims.store import Store, open_store, upgrade
from claims.store.ingest import save_extraction
from claims.store.queries import list_sources
from claims.store.registry_upkeep import set_source_type

T = SourceType


def article(name: str, *sources: Source) -> Extraction:
    body = " ".join(f"{s.name} said {i + 3} people were hurt." for i, s in enumerate(sources))
    claims = tuple(Claim(body, 0, len(body), source=s.name, cue="said") for s in sources)
    digest = hashlib.sha256(f"{name}{body}".encode()).hexdigest()
    return Extraction(Document(body, name, digest), sources, claims)


def types(store: Store) -> dict[str, str]:
    return {s.name: s.type for s in list_sources(store)}


@pytest.fixture
def fresh(backend: DbTarget) -> Store:
    upgrade(backend)
    store = open_store(backend)
    yield store
    store.close()


def test_a_later_article_with_evidence_types_the_source(fresh: Store) -> None:
    """"Ann Roe" with no role in the first article, "Sen. Ann Roe" in the second."""
    save_extraction(fresh, article("a.txt", Source("Ann Roe", T.OTHER)), origin="a.txt")
    assert types(fresh) == {"Ann Roe": "other"}
    save_extraction(fresh, article("b.txt", Source("Ann Roe", T.POLITICIAN)), origin="b.txt")
    save_extraction(fresh, article("c.txt", Source("Ann Roe", T.OTHER)), origin="c.txt")
    assert types(fresh) == {"Ann Roe": "politician"}


def test_a_body_keeps_its_body_type_over_a_stray_person_type(fresh: Store) -> None:
    save_extraction(fresh, article("a.txt", Source("Daily Courier", T.POLITICIAN)),
                    origin="a.txt")
    save_extraction(fresh, article("b.txt", Source("Daily Courier", T.MEDIA)), origin="b.txt")
    save_extraction(fresh, article("c.txt", Source("Daily Courier", T.OTHER)), origin="c.txt")
    assert types(fresh) == {"Daily Courier": "media"}


def test_a_type_the_reviewer_set_is_kept(fresh: Store) -> None:
    save_extraction(fresh, article("a.txt", Source("Ann Roe", T.OTHER)), origin="a.txt")
    (roe,) = list_sources(fresh)
    set_source_type(fresh, source_id=roe.id, type_="analyst", reviewer="kim")
    save_extraction(fresh, article("b.txt", Source("Ann Roe", T.POLITICIAN)), origin="b.txt")
    assert types(fresh) == {"Ann Roe": "analyst"}


# --- order does not matter ------------------------------------------------------------

SURNAMES = [Source("Roe"), Source("Ann Roe", T.POLITICIAN, ("Roe", "Sen. Ann Roe")),
            Source("Ben Roe", T.OTHER, ("Roe",)), Source("Ann Roe", T.OTHER, ("Roe",)),
            Source("Roe", T.OFFICIAL, ("Mr. Roe",))]


def registry_of(store: Store) -> dict[str, tuple[str, tuple[str, ...], int]]:
    return {s.name: (s.type, tuple(sorted(s.aliases)), s.claims) for s in list_sources(store)}


def test_surnames_give_one_registry_in_every_order(backend: DbTarget) -> None:
    """Bare surnames and two full names sharing them: every order of the five articles
    gives the same sources, types, aliases and claim counts."""
    upgrade(backend)
    seen = set()
    for n, order in enumerate(itertools.permutations(range(len(SURNAMES)))):
        if n % 7:
            continue  # 18 of the 120 orders on each backend
        store = open_store(backend)
        try:
            for i in order:
                save_extraction(store, article(f"{n}-{i}.txt", SURNAMES[i]),
                                origin=f"{n}-{i}.txt")
            seen.add(tuple(sorted(registry_of(store).items())))
            with store.write() as conn:
                for table in ("claim_key", "claim_duplicate", "claim", "article",
                              "source_alias", "source"):
                    conn.exec_driver_sql(f"DELETE FROM {table}")
        finally:
            store.close()
    (only,) = seen
    assert dict(only) == {
        "Roe": ("official", ("Mr. Roe",), 2),
        "Ann Roe": ("politician", ("Sen. Ann Roe",), 2),
        "Ben Roe": ("other", (), 1),
    }

NAMES = ("Ann Roe", "Daily Courier", "Vexel Polling", "Estmark", "Officials", "Roe",
         "Ben Roe")
ALIASES = {"Ann Roe": ("Roe", "Sen. Ann Roe"), "Ben Roe": ("Roe", "Mr. Ben Roe"),
           "Vexel Polling": ("Vexel",), "Roe": ("Mr. Roe",)}
KINDS = tuple(T)
batches = st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(KINDS), st.booleans()),
                   min_size=1, max_size=8)


def ingest_all(rows: list[tuple[str, SourceType, bool]], order: list[int]) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        target = resolve_db(str(Path(tmp) / "order.db"))
        upgrade(target)
        store = open_store(target)
        try:
            for i in order:
                name, kind, aliased = rows[i]
                src = Source(name, kind, ALIASES.get(name, ()) if aliased else ())
                save_extraction(store, article(f"{i}.txt", src), origin=f"{i}.txt")
            return registry_of(store)
        finally:
            store.close()


@settings(max_examples=25, deadline=None)
@given(batches, st.randoms(use_true_random=False))
def test_the_registry_does_not_depend_on_the_order_of_a_batch(
    rows: list[tuple[str, SourceType, bool]], rnd: object
) -> None:
    """Names, types, aliases and claim counts, for a batch of persons sharing a
    surname, bare surnames, bodies and a bare group, in two orders."""
    order = list(range(len(rows)))
    shuffled = order[:]
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert ingest_all(rows, order) == ingest_all(rows, shuffled)


@given(st.sampled_from(NAMES + ("Roe", "Republicans", "Ohio", "ACME")),
       st.lists(st.sampled_from(KINDS), min_size=1, max_size=5))
def test_merged_type_is_a_join(name: str, kinds: list[SourceType]) -> None:
    """Folding the types in any order gives one result, and folding one again changes
    nothing: what makes the registry's types independent of ingest order."""
    results = set()
    for perm in itertools.permutations(kinds):
        kind = perm[0].value
        for k in perm[1:]:
            kind = merged_type(name, kind, k.value)
        assert merged_type(name, kind, kind) == kind
        results.add(kind)
    assert len(results) == 1


@pytest.mark.parametrize(("name", "stored", "new", "merged"), [
    ("Ann Roe", "other", "politician", "politician"),  # evidence beats no evidence
    ("Ann Roe", "politician", "other", "politician"),
    ("Ann Roe", "official", "politician", "politician"),  # a governor running for office
    ("Ann Roe", "government", "analyst", "analyst"),  # a body word in one article
    ("Roe", "government", "politician", "politician"),  # a surname, not a place
    ("Daily Courier News", "politician", "media", "media"),
    # a group of people: "Republicans in Congress" in one article makes it no body
    ("Republicans", "other", "government", "other"),
    ("Voters", "organisation", "other", "other"),
    ("Analysts", "other", "analyst", "analyst"),
    ("VexelPolitics", "organisation", "other", "organisation"),  # a body's one word
    ("Ohio", "politician", "government", "government"),
    ("DNC", "official", "organisation", "organisation"),
    ("Ann Roe", "other", "someday", "other"),  # an unknown type is never chosen
])
def test_merged_type(name: str, stored: str, new: str, merged: str) -> None:
    assert merged_type(name, stored, new) == merged

"""The in-memory registry index: the answers of a full registry scan, and a cache that
never outlives a change to the registry."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from claims.config import DbTarget
from claims.core.attribution.sources import is_unqualified, match_source
from claims.core.model import Claim, Document, Extraction, Source, SourceType
from claims.store import Store, open_store, upgrade
from claims.store import ingest as ingest_module
from claims.store.ingest import save_extraction
from claims.store.queries import list_sources
from claims.store.registry import RegistryIndex, fingerprint
from claims.store.sources import Entry, add_alias, merge_sources, norm
from claims.store.tables import source

# --- the index answers as a scan of the registry in id order does --------------------

WORDS = (
    "Defence", "Finance", "ministry", "Ministry", "Minstry", "NATO", "UN", "ISW", "Air",
    "Force", "the", "Estmark", "Meteo", "Red", "Cross", "Europe’s", "Europe's",
    "Institute", "Institue", "(b.txt)", "Analysts", "(2)", "of", "War", "Ann", "Ben",
    "Roe",
)
TYPES = ("government", "official", "think_tank", "other")
phrase = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)
registries = st.lists(
    st.tuples(phrase, st.sampled_from(TYPES), st.lists(phrase, max_size=3, unique=True)),
    max_size=12,
    unique_by=lambda row: row[0],
).map(lambda rows: [Entry(i + 1, n, t, list(a)) for i, (n, t, a) in enumerate(rows)])


def copy(registry: Sequence[Entry]) -> list[Entry]:
    return [Entry(e.id, e.name, e.type, list(e.aliases)) for e in registry]


def scan_match(name: str, aliases: Sequence[str], registry: Sequence[Entry]) -> Entry | None:
    """The specification: first the store's keys in registry order, then the core."""
    key = norm(name)
    if not key or is_unqualified(name):
        return None
    for test in (
        lambda e: norm(e.name) == key,
        lambda e: key in e.norms(),
        lambda e: norm(e.name) in {norm(a) for a in aliases if not is_unqualified(a)} - {""}
        and not other_bearer(key, norm(e.name), e),
    ):
        if hit := next((e for e in registry if test(e)), None):
            return hit
    core = tuple(Source(e.name, aliases=tuple(e.aliases)) for e in registry)
    found = match_source(name, core, cutoff=90)
    return next(e for e in registry if e.name == found) if found else None


def other_bearer(key: str, alias: str, e: Entry) -> bool:
    """A bare surname entry, which no full name ending on it joins."""
    words = key.split()
    return " " not in alias and len(words) >= 2 and words[-1] == alias


def scan_fragment(alias: str, name: str, registry: Sequence[Entry]) -> bool:
    parts = [w.casefold() for w in name.split()]
    key = alias.casefold()
    if " " in alias or len(parts) < 2 or key not in (parts[0], parts[-1]):
        return False
    return any(key in {w.casefold() for w in e.name.split()} for e in registry
               if norm(e.name) != norm(name))


@settings(max_examples=300, deadline=None)
@given(registries, phrase, st.lists(phrase, max_size=2))
def test_match_is_the_scan(registry: list[Entry], name: str, aliases: list[str]) -> None:
    index = RegistryIndex(copy(registry))
    found = index.match(name, aliases)
    expected = scan_match(name, aliases, registry)
    assert (found and found.id) == (expected and expected.id)
    named = index.named(name)
    first = next((e for e in registry if norm(e.name) == norm(name)), None)
    assert (named and named.id) == (first and first.id)


@settings(max_examples=200, deadline=None)
@given(registries, phrase)
def test_unqualified_is_the_scan(registry: list[Entry], name: str) -> None:
    found, named = RegistryIndex(copy(registry)).unqualified(name)
    first = next((e for e in registry if norm(e.name) == norm(name)), None)
    assert (found and found.id, named) == (first and first.id, name)


@settings(max_examples=200, deadline=None)
@given(registries, phrase, st.sampled_from(TYPES))
def test_fragments_are_the_scan(registry: list[Entry], name: str, kind: str) -> None:
    index = RegistryIndex(copy(registry))
    new = Entry(len(registry) + 1, name, kind, [])
    index.add(new)
    gone = index.stray_fragments(new)
    words_new = {w.casefold() for w in name.split()}
    expected = {
        (e.id, a) for e in registry
        if e.type not in ("politician", "official", "analyst") and " " in e.name
        for a in e.aliases
        if " " not in a and a.casefold() in words_new
        and a.casefold() in (e.name.split()[0].casefold(), e.name.split()[-1].casefold())
    }
    assert {(e.id, a) for e, a in gone} == expected
    for entry in registry:
        entry.aliases = [a for a in entry.aliases if (entry.id, a) not in expected]
    registry = [*registry, new]
    assert [e.aliases for e in index.entries] == [e.aliases for e in registry]
    assert [index.norms(e) for e in index.entries] == [e.norms() for e in registry]
    for entry in registry:
        for alias in [*WORDS, *entry.aliases]:
            assert index.is_fragment(alias, entry.name) == scan_fragment(
                alias, entry.name, registry
            )


@settings(max_examples=200, deadline=None)
@given(registries, phrase, st.lists(phrase, max_size=2))
def test_updated_in_place_equals_built_afresh(
    registry: list[Entry], name: str, aliases: list[str]
) -> None:
    """Adding sources one by one, aliases late, and cutting some, answers as a fresh load."""
    grown = RegistryIndex()
    for entry in copy(registry):
        late, entry.aliases = entry.aliases, []
        grown.add(entry)
        grown.add_aliases(entry, late[:1])
    for entry, original in zip(grown.entries, registry, strict=True):
        grown.add_aliases(entry, original.aliases[1:])
    if registry:
        newest = grown.entries[-1]
        cut = newest.aliases[:1]
        for alias in cut:
            grown.remove_alias(newest, alias)
        grown.add_aliases(newest, cut)  # back at the end of its list
    fresh = RegistryIndex(copy(grown.entries))
    assert [grown.norms(e) for e in grown.entries] == [e.norms() for e in grown.entries]
    a, b = grown.match(name, aliases), fresh.match(name, aliases)
    assert (a and a.id) == (b and b.id)


def test_registry_order_breaks_ties_not_insertion_order() -> None:
    """An alias taught late to an early source still ranks by its source's position."""
    index = RegistryIndex([Entry(1, "Institute of Ward", "other", []),
                           Entry(2, "Institute of Wart", "other", ["Institute of Warz"])])
    index.add_aliases(index.entries[0], ["Institute of Waru"])
    found = index.match("Institute of Warx", [])
    assert found is not None and found.id == 1


# --- the cache on the Store ----------------------------------------------------------


def article(name: str, *sources: Source) -> Extraction:
    body = " ".join(f"{s.name} said {i + 3} people were hurt." for i, s in enumerate(sources))
    claims = tuple(Claim(body, 0, len(body), source=s.name, cue="said") for s in sources)
    digest = hashlib.sha256(f"{name}{body}".encode()).hexdigest()
    return Extraction(Document(body, name, digest), sources, claims)


NORTHBANK = Source("Northbank Research Centre", SourceType.THINK_TANK, ("NRC",))
WEATHER = Source("Meteo Estmark", SourceType.GOVERNMENT, ("Estmark",))


@pytest.fixture
def stores(backend: DbTarget) -> tuple[Store, Store]:
    """Two processes' stores on one database."""
    upgrade(backend)
    first, second = open_store(backend), open_store(backend)
    yield first, second
    first.close()
    second.close()


def ids(store: Store) -> dict[str, int]:
    with store.read() as conn:
        return {row.name: row.id for row in conn.execute(select(source.c.id, source.c.name))}


def test_cache_is_reused_while_the_registry_is_unchanged(stores: tuple[Store, Store]) -> None:
    one, _ = stores
    save_extraction(one, article("a.txt", NORTHBANK), origin="a.txt")
    cached = one.registry_cache
    assert isinstance(cached, RegistryIndex)
    with one.read() as conn:
        assert cached.fingerprint == fingerprint(conn)
    save_extraction(one, article("b.txt", Source("NRC"), WEATHER), origin="b.txt")
    assert one.registry_cache is cached
    assert [e.name for e in cached.entries] == ["Northbank Research Centre", "Meteo Estmark"]


def test_another_connection_adding_a_source_invalidates(stores: tuple[Store, Store]) -> None:
    one, two = stores
    save_extraction(one, article("a.txt", NORTHBANK), origin="a.txt")
    cached = one.registry_cache
    save_extraction(two, article("b.txt", WEATHER), origin="b.txt")
    # a stale index would not know "Meteo Estmark" and add its misspelling
    save_extraction(one, article("c.txt", Source("Meteo Estmarks")), origin="c.txt")
    assert one.registry_cache is not cached
    assert len(ids(one)) == 2
    assert [(s.name, s.claims) for s in list_sources(one)] == [
        ("Meteo Estmark", 2), ("Northbank Research Centre", 1)
    ]


def test_another_connection_adding_an_alias_invalidates(stores: tuple[Store, Store]) -> None:
    one, two = stores
    save_extraction(one, article("a.txt", NORTHBANK), origin="a.txt")
    save_extraction(two, article("b.txt", Source(NORTHBANK.name, aliases=("Northbank",))),
                    origin="b.txt")
    save_extraction(one, article("c.txt", Source("Northbank")), origin="c.txt")
    assert len(ids(one)) == 1


def test_alias_and_merge_drop_the_cache(store: Store) -> None:
    save_extraction(store, article("a.txt", NORTHBANK, WEATHER), origin="a.txt")
    known = ids(store)
    add_alias(store, source_id=known["Meteo Estmark"], alias="Estmark Weather Office")
    assert store.registry_cache is None
    save_extraction(store, article("b.txt", Source("Estmark Weather Office")), origin="b.txt")
    assert ids(store) == known
    merge_sources(store, keep=known["Northbank Research Centre"], drop=known["Meteo Estmark"])
    assert store.registry_cache is None
    save_extraction(store, article("c.txt", Source("Meteo Estmark")), origin="c.txt")
    assert ids(store) == {"Northbank Research Centre": known["Northbank Research Centre"]}


def test_rolled_back_article_drops_the_cache(
    stores: tuple[Store, Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    one, _ = stores
    save_extraction(one, article("a.txt", NORTHBANK), origin="a.txt")

    def fail(*args: object) -> list[int]:
        raise RuntimeError("disk full")

    monkeypatch.setattr(ingest_module, "insert_many", fail)  # the claims, after the sources
    with pytest.raises(RuntimeError, match="disk full"):
        save_extraction(one, article("b.txt", WEATHER), origin="b.txt")
    assert one.registry_cache is None
    monkeypatch.undo()
    save_extraction(one, article("c.txt", NORTHBANK, WEATHER), origin="c.txt")
    assert sorted(ids(one)) == ["Meteo Estmark", "Northbank Research Centre"]
    assert [(s.name, s.aliases) for s in list_sources(one)] == [
        ("Meteo Estmark", ("Estmark",)), ("Northbank Research Centre", ("NRC",))
    ]


def test_a_bare_surname_stays_a_source_of_its_own(stores: tuple[Store, Store]) -> None:
    """"Roe" met alone, then "Ann Roe" (alias "Roe") and "Ben Roe": a surname is shared
    by a family, so no full name takes the bare "Roe", and "Roe" is nobody's alias
    (the order-independent rule; `test_registry_types` tries every order)."""
    one, _ = stores
    save_extraction(one, article("a.txt", Source("Roe")), origin="a.txt")
    save_extraction(one, article("b.txt", Source("Ann Roe", aliases=("Roe",))), origin="b.txt")
    save_extraction(one, article("c.txt", Source("Ben Roe", aliases=("Roe",))), origin="c.txt")
    save_extraction(one, article("d.txt", Source("Ann Roe", aliases=("Roe",))), origin="d.txt")
    assert sorted(ids(one)) == ["Ann Roe", "Ben Roe", "Roe"]
    assert not any("Roe" in s.aliases for s in list_sources(one))

"""The source registry held in memory, indexed so that ingest cost follows the article.

Matching an extracted source used to walk the whole registry several times, and the
registry grows with the corpus, so ingest slowed down as the database filled.
`RegistryIndex` answers every question `register_sources` asks with dictionary lookups
(and one rapidfuzz pass in C for fuzzy names), and is updated in place as sources and
aliases are added or cut.

The index is kept on the `Store` between articles of one process and trusted only while
the registry's fingerprint (row counts, largest ids, name lengths) is unchanged: other
processes, `claims sources merge/alias`, `load` and `import` all change it. A failed or
rolled-back article drops it (`dropped_on_failure`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import Connection

from claims.core.attribution.matching import best_fuzzy, candidate_key
from claims.core.attribution.sources import gender_of, is_article_qualified, is_unqualified
from claims.core.attribution.typemerge import merged_type
from claims.store.engine import Store
from claims.store.sources import INGEST_CUTOFF, Entry, norm
from claims.store.tables import source, source_alias, source_event

PERSON_TYPES = frozenset({"politician", "official", "analyst"})
Fingerprint = tuple[object, ...]


class RegistryIndex:
    """Every registry source, in id order, with lookups by each key matching uses.

    Ties are broken as a scan of the registry in id order would break them: by
    position, then (for fuzzy candidates) the name before the aliases in their order.
    """

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        self.entries: list[Entry] = []
        self.fingerprint: Fingerprint | None = None
        self._rank: dict[int, int] = {}
        self._names: dict[str, list[Entry]] = {}  # norm(name) → entries, in order
        self._aliases: dict[str, list[Entry]] = {}  # norm(alias) → entries
        self._exact: dict[str, list[Entry]] = {}  # core key of a name or alias → entries
        self._name_words: dict[str, set[str]] = {}  # word → norms of names using it
        self._cuts: dict[str, list[tuple[Entry, str]]] = {}  # one-word first/last cuts
        self._choices: list[str | None] = []  # fuzzy candidates (None once removed)
        self._topics: list[frozenset[str]] = []
        self._ranks: list[tuple[int, int]] = []
        self._owners: list[Entry] = []
        self._slots: dict[tuple[int, str], list[int]] = {}
        self._norms: dict[int, dict[str, int]] = {}  # entry id → its names' norms, counted
        self._seq = 0
        self.reviewed: set[int] = set()  # ids whose type a reviewer set: ingest keeps it
        for entry in entries:
            self.add(entry)

    # -- updates -----------------------------------------------------------------------

    def add(self, entry: Entry) -> None:
        """Append a source (after every other: it has the largest id) with its aliases."""
        self._rank[entry.id] = len(self.entries)
        self.entries.append(entry)
        key = norm(entry.name)
        self._names.setdefault(key, []).append(entry)
        self._norms[entry.id] = {key: 1}
        for word in {w.casefold() for w in entry.name.split()}:
            self._name_words.setdefault(word, set()).add(key)
        self._add_candidate(entry, entry.name, 0)
        aliases = list(entry.aliases)
        entry.aliases.clear()
        self.add_aliases(entry, aliases)

    def add_aliases(self, entry: Entry, aliases: Iterable[str]) -> None:
        """Record aliases already written for `entry` (appended to its list, in order)."""
        parts = [w.casefold() for w in entry.name.split()]
        cuttable = entry.type not in PERSON_TYPES and " " in entry.name
        counts = self._norms[entry.id]
        for alias in aliases:
            entry.aliases.append(alias)
            key = norm(alias)
            counts[key] = counts.get(key, 0) + 1
            self._aliases.setdefault(key, []).append(entry)
            self._seq += 1
            self._add_candidate(entry, alias, self._seq)
            word = alias.casefold()
            if cuttable and " " not in alias and word in (parts[0], parts[-1]):
                self._cuts.setdefault(word, []).append((entry, alias))

    def _add_candidate(self, entry: Entry, text: str, seq: int) -> None:
        cand = candidate_key(text)
        if cand.key:
            self._exact.setdefault(cand.key, []).append(entry)
        if cand.fuzzy:
            self._slots.setdefault((entry.id, text), []).append(len(self._choices))
            self._choices.append(cand.key)
            self._topics.append(cand.topics)
            self._ranks.append((self._rank[entry.id], seq))
            self._owners.append(entry)

    def remove_alias(self, entry: Entry, alias: str) -> None:
        """Forget the first occurrence of `alias` among `entry`'s aliases."""
        entry.aliases.remove(alias)
        key = norm(alias)
        _drop(self._aliases[key], entry)
        counts = self._norms[entry.id]
        counts[key] -= 1
        if not counts[key]:
            del counts[key]
        cand = candidate_key(alias)
        if cand.key:
            _drop(self._exact[cand.key], entry)
        if cand.fuzzy:
            self._choices[self._slots[(entry.id, alias)].pop(0)] = None
        cuts = self._cuts.get(alias.casefold(), [])
        for i, (owner, text) in enumerate(cuts):
            if owner is entry and text == alias:
                del cuts[i]
                break

    # -- questions ---------------------------------------------------------------------

    def norms(self, entry: Entry) -> set[str]:
        """`entry.norms()` without norming every alias again."""
        return set(self._norms[entry.id])

    def rank(self, entry: Entry) -> int:
        return self._rank[entry.id]

    def named(self, name: str) -> Entry | None:
        """The first source whose name is `name` up to `norm`."""
        hits = self._names.get(norm(name))
        return hits[0] if hits else None

    def match(self, name: str, aliases: Iterable[str]) -> Entry | None:
        """The registry source an extracted source denotes, or None for a new one.

        The extracted name may equal a registry name or alias; its aliases only count
        when they equal a registry canonical name, because generic aliases ("Air Force")
        can be shared by different sources and must not merge them. Then the core
        matcher's rules: its own exact keys, then a plain `ratio` on names (partial
        scorers would merge "NATO" into "NATO Secretary General") that keeps topics.
        """
        key = norm(name)
        if not key or is_unqualified(name):
            return None  # "Analysts", "the air force": never the same party across articles
        if hits := self._names.get(key):
            return hits[0]
        if hits := self._aliases.get(key):
            return min(hits, key=self.rank)
        keys = {k for k in (norm(a) for a in aliases if not is_unqualified(a)) if k}
        named = [e for k in keys if k in self._names for e in self._names[k]
                 if not self._other_bearer(key, k, e)]
        if named:
            return min(named, key=self.rank)
        query = candidate_key(name)
        if not query.key:
            return None
        if hits := self._exact.get(query.key):
            return min(hits, key=self.rank)
        found = best_fuzzy(query, self._choices, self._topics, self._ranks, cutoff=INGEST_CUTOFF)
        return None if found is None else self._owners[found]

    def _other_bearer(self, key: str, alias: str, entry: Entry) -> bool:
        """Whether `entry` is a bare surname and `key` a full name ending on it: "Ben
        Roe" (alias "Roe") never joins the registry's "Roe". A surname alone is shared
        by a family, and joining it to whichever full name came first made the registry
        depend on the order articles were ingested in (see `surname_cut`)."""
        words = key.split()
        return " " not in alias and len(words) >= 2 and words[-1] == alias

    def unqualified(self, name: str) -> tuple[Entry | None, str]:
        """(existing entry or None, registry name) for a bare source: the one source
        under that bare name ("Police", "Analysts"), never a fuzzy or alias match."""
        return self.named(name), name

    def bare_in_use(self, name: str, used: Collection[int]) -> Entry | None:
        """The source among `used` that holds this bare name: re-extraction keeps an
        article's own (a database from before bare names were shared may hold it pinned
        to its article, "Analysts (b.txt)")."""
        key = norm(name)
        for entry in self._names.get(key, ()):
            if entry.id in used:
                return entry
        for entry in self.entries:
            if entry.id in used and is_article_qualified(entry.name) and norm(
                    entry.name.rsplit(" (", 1)[0]) == key:
                return entry
        return None

    def held_elsewhere(self, alias: str, entry: Entry) -> list[Entry]:
        """The other sources that answer to `alias` (as a name or an alias)."""
        key = norm(alias)
        found = [e for e in (*self._names.get(key, ()), *self._aliases.get(key, ()))
                 if e is not entry]
        return list({e.id: e for e in found}.values())

    def shared_cut(self, alias: str, entry: Entry) -> list[tuple[Entry, str]]:
        """Drop (here) an alias ("Holt", "Air Force") from the other sources that hold
        it, now that `entry` answers to it too: a name two sources share is neither's
        alias (`--source` then lists both). Returns what to delete in the database."""
        key = norm(alias)
        gone = [(e, a) for e in self.held_elsewhere(alias, entry)
                for a in list(e.aliases) if norm(a) == key]
        for e, a in gone:
            self.remove_alias(e, a)
        return gone

    def is_fragment(self, alias: str, name: str) -> bool:
        """A one-word cut of a multi-word name that another registry name also uses."""
        parts = [w.casefold() for w in name.split()]
        key = alias.casefold()
        if " " in alias or len(parts) < 2 or key not in (parts[0], parts[-1]):
            return False
        users = self._name_words.get(key, set())
        return len(users) > 1 or bool(users) and norm(name) not in users

    def stray_fragments(self, new: Entry) -> list[tuple[Entry, str]]:
        """Drop (here) one-word aliases that merely cut a multi-word name ("Estmark" of
        "Meteo Estmark") once another source's name uses that word too ("Estmark Red
        Cross"): it is a place or an organisation, not the first source's other name.
        Persons with a title keep their surnames. Returns what to delete in the database."""
        gone: list[tuple[Entry, str]] = []
        for word in {w.casefold() for w in new.name.split()}:
            gone += [(e, a) for e, a in self._cuts.get(word, ()) if e is not new]
        for entry, alias in gone:
            self.remove_alias(entry, alias)
        return gone


def surname_cut(alias: str, entry: Entry) -> bool:
    """Whether `alias` is a person's surname alone ("Roe" of "Ann Roe"), which never
    becomes a registry alias: a surname is shared by a family, and the article's own
    "Roe" was already joined to "Ann Roe" by the extractor. Kept out of the registry,
    it can neither join a later article's bare "Roe" to the first full name ingested nor
    make two Roes share an alias, so the registry does not depend on ingest order;
    `--source Roe` still finds "Ann Roe" by containment, or lists the Roes. A person is
    told by the name (a known first name or a title), since the type may change."""
    words = entry.name.split()
    if " " in alias.strip() or len(words) < 2 or norm(alias) != norm(words[-1]):
        return False
    return gender_of(entry.name) is not None  # by the name, never by its changing type


def _drop(entries: list[Entry], entry: Entry) -> None:
    for i, held in enumerate(entries):
        if held is entry:
            del entries[i]
            return


def retype(conn: Connection, index: RegistryIndex, entry: Entry, kind: str) -> None:
    """Fold one more article's type for `entry` into its registry type
    (`merged_type`: evidence beats `other`, a fixed precedence settles the rest, so
    the result does not depend on the order articles arrive in). A type a reviewer
    set (`claims sources set-type`) is never changed by ingest."""
    if entry.id in index.reviewed:
        return
    merged = merged_type(entry.name, entry.type, kind)
    if merged != entry.type:
        conn.execute(update(source).where(source.c.id == entry.id).values(type=merged))
        entry.type = merged


def reviewed_types(conn: Connection) -> set[int]:
    """The sources whose type a reviewer set (a `set_type` record names them)."""
    rows = conn.execute(select(source_event.c.source_id).where(
        source_event.c.action == "set_type", source_event.c.source_id.is_not(None)).distinct())
    return {int(r[0]) for r in rows}


def load_entries(conn: Connection) -> list[Entry]:
    """The whole registry, sources and aliases in id order (the order ties follow)."""
    entries = {
        row.id: Entry(row.id, row.name, row.type, [])
        for row in conn.execute(
            select(source.c.id, source.c.name, source.c.type).order_by(source.c.id)
        )
    }
    rows = conn.execute(
        select(source_alias.c.source_id, source_alias.c.alias).order_by(source_alias.c.id)
    )
    for row in rows:
        entries[row.source_id].aliases.append(row.alias)
    return list(entries.values())


_FINGERPRINT = select(*(
    select(agg).select_from(table).scalar_subquery()
    for table, text in ((source, source.c.name), (source_alias, source_alias.c.alias))
    for agg in (func.count(), func.max(table.c.id), func.sum(func.length(text)))
), select(func.max(source_event.c.id)).scalar_subquery())


def fingerprint(conn: Connection) -> Fingerprint:
    """One cheap query that changes whenever a source or alias is added or removed (the
    length sums catch a deleted largest id that SQLite hands out again), or a reviewer
    changes the registry (a new `source_event`: a type they set is kept)."""
    return tuple(conn.execute(_FINGERPRINT).one())


def delete_aliases(conn: Connection, gone: Iterable[tuple[Entry, str]]) -> None:
    for entry, alias in gone:
        conn.execute(
            delete(source_alias).where(
                source_alias.c.source_id == entry.id, source_alias.c.alias == alias
            )
        )


@contextmanager
def dropped_on_failure(store: Store) -> Iterator[None]:
    """Forget the store's index when the article's transaction fails: it may hold rows
    the rollback never kept. Wrap the whole transaction, so a failed commit counts too."""
    try:
        yield
    except BaseException:
        store.registry_cache = None
        raise


def open_index(conn: Connection, cache: Store | None) -> RegistryIndex:
    """The registry as this transaction sees it: `cache`'s index while the fingerprint
    still matches, else one freshly loaded (without `cache`, never kept)."""
    if cache is None:
        index = RegistryIndex(load_entries(conn))
        index.reviewed = reviewed_types(conn)
        return index
    mark = fingerprint(conn)
    cached = cache.registry_cache
    cache.registry_cache = None  # until `keep_index`: it is about to change
    if isinstance(cached, RegistryIndex) and cached.fingerprint == mark:
        return cached
    index = RegistryIndex(load_entries(conn))
    index.reviewed = reviewed_types(conn)
    index.fingerprint = mark
    return index


def keep_index(conn: Connection, index: RegistryIndex, cache: Store | None) -> None:
    """Keep the index on `cache` with the fingerprint of this transaction's own changes."""
    if cache is not None:
        index.fingerprint = fingerprint(conn)
        cache.registry_cache = index

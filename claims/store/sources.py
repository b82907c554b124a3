"""The global source registry: canonical names, aliases, matching, merging.

Aliases are names only ("ISW"), never back-references ("the ministry"); those are
resolved inside their own article by the extractor before anything reaches the store.
A bare name ("Analysts", "Finance ministry") never matches across articles: it keeps
its bare name while free, else enters pinned to its article ("Analysts (b.txt)"), see
`unqualified_entry`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection

from claims.core.model import SourceType
from claims.core.sources import by_article, is_unqualified
from claims.errors import InputError, NotFound
from claims.records import SourceRecord
from claims.store.engine import Store
from claims.store.tables import claim, source, source_alias

_DETERMINER = re.compile(r"^(?:the|a|an)\s+")
_SPACE = re.compile(r"\s+")
INGEST_CUTOFF = 90


def norm(name: str) -> str:
    """The matching key: case-folded, curly quotes straightened, leading article dropped."""
    text = _SPACE.sub(" ", name.replace("\u2019", "'").replace("\u2018", "'").casefold())
    while True:  # until stable, so that norm(norm(x)) == norm(x): "the 'The X'" → "x"
        stripped = _DETERMINER.sub("", text.strip(" .,;:\"'"))
        if stripped == text:
            return text
        text = stripped


def registry_alias(alias: str) -> bool:
    """Whether an extracted alias may enter the global registry.

    Names may ("ISW", "the Kremlin", "the Defence Ministry"), and so may a role that
    spells out whom it serves ("the head of the regional defence headquarters").
    Descriptions and back-references ("the polling firm X", "the air force", "the city's
    military administration", "a spokesperson for the company") stay in their own
    article. A capitalised generic alias is harmless: `match_entry` never matches on one.
    """
    if not alias.strip():
        return False
    if is_name(alias):
        return True
    role = _ROLE_OF.match(alias.strip())
    if role is None or _POSSESSIVE.search(alias):
        return False
    served = alias.strip()[role.end() - 1 :].split()
    if served and served[0].casefold() in ("the", "a", "an"):
        served = served[1:]
    # "a spokesperson for the company" points back; "the head of the X Y" does not
    return len(served) > 1 or bool(served) and served[0][:1].isupper()


_ROLE_OF = re.compile(
    r"^(?:the |a |an )?(?:deputy |acting |interim )?(?:head|chief|director|spokes\w+|chair\w*|"
    r"commander|secretary|governor|mayor|coroner|representative)\s+(?:of|for|at)\s+\S",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"\b(?:its|their|his|her)\b|\b[a-z]\w*['’]s\b")


def is_name(alias: str) -> bool:
    """Whether an extracted alias is a name ("ISW", "the Kremlin") rather than a
    description or a back-reference ("the polling firm X", "the association's chair").

    The registry is global, so only names may enter it; a name starts with a capital
    (or a digit) once a leading article is dropped.
    """
    words = alias.strip().split(maxsplit=1)
    if words and words[0].casefold() in ("the", "a", "an"):
        words = words[1:]
    return bool(words) and not words[0][0].islower()


@dataclass
class Entry:
    """A registry source with every name it answers to (mutable while ingesting)."""

    id: int
    name: str
    type: str
    aliases: list[str]

    def norms(self) -> set[str]:
        return {norm(self.name), *(norm(a) for a in self.aliases)}


def load_registry(conn: Connection) -> list[Entry]:
    """The whole registry in two queries (it is small: hundreds of names, not millions)."""
    entries = {
        row.id: Entry(row.id, row.name, row.type, [])
        for row in conn.execute(select(source.c.id, source.c.name, source.c.type))
    }
    rows = conn.execute(
        select(source_alias.c.source_id, source_alias.c.alias).order_by(source_alias.c.id)
    )
    for row in rows:
        entries[row.source_id].aliases.append(row.alias)
    return list(entries.values())


def match_entry(name: str, aliases: Sequence[str], registry: Sequence[Entry]) -> Entry | None:
    """The registry source an extracted source denotes, or None for a new one.

    The extracted name may equal a registry name or alias; its aliases only count when
    they equal a registry canonical name, because generic aliases ("Air Force") can be
    shared by different sources and must not merge them. Fuzzy matching (plain `ratio`,
    high cutoff: partial scorers would merge "NATO" into "NATO Secretary General") is on
    the name only, preferably through the core matcher.
    """
    key = norm(name)
    if not key or is_unqualified(name):
        return None  # "Analysts", "the air force": never the same party across articles
    for entry in registry:
        if norm(entry.name) == key:
            return entry
    for entry in registry:
        if key in entry.norms():
            return entry
    alias_keys = {k for k in (norm(a) for a in aliases if not is_unqualified(a)) if k}
    for entry in registry:
        if norm(entry.name) in alias_keys:
            return entry
    core = _core_match(name, registry)
    if core is not None:
        return core if core is not _NO_CORE else None
    best: tuple[float, Entry] | None = None
    for entry in registry:
        for candidate in entry.norms():
            score = fuzz.ratio(key, candidate) if len(candidate) >= 4 else 0.0
            if score >= INGEST_CUTOFF and (best is None or score > best[0]):
                best = (score, entry)
    return best[1] if best else None


_NO_CORE = Entry(0, "", "", [])  # the core matcher ran and found nothing


def _core_match(name: str, registry: Sequence[Entry]) -> Entry | None:
    """Ask the core matcher when it is present; None when it is not (use ours)."""
    try:
        from claims.core.model import Source
        from claims.core.sources import match_source
    except ImportError:
        return None
    by_name = {e.name: e for e in registry}
    core_registry = tuple(
        Source(name=e.name, type=_source_type(e.type, SourceType), aliases=tuple(e.aliases))
        for e in registry
    )
    try:
        found = match_source(name, core_registry, cutoff=INGEST_CUTOFF)
    except TypeError:  # a different signature than agreed: fall back to ours
        return None
    return by_name.get(found, _NO_CORE) if found is not None else _NO_CORE


def _source_type(value: str, enum: type[SourceType]) -> SourceType:
    try:
        return enum(value)
    except ValueError:
        return enum.OTHER


def insert_aliases(
    conn: Connection, source_id: int, aliases: Iterable[str], known: set[str]
) -> list[str]:
    """Add the aliases whose normalised form `known` lacks; `known` is updated in place."""
    rows = []
    for alias in aliases:
        key = norm(alias)
        if key and key not in known:
            known.add(key)
            rows.append({"source_id": source_id, "alias": alias.strip(), "alias_norm": key})
    if rows:
        conn.execute(insert(source_alias), rows)
    return [str(r["alias"]) for r in rows]


def source_records(conn: Connection, ids: Sequence[int] | None = None) -> list[SourceRecord]:
    """Sources with aliases and claim counts (dismissed claims excluded), ordered by name."""
    counts = (
        select(claim.c.source_id, func.count().label("n"))
        .where(claim.c.dismissed.is_(False))
        .group_by(claim.c.source_id)
        .subquery()
    )
    stmt = (
        select(source.c.id, source.c.name, source.c.type, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.source_id == source.c.id)
        .order_by(func.lower(source.c.name), source.c.id)
    )
    alias_stmt = select(source_alias.c.source_id, source_alias.c.alias).order_by(source_alias.c.id)
    if ids is not None:
        stmt = stmt.where(source.c.id.in_(ids))
        alias_stmt = alias_stmt.where(source_alias.c.source_id.in_(ids))
    aliases: dict[int, list[str]] = {}
    for row in conn.execute(alias_stmt):
        aliases.setdefault(row.source_id, []).append(row.alias)
    return [
        SourceRecord(
            id=r[0], name=r[1], type=r[2], aliases=tuple(aliases.get(r[0], ())), claims=r[3]
        )
        for r in conn.execute(stmt)
    ]


def _one(conn: Connection, source_id: int) -> SourceRecord:
    found = source_records(conn, [source_id])
    if not found:
        raise NotFound(f"no source with id {source_id}")
    return found[0]


def add_alias(store: Store, *, source_id: int, alias: str) -> SourceRecord:
    """Teach the registry another name; refused when another source already owns it."""
    key = norm(alias)
    if not key:
        raise InputError("an alias cannot be empty")
    with store.write() as conn:
        record = _one(conn, source_id)
        owner = conn.execute(
            select(source.c.name)
            .join(source_alias, source_alias.c.source_id == source.c.id)
            .where(source_alias.c.alias_norm == key, source.c.id != source_id)
        ).first()
        if owner is not None:
            raise InputError(f"alias '{alias}' already belongs to source '{owner[0]}'")
        known = {norm(record.name), *(norm(a) for a in record.aliases)}
        insert_aliases(conn, source_id, [alias], known)
        return _one(conn, source_id)


def merge_sources(store: Store, *, keep: int, drop: int) -> SourceRecord:
    """Fold `drop` into `keep`: its claims, its aliases and its name become `keep`'s."""
    if keep == drop:
        raise InputError("cannot merge a source into itself")
    with store.write() as conn:
        kept, dropped = _one(conn, keep), _one(conn, drop)
        known = {norm(kept.name), *(norm(a) for a in kept.aliases)}
        conn.execute(delete(source_alias).where(source_alias.c.source_id == drop))
        insert_aliases(conn, keep, [dropped.name, *dropped.aliases], known)
        conn.execute(update(claim).where(claim.c.source_id == drop).values(source_id=keep))
        conn.execute(delete(source).where(source.c.id == drop))
        return _one(conn, keep)


def unqualified_entry(
    name: str, article: str | None, registry: Sequence[Entry]
) -> tuple[Entry | None, str]:
    """(existing entry or None, registry name) for a bare source ("Analysts", "Finance
    ministry", "Mayor") that the extractor could not tie to a country or a name.

    It is never matched to another article's source: it keeps its bare name while no
    source holds it, else it is pinned to its article ("Analysts (b.txt)"), which only
    the same article name finds again. Without an article name (a caller that does not
    pass one, such as re-extraction), the one source already under this bare name, pinned
    or not, is taken to be its own; else the first free " (n)" suffix is used.
    """
    taken = {norm(e.name): e for e in registry}
    if article is not None:
        if norm(name) not in taken:
            return None, name
        pinned = by_article(name, article)
        return taken.get(norm(pinned)), pinned
    prefix = f"{norm(name)} ("
    same = [e for k, e in taken.items() if k == norm(name) or k.startswith(prefix)]
    if len(same) == 1:
        return same[0], same[0].name
    if not same:
        return None, name
    n = 2
    while norm(f"{name} ({n})") in taken:
        n += 1
    return None, f"{name} ({n})"


def stray_fragments(conn: Connection, registry: Sequence[Entry], new: Entry) -> None:
    """Drop one-word aliases that merely cut a multi-word name ("Estmark" of "Meteo
    Estmark") once another source's name uses that word too ("Estmark Red Cross"): it
    is a place or an organisation, not the first source's other name. Persons with a
    title keep their surnames."""
    words_new = {w.casefold() for w in new.name.split()}
    for entry in registry:
        if entry is new or entry.type in _PERSON_TYPES or " " not in entry.name:
            continue
        parts = [w.casefold() for w in entry.name.split()]
        for alias in list(entry.aliases):
            key = alias.casefold()
            if " " not in alias and key in words_new and key in (parts[0], parts[-1]):
                conn.execute(delete(source_alias).where(
                    source_alias.c.source_id == entry.id, source_alias.c.alias == alias))
                entry.aliases.remove(alias)


def is_fragment(alias: str, name: str, registry: Sequence[Entry]) -> bool:
    """A one-word cut of a multi-word name that another registry name also uses."""
    parts = [w.casefold() for w in name.split()]
    key = alias.casefold()
    if " " in alias or len(parts) < 2 or key not in (parts[0], parts[-1]):
        return False
    return any(key in {w.casefold() for w in e.name.split()} for e in registry
               if norm(e.name) != norm(name))


_PERSON_TYPES = frozenset({"politician", "official", "analyst"})

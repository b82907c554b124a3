"""The global source registry: canonical names, aliases, matching, merging.

Aliases are names only ("ISW"), never back-references ("the ministry"); those are
resolved inside their own article by the extractor before anything reaches the store.
A bare name ("Analysts", "Finance ministry") is one registry source under that name,
matched only exactly, see `unqualified_entry`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection

from claims.core.namekey import norm as norm  # re-exported: one normal form
from claims.errors import InputError, NotFound
from claims.records import SourceRecord
from claims.store.engine import Store
from claims.store.tables import claim, claim_via, source, source_alias

INGEST_CUTOFF = 90
# Writes the record of a registry change inside its transaction: (conn, source, other).
Recorder = Callable[[Connection, SourceRecord, SourceRecord], None]


def registry_alias(alias: str) -> bool:
    """Whether an extracted alias may enter the global registry.

    Names may ("ISW", "the Kremlin", "the Defence Ministry"), and so may a role that
    spells out whom it serves ("the head of the regional defence headquarters").
    Descriptions and back-references ("the polling firm X", "the air force", "the city's
    military administration", "a spokesperson for the company") stay in their own
    article. A capitalised generic alias is harmless: `RegistryIndex.match` never matches on one.
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


def one_source(conn: Connection, source_id: int) -> SourceRecord:
    """The source with this id; `NotFound` when there is none."""
    found = source_records(conn, [source_id])
    if not found:
        raise NotFound(f"no source with id {source_id}")
    return found[0]


def add_alias(
    store: Store, *, source_id: int, alias: str, on_change: Recorder | None = None
) -> SourceRecord:
    """Teach the registry another name; refused when another source already owns it.
    `on_change` writes the change's record in the same transaction (`registry_upkeep`)."""
    key = norm(alias)
    if not key:
        raise InputError("an alias cannot be empty")
    store.registry_cache = None  # ingest's copy of the registry is about to be stale
    with store.write() as conn:
        record = one_source(conn, source_id)
        owner = conn.execute(
            select(source.c.name)
            .join(source_alias, source_alias.c.source_id == source.c.id)
            .where(source_alias.c.alias_norm == key, source.c.id != source_id)
        ).first()
        if owner is not None:
            raise InputError(f"alias '{alias}' already belongs to source '{owner[0]}'")
        known = {norm(record.name), *(norm(a) for a in record.aliases)}
        if on_change is not None and key not in known:
            on_change(conn, record, record)
        insert_aliases(conn, source_id, [alias], known)
        return one_source(conn, source_id)


def merge_sources(
    store: Store, *, keep: int, drop: int, on_change: Recorder | None = None
) -> SourceRecord:
    """Fold `drop` into `keep`: its claims, its aliases and its name become `keep`'s.
    `on_change` sees both before the merge, in its transaction (`registry_upkeep`)."""
    if keep == drop:
        raise InputError("cannot merge a source into itself")
    store.registry_cache = None  # ingest's copy of the registry is about to be stale
    with store.write() as conn:
        kept, dropped = one_source(conn, keep), one_source(conn, drop)
        if on_change is not None:
            on_change(conn, kept, dropped)
        known = {norm(kept.name), *(norm(a) for a in kept.aliases)}
        conn.execute(delete(source_alias).where(source_alias.c.source_id == drop))
        insert_aliases(conn, keep, [dropped.name, *dropped.aliases], known)
        conn.execute(update(claim).where(claim.c.source_id == drop).values(source_id=keep))
        conn.execute(update(claim_via).where(claim_via.c.source_id == drop).values(source_id=keep))
        conn.execute(delete(source).where(source.c.id == drop))
        return one_source(conn, keep)


def unqualified_entry(name: str, registry: Sequence[Entry]) -> tuple[Entry | None, str]:
    """(existing entry or None, registry name) for a bare source ("Analysts", "Police")
    that the extractor could not tie to a place or a name: the one source under that bare
    name, shared by every article that says it. It is never matched by alias or fuzzily
    ("Police" is no typo of "Polish police"), and no country is guessed for it."""
    key = norm(name)
    found = next((e for e in registry if norm(e.name) == key), None)
    return found, name

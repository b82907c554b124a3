"""Upkeep of the source registry, each change recorded in `source_event`.

A desk fixes its registry every day: a source extracted under the wrong name, an alias
that pulls in the wrong claims, a wrong type, two sources merged by mistake, names left
behind by retracted articles. Every change here writes one append-only `source_event`
row in the same transaction (who, when, what it was before), so the registry can be
audited (`claims sources log`), and a merge records enough to be undone:
`split_source` recreates the merged source, gives back its aliases and the claims the
merge moved, from that row alone.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection

from claims.core.model import SourceType
from claims.errors import InputError
from claims.records import SourceRecord
from claims.store.engine import Store
from claims.store.ingest import now_utc
from claims.store.sources import (
    Recorder,
    add_alias,
    insert_aliases,
    load_registry,
    merge_sources,
    norm,
    one_source,
    source_records,
)
from claims.store.tables import claim, claim_via, source, source_alias, source_event

RENAME, ALIAS_ADD, ALIAS_REMOVE, SET_TYPE = "rename", "alias_add", "alias_remove", "set_type"
MERGE, SPLIT, PRUNE = "merge", "split", "prune"


@dataclass(frozen=True)
class SourceEvent:
    id: int
    at: str
    reviewer: str
    action: str
    source_id: int | None
    source: str
    detail: dict[str, Any]


def record(
    conn: Connection, *, action: str, reviewer: str, source_id: int | None, name: str,
    detail: Mapping[str, Any],
) -> int:
    """Append one registry change; returns its id."""
    return int(conn.execute(insert(source_event).values(
        at=now_utc(), reviewer=reviewer, action=action, source_id=source_id, source=name,
        detail=json.dumps(dict(detail), sort_keys=True, ensure_ascii=False),
    )).inserted_primary_key[0])  # type: ignore[index]


def source_log(store: Store, *, source_id: int | None = None) -> list[SourceEvent]:
    """Every recorded registry change, oldest first (those touching `source_id` only,
    when given: under that id, or naming it as the merged or restored source)."""
    with store.read() as conn:
        rows = conn.execute(select(source_event).order_by(source_event.c.id)).all()
    events = [SourceEvent(r.id, r.at, r.reviewer, r.action, r.source_id, r.source,
                          json.loads(r.detail or "{}")) for r in rows]
    if source_id is None:
        return events
    return [e for e in events if source_id in _ids_named(e)]


def _ids_named(e: SourceEvent) -> set[int | None]:
    other = e.detail.get("dropped") or e.detail.get("restored") or {}
    return {e.source_id, other.get("id")}


def _owner(conn: Connection, key: str, besides: int) -> str | None:
    """The name of another source called or aliased `key` (a `norm`), if any."""
    for entry in load_registry(conn):
        if entry.id != besides and key in entry.norms():
            return entry.name
    return None


def rename_source(store: Store, *, source_id: int, new_name: str, reviewer: str) -> SourceRecord:
    """Give a source a new canonical name; the old one stays as an alias, so claims and
    searches under it still find the source."""
    clean = " ".join(new_name.split())
    key = norm(clean)
    if not key:
        raise InputError("a source name cannot be empty")
    store.registry_cache = None  # ingest's copy of the registry is about to be stale
    with store.write() as conn:
        before = one_source(conn, source_id)
        if clean == before.name:
            raise InputError(f"source '{before.name}' already has this name")
        other = _owner(conn, key, source_id)
        if other is not None:
            raise InputError(f"'{clean}' is already source '{other}' or one of its aliases; "
                             f"`claims sources merge` joins two sources")
        conn.execute(delete(source_alias).where(
            source_alias.c.source_id == source_id, source_alias.c.alias_norm == key))
        conn.execute(update(source).where(source.c.id == source_id).values(name=clean))
        known = {key, *(norm(a) for a in before.aliases if norm(a) != key)}
        insert_aliases(conn, source_id, [before.name], known)
        record(conn, action=RENAME, reviewer=reviewer, source_id=source_id, name=clean,
               detail={"from": before.name, "to": clean})
        return one_source(conn, source_id)


def add_alias_recorded(
    store: Store, *, source_id: int, alias: str, reviewer: str
) -> SourceRecord:
    """`sources.add_alias`, recorded (an alias the source already has records nothing)."""
    return add_alias(store, source_id=source_id, alias=alias,
                     on_change=_recorder(ALIAS_ADD, reviewer, {"alias": alias.strip()}))


def remove_alias(
    store: Store, *, source_id: int, alias: str, reviewer: str
) -> tuple[SourceRecord, str]:
    """Take a name away from a source (it pulled in claims it should not have); the
    claims already attributed stay where they are. Returns the source and the alias as
    it was stored."""
    key = norm(alias)
    store.registry_cache = None
    with store.write() as conn:
        found = one_source(conn, source_id)
        if key == norm(found.name):
            raise InputError(f"'{alias}' is the name of '{found.name}', not an alias; "
                             "`claims sources rename` changes it")
        row = conn.execute(select(source_alias.c.id, source_alias.c.alias).where(
            source_alias.c.source_id == source_id, source_alias.c.alias_norm == key)).first()
        if row is None:
            known = ", ".join(found.aliases) or "none"
            raise InputError(f"'{found.name}' has no alias '{alias}' (its aliases: {known})")
        conn.execute(delete(source_alias).where(source_alias.c.id == row.id))
        record(conn, action=ALIAS_REMOVE, reviewer=reviewer, source_id=source_id,
               name=found.name, detail={"alias": row.alias})
        return one_source(conn, source_id), str(row.alias)


def set_source_type(store: Store, *, source_id: int, type_: str, reviewer: str) -> SourceRecord:
    try:
        kind = SourceType(type_.strip().lower().replace("-", "_"))
    except ValueError:
        valid = ", ".join(t.value for t in SourceType)
        raise InputError(f"unknown source type {type_!r}; valid: {valid}") from None
    store.registry_cache = None
    with store.write() as conn:
        found = one_source(conn, source_id)
        if found.type == kind.value:
            raise InputError(f"'{found.name}' is already of type {kind.value}")
        conn.execute(update(source).where(source.c.id == source_id).values(type=kind.value))
        record(conn, action=SET_TYPE, reviewer=reviewer, source_id=source_id, name=found.name,
               detail={"from": found.type, "to": kind.value})
        return one_source(conn, source_id)


def _recorder(action: str, reviewer: str, detail: Mapping[str, Any]) -> Recorder:
    def write(conn: Connection, kept: SourceRecord, other: SourceRecord) -> None:
        record(conn, action=action, reviewer=reviewer, source_id=kept.id, name=kept.name,
               detail=detail)

    return write


def merge_recorded(store: Store, *, keep: int, drop: int, reviewer: str) -> SourceRecord:
    """`sources.merge_sources`, recording what `split_source` needs to undo it: the
    dropped source as it was, the claims the merge moves, the aliases it adds."""

    def write(conn: Connection, kept: SourceRecord, dropped: SourceRecord) -> None:
        moved = [r[0] for r in conn.execute(
            select(claim.c.id).where(claim.c.source_id == dropped.id).order_by(claim.c.id))]
        chained = [[r.claim_id, r.position] for r in conn.execute(
            select(claim_via.c.claim_id, claim_via.c.position)
            .where(claim_via.c.source_id == dropped.id)
            .order_by(claim_via.c.claim_id, claim_via.c.position))]
        known = {norm(kept.name), *(norm(a) for a in kept.aliases)}
        added = [n for n in dict.fromkeys([dropped.name, *dropped.aliases])
                 if norm(n) and norm(n) not in known]
        record(conn, action=MERGE, reviewer=reviewer, source_id=kept.id, name=kept.name,
               detail={"dropped": {"id": dropped.id, "name": dropped.name,
                                   "type": dropped.type, "aliases": list(dropped.aliases)},
                       "claims": moved, "via": chained, "added_aliases": added})

    return merge_sources(store, keep=keep, drop=drop, on_change=write)


@dataclass(frozen=True)
class Split:
    kept: SourceRecord
    restored: SourceRecord
    claims: tuple[int, ...]  # moved back
    stayed: int  # claims the merge moved that have been re-attributed since


def split_source(store: Store, *, source_id: int, reviewer: str) -> Split:
    """Undo the last merge into `source_id` not undone yet, from its record."""
    store.registry_cache = None
    with store.write() as conn:
        kept = one_source(conn, source_id)
        merge = _last_merge(conn, source_id)
        if merge is None:
            raise InputError(f"nothing to split: no merge into '{kept.name}' is recorded")
        merge_id, detail = merge
        dropped = detail["dropped"]
        other = _owner(conn, norm(dropped["name"]), source_id)
        if other is not None:
            raise InputError(f"cannot split: the name '{dropped['name']}' now belongs to "
                             f"source '{other}'")
        new_id = int(conn.execute(insert(source).values(
            name=dropped["name"], type=dropped["type"])).inserted_primary_key[0])  # type: ignore[index]
        gone = {norm(a) for a in detail.get("added_aliases", [])}
        if gone:
            conn.execute(delete(source_alias).where(
                source_alias.c.source_id == source_id, source_alias.c.alias_norm.in_(gone)))
        mine = [a for a in dropped["aliases"] if _owner(conn, norm(a), new_id) is None]
        insert_aliases(conn, new_id, mine, {norm(dropped["name"])})
        wanted = [int(c) for c in detail.get("claims", [])]
        back = [r[0] for r in conn.execute(select(claim.c.id).where(
            claim.c.id.in_(wanted), claim.c.source_id == source_id).order_by(claim.c.id))]
        if back:
            conn.execute(update(claim).where(claim.c.id.in_(back)).values(source_id=new_id))
        for claim_id, position in detail.get("via", []):  # links in attribution chains
            conn.execute(update(claim_via).where(
                claim_via.c.claim_id == int(claim_id), claim_via.c.position == int(position),
                claim_via.c.source_id == source_id).values(source_id=new_id))
        record(conn, action=SPLIT, reviewer=reviewer, source_id=source_id, name=kept.name,
               detail={"undoes": merge_id, "claims": back,
                       "restored": {"id": new_id, "name": dropped["name"]}})
        return Split(one_source(conn, source_id), one_source(conn, new_id), tuple(back),
                     len(wanted) - len(back))


def _last_merge(conn: Connection, source_id: int) -> tuple[int, dict[str, Any]] | None:
    rows = conn.execute(
        select(source_event.c.id, source_event.c.action, source_event.c.detail)
        .where(source_event.c.source_id == source_id,
               source_event.c.action.in_((MERGE, SPLIT)))
        .order_by(source_event.c.id)
    ).all()
    undone = {json.loads(r.detail).get("undoes") for r in rows if r.action == SPLIT}
    merges = [(r.id, json.loads(r.detail)) for r in rows if r.action == MERGE]
    left = [m for m in merges if m[0] not in undone]
    return left[-1] if left else None


def prune_sources(store: Store, *, reviewer: str, dry_run: bool = False) -> list[SourceRecord]:
    """Drop the sources no claim names, as its source or in its attribution chain (live,
    dismissed, superseded or retracted alike), with their aliases; returns them, in name
    order. `dry_run` only says which."""
    store.registry_cache = None
    with store.write() as conn:
        used = select(claim.c.source_id).where(claim.c.source_id.is_not(None)).union(
            select(claim_via.c.source_id))
        idle = [r[0] for r in conn.execute(select(source.c.id).where(source.c.id.not_in(used)))]
        gone = source_records(conn, idle) if idle else []
        if dry_run or not gone:
            return gone
        conn.execute(delete(source_alias).where(source_alias.c.source_id.in_(idle)))
        conn.execute(delete(source).where(source.c.id.in_(idle)))
        for s in gone:
            record(conn, action=PRUNE, reviewer=reviewer, source_id=s.id, name=s.name,
                   detail={"type": s.type, "aliases": list(s.aliases)})
        return gone

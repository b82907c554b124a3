"""Merging the desk's records from a dump: article events, registry changes, bookmarks.

Kept apart from `snapshot_merge` (claims, figures, relations, history): these records
refer to rows by ids that the merge renumbers, inside their JSON detail too, and they
decide state (an article is retracted when its last removal event says so), so each
needs its own rule:

- an article event is the same when its text, action, time and reviewer are; its
  article is found by content hash (a purged article has none), and every article the
  dump's events touch takes the retraction state its newest event gives;
- a registry change is the same when its time, reviewer, action and source name are; the
  claim and source ids in its detail are renumbered, so `sources split` still undoes a
  merge recorded elsewhere;
- a bookmark (reviewer, queue) keeps the newer of the two.
"""

from __future__ import annotations

import json
from typing import Any, Protocol

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from claims.store.paging import pages
from claims.store.snapshot import Record
from claims.store.tables import article, article_event, review_position, source_event

REMOVALS = ("retract", "restore", "purge")


class Merging(Protocol):
    conn: Connection
    ids: dict[str, dict[int, int]]
    added: dict[str, int]
    merged: dict[str, int]
    dropped: dict[str, int]

    def _rows(self, kind: str) -> list[Record]: ...


def merge_desk_records(m: Merging) -> None:
    _article_events(m)
    _source_events(m)
    _positions(m)


def _article_events(m: Merging) -> None:
    rows = m._rows("article_event")
    if not rows:
        return
    hashes = sorted({r["content_hash"] for r in rows})
    ev = article_event.c
    known = {
        (r.content_hash, r.action, r.at, r.reviewer)
        for chunk in pages(hashes)
        for r in m.conn.execute(select(ev.content_hash, ev.action, ev.at, ev.reviewer)
                                .where(ev.content_hash.in_(chunk)))
    }
    local: dict[str, int] = {r[0]: r[1] for chunk in pages(hashes) for r in m.conn.execute(
        select(article.c.content_hash, article.c.id).where(article.c.content_hash.in_(chunk)))}
    for r in rows:
        key = (r["content_hash"], r["action"], r["at"], r["reviewer"])
        if key in known:
            m.merged["article_event"] += 1
            continue
        known.add(key)
        r.pop("id")
        r["article_id"] = local.get(r["content_hash"])
        m.conn.execute(insert(article_event).values(**r))
        m.added["article_event"] += 1
    for content_hash in hashes:
        last = m.conn.execute(
            select(ev.action).where(ev.content_hash == content_hash, ev.action.in_(REMOVALS))
            .order_by(ev.at.desc(), ev.id.desc()).limit(1)
        ).scalar_one_or_none()
        if last is not None:
            m.conn.execute(update(article).where(article.c.content_hash == content_hash)
                           .values(retracted=last != "restore"))


def _renumber(detail: dict[str, Any], m: Merging, events: dict[int, int]) -> dict[str, Any]:
    """The dump's ids inside a registry change's detail, as this database numbers them."""
    out = dict(detail)
    if "claims" in out:
        out["claims"] = [m.ids["claim"][c] for c in out["claims"] if c in m.ids["claim"]]
    if "via" in out:  # [claim id, position] of the chains a merge re-pointed
        out["via"] = [[m.ids["claim"][c], p] for c, p in out["via"] if c in m.ids["claim"]]
    for key in ("dropped", "restored"):
        if isinstance(out.get(key), dict) and out[key].get("id") in m.ids["source"]:
            out[key] = {**out[key], "id": m.ids["source"][out[key]["id"]]}
    if out.get("undoes") in events:
        out["undoes"] = events[out["undoes"]]
    return out


def _source_events(m: Merging) -> None:
    rows = m._rows("source_event")
    if not rows:
        return
    se = source_event.c
    known = {
        (r.at, r.reviewer, r.action, r.source): r.id
        for r in m.conn.execute(select(se.id, se.at, se.reviewer, se.action, se.source))
    }
    events: dict[int, int] = {}  # the dump's event id -> this database's
    for r in sorted(rows, key=lambda r: r["id"]):
        key = (r["at"], r["reviewer"], r["action"], r["source"])
        if key in known:
            events[r["id"]] = known[key]
            m.merged["source_event"] += 1
            continue
        detail = _renumber(json.loads(r["detail"] or "{}"), m, events)
        values = {
            "at": r["at"], "reviewer": r["reviewer"], "action": r["action"],
            "source": r["source"], "source_id": m.ids["source"].get(r["source_id"]),
            "detail": json.dumps(detail, sort_keys=True, ensure_ascii=False),
        }
        new_id = m.conn.execute(insert(source_event).values(**values)).inserted_primary_key[0]  # type: ignore[index]
        events[r["id"]] = known[key] = int(new_id)
        m.added["source_event"] += 1


def _scope(scope: str, m: Merging) -> str | None:
    """A bookmark's queue with this database's ids, or None when one is not here."""
    parts = []
    for part in scope.split(";"):
        name, _, value = part.partition("=")
        kind = {"source": "source", "article": "article"}.get(name)
        if kind is not None and value:
            if not value.isdigit() or int(value) not in m.ids[kind]:
                return None
            value = str(m.ids[kind][int(value)])
        parts.append(f"{name}={value}")
    return ";".join(parts)


def _positions(m: Merging) -> None:
    rp = review_position.c
    for r in m._rows("position"):
        scope = _scope(r["scope"], m)
        if scope is None or r["claim_id"] not in m.ids["claim"]:
            m.dropped["position"] += 1
            continue
        values = {"claim_id": m.ids["claim"][r["claim_id"]], "at": r["at"]}
        where = (rp.reviewer == r["reviewer"]) & (rp.scope == scope)
        stored = m.conn.execute(select(rp.at).where(where)).scalar_one_or_none()
        if stored is None:
            m.conn.execute(insert(review_position).values(
                reviewer=r["reviewer"], scope=scope, **values))
            m.added["position"] += 1
        else:
            if r["at"] > stored:
                m.conn.execute(update(review_position).where(where).values(**values))
            m.merged["position"] += 1

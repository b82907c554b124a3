"""The lean read path: `claims list` and `claims show` on SQLite with the stdlib driver.

Importing SQLAlchemy costs about 18 times a bare Python start, SQLModel and pydantic
about 33 times; reviewers run `list` and `show` all day, so on a SQLite file that is
already at the current schema these two commands read it with `sqlite3` directly and
return the same records as `claims.store.queries` (a test compares both on the seed).
Anything else (a new or older file, PostgreSQL, a file that is not a database) is left
to `open_store`, which creates, upgrades or reports it.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from claims.config import DbTarget
from claims.core.model import Relation
from claims.core.namekey import norm as norm  # re-exported: one normal form
from claims.records import (
    ArticleRecord,
    ClaimDetail,
    ClaimRecord,
    FigureRecord,
    VerdictRecord,
    evidence_of,
    frame_of_columns,
    reverted_id,
)
from claims.store.fastsearch import desk_conditions, register_fold
from claims.store.readonly import ReadOnly, UnreadableWal, read_only_open
from claims.store.source_lookup import collect, pick_source

VERSIONS_DIR = Path(__file__).parent / "migrations" / "versions"
BUSY_TIMEOUT_S = 5.0  # as `engine.BUSY_TIMEOUT_MS`
_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")



def head_revision() -> str | None:
    """The newest shipped revision, from file names as `engine.known_revisions` reads
    them (without importing SQLAlchemy)."""
    revs = sorted(
        m.group(1) for p in VERSIONS_DIR.glob("*.py") if (m := _REVISION_FILE.match(p.name))
    )
    return revs[-1] if revs else None


class LeanConnection(sqlite3.Connection):
    """A connection that knows whether it reads a file this process cannot write."""

    read_only: ReadOnly | None = None


class _ChangedWhileRead(sqlite3.DatabaseError):
    """A guarded read-only file was written during the read: read it again through the
    full path, which opens it afresh (and reports a change there)."""


def _check_unchanged(conn: sqlite3.Connection) -> None:
    mode = getattr(conn, "read_only", None)
    if mode is not None and mode.changed_since_open():
        raise _ChangedWhileRead(str(mode.path))


def connect(target: DbTarget) -> sqlite3.Connection | None:
    """A connection to an existing SQLite file at the current schema, else None.

    None means "use `open_store`": it knows how to create, upgrade and explain. A file
    this process cannot write is opened as `claims.store.readonly` says (creating
    nothing); one that is behind is left to `open_for_reading`, which refuses it.
    """
    path = target.path
    if path is None or not target.url.startswith("sqlite:///") or not path.is_file():
        return None
    try:
        mode = read_only_open(path)
    except (UnreadableWal, OSError):
        return None
    try:
        conn = sqlite3.connect(mode.uri if mode else str(path), timeout=BUSY_TIMEOUT_S,
                               isolation_level=None, uri=mode is not None,
                               factory=LeanConnection)
        if mode is not None:
            conn.execute("PRAGMA query_only=ON")
    except sqlite3.Error:
        return None
    conn.read_only = mode
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        conn.close()
        return None
    if row is None or str(row[0]) != head_revision():
        conn.close()
        return None
    return conn


@contextmanager
def snapshot(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One read transaction, so a list and its figures come from the same state."""
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        conn.execute("ROLLBACK")


# -- sources ------------------------------------------------------------------------------

def resolve_source_id(conn: sqlite3.Connection, query: str) -> int:
    """`queries.resolve_source(...).id`, by the same rule (`source_lookup.pick_source`)."""
    return pick_source(query, collect(
        conn.execute("SELECT id, name FROM source ORDER BY id"),
        conn.execute("SELECT source_id, alias FROM source_alias ORDER BY id"),
    ))


# -- claims -------------------------------------------------------------------------------

_CLAIM_COLUMNS = (
    'claim.id, claim.article_id, article.name, claim.text, claim.start, claim."end", '
    "source.name, source.type, claim.cue, claim.status, claim.version, claim.dismissed, "
    "article.content_hash FROM claim JOIN article ON claim.article_id = article.id "
    "LEFT OUTER JOIN source ON claim.source_id = source.id"
)
_FIGURE_COLUMNS = (
    'id, claim_id, text, start, "end", value, low, high, qualifier, unit, metric, change, '
    "frame_event, frame_role, frame_actor, frame_period, frame_place, frame_words FROM figure"
)


def _article_condition(ref: str | int, params: list[Any]) -> str:
    """`relations.article_condition`: the article's name, origin, or numeric id; an int
    is an id (what `resolve_article_id` found)."""
    if isinstance(ref, int):
        params.append(ref)
        return "article.id = ?"
    params += [ref, ref]
    if ref.strip().isdigit():
        params.append(int(ref))
        return "(article.name = ? OR article.origin = ? OR article.id = ?)"
    return "(article.name = ? OR article.origin = ?)"


def resolve_article_id(conn: sqlite3.Connection, ref: str) -> int:
    """`article_lookup.resolve_article(...).id`, by the same rule (`match_article`)."""
    from claims.store.article_lookup import match_article

    rows = conn.execute("SELECT id, name, origin FROM article ORDER BY id").fetchall()
    return match_article(ref, rows)


def _figures(
    conn: sqlite3.Connection, where: str, params: Sequence[Any]
) -> dict[int, list[FigureRecord]]:
    found: dict[int, list[FigureRecord]] = {}
    sql = f"SELECT {_FIGURE_COLUMNS} WHERE claim_id IN ({where}) ORDER BY claim_id, seq"
    for row in conn.execute(sql, params):
        (fid, claim_id, text, start, end, value, low, high, qualifier, unit, metric, change,
         *frame) = row
        found.setdefault(claim_id, []).append(FigureRecord(
            fid, claim_id, text, start, end, value, low, high, qualifier, unit, metric,
            change, frame_of_columns(*frame)))
    return found


def _via(conn: sqlite3.Connection, where: str, params: Sequence[Any]
         ) -> dict[int, tuple[str, ...]]:
    found: dict[int, list[str]] = {}
    sql = ("SELECT claim_via.claim_id, source.name FROM claim_via JOIN source ON "
           f"claim_via.source_id = source.id WHERE claim_via.claim_id IN ({where}) "
           "ORDER BY claim_via.claim_id, claim_via.position")
    for cid, name in conn.execute(sql, params):
        found.setdefault(cid, []).append(name)
    return {cid: tuple(names) for cid, names in found.items()}


def _record(row: Sequence[Any], figures: Sequence[FigureRecord],
            via: tuple[str, ...] = ()) -> ClaimRecord:
    (cid, article_id, article, text, start, end, source, source_type, cue, status, version,
     dismissed, article_hash) = row
    return ClaimRecord(cid, article_id, article, text, start, end, source, source_type, cue,
                       status, version, tuple(figures), bool(dismissed), article_hash, via)


def _conditions(
    *,
    source_id: int | None = None,
    status: str | None = None,
    article: str | int | None = None,
    reviewer: str | None = None,
    search: str | None = None,
    include_dismissed: bool = False,
    since: str | None = None,
    until: str | None = None,
    value: float | None = None,
) -> tuple[str, list[Any]]:
    """The WHERE clause of `queries.list_claims`'s filters, and its parameters."""
    conditions: list[str] = []
    params: list[Any] = []
    if source_id is not None:  # its own claims and those it is in the chain of
        conditions.append("(claim.source_id = ? OR claim.id IN "
                          "(SELECT claim_id FROM claim_via WHERE source_id = ?))")
        params += [source_id, source_id]
    if status is not None:
        conditions.append("claim.status = ?")
        params.append(status)
    if article is not None:
        conditions.append(_article_condition(article, params))
    if reviewer is not None:
        conditions.append("claim.id IN (SELECT verdict.claim_id FROM verdict "
                          "WHERE verdict.reviewer = ?)")
        params.append(reviewer)
    more, more_params = desk_conditions(search=search, since=since, until=until, value=value)
    conditions += more
    params += more_params
    if not include_dismissed:
        conditions.append("claim.dismissed IS 0")
    conditions.append("claim.superseded IS NULL")
    conditions.append("article.retracted IS 0")
    return " WHERE " + " AND ".join(conditions), params


def list_claims(
    conn: sqlite3.Connection, *, limit: int | None = None, **filters: Any
) -> list[ClaimRecord]:
    """`queries.list_claims` in two statements: the claims, then their figures."""
    where, params = _conditions(**filters)
    if filters.get("search"):
        register_fold(conn)
    tail = where + " ORDER BY claim.article_id, claim.seq"
    if limit is not None:
        tail += " LIMIT ?"
        params.append(limit)
    with snapshot(conn):
        rows = conn.execute(f"SELECT {_CLAIM_COLUMNS}{tail}", params).fetchall()
        if not rows:
            return []
        ids = f"SELECT claim.id FROM claim JOIN article ON claim.article_id = article.id{tail}"
        figures = _figures(conn, ids, params)
        via = _via(conn, ids, params)
    return [_record(r, figures.get(r[0], ()), via.get(r[0], ())) for r in rows]


def count_claims(conn: sqlite3.Connection, **filters: Any) -> int:
    """`queries.count_claims`: how many claims `list_claims` would give without a limit."""
    where, params = _conditions(**filters)
    if filters.get("search"):
        register_fold(conn)
    sql = ("SELECT count(*) FROM claim JOIN article ON claim.article_id = article.id "
           "LEFT OUTER JOIN source ON claim.source_id = source.id" + where)
    return int(conn.execute(sql, params).fetchone()[0])


def _relations_touching(conn: sqlite3.Connection, figure_ids: Sequence[int]) -> list[Relation]:
    if not figure_ids:
        return []
    marks = ", ".join("?" * len(figure_ids))
    rows = conn.execute(
        "SELECT relation.id, relation.kind, relation.origin, relation.state, relation.rule, "
        "relation.confidence, relation.evidence, "
        "relation_member.figure_id FROM relation JOIN relation_member "
        "ON relation_member.relation_id = relation.id WHERE relation.id IN "
        f"(SELECT relation_id FROM relation_member WHERE figure_id IN ({marks})) "
        "ORDER BY relation.id, relation_member.position",
        list(figure_ids),
    )
    heads: dict[int, tuple[str, str, str, str | None, str | None, str | None]] = {}
    members: dict[int, list[int]] = {}
    for rid, kind, origin, state, rule, conf, evidence, figure_id in rows:
        if rid not in heads:
            heads[rid] = (kind, origin, state, rule, conf, evidence)
            members[rid] = []
        members[rid].append(figure_id)
    return [
        Relation(id=rid, kind=h[0], figure_ids=tuple(members[rid]), origin=h[1], state=h[2],
                 rule=h[3], confidence=h[4], evidence=evidence_of(h[5]))
        for rid, h in heads.items()
    ]


def get_claim_detail(conn: sqlite3.Connection, claim_id: int) -> ClaimDetail | None:
    """`workflow.get_claim_detail`: the claim, its article, figures, relations, history
    and linked duplicates."""
    with snapshot(conn):
        row = conn.execute(f"SELECT {_CLAIM_COLUMNS} WHERE claim.id = ?", (claim_id,)).fetchone()
        if row is None:
            return None
        figs = _figures(conn, "?", (claim_id,)).get(claim_id, [])
        via = _via(conn, "?", (claim_id,)).get(claim_id, ())
        art = conn.execute(
            "SELECT id, name, origin, content_hash, extractor_version, title, url, publisher, "
            "published, ingested_at, retracted, text FROM article WHERE id = ?",
            (row[1],),
        ).fetchone()
        relations = _relations_touching(conn, [f.id for f in figs])
        history = [
            VerdictRecord(
                id=v[0], claim_id=v[1], at=v[2], reviewer=v[3], from_status=v[4],
                to_status=v[5], note=v[6], evidence=tuple(json.loads(v[7] or "[]")),
                version=v[8], kind=v[9], reverts=reverted_id(v[10]),
            )
            for v in conn.execute(
                "SELECT id, claim_id, at, reviewer, from_status, to_status, note, evidence, "
                "version, kind, detail FROM verdict WHERE claim_id = ? ORDER BY id",
                (claim_id,),
            )
        ]
        duplicates = tuple(
            r[0]
            for r in conn.execute(
                "SELECT claim_duplicate.other_claim_id FROM claim_duplicate JOIN claim "
                "ON claim.id = claim_duplicate.other_claim_id "
                "WHERE claim_duplicate.claim_id = ? AND claim.superseded IS NULL "
                "ORDER BY claim_duplicate.other_claim_id",
                (claim_id,),
            )
        )
    return ClaimDetail(
        claim=_record(row, figs, via),
        article=replace(ArticleRecord(*art[:10]), retracted=bool(art[10])),
        article_text=art[11],
        relations=tuple(relations),
        history=tuple(history),
        duplicates=duplicates,
    )


# -- entry points for the CLI: the lean path when it applies, else the full store ---------
#
# A driver error on the lean path (busy, corrupt, a number beyond 64 bits) is not
# translated here: reading has no side effects, so the same call is made again through
# `open_store`, which reports it exactly as it does for every other command.

_RETRY_ON_FULL_PATH = (sqlite3.Error, OverflowError)


def read_claims(
    target: DbTarget,
    *,
    source: str | None = None,
    article: str | None = None,
    on_upgrade: Callable[[str, str], None] | None = None,
    **filters: Any,
) -> list[ClaimRecord]:
    """`claims list`: claims matching `source` (name, alias or fuzzy), `article` (the
    rule of `article_lookup`) and `filters` (the keyword arguments of `list_claims`)."""
    return read_claim_page(target, source=source, article=article, on_upgrade=on_upgrade,
                           count=False, **filters)[0]


def read_claim_page(
    target: DbTarget,
    *,
    source: str | None = None,
    article: str | None = None,
    on_upgrade: Callable[[str, str], None] | None = None,
    count: bool = True,
    **filters: Any,
) -> tuple[list[ClaimRecord], int]:
    """`read_claims`, and how many claims match without the limit (counted only when
    the limit cut the list), so a table can say what it left out.

    Reading never creates a database: a missing file is `open_for_reading`'s error."""
    limit = filters.pop("limit", None)
    conn = connect(target)
    if conn is not None:
        try:
            with snapshot(conn):
                if source is not None:
                    filters["source_id"] = resolve_source_id(conn, source)
                if article is not None:
                    filters["article"] = resolve_article_id(conn, article)
            claims = list_claims(conn, limit=limit, **filters)
            cut = count and limit is not None and len(claims) == limit
            total = count_claims(conn, **filters) if cut else len(claims)
            _check_unchanged(conn)
            return claims, total
        except _RETRY_ON_FULL_PATH:
            filters.pop("source_id", None)
            filters.pop("article", None)
        finally:
            conn.close()
    from claims.store import open_for_reading
    from claims.store.article_lookup import resolve_article
    from claims.store.queries import count_claims as full_count
    from claims.store.queries import list_claims as full_list
    from claims.store.queries import resolve_source

    with open_for_reading(target, on_upgrade=on_upgrade) as store:
        if source is not None:
            filters["source_id"] = resolve_source(store, source).id
        if article is not None:
            filters["article"] = resolve_article(store, article).id
        claims = full_list(store, limit=limit, **filters)
        cut = count and limit is not None and len(claims) == limit
        return claims, full_count(store, **filters) if cut else len(claims)


def read_claim_detail(
    target: DbTarget, claim_id: int, on_upgrade: Callable[[str, str], None] | None = None
) -> ClaimDetail | None:
    """`claims show`: one claim with everything around it, or None."""
    conn = connect(target)
    if conn is not None:
        try:
            detail = get_claim_detail(conn, claim_id)
            _check_unchanged(conn)
            return detail
        except _RETRY_ON_FULL_PATH:
            pass
        finally:
            conn.close()
    from claims.store import open_for_reading
    from claims.store.workflow import get_claim_detail as full_detail

    with open_for_reading(target, on_upgrade=on_upgrade) as store:
        return full_detail(store, claim_id)

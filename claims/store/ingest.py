"""Persist one Extraction: idempotent by content hash, all-or-nothing per article.

Rows go in with batched Core inserts (one statement per table, RETURNING ids in
parameter order), so an article with hundreds of claims costs a handful of round trips.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Collection, Iterable, Sequence
from datetime import UTC, datetime
from functools import lru_cache

from sqlalchemy import ColumnElement, TextClause, func, insert, select, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection

from claims.core.attribution.sources import is_article_qualified, is_unqualified
from claims.core.model import Claim, Extraction, Figure, FigureFact, Qualifier, Source
from claims.core.reconcile.same import (
    SAME_CANDIDATES,
    day_of,
    infer_same,
    same_key,
    window_days_of,
)
from claims.records import IngestOutcome
from claims.store.engine import Store
from claims.store.frames import COLUMNS, frame_columns, frame_from_row
from claims.store.paging import pages
from claims.store.registry import (
    delete_aliases,
    dropped_on_failure,
    keep_index,
    open_index,
    retype,
    surname_cut,
)
from claims.store.sources import Entry, insert_aliases, norm, registry_alias
from claims.store.tables import (
    article,
    claim,
    claim_via,
    figure,
    relation,
    relation_member,
    source,
)

FRAME_COLUMNS = (*COLUMNS, "frame_words")
ROLES = {
    "partition": ("total", "part"),
    "bound": ("smaller", "larger"),
    "same": ("a", "b"),
}
SAME_WINDOW_DAYS = 3
INTEGRITY_RETRIES = 3


INGEST_LOCK = 0x636C61696D73  # an arbitrary, fixed advisory-lock key ("claims")
QUALIFIERS = {q.value: q for q in Qualifier}  # stored text -> enum, without a lookup


def now_utc() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def figure_row(
    claim_id: int, seq: int, f: Figure, context: str, published: str | None
) -> dict[str, object]:
    """The `figure` table's columns for one extracted figure (ingest and re-extraction);
    `context` is its claim's text, `published` its article's date (the stored `day`)."""
    return {
        "claim_id": claim_id,
        "seq": seq,
        "text": f.text,
        "start": f.start,
        "end": f.end,
        "value": f.value,
        "low": f.low,
        "high": f.high,
        "qualifier": str(f.qualifier),
        "unit": f.unit,
        "metric": f.metric,
        "change": f.change,
        "day": day_of(published),
        **frame_columns(f.frame),
    }


def figure_keys(context: str, text: str, metric: str | None) -> dict[str, str]:
    """The derived `block` and `places` columns of a figure read from its claim's text
    alone (migration 0003; 0007 replaces them with its frame's)."""
    from claims.store.frames import frame_columns_for

    cols = frame_columns_for(context, 0, text, max(0, context.find(text)), metric, None)
    return {"block": cols["block"], "places": cols["places"]}


def role_of(kind: str, position: int) -> str:
    first, rest = ROLES.get(kind, ("member", "member"))
    return first if position == 0 else rest


def save_extraction(
    store: Store, extraction: Extraction, *, origin: str, looked_up: bool = False
) -> IngestOutcome:
    """Store an article with its sources, claims, figures and relations, or nothing.

    The same text (content hash) again writes nothing and returns `new=False`.
    `looked_up`: the caller has just found the text unstored (ingest's loop), so the
    first read is skipped; a text stored meanwhile by another process still comes
    back as unchanged, through the unique content hash.
    """
    doc = extraction.document
    if not looked_up:
        with store.read() as conn:
            existing = find_article(conn, doc.content_hash)
        if existing is not None:
            return existing
    for attempt in range(INTEGRITY_RETRIES):
        try:
            with dropped_on_failure(store), store.write(durable=False) as conn:
                if conn.dialect.name == "postgresql":
                    # Writers of the global source registry take turns, as SQLite's
                    # BEGIN IMMEDIATE makes them: two ingests creating one new source
                    # would otherwise race on its unique name.
                    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({INGEST_LOCK})")
                    existing = find_article(conn, doc.content_hash)
                    if existing is not None:
                        return existing
                return _save(conn, extraction, origin, store)
        except sa_exc.IntegrityError:
            # On PostgreSQL a concurrent ingest may have committed the same text, or the
            # same new source name, since we looked: re-read, then try again.
            with store.read() as conn:
                existing = find_article(conn, doc.content_hash)
            if existing is not None:
                return existing
            if attempt == INTEGRITY_RETRIES - 1:
                raise
    raise AssertionError("unreachable")


def find_article(conn: Connection, content_hash: str) -> IngestOutcome | None:
    row = conn.execute(
        select(article.c.id, article.c.name).where(article.c.content_hash == content_hash)
    ).first()
    if row is None:
        return None
    claims_n = conn.execute(
        select(func.count()).select_from(claim).where(claim.c.article_id == row.id)
    ).scalar_one()
    figures_n = conn.execute(
        select(func.count())
        .select_from(figure.join(claim, figure.c.claim_id == claim.c.id))
        .where(claim.c.article_id == row.id)
    ).scalar_one()
    return IngestOutcome(row.id, row.name, new=False, claims=claims_n, figures=figures_n, sources=0)


def _save(
    conn: Connection, extraction: Extraction, origin: str, cache: Store | None = None
) -> IngestOutcome:
    doc = extraction.document
    at = now_utc()
    article_id = conn.execute(
        insert(article).values(
            name=doc.name,
            origin=origin,
            title=doc.title,
            url=doc.url,
            publisher=doc.publisher,
            published=doc.published,
            content_hash=doc.content_hash,
            extractor_version=extraction.extractor_version,
            text=doc.text,
            ingested_at=at,
        )
    ).inserted_primary_key[0]  # type: ignore[index]
    named = {s.name for s in extraction.sources}
    unlisted = sorted({n for c in extraction.claims for n in (c.source, *c.via)
                       if n and n not in named})
    sources = (*extraction.sources, *(Source(name) for name in unlisted))
    source_ids, canonical, added = register_sources(conn, sources, doc.name, cache=cache)
    claim_ids = insert_many(
        conn,
        claim,
        [
            {
                "article_id": article_id,
                "seq": seq,
                "text": c.text,
                "start": c.start,
                "end": c.end,
                "source_id": source_ids.get(c.source) if c.source else None,
                "cue": c.cue,
                "status": "unverified",
                "version": 1,
                "dismissed": False,
                "paragraph": c.paragraph,
                "sentence": c.sentence,
            }
            for seq, c in enumerate(extraction.claims)
        ],
    )
    insert_via(conn, zip(claim_ids, extraction.claims, strict=True), source_ids)
    refs = [(ci, fi, f) for ci, c in enumerate(extraction.claims) for fi, f in enumerate(c.figures)]
    figure_ids = insert_many(
        conn,
        figure,
        [
            figure_row(claim_ids[ci], fi, f, extraction.claims[ci].text, doc.published)
            for ci, fi, f in refs
        ],
    )
    by_ref = {(ci, fi): fid for (ci, fi, _), fid in zip(refs, figure_ids, strict=True)}
    inferred: list[RelationRow] = [
        (r.kind, [by_ref[(m.claim, m.figure)] for m in r.members], r.rule, r.confidence,
         r.evidence)
        for r in extraction.relations
        if all((m.claim, m.figure) in by_ref for m in r.members)
    ]
    newlines = line_starts(doc.text)
    facts = [
        figure_fact(
            fid,
            claim_ids[ci],
            article_id,
            doc.name,
            origin,
            doc.text,
            doc.published,
            f,
            extraction.claims[ci].text,
            canonical.get(extraction.claims[ci].source or ""),
            newlines,
        )
        for (ci, _, f), fid in zip(refs, figure_ids, strict=True)
    ]
    inferred += [("same", [a, b], rule, conf, ev)
                 for a, b, rule, conf, ev in propose_cross_article_same(conn, facts)]
    insert_relations(conn, inferred, origin="inferred", state="proposed", at=at)
    # in the same transaction: a crash between the two would leave the article stored
    # but never linked, since a re-run sees it as unchanged
    from claims.store.duplicates import link_in  # duplicates → verdicts → ingest

    link_in(conn, article_id)
    return IngestOutcome(
        article_id=article_id,
        name=doc.name,
        new=True,
        claims=len(claim_ids),
        figures=len(figure_ids),
        sources=added,
        relations=len(inferred),
        notes=extraction.notes,
        published=doc.published,
    )


def insert_via(conn: Connection, claims: Iterable[tuple[int, Claim]],
               source_ids: dict[str, int]) -> None:
    """The attribution chain of each claim (`claim_via`), origin first."""
    rows = [{"claim_id": cid, "position": i, "source_id": source_ids[name]}
            for cid, c in claims for i, name in enumerate(c.via) if name in source_ids]
    if rows:
        conn.execute(insert(claim_via), rows)


def insert_many(conn: Connection, table: object, rows: list[dict[str, object]]) -> list[int]:
    """Insert `rows`; their ids, in the order of `rows`.

    On SQLite the ids are given, the next after the table's largest, and the rows go in
    with one executemany: RETURNING in parameter order made SQLAlchemy send one INSERT
    per row there (360 statements for one dense report). Every writer holds SQLite's
    write lock from BEGIN IMMEDIATE, so nothing else takes an id meanwhile, and the ids
    are the ones SQLite would have chosen. PostgreSQL keeps RETURNING (batched there)."""
    if not rows:
        return []
    if conn.dialect.name == "sqlite":
        last = conn.execute(select(func.max(table.c.id))).scalar() or 0  # type: ignore[attr-defined]
        ids = list(range(last + 1, last + 1 + len(rows)))
        bulk_insert(conn, table, [{**row, "id": i} for row, i in zip(rows, ids, strict=True)])
        return ids
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)  # type: ignore[arg-type,attr-defined]
    return [r[0] for r in conn.execute(stmt, rows)]


def bulk_insert(conn: Connection, table: object, rows: list[dict[str, object]]) -> None:
    """Insert rows that all have the same keys. On SQLite, one executemany of plain
    values straight to the driver: SQLAlchemy's per-row parameter processing was most
    of the cost of storing a figure-dense article. Values are what the driver stores
    as they are (text, numbers, None, bools as 0/1)."""
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), rows)  # type: ignore[arg-type]
        return
    names = list(rows[0])
    quoted = ", ".join('"' + n + '"' for n in names)
    marks = ", ".join("?" * len(names))
    sql = f"INSERT INTO {table.name} ({quoted}) VALUES ({marks})"  # type: ignore[attr-defined]
    conn.exec_driver_sql(sql, [tuple(row[n] for n in names) for row in rows])


# kind, member figure ids, rule, confidence (None: declared), evidence
RelationRow = tuple[str, Sequence[int], str | None, str | None, Sequence[str]]


def insert_relations(
    conn: Connection,
    relations: Sequence[RelationRow],
    *,
    origin: str,
    state: str,
    at: str,
) -> list[int]:
    ids = insert_many(
        conn,
        relation,
        [
            {"kind": kind, "origin": origin, "state": state, "rule": rule, "created_at": at,
             "confidence": conf, "evidence": json.dumps(list(ev), ensure_ascii=False)
             if ev else None}
            for kind, _, rule, conf, ev in relations
        ],
    )
    members = [
        {"relation_id": rid, "position": pos, "figure_id": fid, "role": role_of(kind, pos)}
        for rid, (kind, fids, *_) in zip(ids, relations, strict=True)
        for pos, fid in enumerate(fids)
    ]
    bulk_insert(conn, relation_member, members)
    return ids


def register_sources(
    conn: Connection,
    sources: Sequence[Source],
    article: str | None = None,
    used: Collection[int] = (),
    cache: Store | None = None,
) -> tuple[dict[str, int], dict[str, str], int]:
    """Map each extraction source to a registry id (and canonical name), adding new
    sources and new aliases.

    A bare name ("Analysts", "Finance ministry": the extractor found no place or person
    for it) is the one source under that name, matched only exactly (`unqualified_entry`);
    re-extraction passes the sources the article's claims `used`, so it keeps its own.
    The registry is an index kept on `cache` between articles (`claims.store.registry`),
    so the cost follows the article's sources, not the registry's size.
    """
    registry = open_index(conn, cache)
    ids: dict[str, int] = {}
    names: dict[str, str] = {}
    added = 0
    for src in sources:
        name = src.name.strip()
        if not norm(name):
            continue  # no word to name anyone by ("'"): its claims keep no source
        aliases = [a for a in src.aliases if registry_alias(a)]
        own = [src.name]
        if is_unqualified(name):
            entry = registry.bare_in_use(name, used) if used else None
            if entry is None:
                entry, name = registry.unqualified(name)
            else:
                name = entry.name
            own = []
        elif is_article_qualified(name):
            entry = registry.named(name)
        else:
            entry = registry.match(name, aliases)
        if entry is None:
            new_id = conn.execute(
                insert(source).values(name=name, type=str(src.type))
            ).inserted_primary_key[0]  # type: ignore[index]
            entry = Entry(new_id, name, str(src.type), [])
            registry.add(entry)
            delete_aliases(conn, registry.stray_fragments(entry))
            added += 1
        else:
            retype(conn, registry, entry, str(src.type))
        known = registry.norms(entry)
        fresh = []
        for a in [*own, *aliases]:
            if registry.is_fragment(a, entry.name) or surname_cut(a, entry):
                continue
            if registry.held_elsewhere(a, entry):  # never the alias of two sources
                delete_aliases(conn, registry.shared_cut(a, entry))
                continue
            fresh.append(a)
        registry.add_aliases(entry, insert_aliases(conn, entry.id, fresh, known))
        ids[src.name] = entry.id
        names[src.name] = entry.name
    keep_index(conn, registry, cache)
    return ids, names, added


def line_of(text: str, offset: int) -> int:
    return 1 + text.count("\n", 0, offset)


def line_starts(text: str) -> list[int]:
    """Offsets of the newlines of `text`, for `line_at` (one pass, not one per figure:
    counting from the start for each figure is quadratic in a long document)."""
    out, at = [], text.find("\n")
    while at >= 0:
        out.append(at)
        at = text.find("\n", at + 1)
    return out


def line_at(newlines: list[int], offset: int) -> int:
    return 1 + bisect_left(newlines, offset)


def figure_fact(
    fid: int,
    claim_id: int,
    article_id: int,
    name: str,
    origin: str,
    text: str,
    published: str | None,
    f: Figure,
    context: str,
    source_name: str | None,
    newlines: list[int] | None = None,
) -> FigureFact:
    """`newlines` (`line_starts(text)`), when given, finds the line without a scan."""
    return FigureFact(
        id=fid,
        claim_id=claim_id,
        article_id=article_id,
        article=name,
        origin=origin,
        text=f.text,
        start=f.start,
        end=f.end,
        value=f.value,
        low=f.low,
        high=f.high,
        qualifier=Qualifier(f.qualifier),
        unit=f.unit,
        metric=f.metric,
        source=source_name,
        published=published,
        line=line_of(text, f.start) if newlines is None else line_at(newlines, f.start),
        context=context,
        frame=f.frame,
    )


def propose_cross_article_same(
    conn: Connection, new: Sequence[FigureFact]
) -> tuple[tuple[int, int, str, str, tuple[str, ...]], ...]:
    """Propose `same` links to other articles' figures in the publication window.

    `infer_same` compares a new figure only with its candidates (`same.candidates`):
    the `SAME_CANDIDATES` latest figures of other articles with its stored (block,
    places) and a day in its window. The index on (block, places, day, id) lets the
    database return exactly those, newest first, a day at a time (`_latest`), so an
    article reads at most keys × days × SAME_CANDIDATES rows, however large the archive
    and however many articles share its date. `new` is one article's figures.
    """
    keys = sorted({k for f in new if (k := same_key(f)) is not None})
    if not keys:
        return ()
    ids = _latest(conn, keys, new[0].article_id,
                  window_days_of(new[0].published, SAME_WINDOW_DAYS))
    existing = [f for chunk in pages(ids)
                for f in _same_candidates(conn, figure.c.id.in_(chunk))]
    if not existing:
        return ()
    return infer_same(new, existing, window_days=SAME_WINDOW_DAYS, limit=SAME_CANDIDATES)


KEYS_AT_ONCE = 8  # keys per statement: 8 × (7 days + undated) = 64 terms (SQLite allows 500)


def _latest(
    conn: Connection, keys: Sequence[tuple[str, str]], article_id: int,
    days: Sequence[str] | None,
) -> list[int]:
    """Ids of the `SAME_CANDIDATES` latest figures of live (not retracted) other
    articles for each key, per slot: each day of the window and the undated figures for
    a dated article (an unknown date could be any day); the key's latest on any day for
    an undated one. Each slot is one index range read backwards (`ix_figure_same_key`,
    `ix_figure_same_latest`). The statements are plain SQL of a few fixed shapes: built
    with SQLAlchemy they cost more to compile than to run."""
    slots: tuple[str | None, ...] = (*days, None) if days is not None else ()
    ids: set[int] = set()
    for k in range(0, len(keys), KEYS_AT_ONCE):
        chunk = keys[k : k + KEYS_AT_ONCE]
        params: dict[str, object] = {"article": article_id, "n": SAME_CANDIDATES,
                                     "live": False}
        for i, (block, places) in enumerate(chunk):
            params[f"b{i}"], params[f"p{i}"] = block, places
        for j, day in enumerate(slots):
            if day is not None:
                params[f"d{j}"] = day
        shape = tuple(day is not None for day in slots)
        ids.update(conn.execute(_latest_sql(len(chunk), shape), params).scalars())
    return sorted(ids)


@lru_cache(maxsize=64)
def _latest_sql(keys: int, slots: tuple[bool, ...]) -> TextClause:
    """One UNION ALL of `keys` × slots index reads (see `_latest`): a slot is a day
    (True), the undated figures (False); no slot at all reads the key on any day."""
    conditions = [f"figure.day = :d{j}" if dated else "figure.day IS NULL"
                  for j, dated in enumerate(slots)] or ["1 = 1"]
    terms = []
    for i in range(keys):
        for j, on_day in enumerate(conditions):
            terms.append(
                f"SELECT id FROM (SELECT figure.id AS id FROM figure JOIN claim "
                f"ON claim.id = figure.claim_id JOIN article ON article.id = claim.article_id "
                f"WHERE figure.block = :b{i} AND figure.places = :p{i} AND {on_day} "
                f"AND claim.article_id != :article AND article.retracted = :live "
                f"ORDER BY figure.id DESC LIMIT :n) AS t{i}_{j}")
    return text(" UNION ALL ".join(terms))


def _same_candidates(conn: Connection, where: ColumnElement[bool]) -> list[FigureFact]:
    """The earlier figures `where` selects, with only what `infer_same` reads (no line
    number, article name or origin: those cost a scan of the article text per figure)."""
    stmt = (
        select(
            figure.c.id, figure.c.claim_id, claim.c.article_id, figure.c.text, figure.c.start,
            figure.c.end, figure.c.value, figure.c.low, figure.c.high, figure.c.qualifier,
            figure.c.unit, figure.c.metric, source.c.name, article.c.published, claim.c.text,
            *(figure.c[c] for c in FRAME_COLUMNS),
        )
        .join(claim, figure.c.claim_id == claim.c.id)
        .join(article, claim.c.article_id == article.c.id)
        .outerjoin(source, claim.c.source_id == source.c.id)
        .where(where)
    )  # no ORDER BY: SQLite would then scan `figure` in id order instead of using the
    # index on article.published; `infer_same` wants id order, so it is sorted here
    qualifiers = QUALIFIERS
    rows = sorted(conn.execute(stmt), key=lambda row: row[0])
    return [
        FigureFact(fid, cid, aid, "", "", text, start, end, value, low, high,
                   qualifiers[qualifier], unit, metric, source_name, published, 1, context,
                   frame_from_row(*frame))
        for (fid, cid, aid, text, start, end, value, low, high, qualifier, unit, metric,
             source_name, published, context, *frame) in rows
    ]

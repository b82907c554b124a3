"""Persist one Extraction: idempotent by content hash, all-or-nothing per article.

Rows go in with batched Core inserts (one statement per table, RETURNING ids in
parameter order), so an article with hundreds of claims costs a handful of round trips.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Sequence
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import ColumnElement, and_, func, insert, or_, select
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection

from claims.core.attribution.sources import is_article_qualified, is_unqualified
from claims.core.model import Claim, Extraction, Figure, FigureFact, Qualifier, Source
from claims.core.reconcile.frames import PERSON_UNITS
from claims.core.reconcile.same import block_key, infer_same, place_key, unit_of
from claims.records import IngestOutcome
from claims.store.engine import Store
from claims.store.frames import COLUMNS, frame_columns, frame_from_row
from claims.store.registry import delete_aliases, dropped_on_failure, keep_index, open_index
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


def figure_row(claim_id: int, seq: int, f: Figure, context: str) -> dict[str, object]:
    """The `figure` table's columns for one extracted figure (ingest and re-extraction);
    `context` is its claim's text, which the stored block key is computed from."""
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


def save_extraction(store: Store, extraction: Extraction, *, origin: str) -> IngestOutcome:
    """Store an article with its sources, claims, figures and relations, or nothing.

    The same text (content hash) again writes nothing and returns `new=False`.
    """
    doc = extraction.document
    with store.read() as conn:
        existing = find_article(conn, doc.content_hash)
    if existing is not None:
        return existing
    for attempt in range(INTEGRITY_RETRIES):
        try:
            with dropped_on_failure(store), store.write() as conn:
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
            figure_row(claim_ids[ci], fi, f, extraction.claims[ci].text)
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
    """One executemany with RETURNING, ids in the order of `rows`."""
    if not rows:
        return []
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)  # type: ignore[arg-type,attr-defined]
    return [r[0] for r in conn.execute(stmt, rows)]


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
    if members:
        conn.execute(insert(relation_member), members)
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
        known = registry.norms(entry)
        fresh = []
        for a in [*own, *aliases]:
            if registry.is_fragment(a, entry.name):
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
) -> FigureFact:
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
        line=line_of(text, f.start),
        context=context,
        frame=f.frame,
    )


def propose_cross_article_same(
    conn: Connection, new: Sequence[FigureFact]
) -> tuple[tuple[int, int, str, str, tuple[str, ...]], ...]:
    """Propose `same` links to earlier articles' figures in the publication window.

    `infer_same` pairs figures of one (unit, role) in one place, so only those can
    matter: the stored `block` (role) and `places` let the database find them (through
    the index on the publication date). Rows from a dump older than schema 0003 (NULL
    keys) are always loaded.
    """
    wanted_keys: dict[str, set[str]] = {}
    units: set[str] = set()
    for f in new:
        block, place, unit = block_key(f.frame), place_key(f.frame), unit_of(f)
        if unit and block and place:
            wanted_keys.setdefault(block, set()).add(place)
            units.add(unit)
    if not wanted_keys:
        return ()
    if "person" in units:  # "18 died", "52 arrests": counts of people under other names
        units |= PERSON_UNITS
    by_unit = figure.c.unit.in_(sorted(units))
    if "person" in units:
        by_unit = or_(by_unit, figure.c.unit.is_(None))
    in_window = [by_unit, claim.c.article_id != new[0].article_id,
                 article.c.retracted.is_(False)]  # a retracted text is nobody's evidence
    window = _window(new[0].published)
    if window is not None:  # an undated article may be from any day (as the core rule has it)
        in_window.append(or_(and_(article.c.published >= window[0],
                                  article.c.published < window[1]),
                             article.c.published.is_(None)))
    sharing = [and_(figure.c.block == block, figure.c.places.in_(sorted(ps)))
               for block, ps in sorted(wanted_keys.items())]
    unknown = or_(figure.c.block.is_(None), figure.c.places.is_(None))
    existing = _same_candidates(conn, and_(*in_window, or_(unknown, *sharing)))
    if not existing:
        return ()
    return tuple(infer_same(new, existing, window_days=SAME_WINDOW_DAYS))


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


def _window(published: str | None) -> tuple[str, str] | None:
    """Half-open ISO bounds of the ±window around a date (ISO dates compare as text)."""
    if not published:
        return None
    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return None
    low = day - timedelta(days=SAME_WINDOW_DAYS)
    high = day + timedelta(days=SAME_WINDOW_DAYS + 1)
    return low.isoformat(), high.isoformat()

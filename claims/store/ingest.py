"""Persist one Extraction: idempotent by content hash, all-or-nothing per article.

Rows go in with batched Core inserts (one statement per table, RETURNING ids in
parameter order), so an article with hundreds of claims costs a handful of round trips.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import ColumnElement, and_, func, insert, or_, select
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection

from claims.core.attribution.sources import is_article_qualified, is_unqualified
from claims.core.model import Extraction, Figure, FigureFact, Qualifier, Source
from claims.core.reconcile.same import block_key, infer_same, place_key, useful_words
from claims.records import IngestOutcome
from claims.store.engine import Store
from claims.store.registry import delete_aliases, dropped_on_failure, keep_index, open_index
from claims.store.sources import Entry, insert_aliases, registry_alias
from claims.store.tables import article, claim, figure, relation, relation_member, source

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
        **figure_keys(context, f.text, f.metric),
    }


def figure_keys(context: str, text: str, metric: str | None) -> dict[str, str]:
    """The derived `block` and `places` columns of a figure (see `propose_cross_article_same`)."""
    block = block_key(context, text, metric)
    return {"block": block, "places": place_key(context, text, metric) if block else ""}


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
    unlisted = sorted({c.source for c in extraction.claims if c.source and c.source not in named})
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
    inferred = [
        (r.kind, [by_ref[(m.claim, m.figure)] for m in r.members], r.rule)
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
    inferred += [("same", [a, b], rule) for a, b, rule in propose_cross_article_same(conn, facts)]
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


def insert_many(conn: Connection, table: object, rows: list[dict[str, object]]) -> list[int]:
    """One executemany with RETURNING, ids in the order of `rows`."""
    if not rows:
        return []
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)  # type: ignore[arg-type,attr-defined]
    return [r[0] for r in conn.execute(stmt, rows)]


def insert_relations(
    conn: Connection,
    relations: Sequence[tuple[str, Sequence[int], str | None]],
    *,
    origin: str,
    state: str,
    at: str,
) -> list[int]:
    ids = insert_many(
        conn,
        relation,
        [
            {"kind": kind, "origin": origin, "state": state, "rule": rule, "created_at": at}
            for kind, _, rule in relations
        ],
    )
    members = [
        {"relation_id": rid, "position": pos, "figure_id": fid, "role": role_of(kind, pos)}
        for rid, (kind, fids, _) in zip(ids, relations, strict=True)
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

    A bare name ("Analysts", "Finance ministry": the extractor found no country or
    person for it) is never matched to another article's source (`unqualified_entry`);
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
        aliases = [a for a in src.aliases if registry_alias(a)]
        own = [src.name]
        if is_unqualified(name):
            entry = registry.bare_in_use(name, used) if used else None
            if entry is None:
                entry, name = registry.unqualified(name, article)
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
        fresh = [a for a in [*own, *aliases] if not registry.is_fragment(a, entry.name)]
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
    )


def propose_cross_article_same(
    conn: Connection, new: Sequence[FigureFact]
) -> tuple[tuple[int, int, str], ...]:
    """Propose `same` links to earlier articles' figures in the publication window.

    `infer_same` pairs figures of one (unit, block) that share a place word, so only
    those can matter: the stored `block` and `places` let the database find the earlier
    articles holding one (through the index on the publication date), and only their
    figures of those blocks are loaded, all of them, since the rule keeps one figure of
    each (article, value) (a headline repeating a body figure). Rows from a dump older
    than schema 0003 (NULL keys) are always loaded.
    """
    words: dict[str, set[str]] = {}
    for f in new:
        block = block_key(f.context, f.text, f.metric) if f.unit else ""
        if block:
            words.setdefault(block, set()).update(
                useful_words(f.context, f.text, f.metric, f.source))
    units = sorted({f.unit for f in new if f.unit})
    if not words:
        return ()
    in_window = [figure.c.unit.in_(units), claim.c.article_id != new[0].article_id,
                 article.c.retracted.is_(False)]  # a retracted text is nobody's evidence
    window = _window(new[0].published)
    if window is not None:  # an undated article may be from any day (as the core rule has it)
        in_window.append(or_(and_(article.c.published >= window[0],
                                  article.c.published < window[1]),
                             article.c.published.is_(None)))
    sharing = [
        and_(figure.c.block == block, or_(*(
            figure.c.places.contains(f" {w} ", autoescape=True) for w in sorted(ws))))
        for block, ws in sorted(words.items()) if ws  # no word: that figure pairs with none
    ]
    unknown = or_(figure.c.block.is_(None), figure.c.places.is_(None))
    wanted: ColumnElement[bool] = unknown
    if sharing:  # a subquery, not a list of ids: an undated corpus can match thousands
        matched = (
            select(claim.c.article_id)
            .join(figure, figure.c.claim_id == claim.c.id)
            .join(article, claim.c.article_id == article.c.id)
            .where(and_(*in_window), or_(*sharing))
        )
        blocks = sorted(block for block, ws in words.items() if ws)
        wanted = or_(and_(claim.c.article_id.in_(matched), figure.c.block.in_(blocks)), unknown)
    existing = _same_candidates(conn, and_(*in_window, wanted))
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
                   qualifiers[qualifier], unit, metric, source_name, published, 1, context)
        for (fid, cid, aid, text, start, end, value, low, high, qualifier, unit, metric,
             source_name, published, context) in rows
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

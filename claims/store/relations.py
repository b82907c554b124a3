"""Numeric relations between figures, their review state, and finding acknowledgements.

`iter_check_groups` feeds `check-consistency`, the CI gate: one query whatever the
database size, streamed relation by relation with each member's figure, so the gate holds
one relation at a time however many there are. `check_inputs` loads the same as whole
lists (a fixed number of queries). Line numbers are computed by the database from the
article text, so no article text crosses the wire.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import chain
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    case,
    cast,
    func,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection

from claims.core.model import CheckFigure, FigureFact, Qualifier, Relation
from claims.errors import InputError, NotFound
from claims.records import evidence_of
from claims.store import tables
from claims.store.engine import Store
from claims.store.ingest import QUALIFIERS, insert_relations, now_utc
from claims.store.live import relations_in_retracted
from claims.store.tables import (
    article,
    claim,
    figure,
    finding_ack,
    relation,
    relation_member,
    source,
)

KINDS = ("partition", "bound", "same")
STATES = ("proposed", "accepted", "rejected")


def _check_arity(kind: str, figure_ids: Sequence[int]) -> None:
    if kind not in KINDS:
        raise InputError(f"unknown relation kind '{kind}': use one of {', '.join(KINDS)}")
    if len(set(figure_ids)) != len(figure_ids):
        raise InputError("a relation cannot name the same figure twice")
    if kind == "partition" and len(figure_ids) < 3:
        raise InputError("a partition needs a total and at least two parts")
    if kind in ("bound", "same") and len(figure_ids) != 2:
        raise InputError(f"a {kind} relation takes exactly two figures")


def add_relation(
    store: Store,
    *,
    kind: str,
    figure_ids: Sequence[int],
    origin: str = "manual",
    state: str = "accepted",
    rule: str | None = None,
) -> Relation:
    """Declare a relation (order as in `InferredRelation`: total first, smaller first).

    One that already exists over the same figures (in any state) is returned as it is
    and nothing is added, so a finding is never counted twice
    (`relation_review.declare_relation` also says whether it was new).
    """
    from claims.store.relation_review import find_relation

    _check_arity(kind, figure_ids)
    if state not in STATES:
        raise InputError(f"unknown relation state '{state}': use one of {', '.join(STATES)}")
    with store.write() as conn:
        found = set(conn.execute(select(figure.c.id).where(figure.c.id.in_(figure_ids))).scalars())
        missing = [i for i in figure_ids if i not in found]
        if missing:
            raise NotFound(f"no figure with id {missing[0]}")
        existing = find_relation(conn, kind, figure_ids)
        if existing is not None:
            return existing
        (rid,) = insert_relations(
            conn, [(kind, list(figure_ids), rule, None, ())], origin=origin, state=state,
            at=now_utc(),
        )
        return _relations(conn, relation.c.id == rid)[0]


def _relations(conn: Connection, where: ColumnElement[bool] | None = None) -> list[Relation]:
    """Relations with their members in one query, in id order."""
    stmt = (
        select(
            relation.c.id,
            relation.c.kind,
            relation.c.origin,
            relation.c.state,
            relation.c.rule,
            relation.c.confidence,
            relation.c.evidence,
            relation_member.c.figure_id,
        )
        .join(relation_member, relation_member.c.relation_id == relation.c.id)
        .order_by(relation.c.id, relation_member.c.position)
    )
    if where is not None:
        stmt = stmt.where(where)
    # Rows arrive grouped by relation: build each Relation as its group ends, so a
    # million members never sit in intermediate dicts (check-consistency's peak memory).
    out: list[Relation] = []
    shared: dict[Any, Any] = {}
    once = shared.setdefault
    current: list[Any] | None = None
    ids: list[int] = []
    for rid, kind, origin, state, rule, conf, evidence, figure_id in conn.execute(stmt):
        if current is None or rid != current[0]:
            if current is not None:
                out.append(Relation(current[0], current[1], tuple(ids), *current[2:]))
            current = [rid, once(kind, kind), once(origin, origin), once(state, state),
                       once(rule, rule), once(conf, conf), evidence_of(evidence)]
            ids = []
        ids.append(figure_id)
    if current is not None:
        out.append(Relation(current[0], current[1], tuple(ids), *current[2:]))
    return out


def relations_touching(conn: Connection, figure_ids: Sequence[int]) -> list[Relation]:
    if not figure_ids:
        return []
    touching = select(relation_member.c.relation_id).where(
        relation_member.c.figure_id.in_(figure_ids)
    )
    return _relations(conn, relation.c.id.in_(touching))


def list_relations(store: Store, *, state: str | None = None) -> list[Relation]:
    if state is not None and state not in STATES:
        raise InputError(f"unknown relation state '{state}': use one of {', '.join(STATES)}")
    with store.read() as conn:
        return _relations(conn, None if state is None else relation.c.state == state)


def set_relation_state(store: Store, relation_id: int, state: str) -> Relation:
    """Accept or reject a relation, or put it back to proposed (docs/consistency.md has
    the lifecycle; `relation_review.change_state` also returns the state it had)."""
    return _set_state(store, relation_id, state)[0]


def _set_state(store: Store, relation_id: int, state: str) -> tuple[Relation, str]:
    if state not in STATES:
        raise InputError(f"unknown relation state '{state}': use one of {', '.join(STATES)}")
    with store.write() as conn:
        before = conn.execute(
            select(relation.c.state).where(relation.c.id == relation_id)).scalar_one_or_none()
        if before is None:
            raise NotFound(f"no relation with id {relation_id}")
        conn.execute(update(relation).where(relation.c.id == relation_id).values(state=state))
        return _relations(conn, relation.c.id == relation_id)[0], str(before)


def article_condition(ref: str | int) -> ColumnElement[bool]:
    """An article reference: its name, its origin, or its numeric id; an int is an id
    (what `claims.store.article_lookup.resolve_article` found)."""
    if isinstance(ref, int):
        return article.c.id == ref
    options: list[ColumnElement[bool]] = [article.c.name == ref, article.c.origin == ref]
    if ref.strip().isdigit():
        options.append(article.c.id == int(ref))
    return or_(*options)




def _line() -> ColumnElement[int]:
    """The figure's 1-based physical line: newlines in the article text before it, + 1."""
    before = func.substr(article.c.text, 1, figure.c.start)
    newlines = func.length(before) - func.length(func.replace(before, literal("\n"), literal("")))
    return cast(1 + newlines, Integer)


def load_facts(
    conn: Connection, where: ColumnElement[bool], *, with_context: bool = True
) -> list[FigureFact]:
    """FigureFacts for the figures matching `where`, in one query (figure, claim, article,
    source), with the 1-based line computed in SQL from the article text.

    `check-consistency` loads every related figure of a newsroom (up to a million), so
    rows are read as plain tuples and the strings many figures repeat (article names,
    origins, units, metrics, the claim text two figures share) are kept once.
    Checking needs no claim text (`with_context=False`): only relation inference reads it.
    """
    stmt = (
        select(
            figure.c.id,
            figure.c.claim_id,
            claim.c.article_id,
            article.c.name,
            article.c.origin,
            figure.c.text,
            figure.c.start,
            figure.c.end,
            figure.c.value,
            figure.c.low,
            figure.c.high,
            figure.c.qualifier,
            figure.c.unit,
            figure.c.metric,
            source.c.name.label("source_name"),
            article.c.published,
            _line().label("line"),
            (claim.c.text if with_context else literal("")).label("claim_text"),
        )
        .join(claim, figure.c.claim_id == claim.c.id)
        .join(article, claim.c.article_id == article.c.id)
        .outerjoin(source, claim.c.source_id == source.c.id)
        .where(where)
        .order_by(figure.c.id)
    )
    shared: dict[Any, Any] = {}
    once = shared.setdefault
    qualifiers = QUALIFIERS
    out: list[FigureFact] = []
    append = out.append
    last_claim: Any = None
    ctx = ""
    for (fid, claim_id, article_id, name, origin, text, start, end, value, low, high,
         qualifier, unit, metric, source_name, published, line, context) in conn.execute(stmt):
        if claim_id != last_claim:  # a claim's figures are adjacent in id order
            last_claim, ctx = claim_id, context
        append(FigureFact(
            fid, last_claim, once(article_id, article_id), once(name, name),
            once(origin, origin), once(text, text), once(start, start), once(end, end),
            value, value if low == value else low, value if high == value else high,
            qualifiers.get(qualifier) or Qualifier(qualifier), once(unit, unit),
            once(metric, metric), once(source_name, source_name), once(published, published),
            once(int(line), int(line)), ctx,
        ))
    return out


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a million rows become objects.

    Every few hundred allocations it would walk all the objects already loaded, which
    made loading about a third slower; rows build no reference cycles, so nothing is
    lost. The previous state is restored on the way out.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check_inputs(
    store: Store, *, relations: str = "all", article: str | int | None = None
) -> tuple[list[Relation], dict[int, FigureFact], dict[str, str]]:
    """What `check-consistency` checks, as whole lists: relations (never rejected),
    member figures with their full context, acks. The gate itself streams the same
    relations through `iter_check_groups`; this form is for callers that want it all.

    `relations="accepted"` keeps accepted ones only; `article` keeps relations with at
    least one figure in that article (name, origin or id).
    """
    wanted = _checked_relations(relations, article)
    with store.read() as conn, _cycle_collector_paused():
        rels = _relations(conn, wanted)
        member_ids = (
            select(relation_member.c.figure_id)
            .join(relation, relation.c.id == relation_member.c.relation_id)
            .where(wanted)
        )
        facts = (
            {f.id: f for f in load_facts(conn, figure.c.id.in_(member_ids), with_context=False)}
            if rels
            else {}
        )
        acks = {r.key: r.note for r in conn.execute(select(finding_ack.c.key, finding_ack.c.note))}
    return rels, facts, acks


def _checked_relations(relations: str, article: str | int | None) -> ColumnElement[bool]:
    """The relations `check-consistency` checks: never rejected ones (`relations="accepted"`:
    accepted ones only), never one with a figure in a retracted article; with `article`,
    those with at least one figure in it."""
    if relations not in ("all", "accepted"):
        raise InputError(f"unknown relations filter '{relations}': use all or accepted")
    wanted = (
        relation.c.state == "accepted"
        if relations == "accepted"
        else relation.c.state != "rejected"
    ) & relation.c.id.not_in(relations_in_retracted())
    if article is not None:
        in_article = (
            select(relation_member.c.relation_id)
            .join(figure, figure.c.id == relation_member.c.figure_id)
            .join(claim, claim.c.id == figure.c.claim_id)
            .join(tables.article, claim.c.article_id == tables.article.c.id)
            .where(article_condition(article))
        )
        wanted = wanted & relation.c.id.in_(in_article)
    return wanted


def load_acks(store: Store) -> dict[str, str]:
    """Acknowledged finding keys and their notes."""
    with store.read() as conn:
        return {r.key: r.note for r in conn.execute(select(finding_ack.c.key, finding_ack.c.note))}


CheckGroup = tuple[Relation, tuple[CheckFigure | None, ...]]


def iter_check_groups(
    store: Store, *, relations: str = "all", article: str | int | None = None
) -> Iterator[CheckGroup]:
    """Each relation `check-consistency` checks, in id order, with its member figures in
    position order (`None` for a member whose figure is gone), read as one stream.

    Filters as `check_inputs`; a bad filter raises here, before anything is read.
    """
    return _stream_groups(store, _checked_relations(relations, article))


def _stream_groups(store: Store, wanted: ColumnElement[bool]) -> Iterator[CheckGroup]:
    # Outer joins so that a member whose figure (or claim, or article) is gone still
    # arrives, as None, and its relation is skipped rather than checked short. The line
    # is computed for the first member only: it is the only one a finding locates.
    stmt = (
        select(
            relation.c.id, relation.c.kind, relation.c.origin, relation.c.state,
            relation.c.rule, relation.c.confidence, article.c.name, relation_member.c.figure_id,
            figure.c.claim_id,
            article.c.origin, figure.c.text, figure.c.start, figure.c.end, figure.c.value,
            figure.c.low, figure.c.high, figure.c.qualifier,
            case((relation_member.c.position == 0, _line()), else_=None),
        )
        .select_from(relation)
        .join(relation_member, relation_member.c.relation_id == relation.c.id)
        .outerjoin(figure, figure.c.id == relation_member.c.figure_id)
        .outerjoin(claim, claim.c.id == figure.c.claim_id)
        .outerjoin(article, article.c.id == claim.c.article_id)
        .where(wanted)
        .order_by(relation.c.id, relation_member.c.position)
    )
    qualifiers = QUALIFIERS
    make = CheckFigure._make
    head: tuple[Any, ...] = ()
    ids: list[int] = []
    figs: list[CheckFigure | None] = []
    with store.read() as conn:
        result = conn.execution_options(yield_per=4096).execute(stmt)
        for (rid, kind, origin, state, rule, conf, name, fid, claim_id, path, text, start, end,
             value, low, high, qualifier, line) in chain.from_iterable(result.partitions()):
            if not head or rid != head[0]:
                if head:
                    yield _group(store, head, ids, figs)
                head, ids, figs = (rid, kind, origin, state, rule, conf), [], []
            ids.append(fid)
            figs.append(None if name is None else make((
                fid, claim_id, name, path, text, start, end, value, low, high,
                qualifiers.get(qualifier) or Qualifier(qualifier),
                None if line is None else int(line),
            )))
        if head:
            yield _group(store, head, ids, figs)


def _group(
    store: Store, head: tuple[Any, ...], ids: list[int], figs: list[CheckFigure | None]
) -> CheckGroup:
    """The relation and its figures, with the first figure's line even when positions do
    not start at 0 (never written so, but a hand-edited database could be)."""
    rid, kind, origin, state, rule, conf = head
    first = figs[0]
    if first is not None and first.line is None:
        with store.read() as conn:
            line = conn.execute(
                select(_line())
                .select_from(figure)
                .join(claim, claim.c.id == figure.c.claim_id)
                .join(article, article.c.id == claim.c.article_id)
                .where(figure.c.id == first.id)
            ).scalar_one()
        figs[0] = first._replace(line=int(line))
    return Relation(rid, kind, tuple(ids), origin, state, rule, conf), tuple(figs)


def ack_finding(store: Store, *, key: str, note: str, reviewer: str) -> None:
    """Acknowledge a finding by key; a second ack replaces the note (acks are not history).
    `relation_review.acknowledge` first checks that the key is a finding's."""
    if not key:
        raise InputError("a finding key cannot be empty")
    values = {"note": note, "reviewer": reviewer, "at": now_utc()}
    upsert = pg_insert if store.dialect == "postgresql" else sqlite_insert
    stmt = upsert(finding_ack).values(key=key, **values)
    with store.write() as conn:
        conn.execute(stmt.on_conflict_do_update(index_elements=[finding_ack.c.key], set_=values))

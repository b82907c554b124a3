"""Reviewers' work on relations: declare one (never twice), accept or reject a
proposal, delete a declared one (recorded in the claims' history), acknowledge a
finding (only one that exists), and list relations with their members for people."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.engine import Connection

from claims.core.model import Relation
from claims.errors import InputError, NotFound
from claims.records import RelationMember, RelationRecord
from claims.store.engine import Store
from claims.store.ingest import role_of
from claims.store.paging import pages
from claims.store.relations import (
    KINDS,
    STATES,
    _checked_relations,
    _relations,
    _set_state,
    _stream_groups,
    ack_finding,
    add_relation,
    relations_touching,
)
from claims.store.tables import article, claim, figure, relation, relation_member


def _key(kind: str, figure_ids: Sequence[int]) -> tuple[Any, ...]:
    """One relation whatever the order a reviewer names its figures in: a `same` pair
    either way round, a partition's parts in any order (its total first)."""
    ids = tuple(figure_ids)
    if kind == "same":
        return (kind, *sorted(ids))
    if kind == "partition":
        return (kind, ids[0], *sorted(ids[1:]))
    return (kind, *ids)


def find_relation(conn: Connection, kind: str, figure_ids: Sequence[int]) -> Relation | None:
    """The stored relation of this kind over exactly these figures, if any."""
    want = _key(kind, figure_ids)
    for r in relations_touching(conn, [figure_ids[0]]):
        if r.kind == kind and _key(r.kind, r.figure_ids) == want:
            return r
    return None


def delete_relation(store: Store, relation_id: int, *, reviewer: str,
                    note: str | None = None) -> Relation:
    """Delete a declared relation; a correction row in the history of each claim it
    touched records what it was. Proposed relations are rejected, not deleted (a
    re-extraction would propose them again)."""
    from claims.store.verdicts import record_in

    with store.write() as conn:
        rels = _relations(conn, relation.c.id == relation_id)
        if not rels:
            raise NotFound(f"no relation with id {relation_id}")
        rel = rels[0]
        if rel.origin != "manual":
            raise InputError(
                f"relation {relation_id} was proposed by rule {rel.rule}: reject it instead "
                f"(`claims relations reject {relation_id}`)")
        claims_of: dict[int, int] = dict(conn.execute(
            select(figure.c.id, figure.c.claim_id).where(figure.c.id.in_(rel.figure_ids))).all())
        detail = {"relation": {"id": rel.id, "kind": rel.kind, "figures": list(rel.figure_ids),
                               "state": rel.state}, "deleted": True}
        description = f"relation {rel.id} deleted: {rel.kind} of figures " + " ".join(
            map(str, rel.figure_ids))
        for claim_id in sorted(set(claims_of.values())):
            status = conn.execute(select(claim.c.status).where(claim.c.id == claim_id)).scalar_one()
            record_in(conn, store.dialect, claim_id=claim_id, status=status, reviewer=reviewer,
                      note=f"{description}: {note}" if note else description, evidence=(),
                      expect_version=None, kind="correction", detail=detail)
        _drop(conn, [relation_id])
        return rel


def _drop(conn: Connection, relation_ids: Sequence[int]) -> None:
    conn.execute(delete(relation_member).where(relation_member.c.relation_id.in_(relation_ids)))
    conn.execute(delete(relation).where(relation.c.id.in_(relation_ids)))


def finding_exists(store: Store, key: str) -> bool:
    """Whether `key` is the key of a finding `check-consistency` reports (of any relation
    not rejected). Keys come from the figures' articles and spans (`finding_key`), so
    this computes them relation by relation as the gate does, keeping none."""
    from claims.core.reconcile.consistency import finding_key

    kind = key.split(":", 1)[0]
    if kind not in KINDS:
        return False
    wanted = _checked_relations("all", None) & (relation.c.kind == kind)
    for _rel, figs in _stream_groups(store, wanted):
        if None not in figs and finding_key(kind, figs) == key:  # type: ignore[arg-type]
            return True
    return False


def declare_relation(
    store: Store, *, kind: str, figure_ids: Sequence[int]
) -> tuple[Relation, bool]:
    """`claims relate`: a declared, accepted relation, and whether it is new (one over
    the same figures is returned as it is)."""
    with store.read() as conn:
        existing = find_relation(conn, kind, figure_ids) if figure_ids else None
    if existing is not None:
        return existing, False
    return add_relation(store, kind=kind, figure_ids=figure_ids), True


def change_state(store: Store, relation_id: int, state: str) -> tuple[Relation, str]:
    """Accept or reject (`claims relations accept|reject`): the relation and the state
    it had before."""
    return _set_state(store, relation_id, state)


def acknowledge(store: Store, *, key: str, note: str, reviewer: str) -> None:
    """`claims ack`: a key that matches no reported finding is refused (a typo would
    otherwise be stored and acknowledge nothing)."""
    if not key:
        raise InputError("a finding key cannot be empty")
    if not finding_exists(store, key):
        raise NotFound(f"no finding with key {key} (keys are listed by "
                       "`claims check-consistency`)")
    ack_finding(store, key=key, note=note, reviewer=reviewer)


def relation_records(store: Store, *, state: str | None = None) -> list[RelationRecord]:
    """Relations with each member's figure text, claim and article (two queries)."""
    if state is not None and state not in STATES:
        raise InputError(f"unknown relation state '{state}': use one of {', '.join(STATES)}")
    with store.read() as conn:
        rels = _relations(conn, None if state is None else relation.c.state == state)
        ids = sorted({i for r in rels for i in r.figure_ids})
        rows = {r[0]: r[1:] for chunk in pages(ids) for r in conn.execute(
            select(figure.c.id, figure.c.text, figure.c.claim_id, article.c.name)
            .join(claim, claim.c.id == figure.c.claim_id)
            .join(article, article.c.id == claim.c.article_id)
            .where(figure.c.id.in_(chunk)))}
    out = []
    for r in rels:
        members = tuple(
            RelationMember(fid, role_of(r.kind, pos), *rows.get(fid, (None, None, None)))
            for pos, fid in enumerate(r.figure_ids))
        out.append(RelationRecord(r, members))
    return out

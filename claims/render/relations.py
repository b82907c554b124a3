"""Relations as JSON and as a table: members with their figure text, claim and
article, the rule, confidence and evidence."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from claims.core.model import Relation
from claims.records import RelationRecord
from claims.render.claims import dumps

if TYPE_CHECKING:
    from rich.table import Table


def relation_dict(r: Relation | RelationRecord) -> dict[str, Any]:
    rel = r.relation if isinstance(r, RelationRecord) else r
    out: dict[str, Any] = {
        "id": rel.id, "kind": rel.kind, "figures": list(rel.figure_ids), "origin": rel.origin,
        "state": rel.state, "rule": rel.rule, "confidence": rel.confidence,
        "evidence": list(rel.evidence),
    }
    if isinstance(r, RelationRecord):
        out["members"] = [{"figure": m.figure_id, "role": m.role, "text": m.text,
                           "claim": m.claim_id, "article": m.article} for m in r.members]
    return out


def relations_json(rels: Sequence[Relation | RelationRecord]) -> str:
    return dumps([relation_dict(r) for r in rels])


def member_text(r: RelationRecord) -> str:
    """"188 (#40, claim 16, seed.txt) ⊇ 76 (#41, claim 16) …": each member once, its
    article named when it changes."""
    parts, last = [], None
    for m in r.members:
        where = f"claim {m.claim_id}" + (f", {m.article}" if m.article != last else "")
        parts.append(f"{m.role} {m.text if m.text is not None else '(gone)'} "
                     f"(#{m.figure_id}, {where})")
        last = m.article
    return "; ".join(parts)


def relations_table(rels: Sequence[RelationRecord]) -> Table:
    from rich.table import Table

    from claims.render.tables import safe

    t = Table()
    for col in ("id", "kind", "members", "origin", "state", "rule", "confidence", "evidence"):
        t.add_column(col)
    for r in rels:
        rel = r.relation
        t.add_row(
            str(rel.id), rel.kind, safe(member_text(r)), rel.origin, rel.state,
            safe(rel.rule or ""), rel.confidence or "", safe("; ".join(rel.evidence)),
        )
    return t

"""Relations as JSON and as a table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from claims.core.model import Relation
from claims.render.claims import dumps

if TYPE_CHECKING:
    from rich.table import Table


def relation_dict(r: Relation) -> dict[str, Any]:
    return {
        "id": r.id, "kind": r.kind, "figures": list(r.figure_ids), "origin": r.origin,
        "state": r.state, "rule": r.rule,
    }


def relations_json(rels: Sequence[Relation]) -> str:
    return dumps([relation_dict(r) for r in rels])


def relations_table(rels: Sequence[Relation]) -> Table:
    from rich.table import Table

    from claims.render.tables import safe

    t = Table()
    for col in ("id", "kind", "figures", "origin", "state", "rule"):
        t.add_column(col)
    for r in rels:
        t.add_row(
            str(r.id), r.kind, " ".join(map(str, r.figure_ids)), r.origin, r.state,
            safe(r.rule or ""),
        )
    return t

"""claim_via: the attribution chain of a claim ("Agentstvo, citing ISW"), and every
alias key recomputed with the one normal form of names

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 23:30:00

`claim_via` rows are (claim, position, source), origin first; existing claims have none
(re-extraction finds them). `source_alias.alias_norm` is recomputed with
`claims.core.namekey.norm`, which now also drops dots and reads British and American
spellings as one: two aliases of one source that now share a key keep the first.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from claims.core.namekey import norm

    op.create_table(
        "claim_via",
        sa.Column("claim_id", sa.Integer(), sa.ForeignKey("claim.id"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), sa.ForeignKey("source.id"), nullable=False),
        sa.PrimaryKeyConstraint("claim_id", "position"),
    )
    op.create_index("ix_claim_via_source_id", "claim_via", ["source_id"])
    conn = op.get_bind()
    seen: set[tuple[int, str]] = set()
    drop: list[int] = []
    changed: list[dict[str, object]] = []
    rows = conn.execute(sa.text(
        "SELECT id, source_id, alias, alias_norm FROM source_alias ORDER BY id")).all()
    for rid, source_id, alias, old in rows:
        key = norm(alias)
        if (source_id, key) in seen:
            drop.append(rid)
            continue
        seen.add((source_id, key))
        if key != old:
            changed.append({"id": rid, "key": key})
    for rid in drop:
        conn.execute(sa.text("DELETE FROM source_alias WHERE id = :id"), {"id": rid})
    if changed:  # two passes: a key may move onto one another row is leaving
        conn.execute(sa.text("UPDATE source_alias SET alias_norm = :tmp WHERE id = :id"),
                     [{"id": c["id"], "tmp": f"\x00{c['id']}"} for c in changed])
        conn.execute(sa.text("UPDATE source_alias SET alias_norm = :key WHERE id = :id"),
                     changed)


def downgrade() -> None:
    op.drop_index("ix_claim_via_source_id", table_name="claim_via")
    op.drop_table("claim_via")

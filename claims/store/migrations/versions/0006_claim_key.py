"""claim_key: the duplicate index, so linking a new article reads only the earlier claims
that can pair with its claims

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26 09:00:00

A new table, filled from every live claim's text and figures (`store.duplicate_keys`),
as ingest fills it for new ones. Links made before stay as they are.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from claims.store.duplicate_keys import rebuild

    op.create_table(
        "claim_key",
        sa.Column("key", sa.BigInteger(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("key", "claim_id"),
    )
    op.create_index("ix_claim_key_claim_id", "claim_key", ["claim_id"])
    rebuild(op.get_bind())


def downgrade() -> None:
    op.drop_index("ix_claim_key_claim_id", table_name="claim_key")
    op.drop_table("claim_key")

"""claim.superseded: re-extraction keeps a replaced claim (and its history) instead of deleting it

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 11:20:00

Only the `claim` table is touched, and only by ADD COLUMN, which SQLite does in place
(Alembic's batch mode does not recreate the table for a plain nullable column). The
`verdict` table and its append-only triggers are left exactly as 0001 made them.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("claim", recreate="never") as batch:
        batch.add_column(sa.Column("superseded", sa.String(), nullable=True))


def downgrade() -> None:
    # Dropping a column makes SQLite recreate `claim`; `verdict` references it but keeps
    # its own triggers, since only `claim` is rebuilt.
    with op.batch_alter_table("claim") as batch:
        batch.drop_column("superseded")

"""figure.change: "up"/"down" when a figure is itself a change ("rose 0.4%"), else NULL

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 10:00:00

Only the `figure` table is touched, by one nullable ADD COLUMN, which SQLite does in place.
Existing rows keep NULL until `claims reextract` runs the current extractor on them.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("figure", recreate="never") as batch:
        batch.add_column(sa.Column("change", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("figure") as batch:
        batch.drop_column("change")

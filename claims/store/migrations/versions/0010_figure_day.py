"""figure.day and the index the cross-article `same` lookup reads through

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 01:00:00

ADD COLUMN only (SQLite does it in place). Each existing figure gets its article's
publication day, as ingest stores it for new ones (`core.reconcile.same.day_of`), and
`ix_figure_same_key` (block, places, day, id) lets ingest read, for a new figure, the
most recent earlier figures of its key one day of the window at a time, so the lookup
reads a bounded number of rows however large the archive (or however many articles
share one date).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from claims.store.frames import fill_days

    with op.batch_alter_table("figure", recreate="never") as batch:
        batch.add_column(sa.Column("day", sa.String(), nullable=True))
    op.create_index("ix_figure_same_key", "figure", ["block", "places", "day", "id"])
    op.create_index("ix_figure_same_latest", "figure", ["block", "places", "id"])
    fill_days(op.get_bind())


def downgrade() -> None:
    op.drop_index("ix_figure_same_latest", table_name="figure")
    op.drop_index("ix_figure_same_key", table_name="figure")
    with op.batch_alter_table("figure") as batch:
        batch.drop_column("day")

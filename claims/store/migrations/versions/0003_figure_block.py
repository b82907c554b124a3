"""figure.block and figure.places, and indexes on article.published and figure.value:
ingest reads only the candidates of cross-article `same` and of duplicate links

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 13:40:00

ADD COLUMN only (SQLite does it in place). Existing figures get their block and place
words computed from their claim's text, as ingest computes them for new ones
(`core.same.block_key`, `place_key`).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 5000


def upgrade() -> None:
    from claims.store.ingest import figure_keys

    with op.batch_alter_table("figure", recreate="never") as batch:
        batch.add_column(sa.Column("block", sa.String(), nullable=True))
        batch.add_column(sa.Column("places", sa.String(), nullable=True))
    op.create_index("ix_article_published", "article", ["published"])
    op.create_index("ix_figure_value", "figure", ["value"])
    conn = op.get_bind()
    page = sa.text(
        "SELECT figure.id, claim.text, figure.text, figure.metric FROM figure "
        "JOIN claim ON claim.id = figure.claim_id WHERE figure.id > :last "
        "ORDER BY figure.id LIMIT :n"
    )
    stmt = sa.text("UPDATE figure SET block = :block, places = :places WHERE id = :id")
    last = 0
    while rows := conn.execute(page, {"last": last, "n": BATCH}).all():  # pages: flat memory
        conn.execute(stmt, [{"id": r[0], **figure_keys(r[1], r[2], r[3])} for r in rows])
        last = rows[-1][0]


def downgrade() -> None:
    op.drop_index("ix_figure_value", table_name="figure")
    op.drop_index("ix_article_published", table_name="article")
    with op.batch_alter_table("figure") as batch:
        batch.drop_column("places")
        batch.drop_column("block")

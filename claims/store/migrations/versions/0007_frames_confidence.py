"""figure frames (event, role, actor, period, place, with the words they came from);
relation confidence and evidence

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26 10:00:00

ADD COLUMN only (SQLite does it in place). Existing figures get a frame read from their
claim's text (as ingest frames new ones, with the article's publication date) and their
cross-article keys recomputed from it (`block` is now the figure's role). Existing
proposals keep no confidence (NULL): `check-consistency` never gates on them by default
until `claims reextract` proposes them again with one.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 5000
FRAME_COLUMNS = ("frame_event", "frame_role", "frame_actor", "frame_period", "frame_place")


def upgrade() -> None:
    from claims.store.frames import frame_columns_for

    with op.batch_alter_table("figure", recreate="never") as batch:
        for name in FRAME_COLUMNS:
            batch.add_column(sa.Column(name, sa.String(), nullable=True))
        batch.add_column(sa.Column("frame_words", sa.Text(), nullable=True))
    op.create_index("ix_figure_frame_role", "figure", ["frame_role"])
    with op.batch_alter_table("relation", recreate="never") as batch:
        batch.add_column(sa.Column("confidence", sa.String(), nullable=True))
        batch.add_column(sa.Column("evidence", sa.Text(), nullable=True))
    conn = op.get_bind()
    page = sa.text(
        "SELECT figure.id, claim.text, claim.start, figure.text, figure.start, "
        "figure.metric, article.published, claim.source_id FROM figure "
        "JOIN claim ON claim.id = figure.claim_id JOIN article ON article.id = claim.article_id "
        "WHERE figure.id > :last ORDER BY figure.id LIMIT :n"
    )
    sets = ", ".join(f"{c} = :{c}" for c in (*FRAME_COLUMNS, "frame_words", "block", "places"))
    stmt = sa.text(f"UPDATE figure SET {sets} WHERE id = :id")
    last = 0
    while rows := conn.execute(page, {"last": last, "n": BATCH}).all():  # pages: flat memory
        conn.execute(stmt, [{"id": r[0], **frame_columns_for(*r[1:7])} for r in rows])
        last = rows[-1][0]


def downgrade() -> None:
    with op.batch_alter_table("relation") as batch:
        batch.drop_column("evidence")
        batch.drop_column("confidence")
    op.drop_index("ix_figure_frame_role", table_name="figure")
    with op.batch_alter_table("figure") as batch:
        for name in ("frame_words", *reversed(FRAME_COLUMNS)):
            batch.drop_column(name)

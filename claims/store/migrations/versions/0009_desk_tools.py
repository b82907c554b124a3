"""The desk's daily tools: article retraction and its record, the registry's change
record, the review queue's resume position

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-08 10:00:00

`article.retracted` is one ADD COLUMN with a default (SQLite does it in place; every
existing article stays live). `article_event` and `source_event` are new append-only
tables (triggers refuse UPDATE and DELETE, as on the verdict history): they are what an
audit reads, and `sources split` undoes a merge from the row that recorded it.
`review_position` is a bookmark per reviewer and queue, replaced as they move on.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPEND_ONLY = "the article and registry records are append-only"
TABLES = ("article_event", "source_event")


def _triggers(table: str, dialect: str) -> tuple[str, ...]:
    if dialect == "sqlite":
        body = f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END"
    else:
        body = "FOR EACH ROW EXECUTE FUNCTION desk_record_append_only()"
    return tuple(
        f"CREATE TRIGGER {table}_no_{what} BEFORE {what.upper()} ON {table} {body}"
        for what in ("update", "delete")
    )


def upgrade() -> None:
    with op.batch_alter_table("article", recreate="never") as batch:
        batch.add_column(
            sa.Column("retracted", sa.Boolean(), nullable=False, server_default="0")
        )
    op.create_table(
        "article_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.Column("content_hash", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("at", sa.String(), nullable=False),
        sa.Column("reviewer", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_article_event_article_id", "article_event", ["article_id"])
    op.create_index("ix_article_event_content_hash", "article_event", ["content_hash"])
    op.create_table(
        "source_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.String(), nullable=False),
        sa.Column("reviewer", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_source_event_source_id", "source_event", ["source_id"])
    op.create_table(
        "review_position",
        sa.Column("reviewer", sa.String(), nullable=False),
        sa.Column("scope", sa.String(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"]),
        sa.PrimaryKeyConstraint("reviewer", "scope"),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute(
            f"""CREATE FUNCTION desk_record_append_only() RETURNS trigger LANGUAGE plpgsql
            AS $$ BEGIN RAISE EXCEPTION '{APPEND_ONLY}'; END; $$"""
        )
    if dialect in ("sqlite", "postgresql"):
        for table in TABLES:
            for statement in _triggers(table, dialect):
                op.execute(statement)


def downgrade() -> None:
    # Dropping a table drops its triggers on both backends; the function goes after.
    op.drop_table("review_position")
    op.drop_index("ix_source_event_source_id", table_name="source_event")
    op.drop_table("source_event")
    op.drop_index("ix_article_event_content_hash", table_name="article_event")
    op.drop_index("ix_article_event_article_id", table_name="article_event")
    op.drop_table("article_event")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS desk_record_append_only()")
    with op.batch_alter_table("article") as batch:
        batch.drop_column("retracted")

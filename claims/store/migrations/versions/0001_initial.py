"""initial schema: articles, sources, claims, figures, relations, verdict history

Revision ID: 0001
Revises:
Create Date: 2026-11-25 10:50:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPEND_ONLY = "verdict history is append-only"

SQLITE_TRIGGERS = (
    f"""CREATE TRIGGER verdict_no_update BEFORE UPDATE ON verdict
    BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END""",
    f"""CREATE TRIGGER verdict_no_delete BEFORE DELETE ON verdict
    BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END""",
)

POSTGRES_TRIGGERS = (
    f"""CREATE FUNCTION verdict_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '{APPEND_ONLY}'; END; $$""",
    """CREATE TRIGGER verdict_no_update BEFORE UPDATE ON verdict
    FOR EACH ROW EXECUTE FUNCTION verdict_append_only()""",
    """CREATE TRIGGER verdict_no_delete BEFORE DELETE ON verdict
    FOR EACH ROW EXECUTE FUNCTION verdict_append_only()""",
)


def upgrade() -> None:
    op.create_table(
        "article",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("origin", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=True),
        sa.Column("url", sa.String(), nullable=True),
        sa.Column("publisher", sa.String(), nullable=True),
        sa.Column("published", sa.String(), nullable=True),
        sa.Column("content_hash", sa.String(), nullable=False),
        sa.Column("extractor_version", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("content_hash", name="uq_article_content_hash"),
    )
    op.create_table(
        "source",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("type", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name", name="uq_source_name"),
    )
    op.create_table(
        "source_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(), nullable=False),
        sa.Column("alias_norm", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["source_id"], ["source.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source_id", "alias_norm", name="uq_source_alias_norm"),
    )
    op.create_index("ix_source_alias_alias_norm", "source_alias", ["alias_norm"])
    op.create_table(
        "claim",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("cue", sa.String(), nullable=True),
        sa.Column("status", sa.String(), server_default="unverified", nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("dismissed", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("paragraph", sa.Integer(), nullable=False),
        sa.Column("sentence", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"]),
        sa.ForeignKeyConstraint(["source_id"], ["source.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_claim_article_id", "claim", ["article_id"])
    op.create_index("ix_claim_source_id", "claim", ["source_id"])
    op.create_index("ix_claim_status", "claim", ["status"])
    op.create_table(
        "figure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("low", sa.Float(), nullable=True),
        sa.Column("high", sa.Float(), nullable=True),
        sa.Column("qualifier", sa.String(), nullable=False),
        sa.Column("unit", sa.String(), nullable=True),
        sa.Column("metric", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_figure_claim_id", "figure", ["claim_id"])
    op.create_table(
        "relation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("origin", sa.String(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("rule", sa.String(), nullable=True),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_relation_state", "relation", ["state"])
    op.create_table(
        "relation_member",
        sa.Column("relation_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("figure_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["figure_id"], ["figure.id"]),
        sa.ForeignKeyConstraint(["relation_id"], ["relation.id"]),
        sa.PrimaryKeyConstraint("relation_id", "position"),
    )
    op.create_index("ix_relation_member_figure_id", "relation_member", ["figure_id"])
    op.create_table(
        "finding_ack",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("reviewer", sa.String(), nullable=False),
        sa.Column("at", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "verdict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.String(), nullable=False),
        sa.Column("reviewer", sa.String(), nullable=False),
        sa.Column("from_status", sa.String(), nullable=False),
        sa.Column("to_status", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_verdict_claim_id", "verdict", ["claim_id"])
    op.create_index("ix_verdict_reviewer", "verdict", ["reviewer"])
    op.create_table(
        "claim_duplicate",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("other_claim_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"]),
        sa.ForeignKeyConstraint(["other_claim_id"], ["claim.id"]),
        sa.PrimaryKeyConstraint("claim_id", "other_claim_id"),
    )
    op.create_index("ix_claim_duplicate_other_claim_id", "claim_duplicate", ["other_claim_id"])

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in SQLITE_TRIGGERS:
            op.execute(statement)
    elif dialect == "postgresql":
        for statement in POSTGRES_TRIGGERS:
            op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS verdict_no_update")
        op.execute("DROP TRIGGER IF EXISTS verdict_no_delete")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS verdict_no_update ON verdict")
        op.execute("DROP TRIGGER IF EXISTS verdict_no_delete ON verdict")
        op.execute("DROP FUNCTION IF EXISTS verdict_append_only()")
    for table in (
        "claim_duplicate",
        "verdict",
        "finding_ack",
        "relation_member",
        "relation",
        "figure",
        "claim",
        "source_alias",
        "source",
        "article",
    ):
        op.drop_table(table)

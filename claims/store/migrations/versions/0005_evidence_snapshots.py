"""evidence_body and evidence_snapshot: archived copies of the pages verdicts cite

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 10:00:00

New tables only. Both are append-only like the verdict history (triggers refuse UPDATE
and DELETE): a snapshot is what a reviewer saw, and `evidence check --update` records a
newer one beside it instead of replacing it.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPEND_ONLY = "evidence snapshots are append-only"
TABLES = ("evidence_body", "evidence_snapshot")


def _sqlite_triggers(table: str) -> tuple[str, ...]:
    return tuple(
        f"""CREATE TRIGGER {table}_no_{what} BEFORE {what.upper()} ON {table}
        BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END"""
        for what in ("update", "delete")
    )


def _postgres_triggers(table: str) -> tuple[str, ...]:
    return tuple(
        f"""CREATE TRIGGER {table}_no_{what} BEFORE {what.upper()} ON {table}
        FOR EACH ROW EXECUTE FUNCTION evidence_append_only()"""
        for what in ("update", "delete")
    )


def upgrade() -> None:
    op.create_table(
        "evidence_body",
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("sha256"),
    )
    op.create_table(
        "evidence_snapshot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("verdict_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(), nullable=False),
        sa.Column("retrieved_at", sa.String(), nullable=False),
        sa.Column("final_url", sa.String(), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("content_type", sa.String(), nullable=True),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["verdict_id"], ["verdict.id"]),
        sa.ForeignKeyConstraint(["sha256"], ["evidence_body.sha256"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_evidence_snapshot_verdict_id", "evidence_snapshot", ["verdict_id"])
    op.create_index("ix_evidence_snapshot_sha256", "evidence_snapshot", ["sha256"])
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for table in TABLES:
            for statement in _sqlite_triggers(table):
                op.execute(statement)
    elif dialect == "postgresql":
        op.execute(
            f"""CREATE FUNCTION evidence_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION '{APPEND_ONLY}'; END; $$"""
        )
        for table in TABLES:
            for statement in _postgres_triggers(table):
                op.execute(statement)


def downgrade() -> None:
    # Dropping a table drops its triggers on both backends; the function goes after.
    op.drop_index("ix_evidence_snapshot_sha256", table_name="evidence_snapshot")
    op.drop_index("ix_evidence_snapshot_verdict_id", table_name="evidence_snapshot")
    op.drop_table("evidence_snapshot")
    op.drop_table("evidence_body")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS evidence_append_only()")

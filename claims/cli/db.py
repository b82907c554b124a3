"""`claims db upgrade`: schema migrations on purpose (how PostgreSQL is upgraded)."""

from __future__ import annotations

from claims.cli.base import STATE, app, make_app
from claims.cli.common import message

db_app = make_app()
app.add_typer(db_app, name="db", help="Database maintenance.")


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Upgrade the database schema to this build's version.

    Example:

        claims --db postgresql+psycopg://claims@db.example.org/claims db upgrade
    """
    from claims.config import resolve_db
    from claims.store import upgrade

    before, after = upgrade(resolve_db(STATE.db))
    if before == after:
        message(f"Database schema is already at {after}.")
    else:
        message(f"Database schema upgraded from {before or 'empty'} to {after}.")

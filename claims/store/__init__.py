"""The persistence shell: open a database and read or write claims through it.

Imported only by commands that need a database, so importing SQLAlchemy/SQLModel here is
fine; Alembic is imported only when a migration runs (see `engine.open_store`).
"""

from __future__ import annotations

from claims.store.engine import Store, open_store, upgrade

__all__ = ["Store", "open_store", "upgrade"]

"""The persistence shell: open a database and read or write claims through it.

Imported only by commands that need a database. `open_store` and friends are loaded on
first use (PEP 562), so `claims.store.fastread` (the stdlib-sqlite3 read path of `list`
and `show`) can live in this package without importing SQLAlchemy; Alembic is imported
only when a migration runs (see `engine.open_store`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claims.store.engine import Store, open_for_reading, open_store, upgrade

__all__ = ["Store", "open_for_reading", "open_store", "upgrade"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from claims.store import engine

        return getattr(engine, name)
    raise AttributeError(f"module 'claims.store' has no attribute {name!r}")

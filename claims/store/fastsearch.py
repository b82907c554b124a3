"""`claims.store.search` for the lean read path (stdlib `sqlite3`, no SQLAlchemy).

The same conditions as `search.desk_conditions`, as SQL text with parameters; a test
holds both paths to the same answers.
"""

from __future__ import annotations

import sqlite3
from typing import Any

FOLD_FUNCTION = "claims_fold"  # as `search.FOLD_FUNCTION`


def register_fold(conn: sqlite3.Connection) -> None:
    from claims.core.search import fold

    conn.create_function(FOLD_FUNCTION, 1, fold, deterministic=True)


def desk_conditions(
    *,
    search: str | None = None,
    since: str | None = None,
    until: str | None = None,
    value: float | None = None,
) -> tuple[list[str], list[Any]]:
    """(conditions, parameters) on `claim` joined with `article`."""
    conditions: list[str] = []
    params: list[Any] = []
    if search:
        from claims.core.search import search_words

        for word in search_words(search):
            escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            conditions.append(f"{FOLD_FUNCTION}(claim.text) LIKE ? ESCAPE '\\'")
            params.append(f"%{escaped}%")
    if since is not None:
        conditions.append("substr(article.published, 1, 10) >= ?")
        params.append(since)
    if until is not None:
        conditions.append("substr(article.published, 1, 10) <= ?")
        params.append(until)
    if value is not None:
        conditions.append(
            "claim.id IN (SELECT figure.claim_id FROM figure WHERE "
            "(figure.low IS NULL OR figure.low <= ?) AND (figure.high IS NULL OR figure.high >= ?) "
            "AND NOT (figure.low IS NULL AND figure.high IS NULL))"
        )
        params += [value, value]
    return conditions, params

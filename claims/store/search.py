"""`list --search/--since/--until/--value` as SQL conditions, alike on both backends.

The search key is `claims.core.search.fold`: on SQLite a registered function runs it
(`register_fold`, once per connection), on PostgreSQL the same character table compiles
to `translate` and `replace` (no extension, no dependence on the server's locale). Each
word of the query must occur in the folded claim text.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, func, literal, not_, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import String

from claims.core.search import fold, postgres_fold_map, search_words
from claims.store.tables import article, claim, figure

FOLD_FUNCTION = "claims_fold"


class folded(FunctionElement[str]):  # noqa: N801 - a SQL function, named like one
    """`fold(x)` in SQL."""

    type = String()
    name = "folded"
    inherit_cache = True


@compiles(folded, "sqlite")
def _sqlite_fold(element: folded, compiler: Any, **kw: Any) -> str:
    return f"{FOLD_FUNCTION}({compiler.process(element.clauses, **kw)})"


@compiles(folded, "postgresql")
def _postgres_fold(element: folded, compiler: Any, **kw: Any) -> str:
    replaced, source, target = postgres_fold_map()
    expr: Any = next(iter(element.clauses))
    for old, new in replaced:
        expr = func.replace(expr, literal(old), literal(new))
    return str(compiler.process(func.translate(expr, literal(source), literal(target)), **kw))


def register_fold(conn: Connection) -> None:
    """Make `claims_fold` callable on this SQLite connection (PostgreSQL needs nothing)."""
    if conn.dialect.name == "sqlite":
        raw: Any = conn.connection.driver_connection
        raw.create_function(FOLD_FUNCTION, 1, fold, deterministic=True)


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def desk_conditions(
    *,
    search: str | None = None,
    since: str | None = None,
    until: str | None = None,
    value: float | None = None,
) -> list[ColumnElement[bool]]:
    """Conditions on `claim` joined with `article`: every search word in the claim text
    (case, accents, quote and dash styles ignored), published on or after `since` and on
    or before `until` (ISO dates; undated articles never match), and a figure whose
    interval holds `value` (an open end holds everything on its side)."""
    conditions: list[ColumnElement[bool]] = []
    text = folded(claim.c.text)
    for word in search_words(search or ""):
        conditions.append(text.like(f"%{escape_like(word)}%", escape="\\"))
    day = func.substr(article.c.published, 1, 10)
    if since is not None:
        conditions.append(day >= since)
    if until is not None:
        conditions.append(day <= until)
    if value is not None:
        holds = and_(
            or_(figure.c.low.is_(None), figure.c.low <= value),
            or_(figure.c.high.is_(None), figure.c.high >= value),
            not_(and_(figure.c.low.is_(None), figure.c.high.is_(None))),
        )
        conditions.append(claim.c.id.in_(select(figure.c.claim_id).where(holds)))
    return conditions

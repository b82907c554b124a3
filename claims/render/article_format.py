"""`claims articles --format`: the formats, mapped exhaustively to their renderers.

Apart from `claims.render.articles` so that registering the command (every `claims`
start-up) imports nothing but this enum.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, assert_never

if TYPE_CHECKING:
    from rich.table import Table

    from claims.records import ArticleSummary


class ArticlesFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"

    def render(self, rows: Sequence[ArticleSummary]) -> str | Table:
        """A string for machine formats (written verbatim), a rich Table for people."""
        from claims.render.articles import articles_csv, articles_json, articles_table

        match self:
            case ArticlesFormat.table:
                return articles_table(rows)
            case ArticlesFormat.json:
                return articles_json(rows)
            case ArticlesFormat.csv:
                return articles_csv(rows)
            case _:
                assert_never(self)

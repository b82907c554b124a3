"""Long lists of ids or rows cut into slices, one query or insert per slice.

Drivers cap the bound parameters of one statement (SQLite's default is 32,766), and a
huge `IN (...)` list is slow to plan, so every read by a list of ids and every bulk
insert goes through `pages`: a fixed number of queries per slice, never one per row.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

IN_PAGE = 500  # ids per IN (...) list
T = TypeVar("T")


def pages(items: Sequence[T], size: int = IN_PAGE) -> Iterator[Sequence[T]]:
    """`items` in slices of `size`, in order (a list's slices are lists)."""
    for i in range(0, len(items), size):
        yield items[i : i + size]

"""The candidate span every written-form reader produces (shared by the form modules)."""

from __future__ import annotations

from typing import NamedTuple

from claims.core.model import Qualifier


class Candidate(NamedTuple):
    """A quantity-shaped span before qualifier, trap and unit decisions.

    A named tuple, not a frozen dataclass: as immutable, and built in a quarter of the
    time (a claim's readers build one per span they find, most of them dropped).

    `unit` is set when the form itself names it (a currency sign, "%", a ratio); `bare`
    numbers take their unit from the words after them. `qualifier` is set when the form
    fixes it (a range, "hundreds"). `raw` keeps the digits for the year test.
    """

    start: int
    end: int
    value: float
    kind: str
    qualifier: Qualifier | None = None
    unit: str | None = None
    low: float | None = None
    high: float | None = None
    needs_qualifier: bool = False
    bare: bool = True
    raw: str = ""
    metres: float | None = None
    """For an unspaced "2.04m" read as a million: its value in metres, should the
    sentence turn out to measure in metres ("cleared 2.10 metres …, managed 2.04m")."""

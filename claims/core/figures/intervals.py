"""The single qualifier → interval table (SCHEMA.md "Qualifier intervals").

Extraction, reconciliation and the renderers all need the same reading of "about",
"almost" or "more than"; keeping the table in one tested function means a change to the
bands changes every consumer at once.
"""

from __future__ import annotations

from claims.core.model import Qualifier

APPROX_BAND = 0.1
"""Relative half-width of an `approx` figure: "about 100" covers 90..110."""

NEARLY_BAND = 0.1
"""How far below its value a `nearly` figure may fall: "almost 100" covers 90..100."""


def _ordered(a: float, b: float) -> tuple[float, float]:
    """Negative values flip the scaled end below the value, so sort the two ends."""
    return (a, b) if a <= b else (b, a)


def qualifier_interval(
    value: float,
    qualifier: Qualifier,
    low: float | None = None,
    high: float | None = None,
) -> tuple[float | None, float | None]:
    """The `[low, high]` a qualified value stands for; `None` is an open end.

    `low`/`high` are only read for `range` (the stated ends); a missing end of a range
    falls back to the value, so the interval always contains it.
    """
    if qualifier is Qualifier.EXACT:
        return value, value
    if qualifier is Qualifier.APPROX:
        return _ordered(value * (1 - APPROX_BAND), value * (1 + APPROX_BAND))
    if qualifier is Qualifier.NEARLY:
        # "nearly -10" sits between -10 and -9: at or just short of the value in magnitude.
        return _ordered(value * (1 - NEARLY_BAND), value)
    if qualifier in (Qualifier.MORE_THAN, Qualifier.AT_LEAST):
        return value, None
    if qualifier in (Qualifier.LESS_THAN, Qualifier.AT_MOST):
        return None, value
    lo = value if low is None else low
    hi = value if high is None else high
    lo, hi = _ordered(lo, hi)
    return min(lo, value), max(hi, value)

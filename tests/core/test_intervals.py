"""The qualifier → interval table (SCHEMA.md "Qualifier intervals")."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.core.figures.intervals import qualifier_interval
from claims.core.model import Qualifier

Q = Qualifier


def _rounded(pair: tuple[float | None, float | None]) -> tuple[float | None, float | None]:
    """0.9 * 100 is 90.00000000000001 in floats; compare the table's intent."""
    low, high = pair
    return (None if low is None else round(low, 9), None if high is None else round(high, 9))


@pytest.mark.parametrize(
    ("qualifier", "expected"),
    [
        (Q.EXACT, (100, 100)),
        (Q.APPROX, (90, 110)),
        (Q.NEARLY, (90, 100)),
        (Q.MORE_THAN, (100, None)),
        (Q.AT_LEAST, (100, None)),
        (Q.LESS_THAN, (None, 100)),
        (Q.AT_MOST, (None, 100)),
    ],
)
def test_table(qualifier: Qualifier, expected: tuple[float | None, float | None]) -> None:
    assert _rounded(qualifier_interval(100.0, qualifier)) == expected


def test_range_uses_the_stated_ends() -> None:
    assert qualifier_interval(25.0, Q.RANGE, 20.0, 30.0) == (20.0, 30.0)


def test_range_with_reversed_or_missing_ends() -> None:
    assert qualifier_interval(25.0, Q.RANGE, 30.0, 20.0) == (20.0, 30.0)
    assert qualifier_interval(25.0, Q.RANGE, None, 30.0) == (25.0, 30.0)
    assert qualifier_interval(25.0, Q.RANGE) == (25.0, 25.0)


def test_negative_values_keep_low_below_high() -> None:
    assert qualifier_interval(-10.0, Q.APPROX) == pytest.approx((-11.0, -9.0))
    assert qualifier_interval(-10.0, Q.NEARLY) == pytest.approx((-10.0, -9.0))
    assert qualifier_interval(-5.0, Q.MORE_THAN) == (-5.0, None)
    assert qualifier_interval(-5.0, Q.AT_MOST) == (None, -5.0)


def test_zero() -> None:
    assert qualifier_interval(0.0, Q.APPROX) == (0.0, 0.0)


@given(
    st.floats(min_value=-1e12, max_value=1e12, allow_nan=False),
    st.sampled_from(list(Qualifier)),
    st.one_of(st.none(), st.floats(min_value=-1e12, max_value=1e12, allow_nan=False)),
    st.one_of(st.none(), st.floats(min_value=-1e12, max_value=1e12, allow_nan=False)),
)
def test_interval_contains_the_value(
    value: float, qualifier: Qualifier, low: float | None, high: float | None
) -> None:
    lo, hi = qualifier_interval(value, qualifier, low, high)
    assert lo is None or lo <= value
    assert hi is None or value <= hi
    assert lo is None or hi is None or lo <= hi

"""Issue 19's classes, each on short sentences of our own: units and their spellings,
country currencies, data sizes, direction of change (levels and baselines null),
lakh/crore, numbers that name things, passed/over/topped lower bounds and a bare "one".
Every row asserts text, value, interval, unit and change."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.core.figures.extract import extract_figures
from claims.core.figures.numbers import parse_digits, scale_of

Row = tuple[str, float, float | None, float | None, str | None, str | None]


def rows(text: str) -> list[Row]:
    return [(f.text, f.value, f.low, f.high, f.unit, f.change) for f in extract_figures(text)]


CASES: list[tuple[str, list[Row]]] = [
    # units and their spellings, spaced symbols and codes
    ("Inflation hit 27 % in March.", [("27 %", 27, 27, 27, "percent", None)]),
    ("The fee is $ 75 a month.", [("$ 75", 75, 75, 75, "dollar per month", None)]),
    ("The bill came to USD 40 and 115USD.",
     [("USD 40", 40, 40, 40, "dollar", None), ("115USD", 115, 115, 115, "dollar", None)]),
    ("Tickets cost 15 € each.", [("15 €", 15, 15, 15, "euro", None)]),
    ("The spread widened by 3 percentage points.",
     [("3", 3, 3, 3, "percentage point", "up")]),
    ("It was 98.6 degrees F at noon and 6 deg C at night.",
     [("98.6", 98.6, 98.6, 98.6, "degree Fahrenheit", None),
      ("6", 6, 6, 6, "degree Celsius", None)]),
    ("The kettle hit 100° Celsius; the pond froze at -3°C.",
     [("100°", 100, 100, 100, "degree Celsius", None),
      ("-3°C", -3, -3, -3, "degree Celsius", None)]),
    ("The room was 21 celcius, the oven 400 farenheit.",
     [("21", 21, 21, 21, "degree Celsius", None),
      ("400", 400, 400, 400, "degree Fahrenheit", None)]),
    ("The pipe is 40 kilometers long and 3 feet wide.",
     [("40", 40, 40, 40, "kilometre", None), ("3", 3, 3, 3, "foot", None)]),
    # country currencies
    ("The club raised 4.2 million New Zealand dollars.",
     [("4.2 million", 4.2e6, 4.2e6, 4.2e6, "New Zealand dollar", None)]),
    ("The mine sold for A$300 million, or C$ 280 million.",
     [("A$300 million", 3e8, 3e8, 3e8, "Australian dollar", None),
      ("C$ 280 million", 2.8e8, 2.8e8, 2.8e8, "Canadian dollar", None)]),
    ("The fine was 10,000 Swiss francs, about $11,000.",
     [("10,000", 1e4, 1e4, 1e4, "Swiss franc", None),
      ("about $11,000", 11000, 9900, 12100, "dollar", None)]),
    ("She was paid 500 US dollars and 20 Turkish lira.",
     [("500", 500, 500, 500, "dollar", None), ("20", 20, 20, 20, "lira", None)]),
    ("The ferry ticket was 4 dollars 75 cents.",
     [("4 dollars 75 cents", 4.75, 4.75, 4.75, "dollar", None)]),
    # data sizes
    ("The phone ships with 512GB of storage and a 2 TB card slot.",
     [("512GB", 512, 512, 512, "gigabyte", None), ("2", 2, 2, 2, "terabyte", None)]),
    ("Broadband speeds reached 900 Mbps.", [("900", 900, 900, 900, "megabit per second", None)]),
    # direction of change, levels and baselines
    ("Consumer prices rose 0.4% in May.", [("0.4%", 0.4, 0.4, 0.4, "percent", "up")]),
    ("Exports fell 7% to 410,000 tonnes, down from 441,000.",
     [("7%", 7, 7, 7, "percent", "down"), ("410,000", 410000, 410000, 410000, "tonne", None),
      ("441,000", 441000, 441000, 441000, "tonne", None)]),
    ("Sales rose from 10 to 12 units.",
     [("10", 10, 10, 10, "unit", None), ("12", 12, 12, 12, "unit", None)]),
    ("The bank announced a 25-basis-point cut.",
     [("25", 25, 25, 25, "basis point", "down")]),
    ("Fares were 3% higher than a year ago, an increase of 2 pence.",
     [("3%", 3, 3, 3, "percent", "up"), ("2", 2, 2, 2, "penny", "up")]),
    ("The army lost 96 drones; the index lost 2%.",
     [("96", 96, 96, 96, "drone", None), ("2%", 2, 2, 2, "percent", "down")]),
    ("Gunners shot down more than ten drones.",
     [("more than ten", 10, 10, None, "drone", None)]),
    ("The mill cut 500 jobs and cut costs by 20%.",
     [("500", 500, 500, 500, "job", None), ("20%", 20, 20, 20, "percent", "down")]),
    ("Unemployment was down 12 on the year.", [("12", 12, 12, 12, None, "down")]),
    # lakh and crore
    ("The state unveiled a 2.5 lakh crore rupee package.",
     [("2.5 lakh crore", 2.5e12, 2.5e12, 2.5e12, "rupee", None)]),
    ("It approved a Rs 4,500-crore plan for 3 lakh homes.",
     [("Rs 4,500-crore", 4.5e10, 4.5e10, 4.5e10, "rupee", None),
      ("3 lakh", 3e5, 3e5, 3e5, "home", None)]),
    ("The loan was 12,34,567 rupees.",
     [("12,34,567", 1234567, 1234567, 1234567, "rupee", None)]),
    # numbers that name things
    ("40 homes flooded in district 17.", [("40", 40, 40, 40, "home", None)]),
    ("Smoke filled Floor 12 of Tower 3 as Flight 370 was searched for.", []),
    ("Section 230 shields the sites, said officials in Ward 9.", []),
    ("Crowds gathered at 10 Downing Street as 300 protesters marched.",
     [("300", 300, 300, 300, "protester", None)]),
    # lower bounds in all their forms
    ("The toll passed 4,000 on Monday and climbed past 5,000 by Friday.",
     [("passed 4,000", 4000, 4000, None, None, None),
      ("past 5,000", 5000, 5000, None, None, None)]),
    ("Sales topped $5 billion; users surpassed 2 million and could top 3 million.",
     [("topped $5 billion", 5e9, 5e9, None, "dollar", None),
      ("surpassed 2 million", 2e6, 2e6, None, None, None),
      ("top 3 million", 3e6, 3e6, None, None, None)]),
    ("Over the past 10 years, over 5,000 homes were built.",
     [("10", 10, 10, 10, "year", None), ("over 5,000", 5000, 5000, None, "home", None)]),
    # a bare "one" that counts
    ("At least 18 died in Alden County, 9 in Brook County, 7 in Carver County and one in "
     "Dale County.",
     [("At least 18", 18, 18, None, None, None), ("9", 9, 9, 9, None, None),
      ("7", 7, 7, 7, None, None), ("one", 1, 1, 1, None, None)]),
    ("Blast injures one", [("one", 1, 1, 1, None, None)]),
    ("One of the guards saw no one; one day they helped one another.", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_issue_19_classes(text: str, expected: list[Row]) -> None:
    got = rows(text)
    assert len(got) == len(expected), got
    for g, e in zip(got, expected, strict=True):
        assert g[0] == e[0] and g[4:] == e[4:], (g, e)
        for a, b in zip(g[1:4], e[1:4], strict=True):
            assert (a is None and b is None) or a == pytest.approx(b), (g, e)


@given(
    st.integers(min_value=1, max_value=99),
    st.lists(st.integers(min_value=0, max_value=99), min_size=1, max_size=3),
    st.integers(min_value=0, max_value=999),
)
def test_indian_grouping_reads_as_the_plain_number(head: int, pairs: list[int], tail: int) -> None:
    """'12,34,567' (two-digit groups, then three) is the number the digits spell."""
    raw = f"{head}," + ",".join(f"{p:02d}" for p in pairs) + f",{tail:03d}"
    expected = float(str(head) + "".join(f"{p:02d}" for p in pairs) + f"{tail:03d}")
    assert parse_digits(raw) == expected
    got = extract_figures(f"The fund held {raw} rupees.")
    assert [(f.text, f.value, f.unit) for f in got] == [(raw, expected, "rupee")]


@given(st.integers(min_value=1, max_value=9999), st.sampled_from(
    [("lakh", 1e5), ("crore", 1e7), ("lakh crore", 1e12), ("thousand crore", 1e10),
     ("million", 1e6), ("billion", 1e9)]))
def test_scale_words_multiply(n: int, scale: tuple[str, float]) -> None:
    word, mult = scale
    assert scale_of(f" {word}") == mult
    assert scale_of(f"-{word.replace(' ', '-')}") == mult
    got = extract_figures(f"The plan costs Rs {n} {word}.")
    assert [(f.value, f.unit) for f in got] == [(pytest.approx(n * mult), "rupee")]

"""Rules added for news the dev set never covered (held-out set, docs/figures.md).

Each case is one general written form, asserted exactly as (text, value, qualifier, unit).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.core.figures.durations import compound_durations
from claims.core.figures.extract import extract_figures

Row = tuple[str, float, str, str | None]


def rows(text: str) -> list[Row]:
    return [(f.text, round(f.value, 4), f.qualifier.value, f.unit) for f in extract_figures(text)]


QUALIFIERS = [
    ("The candidates were within two points of each other.",
     [("within two", 2, "at_most", "point")]),
    ("Repairs are due within 48 hours.", [("within 48", 48, "at_most", "hour")]),
    ("Hailstones as large as 5 inches fell.", [("as large as 5", 5, "at_most", "inch")]),
    ("Fees could be as little as 2%.", [("as little as 2%", 2, "at_least", "percent")]),
    ("Its value topped $3trn.", [("topped $3trn", 3e12, "more_than", "dollar")]),
    ("Losses exceeded €40m.", [("exceeded €40m", 4e7, "more_than", "euro")]),
    ("The jury sat for 10 hours or so.", [("10 hours or so", 10, "approx", "hour")]),
    ("Crowds of 50 people or more are banned.",
     [("50 people or more", 50, "at_least", "person")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), QUALIFIERS)
def test_new_qualifiers(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


def test_within_a_place_is_a_preposition() -> None:
    assert rows("Shells fell within three districts.") == [("three", 3, "exact", "district")]


NOT_FIGURES = [
    "Turnout was up from the first round two weeks ago.",
    "The deal was agreed three years earlier.",
    "Anyone with information should call 101.",
    "Dial 999 in an emergency.",
    "The top 10 banks were tested.",
    "She secured a top-five finish.",
    "The road is shut between junctions 10 and 11.",
    "A Boeing 737 Max 9 was grounded.",
    "The Fortune 500 company said so.",
    "Play resumed on day two.",
    "The final reached round three.",
    "India were 245 for six at tea.",
    "City's 2-1 win lifted them.",
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_new_traps(text: str) -> None:
    assert extract_figures(text) == ()


def test_trap_guards_keep_counts() -> None:
    assert rows("At this stage three people were hurt.") == [("three", 3, "exact", "person")]
    assert rows("The top 1% of earners paid 28% of tax.") == [
        ("1%", 1, "exact", "percent"),
        ("28%", 28, "exact", "percent"),
    ]
    assert rows("He raised 300 for two charities.") == [
        ("300", 300, "exact", None),
        ("two", 2, "exact", "charity"),
    ]


METRES_OR_MILLIONS = [
    ("Lyles won the 100m final.", [("100m", 100, "exact", "metre")]),
    ("The ring sits 100m underground.", [("100m", 100, "exact", "metre")]),
    ("A 10m-high wall was built.", [("10m", 10, "exact", "metre")]),
    ("She won the women's 400m.", [("400m", 400, "exact", "metre")]),
    ("The club paid £100m.", [("£100m", 1e8, "exact", "pound")]),
    ("The quake left 1.5m homeless.", [("1.5m", 1.5e6, "exact", None)]),
    ("It carried 12.5m passengers.", [("12.5m", 1.25e7, "exact", "passenger")]),
    ("She cleared 2.10 metres, while her rival managed 2.04m.",
     [("2.10", 2.1, "exact", "metre"), ("2.04m", 2.04, "exact", "metre")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), METRES_OR_MILLIONS)
def test_m_is_metres_in_a_race_or_measure(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


FORMS = [
    ("Each dose costs 99c.", [("99c", 99, "exact", "cent")]),
    ("Trains run at 360km/h.", [("360km/h", 360, "exact", "kilometre per hour")]),
    ("Inflation was 5.5pc.", [("5.5pc", 5.5, "exact", "percent")]),
    ("It was fined US$5.5-billion.", [("US$5.5-billion", 5.5e9, "exact", "dollar")]),
    ("Homicides fell by a third last year.", [("a third", 33.3333, "exact", "percent")]),
    ("It aims to cut landfill use by half by 2030.", [("half", 50, "exact", "percent")]),
    ("He was jailed for six and a half years.",
     [("six and a half", 6.5, "exact", "year")]),
    ("Prices rose 2½ times and ¾ of voters agreed.",
     [("2½", 2.5, "exact", "time"), ("¾", 75, "exact", "percent")]),
    ("Profits rose five-fold and sales tenfold.",
     [("five-fold", 5, "exact", "time"), ("tenfold", 10, "exact", "time")]),
    ("Djokovic needed 4 hours 12 minutes.", [("4 hours 12 minutes", 4.2, "exact", "hour")]),
    ("She ran 2 hours, 9 minutes and 36 seconds.",
     [("2 hours, 9 minutes and 36 seconds", 2.16, "exact", "hour")]),
    ("He got 18 months and 200 hours of unpaid work.",
     [("18", 18, "exact", "month"), ("200", 200, "exact", "hour")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), FORMS)
def test_new_written_forms(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


UNITS = [
    ("EPS was $2.30 a share.", [("$2.30", 2.3, "exact", "dollar per share")]),
    ("It lost ₹945 crore a year ago.", [("₹945 crore", 9.45e9, "exact", "rupee")]),
    ("It made a 50-basis-point cut.", [("50", 50, "exact", "basis point")]),
    ("A man aged 34 was held.", [("34", 34, "exact", "year")]),
    ("A magnitude 7.8 quake hit.", [("7.8", 7.8, "exact", "magnitude")]),
    ("A crowd of 74,310 watched England's win.", [("74,310", 74310, "exact", "person")]),
    ("There are 8.7 million species.", [("8.7 million", 8.7e6, "exact", "species")]),
    ("Output was 300,000 bpd.", [("300,000", 3e5, "exact", "barrel per day")]),
    ("Gold hit $2,450 an ounce.", [("$2,450", 2450, "exact", "dollar per ounce")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), UNITS)
def test_new_units(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


_PARTS = st.tuples(st.integers(1, 23), st.integers(1, 59), st.integers(0, 59))


@given(_PARTS)
def test_compound_duration_is_one_figure_in_its_largest_unit(p: tuple[int, int, int]) -> None:
    h, m, s = p
    text = f"The stage took {h} hours {m} minutes and {s} seconds."
    found = list(compound_durations(text))
    assert len(found) == 1
    start, end, value, unit = found[0]
    assert text[start:end] == f"{h} hours {m} minutes and {s} seconds"
    assert unit == "hour"
    assert value == pytest.approx(h + m / 60 + s / 3600)


@given(st.integers(60, 10_000))
def test_a_part_too_big_for_the_one_before_splits_the_duration(n: int) -> None:
    assert list(compound_durations(f"3 hours {n} minutes")) == []


LATER = [
    ("The index gained 1.1% to 5,432.1.",
     [("1.1%", 1.1, "exact", "percent"), ("5,432.1", 5432.1, "exact", None)]),
    ("Vodafone and Three will merge.", []),
    ("Storm Kills Three People", [("Three", 3, "exact", "person")]),
    ("A 500g loaf; he was 5ft 9in.",
     [("500g", 500, "exact", "gram"), ("5ft", 5, "exact", "foot"), ("9in", 9, "exact", "inch")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), LATER)
def test_changes_names_and_small_measures(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected

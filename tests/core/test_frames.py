"""Frames, periods and places on short invented texts; and the cost of relation
inference, which must grow with the number of figures, not with its square."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claims.core.reconcile.fit as fit
from claims.core import places
from claims.core.model import Claim, Figure, Qualifier
from claims.core.reconcile.frames import frame_claims
from claims.core.reconcile.periods import (
    disjoint,
    mentions,
    parse_period,
    period_near,
    same_period,
    within,
)
from claims.core.reconcile.relations import infer_relations


def frames_of(text: str, figures: list[str], published: str | None = "2025-03-20",
              source: str | None = None) -> list[dict[str, str | None]]:
    figs, cursor = [], 0
    for word in figures:
        at = text.index(word, cursor)
        cursor = at + len(word)
        figs.append(Figure(word, at, at + len(word), 1.0, 1.0, 1.0, Qualifier.EXACT, "person"))
    (claim,) = frame_claims([Claim(text, 0, len(text), source, None, tuple(figs))], published)
    return [{"role": f.frame.role, "actor": f.frame.actor, "period": f.frame.period,
             "place": f.frame.place, "event": f.frame.event}
            for f in claim.figures if f.frame is not None]


# -- places ----------------------------------------------------------------------------


def test_the_gazetteer_knows_countries_states_capitals_and_demonyms() -> None:
    assert places.country_of("Kyiv") == "Ukraine"
    assert places.contains("United States", "Ohio")
    assert places.contains("the U.S.", "Florida")  # a state before a Puerto Rican town
    assert not places.contains("Ohio", "United States")
    assert not places.contains("Ukraine", "Ukraine")
    assert places.demonym("Ukrainian") == "Ukraine"
    assert places.demonym("Russians") == "Russia"
    assert places.demonym("American") == "United States"  # the most populous first
    assert places.kind_of("Georgia") == "country"
    assert places.level("Texas") == 2 and places.level("Paris") == 1
    assert not places.is_place("Millbrook")  # invented: the text's words must say
    assert places.country_of("Millbrook") is None


# -- periods -----------------------------------------------------------------------------


@pytest.mark.parametrize(("words", "published", "label"), [
    ("overnight", "2024-11-26", "2024-11-26"),
    ("overnight into Thursday", "2026-10-31", "2026-10-29"),
    ("on Monday", "2025-03-20", "2025-03-17"),
    ("in November", "2024-11-26", "2024-11-01/2024-11-26"),
    ("in November", "2025-03-20", "2024-11"),
    ("last year", "2025-03-20", "2024"),
    ("this year", "2025-03-20", "2025-01-01/2025-03-20"),
    ("since January", "2025-03-20", "2025-01-01/2025-03-20"),
    ("since 3 March", "2025-03-20", "2025-03-03/2025-03-20"),
    ("since the start of the month", "2025-03-20", "2025-03-01/2025-03-20"),
    ("over the past week", "2025-03-20", "2025-03-13/2025-03-20"),
    ("in 2019", None, "2019"),
    ("on March 3, 2016", None, "2016-03-03"),
    ("last year", None, "last year"),
    ("since 3 March", None, "since 3 march"),
])
def test_period_words_are_normalised(words: str, published: str | None, label: str) -> None:
    found = mentions(f"Police made 52 arrests {words}.", published)
    assert [m.period.label for m in found] == [label]


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)))
def test_every_resolved_label_parses_back_to_its_period(day: date) -> None:
    for words in ("overnight", "last year", "this year", "since January", "in March",
                  "over the past week", "last week", "this month", "since 3 March"):
        (m,) = mentions(f"It fell {words}.", day.isoformat())
        back = parse_period(m.period.label)
        assert (back.start, back.end) == (m.period.start, m.period.end)


def test_nested_disjoint_and_unknown_periods() -> None:
    since_day, month, year = (parse_period(x) for x in
                              ("since 3 march", "this month", "since january"))
    assert within(since_day, year) and within(month, year) and not within(year, month)
    assert not within(since_day, month) and not within(month, since_day)  # which month?
    assert disjoint(parse_period("this year"), parse_period("last year"))
    assert same_period(parse_period("2024-11"), parse_period("2024-11-01/2024-11-30"))
    assert same_period(parse_period("monday"), parse_period("past week")) is False
    assert same_period(parse_period("this month"), parse_period("october")) is None


def test_the_time_of_a_statement_is_not_the_period_of_its_figure() -> None:
    text = "The council said on Sunday that 27 people had died in the town."
    at = text.index("27")
    assert period_near(text, at, at + 2, "2025-03-20") is None
    text = "Floods that struck on Friday have killed 31 people, the agency said."
    at = text.index("31")
    assert period_near(text, at, at + 2, "2025-03-20") is None
    text = "Officers arrested 85 people in the past week, the force said on Monday."
    at = text.index("85")
    found = period_near(text, at, at + 2, "2025-03-20")
    assert found is not None and found.words == "in the past week"


# -- frames ------------------------------------------------------------------------------


def test_roles_actors_places_and_periods_are_read_from_the_clause() -> None:
    assert frames_of("Russia launched 90 drones at Kyiv overnight, and air defences shot "
                     "down 81 over the capital.", ["90", "81"], "2025-03-20") == [
        {"role": "launched", "actor": "Russia", "period": "2025-03-20",
         "place": "Kyiv, Ukraine", "event": None},
        {"role": "downed", "actor": None, "period": None, "place": "the capital",
         "event": None},
    ]
    (toll,) = frames_of("Floods have killed 12 people in the Ukrainian city of Dnipro.",
                        ["12"])
    assert toll == {"role": "killed", "actor": None, "period": None,
                    "place": "Dnipro, Ukraine", "event": "flood"}
    (share,) = frames_of("In the Redfield poll, Marsh was supported by 46 percent.", ["46"])
    assert (share["actor"], share["role"], share["event"]) == ("Marsh", "support",
                                                               "redfield poll")


def test_a_claim_without_place_or_event_takes_the_leads() -> None:
    text = "Floods have killed 40 people in Upper Varn, the agency said."
    figs = [Figure("40", text.index("40"), text.index("40") + 2, 40, 40, 40,
                   Qualifier.EXACT, "person")]
    second = "The agency said 18 people were still missing."
    start = len(text) + 1
    figs2 = [Figure("18", start + second.index("18"), start + second.index("18") + 2, 18, 18,
                    18, Qualifier.EXACT, "person")]
    claims = frame_claims([Claim(text, 0, len(text), "Agency", None, tuple(figs), 0, 0),
                           Claim(second, start, start + len(second), "Agency", None,
                                 tuple(figs2), 1, 1)])
    frame = claims[1].figures[0].frame
    assert frame is not None
    assert (frame.event, frame.place, frame.role) == ("flood", "Upper Varn", "missing")
    assert dict(frame.words)["place"] == "(lead) in Upper Varn"


# -- cost --------------------------------------------------------------------------------


def _long_article(sentences: int) -> list[Claim]:
    claims, pos = [], 0
    towns = ("Alden", "Brook", "Carver", "Dale", "Evert")
    for i in range(sentences):
        text = (f"Storms killed {10 + i % 7} people in {towns[i % 5]} County and 3 people "
                f"were injured on day {i % 9}, officials said.")
        figs = []
        for word in (str(10 + i % 7), "3"):
            at = text.index(word)
            figs.append(Figure(word, pos + at, pos + at + len(word), float(word),
                               float(word), float(word), Qualifier.EXACT, "person"))
        claims.append(Claim(text, pos, pos + len(text), f"Source {i % 3}", "said",
                            tuple(figs), i, i))
        pos += len(text) + 1
    return claims


def test_inference_compares_a_bounded_number_of_pairs_per_figure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every frame comparison goes through `fit`; its count per figure must not grow with
    the article (an all-pairs rule would make it grow linearly)."""
    calls = {"n": 0}
    for name in ("one_quantity", "place_inside", "period_inside"):
        original = getattr(fit, name)

        def counted(*args: object, _f: object = original) -> object:
            calls["n"] += 1
            return _f(*args)  # type: ignore[operator]

        for module in ("claims.core.reconcile.relations", "claims.core.reconcile.fit"):
            monkeypatch.setattr(f"{module}.{name}", counted, raising=False)
    per_figure = []
    for n in (50, 400):
        calls["n"] = 0
        infer_relations(_long_article(n), "2025-03-20")
        per_figure.append(calls["n"] / (2 * n))
    assert per_figure[0] > 0  # the comparisons were counted
    assert per_figure[1] <= per_figure[0] * 1.5 + 1

"""The eighth speed round's pattern rewrites match exactly what the patterns they
replace match: the same spans and groups, on random text built from the words and
punctuation they read (with the characters `re.IGNORECASE` matches to ASCII letters).
"""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from claims.core.reconcile import context, placewords

# `placewords._PLACE_PHRASE` before its words were made possessive
_PLAIN_PLACE_PHRASE = re.compile(placewords._PLACE_PHRASE.pattern.replace(
    r"(?:(?:[a-z]++-?+[a-z]*+|[A-Z][a-z]++)\s+){0,2}?",
    r"(?:(?:[a-z]+-?[a-z]*|[A-Z][a-z]+)\s+){0,2}?"))
assert _PLAIN_PLACE_PHRASE.pattern != placewords._PLACE_PHRASE.pattern
# `context._FORECAST` before its first-letter look-ahead
_PLAIN_FORECAST = re.compile(
    r"\b(?:will|would|shall|expect\w*|forecast\w*|project\w*|foresee\w*|predict\w*|"
    r"plan|plans|planned|outlook|next\s+year|by\s+(?:19|20)\d\d)\b", re.I)

_PLACE_PIECES = ("in", "In", "across", "the", "The", "city", "region", "province", "of",
                 "Velmora", "Ann", "Roe's", "Lower", "Harran", "County", "north-east",
                 "rebel-held", "southern", "Estmark’s", "town", "-", " ", ",", ".", "x",
                 "oblast", "state", "whole", "near", "İn", "ſtate")
_FORECAST_PIECES = ("will", "Will", "would", "shall", "ſhall", "expected", "forecasts",
                    "projected", "plan", "plans", "planned", "outlook", "next", "year",
                    "by", "2030", "1999", "ahead", "bywill", "_will", "-", ".", " ", "S")


@given(st.lists(st.sampled_from(_PLACE_PIECES), max_size=14).map(" ".join)
       | st.lists(st.sampled_from(_PLACE_PIECES), max_size=14).map("".join))
@example("in the rebel-held north-east region of Lower Harran")
@example("across Estmark’s southern province of Velmora County")
def test_place_phrase_matches_what_the_plain_pattern_matches(text: str) -> None:
    def spans(p: re.Pattern[str]) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
        return [(m.span(), m.groups()) for m in p.finditer(text)]

    assert spans(placewords._PLACE_PHRASE) == spans(_PLAIN_PLACE_PHRASE)


@given(st.lists(st.sampled_from(_FORECAST_PIECES), max_size=12).map(" ".join)
       | st.lists(st.sampled_from(_FORECAST_PIECES), max_size=12).map("".join))
@example("ſhall it rise by 2030")
def test_forecast_matches_what_the_plain_pattern_matches(text: str) -> None:
    assert ([m.span() for m in context._FORECAST.finditer(text)]
            == [m.span() for m in _PLAIN_FORECAST.finditer(text)])
    low = text.lower()
    assert ([m.span() for m in context._FORECAST_LOW.finditer(low)]
            == [m.span() for m in re.compile(_PLAIN_FORECAST.pattern).finditer(low)])


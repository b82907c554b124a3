"""The eighth speed round's pattern rewrites match exactly what the patterns they
replace match: the same spans and groups, on random text built from the words and
punctuation they read (with the characters `re.IGNORECASE` matches to ASCII letters).
"""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from claims.core.reconcile import context, placewords, syntax

# `placewords._PLACE_PHRASE` before its words were made possessive
_PLAIN_PLACE_PHRASE = re.compile(placewords._PLACE_PHRASE.pattern.replace(
    r"(?:(?:[a-z]++-?+[a-z]*+|[A-Z][a-z]++)\s+){0,2}?",
    r"(?:(?:[a-z]+-?[a-z]*|[A-Z][a-z]+)\s+){0,2}?"))
assert _PLAIN_PLACE_PHRASE.pattern != placewords._PLACE_PHRASE.pattern
# `context.BLOCKER` before its look-ahead, `placewords._CLAUSE_START` before its
# space-first alternatives shared their spaces
_PLAIN_BLOCKER = re.compile(
    r"\b(?:from|than|compared|versus|vs|against|rose|fell|rise|fall|increase[sd]?|"
    r"decrease[sd]?|previous|earlier|ago|per|each|every|average|or|(?:19|20)\d\d)\b|[()]",
    re.I)
_PLAIN_CLAUSE_START = re.compile(r"(?=[;:,\s])(?:[;:]|,\s+(?:while|whereas|but|and)\s+"
                                 r"|\s+while\s+|\s+whereas\s+|\s+and\s+that\s+)")
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



_WORD_PIECES = ("from", "FROM", "than", "compared", "vs", "rose", "increased", "decreases",
                "previous", "ago", "per", "each", "or", "2019", "1999", "(", ")", "while",
                "whereas", "but", "and", "that", "remaining", "Rest", "remainder", "other",
                "of", "the", "which", "WHOM", "them", "those", "whİch", "thoſe", "ınto",
                ",", ";", ":", " ", "  ", "\t", "\n", "x", "40", "İ", "ſ")
_WORD_TEXT = (st.lists(st.sampled_from(_WORD_PIECES), max_size=14).map(" ".join)
              | st.lists(st.sampled_from(_WORD_PIECES), max_size=14).map("".join))


@given(_WORD_TEXT)
@example("rose from 40 (or so), while that and that ")
def test_blocker_and_clause_breaks_match_what_the_plain_patterns_match(text: str) -> None:
    for ours, plain in ((context.BLOCKER, _PLAIN_BLOCKER),
                        (placewords._CLAUSE_START, _PLAIN_CLAUSE_START)):
        assert [m.span() for m in ours.finditer(text)] == [
            m.span() for m in plain.finditer(text)]


@given(_WORD_TEXT)
@example("40 of whİch , ")
@example("of thoſe,")
@example("the remaining ")
@example("the rest of the ")
def test_syntax_gates_pass_every_match(before: str) -> None:
    """`Links.rule_of_ref` and `Links.rule_the_rest` search only where their gates let
    them: every match passes."""
    if syntax._OF_PRONOUN_BEFORE.search(before):
        assert syntax._ends_on_pronoun(before)
    if syntax._REST.search(before):
        tail = before.rstrip()
        assert len(tail) < len(before) and tail[-1:] in "gtreGTRE"

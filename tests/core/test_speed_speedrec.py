"""Fast paths of figure frames and relations equal the computations they replace.

Speed work on `reconcile` (frames, periods, places, relations) read some scans once per
claim instead of once per figure and put gates and caches in front of patterns. Each
test here holds one shortcut to its plain version, written out in the test, on random
text built from the words, digits and punctuation the patterns read (lookalike letters
and odd whitespace included), so the shortcuts can never change what `extract` returns.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from claims.core.figures.gates import any_in, folded
from claims.core.model import Frame
from claims.core.reconcile import context, fit, frames, periods, placewords, syntax
from claims.core.textkeys import letter_cases

_ODD = ["\t", "\n", "\xa0", "\u2028", "İ", "ı", "ſ", "\u212a", "é", "’", "'", "-", "_", "x"]


def _pieces(words: list[str], max_size: int = 24) -> st.SearchStrategy[str]:
    """Texts made of the given pieces, joined by nothing or by a space."""
    alphabet = st.sampled_from([*words, *_ODD, " ", "  ", ",", ".", ";", ":", "7", "1,240"])
    return (st.lists(alphabet, max_size=max_size).map("".join)
            | st.lists(alphabet, max_size=max_size).map(" ".join))


# ----------------------------------------------------------------------- clauses
_CLAUSE_TEXT = _pieces(["while", "whereas", "but", "and", "that", "and that", ", and ",
                        " while ", ", but ", "; ", ": ", "Riverton", "40 died", "in"])


def _plain_clause(text: str, start: int, end: int) -> tuple[int, int]:
    """`clause` as first written: a scan cut at the figure, a search after it."""
    lo = 0
    for m in placewords._CLAUSE_START.finditer(text, 0, start):
        lo = m.end()
    m2 = placewords._CLAUSE_START.search(text, end)
    return lo, (m2.start() if m2 else len(text))


@settings(max_examples=600, deadline=None)
@given(_CLAUSE_TEXT, st.integers(-2, 90), st.integers(0, 12))
@example(", and  x", 6, 0)
@example("a  while  b", 3, 1)
def test_clause_from_the_breaks_of_the_whole_text(text: str, start: int, width: int) -> None:
    end = start + width
    assert placewords.clause(text, start, end) == _plain_clause(text, start, end)
    assert placewords.clause_start(text, start) == _plain_clause(text, start, end)[0]


# ----------------------------------------------------------------------- periods
_PERIOD_TEXT = _pieces(["since", "the start of", "this", "last", "past", "previous", "year",
                        "month", "week", "overnight", "into", "Monday", "monday", "night",
                        "on", "in", "3", "March", "Sept.", "2024", "1999", "so far", "ago",
                        "a year earlier", "yesterday", "today", "24 hours", "the", "of"])


def _plain_mentions(text: str, published: str | None) -> tuple[periods.Mention, ...]:
    """`mentions` as first written: the case-blind pattern over the whole text, every
    phrase resolved afresh."""
    if not periods._HINT.search(text):
        return ()
    today = periods._day.__wrapped__(published)
    slices = periods._group_slices()
    out = []
    for m in periods._ANY.finditer(text):
        kind = m.lastgroup or ""
        a, b = slices[kind]
        groups = tuple(m.group(i) for i in range(a, b))
        out.append(periods.Mention(m.start(), m.end(), m.group(),
                                   periods._resolve.__wrapped__(kind, groups, m.group(), today)))
    return tuple(out)


@settings(max_examples=600, deadline=None)
@given(_PERIOD_TEXT, st.sampled_from([None, "2024-11-26", "2024-03-01T08:00", "bad"]))
@example("last  week and on 3 March", "2024-11-26")
@example("MONDAY or the ſince 2024", None)
def test_mentions_equal_the_pattern_over_the_whole_text(text: str, published: str | None
                                                          ) -> None:
    assert periods.mentions.__wrapped__(text, published) == _plain_mentions(text, published)
    assert periods.mentions(text, published) == _plain_mentions(text, published)


# ----------------------------------------------------------------------- fits
_AREA_TEXT = _pieces(["town", "towns", "city", "county", "region", "state", "states",
                      "nationwide", "itself", "alone", "across", "whole", "all", "the",
                      "Town", "REGION", "statewide", "Σtate", "regional", "x", "ab"])
_FRAMES = [None, Frame(place="Riverton", words=(("place", "(lead) in Riverton"),)),
           Frame(place="Lower Harran province"), Frame(place="Kyiv"),
           Frame(place="Riverton, Estmark", role="killed", period="2024"),
           Frame(place="the north", actor="Russia", words=(("event", "(lead) floods"),))]


@settings(max_examples=400, deadline=None)
@given(_AREA_TEXT, st.sampled_from(_FRAMES))
def test_fit_in_is_fit_of(window: str, frame: Frame | None) -> None:
    """The uncached fit (with its place parsed once per place) is the cached one."""
    area = fit.area_level(window)
    assert fit.fit_in(frame, area) == fit.fit_of.__wrapped__(frame, window)
    assert fit.fit_in(frame, area) == fit.fit_of(frame, window)


# ----------------------------------------------------------------------- word gates
_REF_TEXT = _pieces(["of", "Of", "OF", "which", "WHOM", "them", "those", "these", "the",
                     "runners", "including", "Includes", "among", "AMONG", "them,", ", of the",
                     "40", "ſ", "İ", "ı"])


@settings(max_examples=800, deadline=None)
@given(_REF_TEXT, _REF_TEXT)
@example("of the runners,\n", "")
@example("40 of THEM", "")
@example("of the runners ,\u2028 ", "")
def test_word_gates_of_the_syntax_rules_are_necessary(before: str, after: str) -> None:
    """Where a gate says no, its pattern finds nothing: the rule skips no figure the
    pattern would take."""
    low = folded(before + "40" + after)
    if syntax._OF_PRONOUN_AFTER.match(after) or syntax._OF_PRONOUN_BEFORE.search(before):
        assert any_in(low, syntax._PRONOUNS)
    if syntax._OF_THE_BEFORE.search(before):
        assert before.rstrip().endswith(",")
    if syntax._INCLUDING.search(before):
        assert any_in(low, syntax._INCLUDING_WORDS)



# ----------------------------------------------------------------------- lower-case scans
_CASE_TEXT = _pieces(["said", "SAID", "Says", "told", "reporters", "reported", "according to",
                      "in a statement", "at a briefing", "published", "that", "which", "Who",
                      "where", "when", "after", "as", "while", "will", "Would", "expected",
                      "forecasts", "plans", "next year", "by 2030", "BY 2024", "posted",
                      "claimed", "estimated", "overnight", "on Monday", "ſaid", "İ", "K"])
_LOW_PAIRS = [(periods._SPEECH, periods._SPEECH_LOW), (periods._SAID_WHEN, periods._SAID_WHEN_LOW),
              (periods._RELATIVE, periods._RELATIVE_LOW),
              (periods._IN_RELATIVE, periods._IN_RELATIVE_LOW),
              (context._FORECAST, context._FORECAST_LOW), (frames._SPEAKER, frames._SPEAKER_LOW)]


@settings(max_examples=600, deadline=None)
@given(_CASE_TEXT, st.integers(0, 200), st.integers(0, 200))
@example("Officials SAID on Monday", 0, 24)
@example("kIll ſaid", 0, 9)
def test_case_blind_patterns_equal_their_lower_case_runs(text: str, a: int, b: int) -> None:
    """Where `folded` gives the lower case, the pattern without (?i) on a slice of it
    finds what the case-blind pattern finds on that slice of the text."""
    low = folded(text)
    if low is None:
        return
    for blind, lower in _LOW_PAIRS:
        found, fast = blind.search(text[a:b]), lower.search(low[a:b])
        assert (found and found.span()) == (fast and fast.span())
    assert context.is_forecast(text) == bool(context._FORECAST.search(text))


def _plain_period_near(text: str, start: int, end: int, published: str | None
                       ) -> periods.Mention | None:
    """`period_near` as first written: the case-blind tests on slices of the text."""
    best: tuple[int, periods.Mention] | None = None
    for m in periods.mentions(text, published):
        if m.end <= start:
            between, dist = text[m.end : start], start - m.end
        elif m.start >= end:
            between, dist = text[end : m.start], m.start - end
        else:
            continue
        if dist > 90 or periods._SPEECH.search(between) or periods._CLAUSE_END.search(between):
            continue
        if periods._SAID_WHEN.search(text[max(0, m.start - 40) : m.start]):
            continue
        if m.start >= end and periods._RELATIVE.search(between) and not (
                periods._RELATIVE.search(text[max(0, start - 40) : start])):
            continue
        if m.end <= start and periods._IN_RELATIVE.search(text[max(0, m.start - 40) : m.start]):
            continue
        if best is None or dist < best[0]:
            best = (dist, m)
    return None if best is None else best[1]


@settings(max_examples=600, deadline=None)
@given(_CASE_TEXT | _PERIOD_TEXT, st.integers(0, 120), st.integers(0, 6))
@example("Floods that struck on Friday have killed 31", 40, 42)
@example("40 died, AND on Monday", 0, 2)  # "AND": no clause end (case-sensitive)
def test_period_near_equals_the_case_blind_tests(text: str, start: int, width: int) -> None:
    end = start + width
    assert periods.period_near(text, start, end, "2024-11-26") == _plain_period_near(
        text, start, end, "2024-11-26")


@settings(max_examples=400, deadline=None)
@given(_pieces(["ceiling", "Limit", "CAP", "capped", "targets", "aimed", "threshold",
                "quota", "maximum", "allowed", "legal", "of", "the", "40", "İ", "ſ"]))
def test_limit_words_gate_the_limit_patterns(text: str) -> None:
    if context._LIMIT_BEFORE.search(text) or context._LIMIT_AFTER.match(text):
        assert any_in(folded(text), context.LIMIT_WORDS)


# ----------------------------------------------------------------------- place phrases
def test_case_extras_are_every_letter_case_blind_letters_match() -> None:
    """`any_case` spells (?i) out: for each ASCII letter, the letters (?i) matches to it
    (up to the Letterlike Symbols block, where the Kelvin sign is) are its two cases and
    `CASE_EXTRAS`."""
    for letter in "abcdefghijklmnopqrstuvwxyz":
        blind = re.compile(f"(?i){letter}")
        matched = {chr(c) for c in range(0x2200) if blind.fullmatch(chr(c))}
        assert matched == set(letter_cases(letter)), letter


_OLD_LOCATIVE = r"(?i:in|across|throughout|over|around|near|at|along|inside|within|outside)"
_OLD_PLACE_PHRASE = re.compile(placewords._PLACE_PHRASE.pattern.replace(
    placewords._LOCATIVE, _OLD_LOCATIVE).replace(
    f"(?=[A-Z{placewords._FIRST}])", "(?=[A-Z]|(?i:[aintow]))"))
_OLD_LOC_BEFORE = re.compile(frames._LOC_BEFORE.pattern.replace(placewords._LOCATIVE,
                                                                 _OLD_LOCATIVE))
_PLACE_TEXT = _pieces(["in", "In", "IN", "İn", "ın", "across", "acroſs", "AT", "at", "the",
                       "Lower Harran", "Riverton", "Estmark's", "southern", "province", "of",
                       "County", "region", "whole", "north", "city", "inside", "within",
                       "outside", "Insıde", "near", "along", "to", "into", "Kyiv"])


@settings(max_examples=800, deadline=None)
@given(_PLACE_TEXT)
@example("İn Riverton and acroſs Lower Harran")
@example("in Estmark's southern province of Lower Harran")
def test_place_phrases_with_spelled_out_cases(text: str) -> None:
    assert "(?i:" not in placewords._PLACE_PHRASE.pattern.split("(?P<noun1>")[0]
    assert [(m.span(), m.groupdict()) for m in placewords._PLACE_PHRASE.finditer(text)] == [
        (m.span(), m.groupdict()) for m in _OLD_PLACE_PHRASE.finditer(text)]
    for cut in range(0, len(text) + 1, 3):
        found, old = frames._LOC_BEFORE.search(text[:cut]), _OLD_LOC_BEFORE.search(text[:cut])
        assert (found and found.span()) == (old and old.span())


_NAME_TEXT = _pieces(["Lower", "Harran", "Kyiv", "Kyiv’s", "Korvan's", "forces", "O'Neil",
                      "Smith-Jones", "x-Ray", "_Ab", "Ab1", "A", "AB", "Ünal", "said", "in"])
_OLD_CAP_RUN = re.compile(rf"(?<![\w’'-])({placewords._NAME})(?:['’]s)?")


@settings(max_examples=800, deadline=None)
@given(_NAME_TEXT, st.integers(0, 60), st.integers(0, 200))
@example("x-Ray and O'Neil met Lower Harran’s", 0, 200)
@example("Kyiv", 1, 4)
def test_capital_runs_open_on_a_character_set(text: str, lo: int, hi: int) -> None:
    assert [(m.span(), m.span(1)) for m in frames._CAP_RUN.finditer(text, lo, hi)] == [
        (m.span(), m.span(1)) for m in _OLD_CAP_RUN.finditer(text, lo, hi)]


@settings(max_examples=400, deadline=None)
@given(_pieces(["19", "20", "2024", "1999", "١٩٩٩", "2٠24", "x2024", "3", "in", "ab"]),
       st.integers(0, 60), st.integers(0, 60))
def test_years_open_on_19_or_20(text: str, start: int, width: int) -> None:
    """`prepare` skips `years_near` for a claim with neither "19" nor "20" in it."""
    if context.years_near(text, start, start + width):
        assert "19" in text or "20" in text

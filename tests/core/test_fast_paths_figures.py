"""Fast paths of the figure parser, frames and relations equal what they replace.

Speed work on figures and reconciliation swapped regex scans of whole claims for scans
from digits, gates and memos. Each test holds one shortcut to the plain computation,
written out here, on random text made of number-like pieces (currencies, signs, ranges,
durations, lookalike letters), so the shortcuts can never change what `extract` returns.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from claims.core.figures import digits, durations, forms, metric, more_forms, traps
from claims.core.figures.gates import (
    NUMBER_WORDS,
    any_from_digits,
    any_in,
    finditer_from_digits,
    finditer_near,
    folded,
)
from claims.core.reconcile import fit, frames, periods, placewords, syntax

_PIECES = [
    "12", "1,240", "4,745", "0.5", ".5", "$5", "$ 75", "US$3", "U.S. $ 4", "HK$ 10", "Rs. 40",
    "Rs 4,500-crore", "USD 40", "usd 3", "115USD", "-7", "−3", "- 20", "3-4", "20–25%",
    "5 to 10", "between 2 and 3", "4 hours 12 minutes", "2 hours, 9 minutes and 56 seconds",
    "3 in 10", "9 out of 10", "5 dollars 50 cents", "3 euros and 20", "7 3/4", "1/2", "G7",
    "A320", "F-16", "Covid-19", "٣", "١٢", "100m", "1.5bn", "2.5 lakh crore", "27 %", "98.6°F",
    "one", "someone", "ten", "a million", "six and a half", "five-fold", "ſ", "İ", "ı", "K",
    "in", "to", "and", "of", "the", "hours", "minutes", "days", "cents", "dollars", "h",
    ",", ".", "(", ")", "/", "-", " ", "  ", "\n", "\t", "\xa0", "’", "'", "x", "Mr",
]
_NUMBER_TEXT = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join) | st.lists(
    st.sampled_from(_PIECES), max_size=10).map(" ".join)


def _spans(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


def _no_number_word(text: str) -> bool:
    low = folded(text)
    return low is not None and not any_in(low, NUMBER_WORDS)


@settings(max_examples=500)
@given(_NUMBER_TEXT)
@example("US$ 3 and U.S. $ 4-5, Rs. 40")
@example("a-12 and x.5 and 3,000,000.25bn")
def test_digit_scans_find_what_finditer_finds(text: str) -> None:
    assert _spans(finditer_near(digits.DIGIT_RE, text, digits.DIGIT_REACH)) == _spans(
        digits.DIGIT_RE.finditer(text))
    assert _spans(finditer_from_digits(more_forms.SLASH_RE, text)) == _spans(
        more_forms.SLASH_RE.finditer(text))
    if _no_number_word(text):
        for pattern in (forms.RATIO_RE, durations.COMPOUND_RE, more_forms.MONEY_PAIR_RE):
            assert _spans(finditer_from_digits(pattern, text)) == _spans(pattern.finditer(text))


@settings(max_examples=300)
@given(_NUMBER_TEXT)
def test_dash_gate_never_hides_a_range(text: str) -> None:
    if forms.DASH_RE.search(text):
        assert forms._DASH_TAIL.search(text)


def test_digit_scans_start_from_a_later_position_as_re_does() -> None:
    # a lookbehind and \b see the characters before `pos`, as inside the string
    assert re.compile(r"\bx").search("ax", 1) is None
    assert re.compile(r"(?<!a)x").search("ax", 1) is None


@settings(max_examples=300)
@given(_NUMBER_TEXT)
def test_candidates_are_the_readers_run_in_order(text: str) -> None:
    """Every reader run on the whole text, in the order `candidates` gathers them."""
    expected = [
        *forms._range_candidates(text, None), *forms._ratio_candidates(text),
        *forms._fraction_candidates(text), *forms._vague_candidates(text),
        *forms._word_candidates(text), *forms._digit_candidates(text),
        *forms._single_unit_candidates(text), *more_forms.duration_candidates(text),
        *more_forms.and_a_half_candidates(text), *more_forms.vulgar_candidates(text),
        *more_forms.fold_candidates(text), *more_forms.slash_fraction_candidates(text),
        *more_forms.money_pair_candidates(text),
    ]
    assert forms.candidates(text) == expected


# ---------------------------------------------------------------------- traps
_TRAP_PIECES = [
    "Sept 13", "13 September", "Monday, 3", "2024-01-05", "5/11", "7 3/4", "2 a.m.", "8pm",
    "18.40 GMT", "18:40", "9 o'clock", "1800 GMT", "0800 211 450", "+44 20 7946", "(555) 123-4567",
    "555.123.4567", "Su-34", "G7", "A320", "FTSE 100", "S&P 500", "No. 5", "#3", "21st", "1990s",
    "'90s", "’90s", "2021–2029", "two weeks ago", "call 101", "top 10", "6 min read",
    "12 comments", "page 3", "10-year bond", "2.1.4", "10 Downing Street", "245 for six",
    "day two", "Article 5", "junctions 10 and 11", "Boeing 737 Max 9", "beat Arsenal 3-1",
    "3-1", "5-5 draw", "12", "1,240", "٣٤", "(", "'", "’", "x", "_", "a", " ", "  ", "\n",
    ",", ".", "-", "ſ", "İ",
]
_TRAP_TEXT = st.lists(st.sampled_from(_TRAP_PIECES), max_size=12).map("".join) | st.lists(
    st.sampled_from(_TRAP_PIECES), max_size=10).map(" ".join)


def _plain_trap_spans(text: str, windows: tuple[tuple[int, int], ...] | None) -> tuple[
        tuple[int, int], ...]:
    """`trap_spans` as first written: every form scanned over every stretch."""
    scan = windows if windows is not None else ((0, len(text)),)
    spans: list[tuple[int, int]] = []
    for lo, hi in scan:
        for pattern in traps.TRAP_PATTERNS:
            spans.extend(m.span() for m in pattern.finditer(text, lo, hi))
        for m in traps._DESIGNATED.finditer(text, lo, hi):
            word = m["w"].lower()
            if word in traps.DESIGNATORS or (word.endswith("s")
                                             and word[:-1] in traps.DESIGNATORS):
                spans.append(m.span())
        if "-" in text or "–" in text:
            for m in traps._SCORE.finditer(text, lo, hi):
                context = text[max(0, m.start() - 40) : m.end() + 25]
                if int(m["a"]) >= int(m["b"]) or traps._SPORT.search(context):
                    spans.append(m.span())
    return tuple(sorted(spans))


@settings(max_examples=600, deadline=None)
@given(_TRAP_TEXT | _NUMBER_TEXT, st.lists(st.tuples(st.integers(0, 120), st.integers(0, 8)),
                                           max_size=4))
@example("(555) 123-4567 and '90s", [])
@example("x(555) 123-4567", [(2, 3)])
def test_trap_spans_equal_every_form_over_every_stretch(
        text: str, spans: list[tuple[int, int]]) -> None:
    windows = traps.windows_around(text, [(s, s + n) for s, n in spans if s + n <= len(text)])
    assert traps.trap_spans(text) == _plain_trap_spans(text, None)
    assert traps.trap_spans(text, windows) == _plain_trap_spans(text, windows)


def test_digit_first_forms_are_the_ones_that_start_on_a_digit() -> None:
    """Each form in `_DIGIT_FIRST` opens on "\\b" or a lookbehind excluding word
    characters, then a digit (or "(" / an apostrophe right before one)."""
    for i in traps._DIGIT_FIRST:
        source = traps._TRAP_SOURCES[i]
        assert re.match(r"(?:\(\?i:)?(?:\\b|\(\?<!\\d\\s\)\\b|\(\?<!\[\\w,\.\]\)"
                        r"|\(\?=\[\\d'’\]\)\(\?:\\b)", source), source


# ------------------------------------------------------------ frames and fits
_WORDS_PIECES = [
    "in the town", "across", "whole", "entire", "itself", "alone", "region", "regional",
    "county", "nationwide", "Town", "TOWN", "towns", "countrywide", "x", "2", " ", "-", "\n",
    "since 3 March", "on Monday", "last year", "so far this month", "Sept. 4, 2024", "in 2023",
    "the past 24 hours", "yesterday", "overnight into Friday", "SINCE MAY", "ſince may",
    "İn 2020", "ıN", "K", "over the past week", "a year ago", "this week", "during June",
    "so far this month", "so far this year", "during the past 24 hours", "throughout 2024",
    "on 12 March, 2024", "on Sept. 4", "in the previous year", "years", "monthly", "the",
]
_WORDS_TEXT = st.lists(st.sampled_from(_WORDS_PIECES), max_size=12).map(" ".join) | st.text(
    max_size=30)


@settings(max_examples=400, deadline=None)
@given(_WORDS_TEXT)
def test_area_level_reads_the_words_the_token_scan_read(window: str) -> None:
    words = re.findall(r"[a-z]+", window.lower())
    levels = [fit.LEVELS[w] for w in words if w in fit.LEVELS]
    narrow = any(w in fit._NARROW for w in words)
    wide = any(w in fit._WIDE for w in words)
    expected = ((max(levels) if wide else min(levels)) if levels else None, narrow, wide)
    assert fit.area_level(window) == expected


@settings(max_examples=400, deadline=None)
@given(_WORDS_TEXT, st.sampled_from([None, "2026-03-01", "2024-12-31"]))
def test_period_mentions_equal_the_case_blind_scan(text: str, published: str | None) -> None:
    expected = []
    if periods._HINT.search(text):
        today = periods._day(published)
        for m in periods._ANY.finditer(text):
            kind = m.lastgroup or ""
            a, b = periods._group_slices()[kind]
            groups = tuple(m.group(i) for i in range(a, b))
            expected.append(periods.Mention(m.start(), m.end(), m.group(), periods._resolve(
                kind, groups, m.group(), today)))
    assert periods.mentions.__wrapped__(text, published) == tuple(expected)


@settings(max_examples=400, deadline=None)
@given(_NUMBER_TEXT)
@example("3 in 10")
@example("4 hours 12 minutes")
@example("5 dollars 50 cents")
def test_digit_run_gate_never_hides_a_ratio_duration_or_money_pair(text: str) -> None:
    if _no_number_word(text) and any(p.search(text) for p in forms._FROM_DIGIT_FORMS):
        assert any_from_digits(forms._ANY_FROM_DIGITS, text)


_PLACE_PIECES = [
    "floods", "Floods", "FLOODS", "Hurricane Matthew", "the Orrin regatta", "earthquake",
    "across the country", "Nationwide", "in the north", "throughout the REGION", "statewide",
    "in the city hall", "across the whole nation", "in Riverton", "ſtorm", "İn", "K", "attacks",
    "’s", "'s", ",", ".", " ", "x",
]
_PLACE_TEXT = st.lists(st.sampled_from(_PLACE_PIECES), max_size=12).map(" ".join) | st.text(
    max_size=30)


@settings(max_examples=400, deadline=None)
@given(_PLACE_TEXT)
def test_events_and_generic_places_equal_the_case_blind_scans(text: str) -> None:
    events = frames.events_in.__wrapped__(text)
    assert [(p, w) for p, _, w in events] == [
        (m.start(), w) for m, (_, _, w) in zip(frames._EVENT_WORD.finditer(text), events,
                                               strict=True)]
    generic = [(s, e, w) for s, e, p, w in placewords.places_in.__wrapped__(text)
               if p.startswith("the ") or p in ("nationwide", "statewide")]
    plain = [(m.start(), m.end(), m.group(0)) for m in placewords._GENERIC_PLACE.finditer(text)]
    assert all(g in generic for g in plain)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_WORDS_PIECES), max_size=10).map(" ".join))
@example("it rose so far this month")
@example("x during the past 24 hours")
def test_period_phrases_from_hints_equal_the_full_scan(text: str) -> None:
    low = text.lower()
    assert [m.span() for m in periods._phrases(low)] == [
        m.span() for m in periods._ANY_LOW.finditer(low)]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(".,;:!?“”\"()abc \n\t1'’")), max_size=90),
       st.integers(0, 95))
def test_clause_before_is_the_anchored_search(text: str, start: int) -> None:
    start = min(start, len(text))
    m = metric._BEFORE.search(text, max(0, start - 50), start)
    assert metric._clause_before(text, start) == (m.group(0) if m else "")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ,.1")), max_size=60), st.integers(0, 80))
def test_after_comma_is_the_split_prefix(text: str, end: int) -> None:
    assert syntax._after_comma(text, end) == text[:end].split(",")[-1][-25:]

"""The figure parser's later shortcuts give exactly what the plain computation gives.

Each test holds one shortcut (a gate before a pattern, a pattern rewritten so `re` scans
it faster, a search started later) to the plain pattern it stands for, written out here,
on random text built from the words, digits and punctuation the shortcut reads, with the
characters `re.IGNORECASE` matches to ASCII letters ("İ", "ı", "ſ", "K") among them.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from claims.core.figures import digits, extract, forms, gates, more_forms, numbers, traps
from claims.core.figures.durations import COMPOUND_RE

_ODD = ["İ", "ı", "ſ", "K", "\xa0", "\n", "\t", "’", "'", "_", "é"]
_PIECES = [
    "12", "1,240", "0.5", ".5", "3", "2024", "0800", "$", "$ ", "US$", "U.S. $ ", "HK$ ",
    "Rs", "Rs.", "rs ", "rſ", "USD", "usd ", "usd", "KWD", "the", "of", "killed", "Mrs",
    "-", "−", "–", "/", ":", ".", ",", "%", " %", "°", "C", "F", "c", "p", "km", "M", "k",
    " USD", " MUSD", " EUR million", "€", " €", "bn", " billion", "m", " ", "  ", "(", ")",
    "a", "an", "A", "AN", "day", "year", "per cent", "percentage point", "hour", "decade",
    "in", "out of", "hours", "h", "mins", "dollars", "euros", "cents", "and", "x",
    *_ODD,
]  # fmt: skip
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join) | st.lists(
    st.sampled_from(_PIECES), max_size=10).map(" ".join)


def _spans(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


# ------------------------------------------------------------------------ gates
_NEEDLE_PIECES = ["one", "on", "ten", "often", "half", "halves", "fold", "dozen", "thousands",
                  "hundred", "third", "x", " ", "ſ", "seventy", "sevent", "eighth", "doll",
                  "dollar", "usd", "eur", "rupe", "pou"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_NEEDLE_PIECES), max_size=8).map("".join))
def test_needle_scan_is_a_substring_test_per_needle(hay: str) -> None:
    rare = (*gates.FRACTION_WORDS, *gates.VAGUE_WORDS, "fold")
    for needles in (gates.NUMBER_WORDS, rare, (*gates.NUMBER_WORDS, *rare), more_forms.MONEY_WORDS):
        assert (gates.needle_scan(needles)(hay) is not None) == any(n in hay for n in needles)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*_NEEDLE_PIECES, *_PIECES]), max_size=10).map(" ".join))
def test_has_number_word_is_the_case_blind_search(text: str) -> None:
    plain = re.compile(numbers.alternation(gates.NUMBER_WORDS), re.IGNORECASE)
    assert gates.has_number_word(text, gates.folded(text)) == (plain.search(text) is not None)


# ------------------------------------------------------------------------ digits
_PLAIN_DIGIT_RE = re.compile(
    digits.NUMBER_START
    + r"(?P<sign>[-−](?=[\d$€£.]))?(?P<cur>" + digits.CURRENCY + r")?(?P<num>" + numbers.DIGITS
    + r")(?P<scale>" + numbers.SCALE_SUFFIX + r")?(?P<att>" + digits._ATTACHED + r")?"
    + digits.NUMBER_END,
    re.IGNORECASE,
)
"""`DIGIT_RE` without the lookahead in front of its attached unit."""


@settings(max_examples=800, deadline=None)
@given(_TEXT)
@example("US$ 3 and U.S. $ 4-5, Rs. 40, usd 3, Mrs 4, 27 %, 30 MUSD, 75 USD million")
@example("Rs 40, rſ 4, RS4, xrs 4, the 12, of 3, EUR12, 12 M")
@example("12 people, 1,500 km, 3k, 99c, 20 €, 115USD, 12 M")
def test_digit_matches_are_the_plain_digit_pattern(text: str) -> None:
    plain = _spans(_PLAIN_DIGIT_RE.finditer(text))
    assert _spans(digits.DIGIT_RE.finditer(text)) == plain
    assert _spans(digits.digit_matches(text)) == plain


@settings(max_examples=400, deadline=None)
@given(_TEXT)
@example("between 2 and 3 %, 20-25 USD, 5 to 10 €")
def test_ranges_read_as_the_plain_pattern(text: str) -> None:
    plain = re.compile(forms.DASH_RE.pattern.replace(digits._ATTACHED_OPENS, ""), re.IGNORECASE)
    assert _spans(forms.DASH_RE.finditer(text)) == _spans(plain.finditer(text))


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.integers(0, 40))
@example("minus 12", 6)
@example("MINUſ 12", 6)
@example("minus\n", 6)
def test_minus_gate_is_the_anchored_search(text: str, start: int) -> None:
    start = min(start, len(text))
    assert _spans([m for m in [forms._minus_before(text, start)] if m]) == _spans(
        [m for m in [forms._MINUS.search(text, max(0, start - 8), start)] if m])


@settings(max_examples=500, deadline=None)
@given(_TEXT)
@example("5 dollars 50 cents")
@example("4h 12m")
@example("4.5 hours 30 minutes")
@example("9 out of 10")
@example("3 İn 10")
def test_run_gate_never_hides_a_ratio_duration_or_money_pair(text: str) -> None:
    plain = gates.any_from_digits(forms._ANY_FROM_DIGITS, text)
    assert forms._any_from_digits(text) == plain
    if gates.has_number_word(text, gates.folded(text)):
        return
    for pattern in (forms.RATIO_RE, COMPOUND_RE, more_forms.MONEY_PAIR_RE):
        if pattern.search(text):
            assert plain


@settings(max_examples=400, deadline=None)
@given(_TEXT)
@example("a day, an hour, A YEAR, xa day, _a day, a per cent, a  percentage point, aa day")
def test_a_unit_scan_is_the_plain_pattern(text: str) -> None:
    assert _spans(forms._A_UNIT_FAST.finditer(text)) == _spans(forms.A_UNIT_RE.finditer(text))


# ------------------------------------------------------------------------ qualifiers
_QUAL_PIECES = [*extract.QUALIFIER_WORDS, "more", "than", "some", "c.", "etc.", "1.c.", "ABOUT",
                "abovE", "paſt", "wıthin", "Top", "of", "x", "(", "12", " ", "  ", "\n", "\t",
                "population of", "Crowd Of", "aged", "AGE", "magnitude", "magnitude-", "ſome"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_QUAL_PIECES), max_size=8).map(" ".join),
       st.sampled_from(["", " ", "  ", "\n", "-", "x"]))
@example("more than ", "")
@example("in excess of\n", "")
def test_qualifier_and_lookback_gates_are_the_anchored_searches(before: str, gap: str) -> None:
    text = before + gap + "12 people"
    start = len(before) + len(gap)
    got = extract._qualifier_before(text, start)
    plain = extract._QUAL_BEFORE.search(text, max(0, start - 40), start)
    assert (got and got.span()) == (plain and plain.span())
    window = text[max(0, start - 120) : start]
    if extract._POPULATION_OF.search(window):
        expected = "person"
    else:
        expected = next((u for p, u, _, _ in extract._LOOKBACK_UNITS if p.search(window)), None)
    if expected is not None:
        assert extract._hint_by_lookback(text, start).unit == expected


# ------------------------------------------------------------------------ traps
_TRAP_PIECES = [
    "Sept 13", "13 September", "13 ſep", "2024-01-05", "5/11", "2 a.m.", "8pm", "18.40 GMT",
    "18:40", "9 o'clock", "9o’clock", "1800 GMT", "1800hrs", "0800 211 450", "(555) 123-4567",
    "555.123.4567", "21st", "1990s", "'90s", "’90s", "2021–2029", "2021 / 22", "6 min read",
    "6MIN read", "12 comments", "12 Comments", "10-year bond", "2.1.4", "10 Downing Street",
    "10A Downing St", "245 for six", "12 people", "1,500", "40%", "12", "(", "'", "x", " ",
    "\n", ",", ".", "-", "/", ":", "ſ", "İ", "K", "am", "PM", "of", "for",
]  # fmt: skip
_TRAP_TEXT = st.lists(st.sampled_from(_TRAP_PIECES), max_size=12).map("".join) | st.lists(
    st.sampled_from(_TRAP_PIECES), max_size=10).map(" ".join)


def _digit_first_plain(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Each digit-first form's own `finditer` over the stretch."""
    spans: list[tuple[int, int]] = []
    for i in traps._DIGIT_FIRST:
        spans.extend(m.span() for m in traps.TRAP_PATTERNS[i].finditer(text, lo, hi))
    return sorted(spans)


@settings(max_examples=800, deadline=None)
@given(_TRAP_TEXT, st.integers(0, 30), st.integers(0, 200))
@example("(555) 123-4567 and '90s", 0, 200)
@example("at 9 o’clock, 8 pm, 1800hrs", 0, 200)
def test_digit_first_gate_keeps_every_form_match(text: str, lo: int, hi: int) -> None:
    lo, hi = min(lo, len(text)), min(max(lo, hi), len(text))
    spans: list[tuple[int, int]] = []
    traps._digit_first_spans(text, lo, hi, spans)
    assert sorted(spans) == _digit_first_plain(text, lo, hi)


# ------------------------------------------------------------------------ units, names, labels
_UNIT_PIECES = [
    "12", " ", "  ", "\n", "(", ")", "[", "-", "/", "km", "KM", "Km", "kg", "m", "M", "GB", "TB",
    "mph", "°", "%", "New Zealand", "new zealand", "NEW ZEALAND", "US", "u.s.", "Hong Kong",
    "dollars", "DOLLARS", "Dollar", "rupee", "euros", "ſ", "K", "ı", "İ", "x", "2", "$", "Floor",
    "of", "Tower", "the", "killed", "people", "Zone", "Area", "said", "B-52", "O'Neill", "’",
]  # fmt: skip
_UNIT_TEXT = st.lists(st.sampled_from(_UNIT_PIECES), max_size=10).map("".join) | st.lists(
    st.sampled_from(_UNIT_PIECES), max_size=10).map(" ".join)


@settings(max_examples=600, deadline=None)
@given(_UNIT_TEXT, st.integers(0, 40))
@example(" New Zealand dollars", 0)
@example(" (kg)", 0)
def test_unit_tries_match_as_the_flat_alternations(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    from claims.core.figures import money, units
    from claims.core.figures.measures import SYMBOL_FORMS

    flat_symbol = re.compile(
        rf"\s?(?P<o>[(\[{{<]\s?)?(?P<s>{numbers.alternation(SYMBOL_FORMS)})(?![\w²³$])"
        r"(?!/\d|-\d)(?(o)\s?[)\]}>])")
    flat_country = re.compile(
        rf"\s+(?P<c>{numbers.alternation(money.COUNTRY)})\s+"
        rf"(?P<u>{numbers.alternation(money.BARE)})(?![\w])", re.IGNORECASE)
    for fast, flat in ((units._SYMBOL_AT, flat_symbol), (units._COUNTRY_CURRENCY, flat_country)):
        assert _spans([m for m in [fast.match(text, pos)] if m]) == _spans(
            [m for m in [flat.match(text, pos)] if m])


@settings(max_examples=600, deadline=None)
@given(_UNIT_TEXT)
@example("people on Floor 12 of Tower 3")
@example("   12")
def test_name_gate_is_the_anchored_search(text: str) -> None:
    from claims.core.figures import names

    for m in re.finditer(r"\d+", text):
        start = m.start()
        prev = names._PREV.search(text, max(0, start - 40), start)
        capital = prev is not None and prev.group("w")[0].isupper()
        if not capital:  # the plain reading stops there: so must the gate
            assert names.names_a_thing(text, start, m.group()) is False


_LABEL_TEXT = st.lists(st.sampled_from(
    ["number", "of", "about", "some", "nearly", "almost", "total", "deficit", "a", "the", ",",
     "(", "rose", "lost", "x", "  ", "\n", "ſome", "İn", "Of", "OF", "sold", "homes", "12", "%",
     "é", "ROSE", "K"]), max_size=12).map(" ".join) | st.text(max_size=40)


@settings(max_examples=600, deadline=None)
@given(_LABEL_TEXT)
@example("a deficit of ")
@example("the number of about \n")
def test_noun_of_gate_is_the_search(before_text: str) -> None:
    from claims.core.figures import metric

    got, plain = metric._noun_of(before_text), metric._NOUN_OF.search(before_text)
    assert (got and (got.span(), got.group("n"))) == (plain and (plain.span(), plain.group("n")))


@settings(max_examples=600, deadline=None)
@given(_LABEL_TEXT)
@example("Prices ROSE by 12")
@example("İ rose")
def test_change_tokens_are_the_lowered_tokens(window: str) -> None:
    from claims.core.figures import change

    assert change._last_words(window) == [
        w.lower() for w in change._TOKENS.findall(window)[-9:]]

"""Cheap necessary conditions for the figure patterns, so most never scan a claim.

Every written form and every trap needs some literal to match: a digit or a number
word, "fold", "half", a month name, a colon. Testing for that literal with `in` costs a
fraction of running the pattern, and a claim without it cannot match, so skipping the
pattern changes nothing. Each gate here is derived from its pattern by reading it; the
golden test (`tests/core/test_extraction_golden.py`) checks that outputs stay the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from claims.core.figures.numbers import (
    FRACTIONS,
    ONES,
    SCALE_WORDS,
    TENS,
    VULGAR_FRACTIONS,
    alternation,
)
from claims.core.textkeys import folded, word_alternation

claim_folded = lru_cache(maxsize=1 << 12)(folded)
"""`folded`, memoised: the figure readers, the trap scan and the frames and relation
rules (`claims.core.reconcile`) each ask it of the same claim text."""


def any_in(haystack: str | None, needles: tuple[str, ...]) -> bool:
    """Whether some needle occurs in `haystack`; True when the haystack is unknown."""
    return haystack is None or any(map(haystack.__contains__, needles))


def needle_scan(needles: Iterable[str]) -> Callable[[str], re.Match[str] | None]:
    """A search whose match says some needle occurs in the haystack, as
    `any(map(hay.__contains__, needles))` does: the needles as one trie, tried letter by
    letter in a single pass (a substring test per needle passes over the text once each)."""
    return re.compile(word_alternation(frozenset(needles))).search


DIGIT = re.compile(r"\d")
NUMBER_WORDS = (*ONES, *TENS, *SCALE_WORDS)
_NUMBER_WORD = re.compile(alternation(NUMBER_WORDS), re.IGNORECASE)


def has_number(text: str, low: str | None) -> bool:
    """A digit or a number word (possibly inside a longer word): every form that reads
    a number ("12", "twelve", "a million", "2-3", "five-fold") needs one. `low` is
    `folded(text)`."""
    return DIGIT.search(text) is not None or has_number_word(text, low)


_NUMBER_WORD_LOW = needle_scan(NUMBER_WORDS)


def has_number_word(text: str, low: str | None) -> bool:
    """Whether a number word occurs in `text`, inside a longer word or not: `any_in(low,
    NUMBER_WORDS)` when `low` (`folded(text)`) is known, else the case-blind search."""
    if low is None:
        return _NUMBER_WORD.search(text) is not None
    return _NUMBER_WORD_LOW(low) is not None


FRACTION_WORDS = tuple(FRACTIONS)
VAGUE_WORDS = ("dozen", "hundreds", "thousands", "millions", "billions")
""""dozen" covers "a dozen" and "dozens"; "tens of thousands" holds "thousands"."""
VULGAR_CHARS = tuple(VULGAR_FRACTIONS)


def has_vulgar(text: str) -> bool:
    return any(map(text.__contains__, VULGAR_CHARS))


# -- traps (fig_traps._TRAP_SOURCES, in order) -------------------------------------------
# (needles, case-insensitive?): the pattern can match only if one needle is in the text
# (in its lower-case form for a case-insensitive pattern); () means always run.
_SMALL_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                "seventeen", "eighteen", "nineteen", "twenty")  # fmt: skip
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
TRAP_GATES: tuple[tuple[tuple[str, ...], bool], ...] = (
    (_SMALL_WORDS, True),  # day two, round three
    (("for",), False),  # 245 for six
    (_MONTHS, True),  # Sept 13, oct. 13
    (_MONTHS, True),  # 13 September, 1 may
    (("day",), False),  # Monday 3
    (("-",), False),  # 2024-01-05
    (("/",), False),  # 5/11
    (("m", "M"), False),  # 2 a.m., 8pm
    (("gmt", "utc", "bst", "cet", "est", "local"), True),  # 18.40 GMT
    ((":",), False),  # 18:40
    (("clock",), False),  # 9 o'clock
    (("GMT", "UTC", "hrs", "hours"), False),  # 1800 GMT
    (("0",), False),  # 0800 211 450
    (("+",), False),  # +44 20 …
    (("-", "."), False),  # (555) 123-4567
    (("-",), False),  # Su-34
    ((), False),  # G7
    ((), False),  # FTSE 100
    (("#", "No"), False),  # No. 5
    (("st", "nd", "rd", "th"), False),  # 21st
    (("s",), False),  # the 1990s
    (("-", "–", "—", "/"), False),  # 2021–2029
    (("ago", "earlier", "previously"), True),  # two weeks ago
    (("call", "dial", "ring", "text", "phon"), True),  # call 101
    (("top",), True),  # the top 10
    (("read",), True),  # 6 min read
    (("comment",), True),  # 12 comments
    (("page",), True),  # page 3
    (("-",), True),  # 10-year bond
    ((".",), False),  # 2.1.4
    (("St", "Rd", "Ave", "Blvd", "Lane", "Drive", "Place", "Square", "Terrace", "Crescent",
      "Close", "Way"), False),  # 123 Random Street
)


# Tighter gates for the trap forms that do not start on a digit (`traps._other_patterns`):
# a stretch every match holds, read off the pattern (the words, then the spaces and the
# digit or number word after them), searched once per claim. The needles above let a
# form run whenever its word occurs ("may", "market" for the dates, "day" for "Monday
# 3"); these only when the word stands before what the form needs after it. A pair
# (sequence, case-insensitive?): an insensitive form's sequence is searched in
# `folded(text)`, lower case, and the form runs whenever there is none.
_SMALL_SEQ = word_alternation(frozenset(_SMALL_WORDS))  # tries: see `needle_scan`
_DESIGNATION_WORDS = word_alternation(frozenset((
    "day", "round", "stage", "phase", "level", "game", "category", "grade", "division",
    "season", "series", "episode", "chapter", "part", "tier", "group", "week", "leg", "set",
    "heat", "race", "act", "lane", "gate", "platform")))  # form 0's words, as it lists them
_TIME_UNITS = word_alternation(frozenset(
    ("second", "minute", "hour", "day", "week", "month", "year", "decade")))
TRAP_SEQUENCES: dict[int, tuple[re.Pattern[str], bool]] = {
    0: (re.compile(rf"{_DESIGNATION_WORDS}\s+{_SMALL_SEQ}"), True),  # day two
    2: (re.compile(rf"{word_alternation(frozenset(_MONTHS))}[a-z]*\.?\s+\d"), True),  # Sept 13
    4: (re.compile(r"day,?\s+\d"), False),  # Monday 3
    13: (re.compile(r"\+\d"), False),  # +44 20 …
    15: (re.compile(r"-\d"), False),  # Su-34
    18: (re.compile(r"#\d|No\.?\s?\d"), False),  # No. 5
    22: (re.compile(rf"{_TIME_UNITS}s?\s+(?:ago|earlier|previously)"), True),  # 2 weeks ago
    23: (re.compile(r"(?:call|dial|ring|text|phon)[a-z]*\s+(?:us\s+)?(?:on\s+)?\d\d\d"),
         True),  # call 101
    24: (re.compile(r"top[\s-](?:\d|three|five|ten|twenty|fifty|hundred)"), True),  # top 10
    27: (re.compile(r"page\s+\d"), True),  # page 3
}


def trap_may_match(index: int, text: str, low: str | None) -> bool:
    """Whether trap pattern `index` can match anywhere in `text` (`low`: `folded(text)`)."""
    needles, insensitive = TRAP_GATES[index]
    if not needles:
        return True
    hay = low if insensitive else text
    return hay is None or any(map(hay.__contains__, needles))


# -- scans from digits ----------------------------------------------------------------------
# `re` tries a pattern that opens on a lookbehind, on `\b` or on letters under (?i) at
# every position of a text. When the text has a digit and no number word, a number
# pattern can only start at or just before a digit: these try it only there, and find
# the same matches `finditer` finds (`re` looks behind `pos` as it does inside a string,
# so a match tried from a later position is the same match).

# `\d+`, written to open on a character set: `re` searches for a pattern that opens on a
# set by skipping to it in C, and tries one opening on a repeat at every position.
_DIGIT_RUN = re.compile(r"\d\d*")


def finditer_near(
    pattern: re.Pattern[str], text: str, reach: int, anchor: re.Pattern[str] = DIGIT
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, for a pattern that never matches the empty string and
    whose every match holds an `anchor` match (a digit by default) starting at most
    `reach` characters after its own start.

    Before the first anchor at or after a position no match can start within more than
    `reach` characters (its anchor would lie earlier), so the search starts there, and
    no match is left after the last anchor.
    """
    pos = 0
    while (a := anchor.search(text, pos)) is not None:
        m = pattern.search(text, max(pos, a.start() - reach))
        if m is None:
            return
        yield m
        pos = m.end()


def finditer_from_digits(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, for a pattern that never matches the empty string and
    whose every match starts on a digit with no word character before it (`\b\\d`,
    `(?<![\\w.,])\\d`): such a start opens a run of digits, so only run starts are tried."""
    pos = 0
    for run in _DIGIT_RUN.finditer(text):
        start = run.start()
        if start < pos:
            continue  # inside the last match: the rest of its run follows a digit
        m = pattern.match(text, start)
        if m is not None:
            yield m
            pos = m.end()


def finditer_numbers(pattern: re.Pattern[str], text: str, words: bool) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern whose matches start on a number: tried only
    at runs of digits (`finditer_from_digits`) when `words` says the text holds no number
    word."""
    return pattern.finditer(text) if words else finditer_from_digits(pattern, text)


def any_from_digits(pattern: re.Pattern[str], text: str) -> bool:
    """Whether `pattern` matches at some run of digits with no word character before it:
    for a pattern whose matches start only there, whether `finditer` finds any."""
    for run in _DIGIT_RUN.finditer(text):
        start = run.start()
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            continue
        if pattern.match(text, start) is not None:
            return True
    return False


"""Less common written forms: "six and a half", "2½", "¾", "five-fold", "4 hours 12 minutes".

Each reads one form into a `Candidate`; `fig_forms.candidates` gathers them with the
common forms, and the figure parser keeps the longest overlapping span, so "six and a
half years" wins over the "six" inside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from claims.core.figures import money
from claims.core.figures.candidate import Candidate
from claims.core.figures.durations import compound_durations
from claims.core.figures.gates import finditer_from_digits, finditer_numbers
from claims.core.figures.measures import MEASURES
from claims.core.figures.numbers import (
    VULGAR_FRACTIONS,
    WORD_NUMBER,
    alternation,
    parse_word_number,
)

_I = re.IGNORECASE

AND_A_HALF_RE = re.compile(
    rf"\b(?=[\daefnostzAEFNOSTZ])(?P<n>{WORD_NUMBER}|\d+)\s+and\s+a\s+half\b", _I
)


def and_a_half_candidates(text: str) -> Iterator[Candidate]:
    """Half past a whole number ("six and a half years") is one quantity, not a six."""
    for m in AND_A_HALF_RE.finditer(text):
        raw = m.group("n")
        n = float(raw) if raw.isdigit() else parse_word_number(raw)
        if n is not None:
            yield Candidate(m.start(), m.end(), n + 0.5, "words")


_MEASURE_NEXT = re.compile(rf"\s?(?:{alternation(MEASURES)})\b", _I)
VULGAR_RE = re.compile(rf"(?<![\w.,])(?P<n>\d+)?(?P<f>[{''.join(VULGAR_FRACTIONS)}])(?!\d)")
FOLD_RE = re.compile(rf"\b(?P<n>{WORD_NUMBER}|\d+(?:\.\d+)?)[-\s]?fold\b", _I)


def vulgar_candidates(text: str) -> Iterator[Candidate]:
    """Typeset fractions: 2½ is 2.5; a lone ¾ ("¾ of voters") is a share, like "three-quarters"."""
    for m in VULGAR_RE.finditer(text):
        frac = VULGAR_FRACTIONS[m.group("f")]
        if m.group("n"):
            yield Candidate(m.start(), m.end(), float(m.group("n")) + frac, "digits")
        elif _MEASURE_NEXT.match(text, m.end()):  # "½ teaspoon": a fraction of the unit
            yield Candidate(m.start(), m.end(), frac, "digits")
        else:
            yield Candidate(m.start(), m.end(), 100 * frac, "fraction", unit="percent",
                            bare=False)  # fmt: skip


def fold_candidates(text: str) -> Iterator[Candidate]:
    """A multiplier ("five-fold", "tenfold") counts times, like "three times as many"."""
    for m in FOLD_RE.finditer(text):
        raw = m.group("n")
        n = float(raw) if raw[0].isdigit() else parse_word_number(raw)
        if n is not None:
            yield Candidate(m.start(), m.end(), n, "fold", unit="time", bare=False)


def duration_candidates(text: str, words: bool = True) -> Iterator[Candidate]:
    """`words`: whether the text may hold a number word (else durations start on digits)."""
    for start, end, value, unit in compound_durations(text, words):
        yield Candidate(start, end, value, "duration", unit=unit, bare=False)


SLASH_RE = re.compile(
    r"(?<![\w.,/])(?:(?P<w>\d{1,4})\s+)?(?P<n>\d{1,2})/(?P<d>\d{1,2})(?![\w/]|[.,]\d)"
)
_DENOMINATORS = frozenset((2, 3, 4, 5, 8, 10, 16, 32, 64))


def slash_fraction_candidates(text: str) -> Iterator[Candidate]:
    """Typed fractions: "7 3/4" is 7.75, "a 1/4 mile" a quarter (the date traps leave a
    slash pair alone after a whole number or before a unit)."""
    for m in finditer_from_digits(SLASH_RE, text):  # "(?<![\w.,/])" then a digit
        n, d = int(m.group("n")), int(m.group("d"))
        if d not in _DENOMINATORS or not 0 < n < d:
            continue
        whole = float(m.group("w")) if m.group("w") else 0.0
        start = m.start() if m.group("w") else m.start("n")
        yield Candidate(start, m.end(), whole + n / d, "digits")


MAJOR_WORDS = (*(w for w, u in money.BARE.items() if u not in ("cent", "penny")), *money.CODES)
"""The currency words a money pair's first number stands before."""
_MAJOR = alternation(MAJOR_WORDS)
MONEY_WORDS = tuple(
    {w.lower()[:4] for w, u in money.BARE.items() if u not in ("cent", "penny")}
    | {c.lower() for c in money.CODES}
)
"""Substrings one of which a money pair needs (a gate: most claims have none)."""
MONEY_PAIR_RE = re.compile(
    rf"\b(?=[\defnostz])(?P<a>\d+|{WORD_NUMBER})\s+(?P<cur>{_MAJOR})(?:\s+and)?\s+"
    rf"(?P<b>\d{{1,2}}|{WORD_NUMBER})"
    r"(?:\s+(?P<minor>cents?|pence|p)\b|(?=\s*(?:[.,;:!?)]|$)))",
    _I,
)


def money_pair_candidates(text: str, words: bool = True) -> Iterator[Candidate]:
    """Money in major and minor units is one sum: "4 dollars 75 cents" is 4.75 dollars,
    "fifteen dollars and fifty" 15.50; a second number that counts something else ("15
    dollars and 20 euros") is not part of it."""
    for m in finditer_numbers(MONEY_PAIR_RE, text, words):
        a, b = (float(x) if x.isdigit() else parse_word_number(x) for x in m.group("a", "b"))
        cur = m.group("cur")
        unit = money.CODES.get(cur) or money.BARE.get(cur.lower())
        if a is None or b is None or unit is None or not 0 < b < 100 or b != int(b):
            continue
        yield Candidate(m.start(), m.end(), a + b / 100, "money", unit=unit, bare=False)

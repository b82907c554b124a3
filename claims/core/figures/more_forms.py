"""Less common written forms: "six and a half", "2½", "¾", "five-fold", "4 hours 12 minutes".

Each reads one form into a `Candidate`; `fig_forms.candidates` gathers them with the
common forms, and the figure parser keeps the longest overlapping span, so "six and a
half years" wins over the "six" inside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from claims.core.figures.candidate import Candidate
from claims.core.figures.durations import compound_durations
from claims.core.figures.numbers import VULGAR_FRACTIONS, WORD_NUMBER, parse_word_number

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


VULGAR_RE = re.compile(rf"(?<![\w.,])(?P<n>\d+)?(?P<f>[{''.join(VULGAR_FRACTIONS)}])(?!\d)")
FOLD_RE = re.compile(rf"\b(?P<n>{WORD_NUMBER}|\d+(?:\.\d+)?)[-\s]?fold\b", _I)


def vulgar_candidates(text: str) -> Iterator[Candidate]:
    """Typeset fractions: 2½ is 2.5; a lone ¾ ("¾ of voters") is a share, like "three-quarters"."""
    for m in VULGAR_RE.finditer(text):
        frac = VULGAR_FRACTIONS[m.group("f")]
        if m.group("n"):
            yield Candidate(m.start(), m.end(), float(m.group("n")) + frac, "digits")
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


def duration_candidates(text: str) -> Iterator[Candidate]:
    for start, end, value, unit in compound_durations(text):
        yield Candidate(start, end, value, "duration", unit=unit, bare=False)

"""Compound durations: "4 hours 12 minutes", "2 hours, 9 minutes and 56 seconds".

A race time or a sitting written as several unit parts is one quantity, not three: read
apart, "4 hours 12 minutes" would give a stray 4 and 12 that match nothing a checker
compares. The whole span becomes one figure in its largest unit (4.2 hours), so it stays
comparable with "more than four hours" elsewhere in the story.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from claims.core.figures.gates import finditer_numbers
from claims.core.figures.numbers import WORD_NUMBER, parse_word_number
from claims.core.textkeys import fold

_SECONDS: dict[str, float] = {
    "year": 31_557_600.0, "month": 2_629_800.0, "week": 604_800.0, "day": 86_400.0,
    "hour": 3_600.0, "minute": 60.0, "second": 1.0,
}  # fmt: skip
_UNIT_WORDS: dict[str, str] = {
    "years": "year", "year": "year", "yrs": "year", "months": "month", "month": "month",
    "weeks": "week", "week": "week", "days": "day", "day": "day", "hours": "hour",
    "hour": "hour", "hrs": "hour", "hr": "hour", "h": "hour", "minutes": "minute",
    "minute": "minute", "mins": "minute", "min": "minute", "seconds": "second",
    "second": "second", "secs": "second", "sec": "second",
}  # fmt: skip
UNIT_NAMES = tuple(_UNIT_WORDS)
"""The unit words a compound duration's parts end on ("hours", "h", "mins")."""
_UNIT = "|".join(sorted(_UNIT_WORDS, key=len, reverse=True))
_NUM = rf"(?:\d+(?:\.\d+)?|{WORD_NUMBER})"
_PART = rf"(?P<n>{_NUM})\s?(?P<u>{_UNIT})\b"
_SEP = r"(?:,?\s+(?:and\s+)?)"
COMPOUND_RE = re.compile(
    rf"(?<![\w.,])(?=[\defnostz])(?:{_NUM})\s?(?:{_UNIT})\b(?:{_SEP}(?:{_NUM})\s?(?:{_UNIT})\b)+",
    re.IGNORECASE,
)
_PART_RE = re.compile(_PART, re.IGNORECASE)


def _number(raw: str) -> float | None:
    if raw[0].isdigit():
        return float(raw)
    return parse_word_number(raw)


def _fits(n: float, unit: str, larger: str) -> bool:
    """A later part is a remainder of the one before: under 60 and under one `larger`."""
    return n < 60 and n * _SECONDS[unit] < _SECONDS[larger]


def compound_durations(text: str, words: bool = True) -> Iterator[tuple[int, int, float, str]]:
    """(start, end, value, unit) of each duration written in two or more falling parts;
    `words` False says the text holds no number word, so a duration starts on a digit."""
    for m in finditer_numbers(COMPOUND_RE, text, words):
        parts: list[tuple[float, str]] = []
        for p in _PART_RE.finditer(m.group(0)):
            n = _number(p["n"])
            unit = _UNIT_WORDS[fold(p["u"])]
            # each later part is smaller than one of the part before ("4 hours 12
            # minutes"); "18 months and 200 hours of community work" are two figures
            if n is None or (parts and not _fits(n, unit, parts[-1][1])):
                parts = []
                break
            parts.append((n, unit))
        if len(parts) < 2:
            continue
        first = parts[0][1]
        value = sum(n * _SECONDS[u] for n, u in parts) / _SECONDS[first]
        yield m.start(), m.end(), value, first

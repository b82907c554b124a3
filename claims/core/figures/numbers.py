"""Number words, scale words, fractions and digit strings: reading values from text.

News writes the same quantity as "1,240", "1.5bn", "seventy-six", "a quarter of a
million" or "Nine in ten". The figure parser finds the spans; this module owns the
vocabularies and turns a matched span into a float, so both stay small and testable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from claims.core.textkeys import word_alternation

ONES: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALE_WORDS: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "lakh": 1e5, "million": 1e6, "crore": 1e7,
    "billion": 1e9, "trillion": 1e12,
}  # fmt: skip
SCALE_ABBREVIATIONS: dict[str, float] = {
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "tn": 1e12, "trn": 1e12,
}  # fmt: skip
FRACTIONS: dict[str, float] = {
    "half": 1 / 2, "halves": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4,
    "quarters": 1 / 4, "fifth": 1 / 5, "fifths": 1 / 5, "sixth": 1 / 6, "sixths": 1 / 6,
    "eighth": 1 / 8, "eighths": 1 / 8, "tenth": 1 / 10, "tenths": 1 / 10,
}  # fmt: skip
VULGAR_FRACTIONS: dict[str, float] = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅛": 1 / 8,
}  # fmt: skip
"""Typeset fractions ("2½ times", "a ¾ majority")."""
VAGUE_PLURALS: dict[str, float] = {
    "dozens": 24, "hundreds": 200, "thousands": 2000, "millions": 2e6, "billions": 2e9,
    "tens of thousands": 2e4, "hundreds of thousands": 2e5, "tens of millions": 2e7,
    "hundreds of millions": 2e8,
}  # fmt: skip
"""A plural count word means "at least two of them" (README "Vague quantities")."""

def word_set(words: str) -> frozenset[str]:
    """A lexicon written as one space-separated string (easier to read and extend)."""
    return frozenset(words.split())


def alternation(words: Iterable[str]) -> str:
    """A regex alternation, longest first so "seventeen" is never read as "seven"."""
    items = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w) for w in items)


# Tries (`word_alternation`) match as the longest-first alternations do: words matching
# at one place are prefixes of one another, tried longer first, and lower-case ASCII
# words have no two branches that are case variants under (?i). They are tried letter
# by letter instead of word by word, in every pattern that reads a number word.
_ONES_ALT = word_alternation(frozenset(ONES))
_ONES_1_9 = word_alternation(frozenset(w for w, v in ONES.items() if 1 <= v <= 9))
_TENS_ALT = word_alternation(frozenset(TENS))
_SMALL = rf"(?:(?:{_TENS_ALT})(?:[-\s](?:{_ONES_1_9}))?|(?:{_ONES_ALT}))"
_HUNDREDS = rf"(?:{_SMALL}\s+hundred(?:\s+(?:and\s+)?{_SMALL})?)"
WORD_NUMBER = (
    rf"(?:(?:{_HUNDREDS}|{_SMALL})(?:\s+thousand(?:\s+(?:and\s+)?(?:{_HUNDREDS}|{_SMALL}))?)?)"
)
"""Regex source for a spelled-out number ("seventy-six", "two hundred and five")."""

DIGITS = (
    r"(?:\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?:, 000)+(?![\d,])|\d+(?:\.\d+)?|\.\d+)"
)
"""Regex source for a digit number with optional thousands commas and decimals."""

SCALE_SUFFIX = (
    r"(?:\s?(?:bn|mn|mln|trn|tn)|m|k)(?![\w])"
    r"|[\s-](?:(?:thousand|lakh|lakhs?)[\s-](?:crores?)|thousand|lakhs?|million|crores?|billion"
    r"|trillion)\b"
)
"""A scale attached to digits: "1.5bn", "€500m", "4.2 billion", "$5.5-billion", "2.5 lakh
crore" (10^12), "4,500-crore" ("m"/"k" only unspaced)."""

_TOKEN = re.compile(r"[a-z][a-z]*")  # `[a-z]+`, opening on a set (see gates._DIGIT_RUN)


def parse_digits(raw: str) -> float:
    """'1,240' → 1240.0; commas are thousands separators in English news copy (also in
    the Indian grouping "12,34,567" and spaced by a tokeniser, "80, 000")."""
    return float(raw.replace(",", "").replace(" ", ""))


def parse_word_number(raw: str) -> float | None:
    """'Twenty-three' → 23, 'two hundred and five' → 205, 'a million' → 1e6; else None."""
    total = 0.0
    current = 0.0
    seen = False
    for token in _TOKEN.findall(raw.lower()):
        if token == "and":
            continue
        if token in ("a", "an"):
            current, seen = 1.0, True
        elif token in ONES:
            current += ONES[token]
            seen = True
        elif token in TENS:
            current += TENS[token]
            seen = True
        elif token == "hundred":
            current = (current or 1.0) * 100
            seen = True
        elif token in SCALE_WORDS:
            total += (current or 1.0) * SCALE_WORDS[token]
            current = 0.0
            seen = True
        else:
            return None
    return total + current if seen else None


_SCALE_SPLIT = re.compile(r"[\s-]+")


def scale_of(raw: str | None) -> float:
    """The multiplier of a scale suffix ("bn", " million"); 1 when there is none."""
    if not raw:
        return 1.0
    total = 1.0
    for word in _SCALE_SPLIT.split(raw.strip(" -").lower()):
        word = word[:-1] if word in ("lakhs", "crores") else word
        total *= SCALE_WORDS.get(word) or SCALE_ABBREVIATIONS.get(word) or 1.0
    return total

"""Lexicon keys for words that case-insensitive patterns matched.

Python's `re.IGNORECASE` lets four non-ASCII letters match ASCII ones (`İ`, `ı` as i,
`ſ` as s, the Kelvin sign as k), but `str.lower()` keeps them apart, so a lexicon
lookup of a matched word could miss and raise. Every such lookup goes through `fold`.
"""

from __future__ import annotations

_FOLD = str.maketrans({"ı": "i", "ſ": "s", "\u212a": "k"})


def fold(word: str) -> str:
    """The lower-case ASCII-equivalent key of a word an `(?i)` pattern matched."""
    return word.lower().replace("i\u0307", "i").translate(_FOLD)

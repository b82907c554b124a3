"""`finditer` of a pattern tried only at the offsets where a match can start.

A pattern that cannot open on a character class (a `\\b`, a look-behind or an optional
group first) is run by `re` at every offset of the text. When every match must hold
one of a few literal words, the offsets where a match can start are found with
`str.find` instead, and the pattern is matched at those alone. Matching them in order,
each at or after the end of the last match, is exactly what `finditer` does, as long
as the offsets include every start of a match (the callers' docstrings say why theirs
do); `re` reads the text before an offset for `\\b` and look-behinds, as it does in a
scan.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from claims.core.textkeys import folded, is_word_char

# An article's text, asked once per pattern; a sentence, once per cue.
caseless = lru_cache(maxsize=16)(folded)


def literal_offsets(text: str, literals: Iterable[str]) -> list[int]:
    """Every offset where one of the literals occurs, overlapping ones included."""
    found: list[int] = []
    for lit in literals:
        at = text.find(lit)
        while at >= 0:
            found.append(at)
            at = text.find(lit, at + 1)
    return found


def word_offsets(word: str, text: str) -> list[int]:
    """Every offset where `\\b{re.escape(word)}\\b` matches, overlapping ones included
    (`textkeys.word_starts`), found with `str.find` and a test of the characters on
    either side instead of a pattern compiled per word."""
    out: list[int] = []
    if not word:
        return [m.start() for m in re.finditer(r"\b", text)]  # "\b\b" at every boundary
    n, end = len(word), len(text)
    opens, closes = is_word_char(word[0]), is_word_char(word[-1])
    at = text.find(word)
    while at >= 0:
        if (at > 0 and is_word_char(text[at - 1])) != opens and (
                at + n < end and is_word_char(text[at + n])) != closes:
            out.append(at)
        at = text.find(word, at + 1)
    return out


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]
               ) -> list[re.Match[str]]:
    """`list(pattern.finditer(text))`, given a superset of the offsets where a match
    starts (the pattern must not match the empty string)."""
    out: list[re.Match[str]] = []
    end = 0
    for at in sorted(set(starts)):
        if at >= end:
            m = pattern.match(text, at)
            if m is not None:
                out.append(m)
                end = m.end()
    return out


def minimal_literals(literals: Iterable[str]) -> tuple[str, ...]:
    """The literals none of the others opens ("Gov" covers "Gov." and "Governor"):
    finding these finds an occurrence of every one of them."""
    lits = sorted(set(literals))
    return tuple(w for w in lits if w and not any(o != w and w.startswith(o) for o in lits))

"""Lexicon keys for words, and the word scans the extractor runs most.

Python's `re.IGNORECASE` lets four non-ASCII letters match ASCII ones (`İ`, `ı` as i,
`ſ` as s, the Kelvin sign as k), but `str.lower()` keeps them apart, so a lexicon
lookup of a matched word could miss and raise. Every such lookup goes through `fold`.

The scans below replace regexes anchored at the end of a prefix ("the word before
this offset"), which `re` would try from every earlier start: a backward walk reads
only the word. Each is held to its regex by `tests/core/test_fast_paths.py`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

_FOLD = str.maketrans({"ı": "i", "ſ": "s", "\u212a": "k"})


def fold(word: str) -> str:
    """The lower-case ASCII-equivalent key of a word an `(?i)` pattern matched."""
    return word.lower().replace("i\u0307", "i").translate(_FOLD)


_IGNORECASE_EXTRAS = ("İ", "ı", "ſ")
"""Characters `re.IGNORECASE` matches to an ASCII letter although `str.lower()` does
not map them to it ("ſ" matches "s"; "İ" lowers to two characters): with one in the
text, no lower-case substring test is exact."""


def folded(text: str) -> str | None:
    """`text.lower()`, offset for offset, when a substring test on it agrees with
    `re.IGNORECASE`, else None (then every case-insensitive gate lets its pattern run)."""
    if any(map(text.__contains__, _IGNORECASE_EXTRAS)):
        return None
    return text.lower()


# What (?i) matches for an ASCII letter: its two cases and, for three letters, a
# non-ASCII letter it folds too (tests/core/test_speed_speedrec.py checks the table).
CASE_EXTRAS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def letter_cases(letter: str) -> str:
    """The letters `(?i)` matches to an ASCII letter, for a character set."""
    return f"{letter}{letter.upper()}{CASE_EXTRAS.get(letter, '')}"


def any_case(word: str) -> str:
    """`(?i:word)` for an ASCII word, written as one character set per letter: the
    same matches, but `re` can skip an alternative that opens on a set at its first
    character, which it cannot for a case-blind letter (so an alternation of them is
    tried word by word at every position)."""
    return "".join(f"[{letter_cases(c)}]" if c.isalpha() else re.escape(c) for c in word)


def word_alternation(vocabulary: frozenset[str]) -> str:
    """A regex group matching any of the words, factored by shared prefixes: a flat
    alternation of a hundred words is tried word by word at every position."""
    trie: dict[str, Any] = {}
    for w in vocabulary:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(node) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else f"(?:{'|'.join(alts)})"
        return body + "?" if "" in node else body

    return f"(?:{build(trie)})"


_APOSTROPHES = "'’"


def is_word_char(ch: str) -> bool:
    """`\\w` of a `str` pattern: alphanumeric in Unicode's sense, or the underscore."""
    return ch.isalnum() or ch == "_"


def word_before(text: str, pos: int) -> str:
    """The last word before `pos`, lower case: what `([\\w'’]+)\\W*$` finds in text[:pos],
    read backwards from `pos` (the regex would try every start of the sentence)."""
    end = pos
    while end > 0 and not is_word_char(text[end - 1]):
        end -= 1
    if end == 0:  # no word character: a run of apostrophes, if any, is the "word"
        first = min((i for i in (text.find("'", 0, pos), text.find("’", 0, pos)) if i >= 0),
                    default=-1)
        if first < 0:
            return ""
        end = first
        while end < pos and text[end] in _APOSTROPHES:
            end += 1
        return text[first:end].lower()
    start = end - 1
    while start > 0 and (is_word_char(text[start - 1]) or text[start - 1] in _APOSTROPHES):
        start -= 1
    while end < pos and text[end] in _APOSTROPHES:
        end += 1
    return text[start:end].lower()


_NAME_CHARS = frozenset("_’'.-")


def previous_word(text: str, pos: int) -> str:
    """The word before `pos` in lower case, as `([\\w’'.-]+)\\s*$` finds it in text[:pos]
    (a backward scan: the regex would try every earlier start, quadratic in the text)."""
    end = pos
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in _NAME_CHARS):
        start -= 1
    return text[start:end].lower()


def word_starts(word: str, text: str) -> list[int]:
    """Every offset where `\\bword\\b` matches, overlapping ones included."""
    rx = re.compile(rf"\b{re.escape(word)}\b")
    out: list[int] = []
    m = rx.search(text)
    while m is not None:
        out.append(m.start())
        m = rx.search(text, m.start() + 1)
    return out


def chain_from(starts: list[int], pos: int, length: int) -> list[int]:
    """The offsets `finditer` visits from `pos`: each match resumes after the last one."""
    out: list[int] = []
    k = bisect_left(starts, pos)
    while k < len(starts):
        out.append(starts[k])
        k = bisect_left(starts, starts[k] + max(length, 1), k + 1)
    return out

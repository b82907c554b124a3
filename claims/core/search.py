"""The search key: what `claims list --search` compares, so people find what they type.

A reviewer types "kyiv's", "sao paulo" or "NATO"; the article says "Kyiv’s", "São Paulo"
and "Nato". Both sides are folded the same way: quote and dash styles made one,
accents dropped (compatibility decomposition, combining marks removed), case folded, and
the few letters that do not decompose spelt out ("ø" → "o", "æ" → "ae").

SQLite runs `fold` itself (a registered function); PostgreSQL runs `postgres_fold_map`,
the same character table as one `translate` and a few `replace` calls, so both backends
answer alike without an extension and whatever the server's locale.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_STYLES = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u0060\u00b4\u02bc", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        "\u00a0": " ",
    }
)
# Letters with no decomposition, spelt as a reader would type them.
_LETTERS = str.maketrans(
    {
        "ø": "o", "đ": "d", "ð": "d", "ł": "l", "ħ": "h", "ŧ": "t", "ı": "i", "ŀ": "l",
        "æ": "ae", "œ": "oe", "þ": "th", "ĸ": "k", "ŋ": "n",
    }
)


# The characters folded: Latin (with its extensions), Greek, Cyrillic, Armenian, general
# punctuation, the Latin ligatures and the full-width forms. Others (Han, Hangul, Arabic…)
# are left as they are, on both backends alike.
_COVERED = (
    (0x0001, 0x058F),
    (0x1E00, 0x1EFF),
    (0x2000, 0x206F),
    (0x2212, 0x2212),
    (0xFB00, 0xFB06),
    (0xFF01, 0xFF5E),
)


def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch.translate(_STYLES))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.casefold().translate(_LETTERS).translate(_STYLES)


@lru_cache(maxsize=1)
def fold_table() -> dict[int, str]:
    """Each covered character that folds to something else, and what: a fixed point, so
    folding twice changes nothing (PostgreSQL's `replace` then `translate` rely on it)."""
    table: dict[int, str] = {}
    for low, high in _COVERED:
        for code in range(low, high + 1):
            ch = chr(code)
            folded = _fold_char(ch)
            while True:
                again = "".join(_fold_char(c) if c != ch else c for c in folded)
                if again == folded:
                    break
                folded = again
            if folded != ch:
                table[code] = folded
    return table


def fold(text: str) -> str:
    """The search key of a text (a claim or a query), character by character."""
    if text.isascii():  # most claims: the table's ASCII part, in C
        return text.lower().replace("`", "'")
    return text.translate(fold_table())


_TERMS = re.compile(r'"([^"]*)"|(\S+)')


def search_words(query: str) -> tuple[str, ...]:
    """The folded terms of a query, each of which a claim must contain (in any order):
    its words, and any "quoted phrase" as one term, spaces included."""
    terms = (
        phrase.strip() if phrase is not None and word is None else word
        for phrase, word in ((m.group(1), m.group(2)) for m in _TERMS.finditer(fold(query)))
    )
    return tuple(dict.fromkeys(t for t in terms if t))


@lru_cache(maxsize=1)
def postgres_fold_map() -> tuple[tuple[tuple[str, str], ...], str, str]:
    """(replacements, from, to) such that on PostgreSQL
    `translate(replace(...replace(x, a, b)...), from, to)` equals `fold(x)`: characters
    that fold to several by `replace`, to one by `translate`, to none (marks) by being in
    `from` without a counterpart in `to`."""
    replaced: list[tuple[str, str]] = []
    singles: list[tuple[str, str]] = []
    deleted: list[str] = []
    for code, folded in sorted(fold_table().items()):
        ch = chr(code)
        if len(folded) == 1:
            singles.append((ch, folded))
        elif folded:
            replaced.append((ch, folded))
        else:
            deleted.append(ch)
    source = "".join(a for a, _ in singles) + "".join(deleted)
    target = "".join(b for _, b in singles)
    return tuple(replaced), source, target

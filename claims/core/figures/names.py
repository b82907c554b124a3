"""Numbers that are part of a name or a list, not a quantity: "Tower 3", "Flight 370", "1 )".

The designator list in `traps` knows the common nouns ("district 17", "Section 230");
this module adds the general test behind them: a capitalised noun directly before a bare
whole number in running text, with no counted noun or unit after it, names something
("Floor 12 of Tower 3", "Area 51"). A title-case headline, where every word is
capitalised ("Floods Kill 40"), is left alone.
"""

from __future__ import annotations

import re

_PREV = re.compile(r"(?P<w>[A-Za-z][\w’'.-]*)\s+$")
_OPEN = re.compile(r"(?:^|[.!?:;\n(\"“‘—–]\s*)$")
_WORDS = re.compile(r"[A-Za-z][\w’'-]*")
_MINOR = frozenset(("a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by"))
_LIST_MARK = re.compile(r"\s?\)")


def _headline(text: str, start: int) -> bool:
    """Whether the line around `start` is title case (most words capitalised)."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", start)
    words = [w for w in _WORDS.findall(text[lo : hi if hi >= 0 else len(text)])
             if w.lower() not in _MINOR]  # fmt: skip
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def names_a_thing(text: str, start: int, raw: str) -> bool:
    """A bare whole number (`raw` its digits) right after a capitalised noun mid-sentence."""
    if not raw.isdigit():
        return False
    lo = max(0, start - 40)
    # `_PREV` reads a word inside the last run of non-spaces before `start` (after which
    # only spaces may come), and a name needs its first letter in capitals: a run with no
    # capital ("killed 12") settles it without the search, which tries every start.
    tail = text[lo:start]
    stripped = tail.rstrip()
    if not stripped or len(stripped) == len(tail) or stripped.rsplit(None, 1)[-1].islower():
        return False
    m = _PREV.search(text, lo, start)
    if m is None:
        return False
    word = m.group("w")
    if not word[0].isupper() or word.isupper() or word.lower().endswith(("'s", "’s", "s'")):
        return False
    if _OPEN.search(text, max(0, m.start() - 3), m.start()):
        return False  # the sentence's first word: "Tuesday 5 people…" is not a name
    return not _headline(text, start)


def is_list_mark(text: str, start: int, end: int) -> bool:
    """'1 ) explains…', '2) cautions…': an enumerator closed by a bracket never opened."""
    if end - start > 2 or not _LIST_MARK.match(text, end):
        return False
    lo = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), start - 120, 0)
    return "(" not in text[lo:start]

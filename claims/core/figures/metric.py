"""A short, stable label for what a figure measures ("drones launched", "deficit").

Relation inference groups figures by unit and metric, so the label must come out the same
for the same wording anywhere: the counted noun (as written, plural) plus the nearest
participle or past-tense verb governing it, or the noun that a money or percentage figure
is "of" ("a deficit of €4.2 billion" → "deficit").
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.core.figures.numbers import word_set

_IRREGULAR_PARTICIPLES = word_set(
    "shot hit lost killed held built sent spent taken given made seen found left cut "
    "brought bought sold won fought struck thrown flown drawn driven hidden paid put set "
    "kept fell rose grew"
)
_IRREGULAR_GERUNDS = {
    "winning": "won", "taking": "taken", "making": "made", "giving": "given", "getting": "got",
    "holding": "held", "shooting": "shot", "bringing": "brought", "selling": "sold",
    "buying": "bought", "losing": "lost", "leaving": "left", "seeing": "seen", "running":
    "run", "putting": "put", "cutting": "cut", "hitting": "hit", "seizing": "seized",
    "spending": "spent", "sending": "sent", "building": "built", "finding": "found",
}  # fmt: skip
_NOT_VERBS = word_set(
    "need needed red bed shed hundred seed speed feed bred led wed united limited "
    "including during according morning evening nothing something anything thing king "
    "ring spring string wing building ceiling"
)
_AFTER = re.compile(r"[^.,;:!?“”\"()]{0,60}")
_WORD = re.compile(r"[A-Za-z][a-z'’-]*")
_NOUN_OF = re.compile(r"\b(?P<n>[a-z]{3,})\s+of\s+(?:(?:about|around|some|nearly|almost)\s+)?$")
_BEFORE = re.compile(r"[^.,;:!?“”\"()]{0,50}$")
_STOPS = ".,;:!?“”\"()"
"""The characters `_BEFORE` and `_AFTER` stop at."""


_TO_LAST_STOP = re.compile(rf"(?s:.*)[{re.escape(_STOPS)}]")
"""Everything up to the last stop character: greedy, so `match` reads to the end and
steps back to the last stop (one pass, where `_BEFORE` tries every start)."""
_NOUN_OF_ENDS = ("of", "about", "around", "some", "nearly", "almost")
"""The words a `_NOUN_OF` match ends on before its trailing spaces (a gate)."""


def _clause_before(text: str, start: int) -> str:
    """What `_BEFORE.search(text, max(0, start - 50), start)` finds: the words since the
    last stop character within 50 characters."""
    lo = max(0, start - 50)
    m = _TO_LAST_STOP.match(text, lo, start)
    return text[m.end() if m else lo : start]


def _noun_of(before_text: str) -> re.Match[str] | None:
    """`_NOUN_OF.search(before_text)`. A match ends on one of `_NOUN_OF_ENDS` and spaces,
    and the search tries every start: only a clause ending so is searched."""
    tail = before_text.rstrip()
    if len(tail) == len(before_text) or not tail.endswith(_NOUN_OF_ENDS):
        return None
    return _NOUN_OF.search(before_text)


@lru_cache(maxsize=4096)
def _verbish(word: str, gerund: bool) -> str | None:
    """A participle as written; a gerund before the number ("downing 76") made past."""
    w = word.lower()
    if w in _NOT_VERBS or len(w) < 4:
        return None
    if w in _IRREGULAR_PARTICIPLES or w.endswith("ed"):
        return w
    if gerund and w.endswith("ing"):
        return _IRREGULAR_GERUNDS.get(w, w[:-3] + "ed")
    return None


def metric_label(text: str, start: int, end: int, noun: str | None, unit: str | None) -> str | None:
    """'drones launched', 'people evacuated', 'deficit'; None when nothing names it."""
    before_text = _clause_before(text, start)
    noun_of = _noun_of(before_text)
    if noun_of and (noun is None or unit == "percent"):
        return noun_of.group("n")
    after = _AFTER.match(text, end)
    verb = None
    for w in _WORD.findall(after.group(0) if after else "")[:6]:
        verb = _verbish(w, gerund=False)
        if verb:
            break
    if verb is None:
        for w in reversed(_WORD.findall(before_text)[-4:]):
            verb = _verbish(w, gerund=True)
            if verb:
                break
    label = (noun or "").lower().strip()
    if verb and label:
        return f"{label} {verb}"
    return label or unit

"""Word tests shared by the reconciliation rules: what breaks a list of parts, a limit
or target, a forecast, the years near a figure, an informative metric label, and where
a sentence starts. What a figure counts is its frame (`reconcile.frames`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.core.figures.gates import claim_folded

# -- lexicons and text tests --------------------------------------------------

# Words that break a list of parts: comparisons, changes over time, conversions.
BLOCKER = re.compile(  # (the look-ahead: the first character of every word)
    r"(?=[acdefioprtv12])\b(?:from|than|compared|versus|vs|against|rose|fell|rise|fall|"
    r"increase[sd]?|decrease[sd]?|previous|earlier|ago|per|each|every|average|or|(?:19|20)\d\d)\b|[()]",
    re.I,
)
_LIMIT_BEFORE = re.compile(
    r"\b(?=[acglmpqt])(?:ceiling|limit|cap|capped|target|targets|goal|aim|aims|aimed|threshold|quota|"
    r"maximum|minimum|allowed|permitted|legal)\b[^.;,]{0,25}$", re.I)
_LIMIT_AFTER = re.compile(
    r"^[^.;,]{0,12}\b(?:ceiling|limit|cap|target|goal|threshold|quota|maximum|minimum)\b", re.I)
# An outlook is not a measurement: "will ease to 2.9%" does not contradict "reached 3.5%".
_FORECAST = re.compile(  # (the look-ahead: the first letter of every alternative)
    r"\b(?=[befnopsw])(?:will|would|shall|expect\w*|forecast\w*|project\w*|foresee\w*|predict\w*|"
    r"plan|plans|planned|outlook|next\s+year|by\s+(?:19|20)\d\d)\b", re.I)
_FORECAST_LOW = re.compile(_FORECAST.pattern)  # without (?i), for the lower case
# Every limit pattern holds one of these (a cheap test per claim before the patterns).
LIMIT_WORDS = ("ceiling", "limit", "cap", "target", "goal", "aim", "threshold", "quota",
               "maximum", "minimum", "allowed", "permitted", "legal")
_WORD = re.compile(r"[a-z][a-z]*")  # `[a-z]+`, opening on a set (see gates._DIGIT_RUN)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@lru_cache(maxsize=1 << 14)
def singular(word: str) -> str:
    """Memoised: every rule compares nouns singular, word by word, pair by pair."""
    w = word.lower()
    if w in ("children", "people"):
        return {"children": "child", "people": "person"}[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def is_limit(text: str, start: int, end: int) -> bool:
    """A ceiling, cap or target is a rule or an aim, never a count to reconcile."""
    return bool(_LIMIT_BEFORE.search(text[max(0, start - 40) : start])
                or _LIMIT_AFTER.match(text[end : end + 30]))


def is_forecast(text: str) -> bool:
    """`_FORECAST.search(text)`, run without (?i) on the lower case when `folded` gives
    it: `re` then skips an alternative at its first letter instead of entering it (the
    argument of `periods._HINT_LOW`)."""
    low = claim_folded(text)
    return bool(_FORECAST.search(text) if low is None else _FORECAST_LOW.search(low))


def years_near(text: str, start: int, end: int) -> frozenset[str]:
    """Years close to a figure: a toll from an earlier year is not this year's."""
    return frozenset(_YEAR.findall(text[max(0, start - 40) : end + 40]))


@lru_cache(maxsize=1 << 12)
def informative(metric: str | None, unit: str | None) -> bool:
    """A label that says more than the unit ("people" for a count of people) names what
    is counted; a bare unit would make every count of people "the same"."""
    if not metric:
        return False
    unit_words = {singular(w) for w in _WORD.findall((unit or "").lower())} | {"person"}
    return bool({singular(w) for w in _WORD.findall(metric.lower())} - unit_words - _STOP)


@lru_cache(maxsize=1 << 12)
def metric_key(metric: str) -> str:
    return " ".join(singular(w) for w in _WORD.findall(metric.lower()))


_ENDERS = ".!?:;\"“"
_QUOTES = "\"“‘'"


def opens_sentence(text: str, pos: int) -> bool:
    """Whether `pos` is a sentence's first word: only spaces and one optional quote mark
    since the start or a sentence end. The same test as `_OPENER` on `text[:pos]`, read
    backwards from `pos`, so it costs the few characters before a word, not the prefix."""
    i = pos
    while i > 0 and text[i - 1].isspace():
        i -= 1
    if i == 0 or text[i - 1] in _ENDERS:
        return True
    if text[i - 1] not in _QUOTES:
        return False
    k = i - 1
    if k == 0:
        return True
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return k > 0 and text[k - 1] in _ENDERS


_OPENER = re.compile(r"(?:^|[.!?:;\"“]\s*)[\"“‘']?\s*$")  # a sentence's first word: no place
_STOP = frozenset((
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "and", "or", "so", "far",
    "that", "this", "these", "those", "its", "their", "who", "which", "were", "was", "had",
    "have", "has", "been", "be", "is", "are", "not",
))

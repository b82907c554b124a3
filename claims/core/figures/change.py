"""The direction of a change: "rose 0.4%" is up, "fell 7%" is down, and a level is neither.

Only the figure that is itself the change gets a direction. In "Exports fell 7% to
410,000 tonnes, down from 441,000" the 7% is the fall; 410,000 is the level it fell to and
441,000 the level it fell from, so both stay null. The words that govern a figure are a
change verb directly before it ("rose", "cut … by"), "up"/"down" before it, a change noun
it is "of" ("an increase of 3%"), or a change noun or comparative right after it ("a 5%
rise", "3% lower"). A "to" or "from" between the verb and the number makes it a level.
"""

from __future__ import annotations

import re

from claims.core.figures.numbers import alternation

UP, DOWN = "up", "down"

_VERBS: dict[str, str] = {
    **dict.fromkeys(
        ["rose", "rise", "rises", "risen", "rising", "grew", "grow", "grows", "grown",
         "growing", "increased", "increase", "increases", "increasing", "climbed", "climb",
         "climbs", "climbing", "jumped", "jump", "jumps", "jumping", "surged", "surge",
         "surges", "surging", "soared", "soar", "soars", "soaring", "rallied", "rally",
         "rallies", "advanced", "advance", "advances", "widened", "widen", "widens",
         "spiked", "spikes", "rocketed", "leapt", "leaped", "leaps", "gained", "gain",
         "gains", "gaining", "added", "adds", "adding", "raised", "raise", "raises",
         "raising", "boosted", "boost", "boosts", "hiked", "hike", "hikes", "lifted",
         "lift", "lifts", "expanded", "expand", "expands", "up", "higher"], UP),
    **dict.fromkeys(
        ["fell", "fall", "falls", "fallen", "falling", "dropped", "drop", "drops",
         "dropping", "declined", "decline", "declines", "declining", "decreased", "decrease",
         "decreases", "decreasing", "slipped", "slip", "slips", "slid", "slide", "slides",
         "sliding", "tumbled", "tumble", "tumbles", "plunged", "plunge", "plunges",
         "plummeted", "plummet", "plummets", "slumped", "slump", "slumps", "sank", "sink",
         "sinks", "sunk", "dipped", "dip", "dips", "eased", "ease", "eases", "shrank",
         "shrink", "shrinks", "shrunk", "narrowed", "narrow", "narrows", "retreated",
         "contracted", "contract", "contracts", "lost", "lose", "loses", "losing", "shed",
         "sheds", "shedding", "cut", "cuts", "cutting", "reduced", "reduce", "reduces",
         "lowered", "lower", "lowers", "slashed", "slash", "trimmed", "trim", "down"], DOWN),
}  # fmt: skip
"""Words that make the number after them a change, with its direction."""
_POINT_ONLY = frozenset(
    ("gained", "gain", "gains", "gaining", "added", "adds", "adding", "lost", "lose", "loses",
     "losing", "shed", "sheds", "shedding", "raised", "raise", "raises", "raising", "cut",
     "cuts", "cutting", "lowered", "lower", "lowers", "reduced", "reduce", "reduces",
     "slashed", "slash", "trimmed", "trim", "boosted", "boost", "boosts", "lifted", "lift",
     "lifts", "dropped", "drop", "drops", "dropping")
)  # fmt: skip
"""Verbs that also take things as objects ("lost 96 drones", "raised $5 million", "cut 500
jobs"): a change only with "by" or when the number is a share or points ("lost 3%",
"shed 120 points")."""
_SHARES = frozenset(("percent", "percentage point", "point", "basis point", "penny", "cent"))
_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        ["rise", "rises", "increase", "increases", "gain", "gains", "jump", "jumps", "surge",
         "hike", "hikes", "growth", "climb", "uptick", "higher", "up", "more"], UP),
    **dict.fromkeys(
        ["fall", "falls", "drop", "drops", "decline", "declines", "decrease", "decreases",
         "cut", "cuts", "reduction", "reductions", "slump", "plunge", "dip", "contraction",
         "lower", "down", "less", "fewer"], DOWN),
}  # fmt: skip
"""Change nouns (and comparatives) a figure is "of" or stands before ("a 5% rise")."""
_AFTER_NOUNS = [w for w in _NOUNS if not w.endswith("s") or w in ("less",)]
"""After the number only a singular change noun: "a 5% rise"; "5 cuts" counts cuts."""
_ADVERBS = (
    r"(?:sharply|slightly|steeply|modestly|marginally|further|nearly|almost|only|just|some"
    r"|another|a\s+further|an?\s+(?:annual|annualised|annualized|monthly|weekly|yearly|record"
    r"|massive|whopping|estimated)|by|as\s+much\s+as|in\s+\w+)"
)
_BEFORE = re.compile(
    rf"\b(?P<w>{alternation(_VERBS)})"
    rf"(?P<by>(?:\s+[a-z]+){{0,3}}?\s+by(?:\s+{_ADVERBS})*|(?:\s+{_ADVERBS})*)\s+$",
    re.IGNORECASE,
)
_NOUN_OF = re.compile(rf"\b(?P<w>{alternation(_NOUNS)})\s+of\s+$", re.IGNORECASE)
_AFTER = re.compile(
    r"(?:[-\s]+(?:per\s?cent|percent|percentage[-\s]points?|basis[-\s]points?|points?|pc|pct"
    r"|%|pence|cents?))?"
    rf"[-\s]+(?P<w>{alternation(_AFTER_NOUNS)})\b(?P<than>\s+than\b)?(?![-\s]+(?:to|of)\b)",
    re.IGNORECASE,
)
_CROSSING = re.compile(r"(?:past|passed|above|beyond|below|under|topped|surpassed)\b", re.I)
_PARTICLE = re.compile(
    r"\b(?:\w+ed|shot|brought|took|taken|cut|put|set|broke|broken|tore|torn|shut|knocked"
    r"|ran|run|wrote|written|step|steps|gun|guns|bring|brings|take|takes|pick|picks)\s+$",
    re.IGNORECASE,
)
_LEVEL = re.compile(r"\b(?:to|from|at|than|of)\s+$", re.IGNORECASE)


def change_of(text: str, start: int, end: int, unit: str | None) -> str | None:
    """`"up"`/`"down"` when the figure at `text[start:end]` is itself a change, else None."""
    window = text[max(0, start - 60) : start]
    if _CROSSING.match(text, start) and not window.rstrip().lower().endswith(" by"):
        return None  # "climbed past 5,000", "fell below 3%": the level crossed
    if _LEVEL.search(window) and not _NOUN_OF.search(window):
        return None  # "fell 7% to 410,000", "down from 441,000": a level, not the change
    m = _BEFORE.search(window)
    if m and m.group("w").lower() in ("up", "down") and _PARTICLE.search(window, 0, m.start()):
        m = None  # "shot down more than ten drones", "picked up 40": a phrasal verb
    if m:
        word = m.group("w").lower()
        if word == "up" and re.match(r"\s*to\b", text[end : end + 4]):
            return None
        if word not in _POINT_ONLY or m.group("by").strip() or unit in _SHARES:
            return _VERBS[word]
    m = _NOUN_OF.search(window)
    if m:
        return _NOUNS[m.group("w").lower()]
    m = _AFTER.match(text, end)
    if m is None:
        return None
    word = m.group("w").lower()
    comparative = word in ("more", "less", "fewer", "up", "down", "higher", "lower")
    if (comparative or m.group("than")) and unit not in _SHARES:
        return None  # "12 more than last year" compares counts; "3% lower than" is a fall
    return _NOUNS[word]

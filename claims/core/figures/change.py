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
_ADVERBS = frozenset(
    ("sharply", "slightly", "steeply", "modestly", "marginally", "further", "nearly", "almost",
     "only", "just", "some", "another", "a", "an", "annual", "annualised", "annualized",
     "monthly", "weekly", "yearly", "record", "massive", "whopping", "estimated", "by", "as",
     "much")
)  # fmt: skip
"""Words that may stand between a change verb and its number ("rose by an annual 3%")."""
_TOKENS = re.compile(r"[A-Za-z]+|[^\sA-Za-z]")
_AFTER = re.compile(
    r"(?:[-\s]+(?:per\s?cent|percent|percentage[-\s]points?|basis[-\s]points?|points?|pc|pct"
    r"|%|pence|cents?))?"
    rf"[-\s]+(?P<w>{alternation(_AFTER_NOUNS)})\b(?P<than>\s+than\b)?(?![-\s]+(?:to|of)\b)",
    re.IGNORECASE,
)
_CROSSING = re.compile(r"(?:past|passed|above|beyond|below|under|topped|surpassed)\b", re.I)
_PARTICLE = re.compile(
    r"\w+ed|shot|brought|took|taken|cut|put|set|broke|broken|tore|torn|shut|knocked|ran|run"
    r"|wrote|written|step|steps|gun|guns|bring|brings|take|takes|pick|picks"
)
_LEVEL_WORDS = frozenset(("to", "from", "at", "than", "of"))


def _verb_before(words: list[str]) -> tuple[str, bool] | None:
    """The change verb governing a number after `words` (the last few, lower case), and
    whether "by" came
    after it; up to three object words may stand between a verb and its "by" ("cut
    interest rates by")."""
    i = len(words) - 1
    by = False
    while i >= 0 and words[i] in _ADVERBS:
        by = by or words[i] == "by"
        i -= 1
    for _ in range(4 if by else 1):
        if i < 0 or not words[i].isalpha():
            return None
        if words[i] in _VERBS:
            if words[i] in ("up", "down") and i > 0 and _PARTICLE.fullmatch(words[i - 1]):
                return None  # "shot down more than ten drones": a phrasal verb
            return words[i], by
        i -= 1
    return None


def _last_words(window: str) -> list[str]:
    """The last nine tokens of `window`, lower case. An ASCII window is lowered first
    (the same tokens: lowering ASCII keeps letters letters), in one call."""
    if window.isascii():
        return _TOKENS.findall(window.lower())[-9:]
    return [w.lower() for w in _TOKENS.findall(window)[-9:]]


def change_of(text: str, start: int, end: int, unit: str | None) -> str | None:
    """`"up"`/`"down"` when the figure at `text[start:end]` is itself a change, else None."""
    words = _last_words(text[max(0, start - 60) : start])
    last = words[-1] if words else ""
    noun_of = last == "of" and len(words) > 1 and words[-2] in _NOUNS  # "an increase of 3%"
    if _CROSSING.match(text, start) and last != "by":
        return None  # "climbed past 5,000", "fell below 3%": the level crossed
    if last in _LEVEL_WORDS and not noun_of:
        return None  # "fell 7% to 410,000", "down from 441,000": a level, not the change
    verb = _verb_before(words)
    if verb is not None:
        word, by = verb
        if word not in _POINT_ONLY or by or unit in _SHARES:
            return _VERBS[word]
    if noun_of:
        return _NOUNS[words[-2]]
    m = _AFTER.match(text, end)
    if m is None:
        return None
    word = m.group("w").lower()
    comparative = word in ("more", "less", "fewer", "up", "down", "higher", "lower")
    if (comparative or m.group("than")) and unit not in _SHARES:
        return None  # "12 more than last year" compares counts; "3% lower than" is a fall
    return _NOUNS[word]

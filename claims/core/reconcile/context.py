"""What the words around a figure say: the event counted, the area and period it
covers, the years and places named near it, and whether it is a limit or target.

Both the rules inside an article (`core.relations`) and the cross-article `same`
(`core.same`) read figures through these tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# -- lexicons and text tests --------------------------------------------------

# Words that break a list of parts: comparisons, changes over time, conversions.
BLOCKER = re.compile(
    r"\b(?:from|than|compared|versus|vs|against|rose|fell|rise|fall|increase[sd]?|"
    r"decrease[sd]?|previous|earlier|ago|per|each|every|average|or|(?:19|20)\d\d)\b|[()]",
    re.I,
)
_LIMIT_BEFORE = re.compile(
    r"\b(?:ceiling|limit|cap|capped|target|targets|goal|aim|aims|aimed|threshold|quota|"
    r"maximum|minimum|allowed|permitted|legal)\b[^.;,]{0,25}$", re.I)
_LIMIT_AFTER = re.compile(
    r"^[^.;,]{0,12}\b(?:ceiling|limit|cap|target|goal|threshold|quota|maximum|minimum)\b", re.I)
# A trailing "*" marks a stem; other entries match whole words (or a two-word phrase).
_EVENTS: dict[str, tuple[str, ...]] = {
    "death": ("die", "died", "dies", "dead", "death", "deaths", "kill", "killed", "killing",
              "kills", "fatalit*", "toll", "bodies", "perished", "lives"),
    "injury": ("injur*", "wound*", "hurt"),
    "missing": ("missing", "unaccounted", "disappeared"),
    "evacuation": ("evacuat*", "displaced", "fled", "flee", "fleeing", "homeless"),
    "rescue": ("rescue*",),
    "downed": ("shot down", "shoot down", "shooting down", "brought down", "downing",
               "downed", "destroy*", "intercept*", "neutralis*", "neutraliz*"),
    "launch": ("launch*", "fired"),
    "capture": ("captur*", "seiz*", "gain", "gains", "gained", "occupied",
                "advanced", "conquered", "liberated"),
    "vaccination": ("vaccinat*", "immunis*", "immuniz*", "inoculat*", "jabbed"),
    "case": ("case", "cases", "infection*", "infected"),
    "arrest": ("arrest*", "detain*"),
    "job": ("job", "jobs", "hired", "hiring", "employ*", "layoff*", "laid off", "redundanc*"),
    "vote": ("vote", "votes", "voted", "ballot*"),
    # Headline indicators: one per economy and period, so two sources giving one differ.
    "deficit": ("deficit", "deficits"),
    "debt": ("debt", "debts"),
    "surplus": ("surplus",),
    "inflation": ("inflation",),
    "unemployment": ("unemployment", "jobless"),
}
_INDICATORS = frozenset(("deficit", "debt", "surplus", "inflation", "unemployment"))
# An outlook is not a measurement: "will ease to 2.9%" does not contradict "reached 3.5%".
_FORECAST = re.compile(
    r"\b(?:will|would|shall|expect\w*|forecast\w*|project\w*|foresee\w*|predict\w*|"
    r"plan|plans|planned|outlook|next\s+year|by\s+(?:19|20)\d\d)\b", re.I)
_AREAS = {
    1: ("city", "cities", "town", "towns", "village", "villages", "capital", "district",
        "districts", "neighbourhood", "neighborhood", "suburb", "suburbs", "itself", "alone",
        "municipality", "borough"),
    2: ("region", "regions", "regional", "province", "provinces", "provincial", "oblast",
        "county", "counties", "state", "prefecture", "canton", "front"),
    3: ("country", "countrywide", "nationwide", "national", "nationally", "whole", "entire",
        "across", "overall", "total"),
}
_AREA_OF = {w: lvl for lvl, ws in _AREAS.items() for w in ws}
_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)
_PERIODS = {
    1: ("overnight", "today", "yesterday", "tonight", "daily", "day", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "hours"),
    2: ("week", "weekly", "weekend", "fortnight"),
    3: ("month", "monthly", *_MONTHS),
    4: ("year", "yearly", "annual", "annually"),
}
_PERIOD_OF = {w: lvl for lvl, ws in _PERIODS.items() for w in ws}
_WORD = re.compile(r"[a-z]+")
_WORD_START = re.compile(r"\b[a-z]+")
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


@lru_cache(maxsize=1 << 16)
def _event_vocab_lookup(word: str) -> str | None:
    """Memoised: it runs for every word around every figure (ingest and cross-article
    `same`), and a news vocabulary is small, so a scan of the lexicon per word dominated
    ingest time."""
    for cls, stems in _EVENTS.items():
        for s in stems:
            if word == s or (s.endswith("*") and word.startswith(s[:-1])):
                return cls
    return None


# The two-word stems of each class, in lexicon order (the only ones `in` can match).
_EVENT_PHRASES = tuple(
    (cls, tuple(st for st in stems if " " in st)) for cls, stems in _EVENTS.items()
)
# What any stem can match: a whole word, a two-word phrase, or a word starting with the
# prefix of a "*" stem. A word around a figure that is none of these has no class, which
# `event_of` can tell without building the two-word string and asking the lexicon.
_EVENT_WORDS = frozenset(s for stems in _EVENTS.values() for s in stems if "*" not in s)
_EVENT_PREFIXES = tuple(s[:-1] for stems in _EVENTS.values() for s in stems if s.endswith("*"))
_PHRASE_FIRST = frozenset(s.split()[0] for s in _EVENT_WORDS if " " in s)
# Those words as whole `_WORD` tokens (a maximal run of a-z), found in one scan.
_EVENT_TOKEN = re.compile(
    r"(?<![a-z])(?:(?:"
    + "|".join(sorted({w for w in _EVENT_WORDS | _PHRASE_FIRST if " " not in w}))
    + r")(?![a-z])|(?:" + "|".join(_EVENT_PREFIXES) + r")[a-z]*)"
)
_PERIOD_TOKEN = re.compile(r"(?<![a-z])(?:" + "|".join(sorted(_PERIOD_OF)) + r")(?![a-z])")


def event_of(text: str, start: int, end: int, metric: str | None) -> str | None:
    """What the figure counts (deaths, evacuations, drones downed), from the metric label
    when there is one, else from the nearest event word around the figure."""
    if metric:
        for m in _WORD.finditer(metric.lower()):
            cls = _event_vocab_lookup(m.group())
            if cls:
                return cls
        low = metric.lower()
        for cls, phrases in _EVENT_PHRASES:
            if any(st in low for st in phrases):
                return cls
    lo = max(0, start - 60)
    low = text[lo : end + 40].lower()
    best: tuple[int, str] | None = None
    # only words some stem can match, alone or as the first of two (`_EVENT_TOKEN`)
    for m in _EVENT_TOKEN.finditer(low):
        pos = lo + m.start()
        if start <= pos < end:
            continue
        word = m.group()
        nxt = _WORD.search(low, m.end())
        two = word + (" " + nxt.group() if nxt else "")
        cls = _event_vocab_lookup(two) or _event_vocab_lookup(word)
        if cls:
            dist = start - pos if pos < start else pos - end
            if best is None or dist < best[0]:
                best = (dist, cls)
    return None if best is None else best[1]


def area_levels(text: str, start: int, end: int) -> tuple[int, int]:
    """The narrowest and widest area said around a figure: 1 town, 2 region, 3 country.
    Naming none speaks for the whole (the reporting body's own scope); capitalised words
    are names ("National Agency"), not areas."""
    window = text[max(0, start - 120) : end + 80]
    levels = [_AREA_OF[w] for w in _WORD_START.findall(window) if w in _AREA_OF]
    return (min(levels), max(levels)) if levels else (3, 3)


def period_of(text: str, start: int, end: int) -> int | None:
    """The period nearest the figure: 1 day, 2 week, 3 month, 4 year."""
    lo = max(0, start - 80)
    low = text[lo : end + 80].lower()
    best: tuple[int, int] | None = None
    for m in _PERIOD_TOKEN.finditer(low):  # the `_WORD` tokens that name a period
        lvl = _PERIOD_OF[m.group()]
        pos = lo + m.start()
        if start <= pos < end:
            continue
        dist = start - pos if pos < start else pos - end
        if best is None or dist < best[0]:
            best = (dist, lvl)
    return None if best is None else best[1]


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


def place_words(text: str) -> set[str]:
    """Capitalised words (places, bodies, names); a sentence's first word only when it is
    possessive ("Dunmore's council"), since "Officials said" names no place."""
    words = {m.group(1).lower() for m in _CAP.finditer(text)
             if m.group(2) or not opens_sentence(text, m.start())}
    return words - _STOP_CAPS


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


_DIRECTION = re.compile(
    r"\b(?:north|south|east|west|northern|southern|eastern|western|central|north-?east|"
    r"north-?west|south-?east|south-?west|coastal|rural|urban)\b")
_CAP = re.compile(r"\b([A-Z][a-z]{2,})(['’]s)?\b")
_OPENER = re.compile(r"(?:^|[.!?:;\"“]\s*)[\"“‘']?\s*$")  # a sentence's first word: no place
_STOP_CAPS = frozenset((
    "the", "this", "that", "these", "those", "there", "then", "in", "on", "at", "for", "and",
    "but", "mr", "mrs", "ms", "dr", "after", "before", "since", "during", "according", "some",
    "most", "many", "all", "about", "around", "almost", "nearly", "more", "less", "fewer",
    "over", "under", "its", "their", "his", "her", "our", "they", "she", "officials",
    "police", "separately", "meanwhile", "however", "also", "last", "next", "one", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "hundreds", "thousands",
    "dozens", "half", "just", "only", "what", "when", "while", "with", "without", "from",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
))



@dataclass(frozen=True)
class Scope:
    """Where and when a figure counts: years, town-level or wider, named places."""

    years: frozenset[str]
    local: bool
    places: frozenset[str]
    labelled: frozenset[str] = frozenset()  # places named in the metric label itself

    def agrees(self, other: Scope, *, shared: bool) -> bool:
        """Same years and kind of area; named places shared (`shared`), or at least not
        disjoint: one town's toll is not another's even when both say "people died"."""
        if self.years != other.years:
            return False
        if self.labelled and other.labelled:
            return bool(self.labelled & other.labelled)
        if self.local != other.local:
            return False
        if shared:
            return bool(self.places & other.places)
        return not (self.places and other.places and not self.places & other.places)


def scope(text: str, start: int, end: int, metric: str | None,
          sources: tuple[str | None, ...] = ()) -> Scope:
    names = place_words(" ".join(s for s in sources if s))
    labelled = place_words(metric or "") - names
    window = text[max(0, start - 80) : end + 80]
    near = (place_words(window) - names) | set(_DIRECTION.findall(window.lower()))
    return Scope(years_near(text, start, end), area_levels(text, start, end)[0] == 1,
                 frozenset(near | labelled), frozenset(labelled))


_STOP = frozenset((
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "and", "or", "so", "far",
    "that", "this", "these", "those", "its", "their", "who", "which", "were", "was", "had",
    "have", "has", "been", "be", "is", "are", "not",
))

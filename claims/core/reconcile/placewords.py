"""Place phrases around a figure: "in Riverton", "across Lower Harran", "in the Ukrainian
city of Dnipro", "in Alden County", "in the rebel-held north", "nationwide"; each as
"Name" or "Name, Outer" (a city in its country) with the words it came from, and the
area level its words give (1 town … 4 country). Part of the figure frames
(`reconcile.frames`); the gazetteer is `claims.core.places`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

from claims.core import places
from claims.core.figures.gates import claim_folded
from claims.core.textkeys import any_case, letter_cases, word_alternation

_NAME = r"(?>[A-Z][a-z][\w-]*)(?:\s+(?>[A-Z][a-z][\w-]*)){0,2}"  # atomic: whole words
# (the lookahead: the first character of every alternative, a cheap test at each position)
# (the three alternatives that open on spaces share them: "\s+while\s+|\s+whereas\s+|…")
_CLAUSE_START = re.compile(r"(?=[;:,\s])(?:[;:]|,\s+(?:while|whereas|but|and)\s+"
                           r"|\s+(?:while\s+|whereas\s+|and\s+that\s+))")


def clause_break(text: str) -> bool:
    """Whether `text` (between two words) crosses a clause boundary."""
    return bool(_CLAUSE_START.search(text))


@lru_cache(maxsize=1 << 12)  # every figure of a claim asks for its clause
def _breaks(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Starts and ends of the clause breaks `_CLAUSE_START.finditer(text)` finds."""
    spans = [m.span() for m in _CLAUSE_START.finditer(text)]
    return tuple(s for s, _ in spans), tuple(e for _, e in spans)


def clause_start(text: str, start: int) -> int:
    """Where the clause holding text[start] begins (the first half of `clause`): the end
    of the last break of `_CLAUSE_START.finditer(text, 0, start)`.

    Read from the breaks of the whole text (`_breaks`, once per text): a scan cut at
    `start` finds exactly the whole text's breaks that end by `start` unless one runs
    across `start` (the pattern has no lookbehind and no end anchor, so a shorter text
    can only lose the matches it cuts); then the cut scan itself is run."""
    starts, ends = _breaks(text)
    i = bisect_left(starts, start)  # the breaks that start before `start`
    if i and ends[i - 1] > start:
        return _clause_start_plain(text, start)
    return ends[i - 1] if i else 0


def _clause_start_plain(text: str, start: int) -> int:
    lo = 0
    for m in _CLAUSE_START.finditer(text, 0, start):
        lo = m.end()
    return lo


def clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around text[start:end]: from the last clause break before it to the
    first one after it (`_CLAUSE_START.search(text, end)`: the whole text's first break
    from `end` on, unless a break runs across `end`, since the full scan tried every
    position after the break before)."""
    lo = clause_start(text, start)
    starts, ends = _breaks(text)
    j = bisect_left(starts, end)
    if j and ends[j - 1] > end:
        m2 = _CLAUSE_START.search(text, end)
        return lo, (m2.start() if m2 else len(text))
    return lo, (starts[j] if j < len(starts) else len(text))


# -- places --------------------------------------------------------------------------
LEVELS: dict[str, int] = {
    **dict.fromkeys(("city", "cities", "town", "towns", "village", "villages", "capital",
                     "neighbourhood", "neighborhood", "suburb", "suburbs", "municipality",
                     "borough", "itself", "sector", "hospital"), 1),
    **dict.fromkeys(("county", "counties", "district", "districts", "parish"), 2),
    **dict.fromkeys(("region", "regions", "regional", "province", "provinces", "provincial",
                     "oblast", "state", "states", "canton", "front", "governorate",
                     "prefecture", "territory"), 3),
    **dict.fromkeys(("country", "countrywide", "nationwide", "national", "nationally",
                     "nation"), 4),
}
_LEVEL_NOUNS = word_alternation(frozenset(w for w in LEVELS if w != "itself"))  # a trie
LOCATIVES = ("in", "across", "throughout", "over", "around", "near", "at", "along", "inside",
             "within", "outside")
_LOCATIVE = "(?:" + "|".join(any_case(w) for w in LOCATIVES) + ")"  # (?i:in|across|…)
# "in Riverton", "across Lower Harran", "in Estmark's southern province of Lower Harran",
# "in the Ukrainian city of Dnipro", "in Alden County", "the town of Halden"
# (the words before the level noun are possessive: a word is followed by spaces only at
# its last letter, so giving letters back never lets the spaces match, only costs tries)
_FIRST = "".join(map(letter_cases, "aintow"))  # (?i:[aintow]): a locative's or "the"'s first letter
_PLACE_PHRASE = re.compile(
    rf"\b(?=[A-Z{_FIRST}])(?:{_LOCATIVE}\s+(?:the\s+)?(?:(?P<owner>{_NAME})['’]s\s+)?"
    rf"(?:(?:[a-z]++-?+[a-z]*+|[A-Z][a-z]++)\s+){{0,2}}?(?P<noun1>{_LEVEL_NOUNS})\s+of\s+"
    rf"(?P<name1>{_NAME})"
    rf"|\bthe\s+(?:[A-Za-z]+\s+)?(?P<noun2>city|town|village|county|state|province|region)"
    rf"\s+of\s+(?P<name2>{_NAME})"
    rf"|(?P<name3>{_NAME})\s+(?P<noun3>County|Province|Region|Oblast|State|District|"
    rf"Parish|region|province|oblast|county|district|sector|front|state)\b"
    rf"|{_LOCATIVE}\s+(?:the\s+)?(?:(?:whole|entire|western|eastern|northern|southern|"
    rf"central)\s+)?(?P<name4>{_NAME})(?!['’]s|\s+[A-Z])"
    rf"(?:\s+(?P<noun4>front|region|province|oblast|county|district|sector|state)\b)?)")
_GENERIC_PLACE = re.compile(
    r"\b(?=[acinost])(?:(?:across|throughout|in|over|around)\s+the\s+(?:whole\s+|entire\s+|"
    r"[a-z]+-[a-z]+\s+|(?:far|rural|coastal|mountainous)\s+)?"
    r"(?P<noun>country|nation|state|region|province|county|city|town|village|capital|"
    r"north|south|east|west|north-?east|north-?west|south-?east|south-?west|centre|center)"
    r"(?!\s+(?:hall|centre|center|square|council|house|'s|’s))"
    r"|(?P<word>nationwide|countrywide|nationally|statewide))\b", re.I)
_GENERIC_LOW = re.compile(_GENERIC_PLACE.pattern)
_NOT_PLACE = frozenset((
    "the", "this", "that", "his", "her", "their", "its", "mr", "mrs", "ms", "dr", "congress",
    "senate", "house", "parliament", "court", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "total", "all",
    "in", "on", "at", "for", "by", "with", "from", "after", "before", "since", "during",
    "under", "over", "across", "according", "as", "when", "while", "if", "a", "an",
))

_DIRECTIONS = frozenset(("north", "south", "east", "west", "northeast", "north-east",
                         "northwest", "north-west", "southeast", "south-east", "southwest",
                         "south-west", "centre", "center"))


def place_level(place: str) -> int | None:
    """1 town … 4 country: from the gazetteer, else the place's own level noun ("Alden
    County", "nationwide"; "the north" of a country is a region), else None (a name
    nothing says more about)."""
    head = place.split(",")[0].strip()
    if head.lower().startswith("the ") and head.lower()[4:] in _DIRECTIONS:
        return 3
    known = places.level(head)
    if known is not None:
        return {1: 1, 2: 3, 3: 4}[known]
    last = head.split()[-1].lower() if head.split() else ""
    return LEVELS.get(last)


@lru_cache(maxsize=1 << 12)
def places_in(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """(start, end, place, words): place phrases, the place as "Name" or "Name, Outer"
    (a city inside its country, a province inside its country), or a generic area
    ("nationwide", "the region")."""
    out: list[tuple[int, int, str, str]] = []
    for m in _PLACE_PHRASE.finditer(text):
        name = m.group("name1") or m.group("name2") or m.group("name3") or m.group("name4")
        if not name or name.split()[0].lower() in _NOT_PLACE:
            continue
        noun = (m.group("noun1") or m.group("noun2") or m.group("noun3") or "").lower()
        if m.group("name4") and places.demonym(name) and not places.is_place(name):
            continue  # "in Ukrainian hands"
        outer = m.group("owner") if m.group("name1") else None
        place = f"{name} {m.group('noun3')}" if m.group("name3") else (
            f"{name} {m.group('noun4')}" if m.group("noun4") else name)
        country = places.country_of(name)
        if outer and places.country_of(outer):
            outer = places.country_of(outer)
        container = outer or (country if country and places.canonical(name) != country
                              else None)
        if noun in ("city", "town", "village") and not container:
            mdem = re.search(r"\b([A-Z][a-z]+)\s+(?:city|town|village)\s+of", m.group(0))
            container = places.demonym(mdem.group(1)) if mdem else None
        full = f"{place}, {container}" if container and container != place else place
        out.append((m.start(), m.end(), full, m.group(0).strip()))
    low = claim_folded(text)  # no (?i) on the exact lower case: see periods._ANY_LOW
    for m in _GENERIC_PLACE.finditer(text) if low is None else _GENERIC_LOW.finditer(low):
        s, e = m.span("word") if m.start("word") >= 0 else m.span("noun")
        word = text[s:e].lower() if s >= 0 else ""
        generic = {"countrywide": "nationwide", "nationally": "nationwide", "country":
                   "nationwide", "nation": "nationwide"}.get(word, word)
        generic = generic if generic in ("nationwide", "statewide") else f"the {generic}"
        out.append((m.start(), m.end(), generic, text[m.start() : m.end()]))
    return tuple(sorted(out))


def place_near(text: str, start: int, end: int,
               others: Sequence[tuple[int, int]] = ()) -> tuple[str, str] | None:
    """The place phrase nearest the figure in its clause; one with another figure
    between them is that figure's ("1,240 evacuated, 870 of them in Riverton")."""
    found = places_in(text)
    if not found:  # most claims name no place: no clause to find
        return None
    lo, hi = clause(text, start, end)
    best: tuple[int, str, str] | None = None
    for s, e, place, words in found:
        if e <= lo - 1 or s >= hi + 1:
            continue
        a, b = (e, start) if e <= start else (end, s)
        if any(a <= o_s and o_e <= b for o_s, o_e in others):
            continue
        dist = start - e if e <= start else max(0, s - end)
        if best is None or dist < best[0]:
            best = (dist, place, words)
    return None if best is None else (best[1], best[2])

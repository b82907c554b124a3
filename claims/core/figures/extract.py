"""Figure extraction: every quantity in a piece of news text, with its qualifier and unit.

The pipeline is: find quantity-shaped spans (`fig_forms`), drop those inside dates,
clock times, phone numbers and designations (`fig_traps`), keep the longest of
overlapping spans, read the qualifier words directly before (or "or more" after), and
find the counted noun (`fig_units`). A qualifier governs only the number right after it,
so "more than the town receives in three months" leaves "three" exact.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from claims.core.figures.change import change_of
from claims.core.figures.forms import Candidate, candidates
from claims.core.figures.intervals import qualifier_interval
from claims.core.figures.measures import TEMPERATURE, TEMPERATURES, temperature_unit
from claims.core.figures.metric import metric_label
from claims.core.figures.names import is_list_mark, names_a_thing
from claims.core.figures.numbers import alternation, word_set
from claims.core.figures.traps import (
    is_bare_year,
    overlaps,
    trap_spans,
    windows_around,
    year_is_a_count,
)
from claims.core.figures.units import (
    TIME_UNITS,
    UnitHint,
    canonical_unit,
    is_plural,
    unit_after,
    with_per,
)
from claims.core.model import Figure, Qualifier
from claims.core.textkeys import fold, word_alternation

QUALIFIER_WORDS: dict[str, Qualifier] = {
    **dict.fromkeys(
        ["about", "around", "roughly", "some", "approximately", "an estimated", "estimated",
         "circa", "c.", "little more than", "in the region of", "on the order of",
         "give or take"], Qualifier.APPROX),
    **dict.fromkeys(
        ["nearly", "almost", "just under", "just below", "close to", "just shy of",
         "just short of", "a little under", "slightly under", "slightly less than",
         "a little less than", "not quite", "nearing"], Qualifier.NEARLY),
    **dict.fromkeys(
        ["more than", "over", "just over", "well over", "above", "just above", "well above",
         "in excess of", "upwards of", "greater than", "exceeding", "higher than",
         "slightly more than", "a little over", "a little more than", "much more than",
         "far more than", "north of", "beyond", "topped", "tops", "topping", "top", "exceeded",
         "exceeds", "exceed", "surpassed", "surpasses", "surpassing", "surpass", "past",
         "passed", "passes", "passing", "pass", "went over", "gone over"], Qualifier.MORE_THAN),
    **dict.fromkeys(
        ["at least", "no fewer than", "no less than", "not less than", "not fewer than",
         "a minimum of", "at minimum", "as few as", "as little as", "as low as"],
        Qualifier.AT_LEAST),
    **dict.fromkeys(
        ["less than", "fewer than", "under", "below", "well under", "well below",
         "lower than"], Qualifier.LESS_THAN),
    **dict.fromkeys(
        ["at most", "up to", "no more than", "not more than", "a maximum of", "as many as",
         "no greater than", "not exceeding", "at maximum", "as much as", "as high as",
         "as large as", "as big as", "as long as", "as tall as", "as deep as", "as heavy as",
         "within"],
        Qualifier.AT_MOST),
}  # fmt: skip
POST_QUALIFIERS: dict[str, Qualifier] = {
    "or more": Qualifier.AT_LEAST, "or above": Qualifier.AT_LEAST, "or over": Qualifier.AT_LEAST,
    "and above": Qualifier.AT_LEAST, "and over": Qualifier.AT_LEAST, "+": Qualifier.AT_LEAST,
    "-plus": Qualifier.AT_LEAST, "or so": Qualifier.APPROX, "or less": Qualifier.AT_MOST,
    "or fewer": Qualifier.AT_MOST, "or under": Qualifier.AT_MOST,
}  # fmt: skip
_QUAL_BEFORE = re.compile(
    rf"(?<![\w])(?P<q>{word_alternation(frozenset(QUALIFIER_WORDS))})\s+$",  # a trie: see units
    re.IGNORECASE,
)
_QUAL_AFTER = re.compile(rf"(?:\s+|(?=[+-]))(?P<q>{alternation(POST_QUALIFIERS)})(?![\w])", re.I)
_NOUN_THEN_POST = re.compile(
    r"\s+(?P<n>[A-Za-z]+)\s+(?P<q>or\s+so|or\s+more|or\s+less|or\s+fewer)(?![\w])", re.I
)
"""A post-qualifier after the counted noun: "10 hours or so", "50 people or more"."""
_PREPOSITIONAL = frozenset(
    ("over", "beyond", "under", "above", "below", "within", "past", "passed", "passing")
)
_PAST_NOT_AFTER = re.compile(
    r"\b(?:the|a|this|these|those|its|their|his|her|our|my|your|last|first)\s+$", re.IGNORECASE
)
"""'the past 10 years' is a period and 'the top 1%' a band; 'climbed past 5,000' and
'could top 5,000' are lower bounds."""
"""Qualifier words that are prepositions before a place ("over three regions")."""
_PLACES = word_set(
    "region area district province country city town village state site location front "
    "county territory municipality border neighbourhood street sector oblast island"
)
_POPULATION_OF = re.compile(
    r"\b(?:population|crowd|audience|attendance|turnout|workforce)\s+of\s+$", re.IGNORECASE
)
_LOOKBACK_UNITS: tuple[tuple[re.Pattern[str], str, tuple[str, ...], bool], ...] = (
    # "a man aged 34", "at age 87"
    (re.compile(r"\b(?:aged|age)\s+$", re.IGNORECASE), "year", ("age", "ged"), True),
    (re.compile(r"\b(?:magnitude|magnitude-)\s*$", re.IGNORECASE), "magnitude", ("ude", "de-"),
     False),
)
"""Each with the last three letters (lower case) a match ends on before the trailing
spaces, and whether it needs such a space: gates for `_hint_by_lookback`."""
_LENGTHS = frozenset(("metre", "kilometre", "centimetre"))
_NUMBER_OF = re.compile(
    r"\b(?:number|total|tally|count)\s+of\s+(?P<np>[a-z-]+(?:\s+[a-z-]+)?)\b[^.;!?\d]*$"
)
_COUNT_WORDS = ("number", "total", "tally", "count")
"""The words `_NUMBER_OF` opens on (it is case-sensitive): one must occur."""
_OF_THE_LEAD = re.compile(
    r"(?:^|[.;!?]\s+|\n)Of\s+(?:the|those|these|its|their|all)\s+(?P<np>[^,.;]{1,60}),\s*$"
)
_SPACED_MINUS = re.compile(r"(?:^|[^\w.,\s]|\s)-\s$")
"""A minus sign a tokeniser spaced off its number ("- 20 degrees"), not a dash after a word."""
_SENTENCE_BREAK = re.compile(r"[.!?…][\"”’')\]]*\s+(?=[A-Z“\"‘(])|\n")


class _Placed(NamedTuple):
    """A kept candidate with its final span, qualifier and unit hint."""

    cand: Candidate
    start: int
    end: int
    qualifier: Qualifier
    hint: UnitHint


def _longest_first(found: list[Candidate], traps: tuple[tuple[int, int], ...]) -> list[Candidate]:
    """Non-overlapping candidates, longer spans winning, in text order."""
    if len(found) == 1:  # (the loop below, for one candidate)
        c = found[0]
        return [] if overlaps(traps, c.start, c.end) else found
    kept: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(found, key=lambda c: (c.start - c.end, c.start)):
        if overlaps(traps, c.start, c.end) or overlaps(taken, c.start, c.end):
            continue
        kept.append(c)
        taken.append((c.start, c.end))
    return sorted(kept, key=lambda c: c.start)


_QUAL_LAST_WORDS = tuple(sorted({w.rsplit(" ", 1)[-1] for w in QUALIFIER_WORDS}))


def _qualifier_before(text: str, start: int) -> re.Match[str] | None:
    """`_QUAL_BEFORE.search(text, max(0, start - 40), start)`, which tries every start of
    the window. A match ends where the window's trailing spaces begin, on the last word
    of a qualifier: unless the last word there ends so (case-folded as `re.IGNORECASE`
    reads it), there is none, and most numbers follow some other word."""
    lo = max(0, start - 40)
    window = text[lo:start]
    tail = window.rstrip()
    if len(tail) == len(window) or not tail:
        return None
    token = tail.rsplit(None, 1)[-1]
    if not (token.lower() if token.isascii() else fold(token)).endswith(_QUAL_LAST_WORDS):
        return None
    return _QUAL_BEFORE.search(text, lo, start)


def _qualify(
    text: str, c: Candidate, hint: UnitHint, after: re.Match[str] | None
) -> tuple[Qualifier | None, int, int]:
    """The qualifier governing `c` and the span widened to hold its words (`after`:
    `_QUAL_AFTER.match(text, c.end)`, which `_place` has read for every candidate but
    a range)."""
    start, end = c.start, c.end
    qualifier = c.qualifier
    if c.kind != "range":
        m = _qualifier_before(text, start)
        if m:
            word = fold(m.group("q"))
            unit = hint.unit or ""
            # "over three days" is a span of time; "under 48 hours" still bounds it
            spatial = unit in _PLACES or (word == "over" and unit in TIME_UNITS.values())
            before = text[max(0, m.start() - 12) : m.start()]
            period = word in ("past", "top") and _PAST_NOT_AFTER.search(before)
            if not (word in _PREPOSITIONAL and spatial and c.kind != "a_unit") and not period:
                qualifier, start = QUALIFIER_WORDS[word], m.start()
        if after and (qualifier is None or qualifier is c.qualifier):
            qualifier, end = POST_QUALIFIERS[fold(after.group("q"))], after.end()
        noun_post = None if after else _NOUN_THEN_POST.match(text, end)
        same_noun = noun_post is not None and noun_post["n"].lower() == hint.noun
        if noun_post and same_noun and (qualifier is None or qualifier is c.qualifier):
            words = re.sub(r"\s+", " ", fold(noun_post["q"]))
            qualifier, end = POST_QUALIFIERS[words], noun_post.end()
    if qualifier is None and c.needs_qualifier:
        return None, start, end
    return qualifier or Qualifier.EXACT, start, end


def _same_sentence(text: str, a: int, b: int) -> bool:
    return _SENTENCE_BREAK.search(text, a, b) is None


def _hint_by_lookback(text: str, start: int) -> UnitHint:
    """Units named before a bare number: "a population of 21,400", "number of people … at 18"."""
    window = text[max(0, start - 120) : start]
    # The `$`-anchored searches try every start of the window; each can only match when
    # the window, its trailing spaces cut, ends on its last word ("of", "age", ...). None
    # of those letters is one that `re.IGNORECASE` also matches to a non-ASCII letter
    # (i, k, s), so the lower case of the last three characters tells.
    tail = window.rstrip()
    spaced = len(tail) < len(window)
    last3 = tail[-3:].lower()
    if spaced and last3[-2:] == "of" and _POPULATION_OF.search(window):
        return UnitHint("person", None)
    for pattern, unit, endings, needs_space in _LOOKBACK_UNITS:
        if last3 in endings and (spaced or not needs_space) and pattern.search(window):
            return UnitHint(unit, None)
    # each pattern needs its literal words (a gate: the search tries every start)
    m = _NUMBER_OF.search(window) if any(map(window.__contains__, _COUNT_WORDS)) else None
    plural = [w for w in m.group("np").split() if is_plural(w)] if m else []
    if plural:
        return UnitHint(canonical_unit(plural[0]), plural[0])
    m = _OF_THE_LEAD.search(window) if "Of" in window else None
    if m:
        plural = [w for w in re.findall(r"[a-z]+", m.group("np")) if is_plural(w)]
        if plural:
            return UnitHint(canonical_unit(plural[-1]), plural[-1])
    return UnitHint()


def _borrow(
    text: str, placed: list[_Placed], i: int, direction: int, bare_only: bool = False
) -> UnitHint:
    """The unit of the nearest countable neighbour in the same sentence."""
    j = i + direction
    while 0 <= j < len(placed):
        if bare_only and not placed[j].cand.bare:
            break
        a, b = sorted((placed[i], placed[j]), key=lambda p: p.start)
        if not _same_sentence(text, a.end, b.start):
            break
        other = placed[j].hint
        if other.unit and other.unit not in TIME_UNITS.values():
            return UnitHint(other.unit, other.noun)
        j += direction
    return UnitHint()


def _resolve_units(text: str, placed: list[_Placed]) -> list[_Placed]:
    """Fill units that point at a neighbour ("96 of them", "four of 12 jets", "87")."""
    out = list(placed)
    for i, p in enumerate(placed):
        if p.hint.unit or not p.cand.bare:
            continue
        if p.hint.link == "next":
            hint = _borrow(text, placed, i, +1)
        elif p.hint.link == "previous":
            hint = _borrow(text, out, i, -1)
        else:
            hint = _hint_by_lookback(text, p.start)
            if not hint.unit and p.cand.kind in ("digits", "words"):
                hint = _borrow(text, out, i, -1, bare_only=True)
        if p.cand.metres is not None and hint.unit in _LENGTHS:  # "…, managed 2.04m"
            metre = UnitHint("metre", hint.noun)
            out[i] = p._replace(hint=metre, cand=p.cand._replace(value=p.cand.metres))
            continue
        out[i] = _Placed(p.cand, p.start, p.end, p.qualifier, hint)
    return out


def _place(text: str, kept: list[Candidate]) -> list[_Placed]:
    placed: list[_Placed] = []
    for c in kept:
        # "10 or so hours": the noun follows (read for `_qualify` too, but for a range)
        post = _QUAL_AFTER.match(text, c.end) if c.kind != "range" or (
            c.bare and c.unit is None) else None
        if c.unit == "degree" and (temp := TEMPERATURE.match(text, c.end)):
            hint = UnitHint(temperature_unit(temp), None)  # "100° Celsius"
        elif c.unit is not None:
            hint = UnitHint(with_per(text, c.end, c.unit), None)
        elif c.bare:
            hint = unit_after(text, post.end() if post else c.end, c.value)
        else:
            hint = UnitHint()
        if c.kind == "digits" and c.bare and not hint.unit and (
            names_a_thing(text, c.start, c.raw) or is_list_mark(text, c.start, c.end)
        ):
            continue  # "Floor 12 of Tower 3", "1 ) explains"
        if hint.unit in TEMPERATURES and _SPACED_MINUS.search(text, max(0, c.start - 3), c.start):
            c = c._replace(start=c.start - 2, value=-c.value)  # "- 20 degrees fahrenheit"
        qualifier, start, end = _qualify(text, c, hint, post)
        if qualifier is None:
            continue
        qualified = qualifier is not Qualifier.EXACT
        if is_bare_year(c) and not year_is_a_count(text, c.start, c.end, qualified):
            continue
        if placed and c.start < placed[-1].end:
            continue  # read as the previous figure's unit or qualifier ("1,240 hundreds or more")
        if placed and start < placed[-1].end:  # the words belong to the previous figure
            qualifier, start = c.qualifier or Qualifier.EXACT, c.start
        placed.append(_Placed(c, start, end, qualifier, hint))
    return placed


def _figure(text: str, p: _Placed, offset: int) -> Figure:
    c = p.cand
    start, end, unit = p.start, p.end, p.hint.unit
    low, high = qualifier_interval(c.value, p.qualifier, c.low, c.high)
    return Figure(text[start:end], start + offset, end + offset, c.value, low, high,
                  p.qualifier, unit, metric_label(text, start, end, p.hint.noun, unit),
                  change_of(text, start, end, unit))


def extract_figures(text: str, offset: int = 0) -> tuple[Figure, ...]:
    """Every quantity in `text`, in order, offsets relative to `text` plus `offset` (a
    claim's start: its figures come out placed in the article, built once)."""
    if not text:
        return ()
    found = candidates(text)
    if not found:
        return ()  # (what the steps below make of no candidates)
    windows = windows_around(text, [(c.start, c.end) for c in found])
    kept = _longest_first(found, trap_spans(text, windows))
    placed = _resolve_units(text, _place(text, kept))
    return tuple([_figure(text, p, offset) for p in placed])

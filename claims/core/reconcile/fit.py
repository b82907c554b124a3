"""How two figures' frames fit: one quantity, one inside the other, or unrelated.

Frames are compared part by part (`reconcile.frames`): role, actor, event, period and
place. A part both sides state and that differs rules a relation out; a part one side
leaves unknown neither rules it out nor supports it, which lowers the confidence of what
is proposed. Every test returns the evidence a reviewer reads ("place: Riverton inside
Lower Harran", "period: 2024-03 inside 2024").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from claims.core import places
from claims.core.model import Frame
from claims.core.reconcile.frames import INDICATORS, LETTERS_ONLY, OUTCOMES
from claims.core.reconcile.periods import (
    Period,
    disjoint,
    likely_within,
    parse_period,
    same_period,
    within,
)
from claims.core.reconcile.placewords import LEVELS, place_level
from claims.core.textkeys import word_alternation

_WIDE = frozenset(("across", "whole", "entire", "overall", "total", "nationwide",
                   "countrywide", "statewide", "all"))
_NARROW = frozenset(("itself", "alone"))
_WORD = re.compile(r"[a-z][a-z]*")  # `[a-z]+`, opening on a set (see gates._DIGIT_RUN)


class Fit(NamedTuple):
    """A frame parsed for comparison, with the area level its words give. (A named
    tuple: one is built per figure, and a frozen dataclass costs several times more to
    build; nothing orders or unpacks a Fit.)"""

    role: str | None
    actor: str | None
    event: str | None
    period: Period | None
    place: str | None  # the innermost place, lower case ("riverton")
    container: str | None  # the place it is said to be in ("estmark"), lower case
    level: int | None  # 1 town … 4 country, from the place or the words around the figure
    lead: frozenset[str]  # dimensions taken from the article's lead, not the claim
    narrow: bool  # "alone", "itself": the speaker marks it as a part

    @property
    def generic_place(self) -> bool:
        return self.place is not None and (self.place.startswith("the ")
                                           or self.place in ("nationwide", "statewide"))


_LEVEL_TAIL = re.compile(r"\s+(?:county|province|region|oblast|state|district|sector|front|"
                         r"parish|governorate|prefecture)$")


def _bare(place: str) -> str:
    """A place as compared: lower case, without its level noun ("Lower Harran province"
    and "Lower Harran" are one place); "the north" and other generic ones as they are."""
    p = " ".join(place.split()).lower()
    return p if p.startswith("the ") else _LEVEL_TAIL.sub("", p)


_AREA_WORD = re.compile(
    r"(?<![a-z])" + word_alternation(frozenset(LEVELS) | _WIDE | _NARROW) + r"(?![a-z])")
"""A word `area_level` reads, as a whole `[a-z]+` token: the tokens it would look up."""


_AREA_BYTES = {w.encode(): w for w in frozenset(LEVELS) | _WIDE | _NARROW}
_AREA_KEYS = frozenset(_AREA_BYTES)


def _area_words(window: str) -> list[str]:
    """The words `area_level` knows among the [a-z]+ tokens of `window.lower()`, in any
    order (only which occur counts). An ASCII window is cut into those tokens in C: its
    letters lowered and everything else made a space, then split; `_AREA_WORD` tries
    each position of the window, which costs several times more."""
    if not window.isascii():
        return _AREA_WORD.findall(window.lower())
    found = _AREA_KEYS.intersection(window.encode().translate(LETTERS_ONLY).split())
    return [_AREA_BYTES[w] for w in found] if found else []


def area_level(window: str) -> tuple[int | None, bool, bool]:
    """(level, narrow, wide) from the words around a figure: "in the town" is 1,
    "across"/"whole" make it the widest said, "alone"/"itself" mark a part."""
    words = _area_words(window)  # of the [a-z]+ tokens, those it knows
    if not words:  # most windows name no area
        return None, False, False
    levels = [LEVELS[w] for w in words if w in LEVELS]
    narrow = any(w in _NARROW for w in words)
    wide = any(w in _WIDE for w in words)
    if not levels:
        return None, narrow, wide
    return (max(levels) if wide else min(levels)), narrow, wide


@lru_cache(maxsize=1 << 14)
def fit_of(frame: Frame | None, window: str = "") -> Fit:
    """The comparable form of `frame`; `window` is the text around the figure."""
    return _fit(frame, area_level(window))


def fit_in(frame: Frame | None, area: tuple[int | None, bool, bool]) -> Fit:
    """`fit_of` without its cache, from `area_level` of a window of its own per figure
    (`prepare`, which reads a claim's whole text once for all the figures whose window
    holds it): a lookup there would hash the frame and never hit."""
    return _fit(frame, area)


_NO_LEAD: frozenset[str] = frozenset()


@lru_cache(maxsize=1 << 12)
def _place_fit(place: str) -> tuple[str, str | None, int | None]:
    """(innermost place, container, level) of a frame's place, lower case (places repeat
    across an article's figures: memoised)."""
    parts = [_bare(p) for p in place.split(",")]
    head, container = parts[0], (parts[1] if len(parts) > 1 else None)
    if container is None:
        c = places.country_of(parts[0])
        container = c.lower() if c and c.lower() != parts[0] else None
    return head, container, place_level(place)


def _fit(frame: Frame | None, area: tuple[int | None, bool, bool]) -> Fit:
    f = frame or Frame()
    dims = [d for d, w in f.words if w.startswith("(lead)")]
    lead = frozenset(dims) if dims else _NO_LEAD
    head, container, place_lv = _place_fit(f.place) if f.place else (None, None, None)
    words_level, narrow, wide = area
    level = place_lv if f.place and "place" not in lead else None
    if level is None:
        level = words_level
    if level is None and narrow and f.place and "place" not in lead:
        level = 1  # "around Lusk alone": a part of some wider area
    if level is None and (f.place is None or "place" in lead):
        level = 5  # no area said: the reporting body's whole remit (checked as "medium")
    elif wide and words_level is not None and level is not None:
        level = max(level, words_level)
    return Fit(f.role, (f.actor or "").lower() or None, f.event,
               parse_period(f.period) if f.period else None, head, container, level, lead,
               narrow)


def _conflict(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a != b


def roles_fit(a: Fit, b: Fit) -> bool:
    return not _conflict(a.role, b.role)


def periods_clash(a: Fit, b: Fit) -> bool:
    """Periods that cannot overlap (this year and last year): no relation at all."""
    return a.period is not None and b.period is not None and disjoint(a.period, b.period)


def one_quantity(a: Fit, b: Fit) -> tuple[bool, bool, list[str]]:
    """(may be one quantity, strongly so, evidence): role, actor, event, period and
    place all agree or are unknown; strong when role and place (or both unknown places)
    are stated alike and nothing is only known on one side."""
    ev: list[str] = []
    if _conflict(a.role, b.role) or _conflict(a.actor, b.actor):
        return False, False, ev
    if a.event and b.event and a.event != b.event and not (
            a.event.endswith(b.event) or b.event.endswith(a.event)):
        return False, False, ev
    if a.period is not None and b.period is not None and (
            same_period(a.period, b.period) is False or disjoint(a.period, b.period)):
        return False, False, ev
    if a.place and b.place and a.place != b.place and (
            a.generic_place == b.generic_place or a.level != b.level):
        return False, False, ev  # "in the north" is not "in the south"
    strong = a.role is not None and a.role == b.role
    if a.role:
        ev.append(f"role: {a.role}" + ("" if a.role == b.role else " vs unknown"))
    if a.actor or b.actor:
        ev.append(f"actor: {a.actor or b.actor}")
        strong = strong and a.actor == b.actor
    if a.place or b.place:
        ev.append(f"place: {a.place or b.place}")
        strong = strong and a.place == b.place
    if a.period or b.period:
        label = (a.period or b.period).label  # type: ignore[union-attr]
        ev.append(f"period: {label}")
        strong = strong and a.period is not None and b.period is not None
    if a.event or b.event:
        ev.append(f"event: {a.event or b.event}")
    # A role alone is a kind of count ("employees"), not one count: it takes something
    # else both state alike, an event, a place, an actor or a period, unless the role is
    # a headline indicator (one deficit per economy and year).
    anchored = a.role in INDICATORS or any(
        x is not None and x == y for x, y in ((a.event, b.event), (a.place, b.place),
                                              (a.actor, b.actor)))
    anchored = anchored or (a.period is not None and b.period is not None)
    return True, strong and anchored, ev


def place_inside(inner: Fit, outer: Fit) -> tuple[bool, bool, str]:
    """(inside, explicit, evidence): `inner`'s area lies within `outer`'s."""
    if inner.place and outer.place and inner.place == outer.place:
        return False, False, ""
    if inner.container and outer.place and inner.container == outer.place:
        return True, True, f"place: {inner.place} in {outer.place}"
    if inner.place and outer.place and places.contains(outer.place, inner.place):
        return True, True, f"place: {inner.place} in {outer.place}"
    if inner.level is None or outer.level is None or inner.level >= outer.level:
        return False, False, ""
    explicit = ("place" not in inner.lead and "place" not in outer.lead and outer.level < 5
                and (inner.place is not None or inner.narrow))
    return True, explicit, (f"place: {inner.place or 'level ' + str(inner.level)} within "
                            f"{outer.place or 'level ' + str(outer.level)}")


def period_inside(inner: Fit, outer: Fit) -> tuple[bool, bool, str]:
    """(inside, certain, evidence): certain when both periods are placed in time."""
    if inner.period is None or outer.period is None:
        return False, False, ""
    ev = f"period: {inner.period.label} within {outer.period.label}"
    if within(inner.period, outer.period):
        return True, True, ev
    return likely_within(inner.period, outer.period), False, ev


def part_role(part: Fit, total: Fit) -> bool:
    """A part's role fits its total's: the same, unknown, or an outcome of it
    (downed, lost and diverted drones are parts of those launched)."""
    if part.role is None or total.role is None or part.role == total.role:
        return True
    return part.role in OUTCOMES.get(total.role, ())

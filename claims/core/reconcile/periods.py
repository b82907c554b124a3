"""The period a figure counts over: found in the words around it, normalised, and
compared (equal, inside, disjoint).

A period is written as its label (`Period.label`, what JSON and `show` print): an ISO
day ("2024-11-26"), month ("2024-11"), year ("2024") or interval
("2024-08-01/2024-11-26") when the publication date lets the words be resolved, else a
plain label ("this year", "last year", "overnight", "since 3 march"). A label parses
back to the same period (`parse_period`), so stored and reviewer-corrected frames are
compared exactly like fresh ones.

The time a statement was made ("said on Sunday", "told reporters on Monday") and the
time of a clause that does not hold the figure ("floods that struck on Friday") are not
the figure's period: only words that modify the count are read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from claims.core.figures.gates import claim_folded

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
_MON = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
       r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_YEAR = r"(?:19|20)\d\d"
_PAST = r"(?:over\s+|in\s+|during\s+)?the\s+(?:past|last|previous)\s+"

# Longest alternatives first; each names its kind for `_resolve`.
_PATTERNS: tuple[tuple[str, str], ...] = (
    ("since_day", rf"since\s+(?:(\d{{1,2}})\s+({_MON})|({_MON})\.?\s+(\d{{1,2}}))\b"),
    ("since_month", rf"since\s+(?:the\s+(?:start|beginning)\s+of\s+)?({_MON})\b"),
    ("month_to_date", r"since\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+month"
                      r"|so\s+far\s+this\s+month|month[\s-]to[\s-]date"),
    ("year_to_date", r"since\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year"
                     r"|so\s+far\s+this\s+year|year[\s-]to[\s-]date|this\s+year\s+so\s+far"),
    ("past_days", _PAST + r"(24|48|72)\s+hours"),
    ("past_week", _PAST + r"(?:seven\s+days|week)"),
    ("past_month", _PAST + r"(?:30\s+days|month)"),
    ("past_year", _PAST + r"(?:12\s+months|year)"),
    ("day_month_year", rf"(?:on\s+)?(\d{{1,2}})\s+({_MON})\.?,?\s+({_YEAR})\b"),
    ("month_day_year", rf"(?:on\s+)?({_MON})\.?\s+(\d{{1,2}}),?\s+({_YEAR})\b"),
    ("day_month", rf"(?:on\s+)?(\d{{1,2}})\s+({_MON})\b"),
    ("month_day", rf"(?:on\s+)?({_MON})\.?\s+(\d{{1,2}})\b(?!,?\s*{_YEAR})"),
    ("month_year", rf"(?:in\s+)?({_MON})\.?\s+({_YEAR})\b"),
    ("last_year", r"last\s+year|the\s+previous\s+year|a\s+year\s+(?:ago|earlier)"),
    ("this_year", r"this\s+year"),
    ("last_month", r"last\s+month|the\s+previous\s+month"),
    ("this_month", r"this\s+month"),
    ("last_week", r"last\s+week|the\s+previous\s+week"),
    ("this_week", r"this\s+week"),
    ("night_into", rf"overnight\s+(?:into|to)\s+({_DAY})"),
    ("overnight", r"overnight|last\s+night|tonight"),
    ("yesterday", r"yesterday"),
    ("today", r"today"),
    ("weekday", rf"(?:on\s+|last\s+)?({_DAY})(?:\s+(?:night|morning|afternoon|evening))?"),
    ("last_named_month", rf"last\s+({_MON})\b"),
    ("month", rf"(?:in|during|for|throughout)\s+({_MON})\b"),
    ("year", rf"(?:in|during|for|throughout|of)\s+({_YEAR})\b"),
)
# The lookahead holds the first letter of every alternative: a word boundary before
# any other character fails at once instead of trying all of them (same matches).
_ANY = re.compile(r"\b(?=[\dadfijlmnostwy])(?:"
                  + "|".join(f"(?P<{k}>{p})" for k, p in _PATTERNS) + r")\b", re.I)
# What a reporting verb governs is the time of the statement, not of the count.
_SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|reported|reports|announced|announces|stated|wrote|"
    r"added|posted|tweeted|according\s+to|in\s+a\s+statement|at\s+a\s+(?:briefing|news)|"
    r"published|released|issued)\b", re.I)
_SAID_WHEN = re.compile(
    r"\b(?:said|says|told\s+\w+|reported|announced|stated|published|released|issued|"
    r"wrote|posted)(?:\s+(?:in|at)\s+(?:a|an|the|its)\s+\w+(?:\s+\w+)?)?\s*$", re.I)
_IN_RELATIVE = re.compile(r"\b(?:that|which|who|where)\s+[^,;]{0,30}$", re.I)
_RELATIVE = re.compile(r"\b(?:that|which|who|where|when|after|before|as|while)\b", re.I)
# the same without (?i), for the claim in lower case (see `_HINT_LOW`)
_SPEECH_LOW = re.compile(_SPEECH.pattern)
_SAID_WHEN_LOW = re.compile(_SAID_WHEN.pattern)
_IN_RELATIVE_LOW = re.compile(_IN_RELATIVE.pattern)
_RELATIVE_LOW = re.compile(_RELATIVE.pattern)
_CLAUSE_END = re.compile(r"(?=[;:,\s])(?:[;:]|,\s+(?:and|but|while|whereas)\b|\s+while\s+"
                         r"|\s+but\s+)")


@dataclass(frozen=True, slots=True)
class Period:
    """A normalised period: `start`/`end` (inclusive days) when resolved; otherwise the
    label's `anchor` ("current", "prior", or None when it is an absolute but yearless
    name such as a month), its rank (1 day … 4 year) and, for "since …", the start as
    (month, day)."""

    label: str
    start: date | None = None
    end: date | None = None
    anchor: str | None = None
    rank: int = 0
    since: tuple[int, int] | None = None

    @property
    def resolved(self) -> bool:
        return self.start is not None and self.end is not None


def _month(word: str) -> int:
    w = word.lower()[:3]
    return next(i + 1 for i, m in enumerate(MONTHS) if m.startswith(w))


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_end(y: int, m: int) -> date:
    return (date(y + (m == 12), m % 12 + 1, 1)) - timedelta(days=1)


def _label(start: date, end: date) -> str:
    if start == end:
        return start.isoformat()
    if start.day == 1 and end == _month_end(start.year, start.month):
        return f"{start.year:04d}-{start.month:02d}"
    if (start.month, start.day) == (1, 1) and (end.month, end.day) == (12, 31) \
            and start.year == end.year:
        return f"{start.year:04d}"
    return f"{start.isoformat()}/{end.isoformat()}"


def _span(start: date | None, end: date | None, fallback: str, **kw: object) -> Period:
    if start is None or end is None or start > end:
        return Period(fallback, **kw)  # type: ignore[arg-type]
    return Period(_label(start, end), start, end)


@lru_cache(maxsize=1 << 12)  # phrases repeat ("overnight", "on Monday"); periods are frozen
def _resolve(kind: str, g: tuple[str | None, ...], words: str, today: date | None) -> Period:
    """The period `words` (matched as `kind`, groups `g`) names, against `today`."""
    t = today
    low = " ".join(words.lower().split())
    if kind == "since_day":
        ds, ms = (g[0], g[1]) if g[0] else (g[3], g[2])
        mon, dd = _month(ms or ""), int(ds or 1)
        start = _safe(t.year, mon, dd) if t else None
        if t and start and start > t:
            start = _safe(t.year - 1, mon, dd)
        return _span(start, t, f"since {dd} {MONTHS[mon - 1]}", anchor="current", rank=3,
                     since=(mon, dd))
    if kind == "since_month":
        mon = _month(g[0] or "")
        start = date(t.year, mon, 1) if t else None
        if t and start and start > t:
            start = date(t.year - 1, mon, 1)
        return _span(start, t, f"since {MONTHS[mon - 1]}", anchor="current", rank=4,
                     since=(mon, 1))
    if kind == "month_to_date":
        return _span(t.replace(day=1) if t else None, t, "this month", anchor="current", rank=3)
    if kind == "year_to_date":
        return _span(date(t.year, 1, 1) if t else None, t, "this year", anchor="current",
                     rank=4)
    if kind in ("past_days", "past_week", "past_month", "past_year"):
        fixed = {"past_week": 7, "past_month": 30, "past_year": 365}
        days = fixed[kind] if kind in fixed else int(g[0] or 24) // 24
        label = {"past_week": "past week", "past_month": "past month",
                 "past_year": "past year"}.get(kind, f"past {days * 24} hours")
        rank = {"past_week": 2, "past_month": 3, "past_year": 4}.get(kind, 1)
        return _span(t - timedelta(days=days) if t else None, t, label, anchor="current",
                     rank=rank)
    if kind in ("day_month_year", "month_day_year"):
        ds, ms, ys = (g[0], g[1], g[2]) if kind == "day_month_year" else (g[1], g[0], g[2])
        on = _safe(int(ys or 0), _month(ms or ""), int(ds or 0))
        return _span(on, on, low)
    if kind in ("day_month", "month_day"):
        ds, ms = (g[0], g[1]) if kind == "day_month" else (g[1], g[0])
        mon, dd = _month(ms or ""), int(ds or 0)
        on = _safe(t.year, mon, dd) if t else None
        if t and on and on > t + timedelta(days=1):
            on = _safe(t.year - 1, mon, dd)
        return _span(on, on, f"{dd} {MONTHS[mon - 1]}", rank=1)
    if kind == "month_year":
        year, mon = int(g[1] or 0), _month(g[0] or "")
        return _span(date(year, mon, 1), _month_end(year, mon), low)
    if kind == "year":
        year = int(g[0] or 0)
        return _span(date(year, 1, 1), date(year, 12, 31), str(year))
    if kind == "last_named_month":  # "last November": the latest one before this month
        mon = _month(g[0] or "")
        if t is None:
            return Period(f"last {MONTHS[mon - 1]}", anchor="prior", rank=3)
        year = t.year if mon < t.month else t.year - 1
        return _span(date(year, mon, 1), _month_end(year, mon), f"last {MONTHS[mon - 1]}")
    if kind == "month":
        mon = _month(g[0] or "")
        if t is None:
            return Period(MONTHS[mon - 1], rank=3)
        year = t.year if mon <= t.month else t.year - 1
        return _span(date(year, mon, 1), min(_month_end(year, mon), t), MONTHS[mon - 1])
    if kind == "this_year":  # so far: a count "this year" runs to the day it is given
        return _span(date(t.year, 1, 1) if t else None, t, "this year", anchor="current",
                     rank=4)
    if kind == "last_year":
        prev = None if t is None else t.year - 1
        return _span(date(prev, 1, 1) if prev else None, date(prev, 12, 31) if prev else None,
                     "last year", anchor="prior", rank=4)
    if kind in ("this_month", "last_month"):
        if t is None:
            return Period(kind.replace("_", " "), anchor=kind.split("_")[0]
                          .replace("this", "current").replace("last", "prior"), rank=3)
        first = t.replace(day=1)
        if kind == "this_month":
            return _span(first, t, "this month")
        first = (first - timedelta(days=1)).replace(day=1)
        return _span(first, _month_end(first.year, first.month), "last month")
    if kind in ("this_week", "last_week"):
        if t is None:
            return Period(kind.replace("_", " "), anchor="current" if kind == "this_week"
                          else "prior", rank=2)
        monday = t - timedelta(days=t.weekday()) - timedelta(days=7 * (kind == "last_week"))
        end = t if kind == "this_week" else monday + timedelta(days=6)
        return _span(monday, end, kind.replace("_", " "))
    if kind in ("overnight", "today"):
        return _span(t, t, kind if kind == "today" else "overnight", anchor="current", rank=1)
    if kind == "yesterday":
        y1 = t - timedelta(days=1) if t else None
        return _span(y1, y1, "yesterday", anchor="prior", rank=1)
    if kind in ("weekday", "night_into"):
        wd = _DAYS.index((g[0] or "").lower())
        if t is None:
            return Period(_DAYS[wd], rank=1)
        back = (t.weekday() - wd) % 7
        on = t - timedelta(days=back)
        return _span(on, on, _DAYS[wd])
    return Period(low)


_GROUPS: dict[str, tuple[int, int]] = {}


def _group_slices() -> dict[str, tuple[int, int]]:
    """Which numbered groups of `_ANY` belong to each kind (computed once)."""
    if not _GROUPS:
        index = _ANY.groupindex
        kinds = sorted(((index[k], k) for k, _ in _PATTERNS))
        for i, (gi, k) in enumerate(kinds):
            end = kinds[i + 1][0] if i + 1 < len(kinds) else _ANY.groups + 1
            _GROUPS[k] = (gi + 1, end)
    return _GROUPS


@dataclass(frozen=True, slots=True)
class Mention:
    """A period phrase in a text: where it is, its words, and what it means."""

    start: int
    end: int
    words: str
    period: Period


# Every pattern holds one of these as a whole word (a month or weekday name, a year) or
# a word's start; a text with none has no period (a cheap first test, since most claims
# name none and the full pattern is long).
_HINT = re.compile(r"\b(?=[\dadfjlmnopstwy])(?:since|year|month|week|past|last|previous|"
                   rf"overnight|tonight|today|yesterday|{_DAY}|{_MON}\b|{_YEAR})", re.I)


# The same two patterns without (?i), run on the text in lower case: `re` then skips an
# alternative at its first letter instead of entering it, so the scan costs about half.
# Exact whenever `folded` gives the lower case (no letter that (?i) matches to an ASCII
# one while `str.lower` keeps it apart): the case-blind match of an ASCII pattern is then
# the case-sensitive match on the lower-case text, at the same offsets; the words are
# taken from the text itself.
_HINT_LOW = re.compile(_HINT.pattern)
_ANY_LOW = re.compile(_ANY.pattern)


_HINT_REACH = 16
"""Characters a phrase can hold before its first hint word when its spaces are single:
"so far this month", "during the past week", "throughout 2024" (12 at most)."""
_SPACE_RUN = re.compile(r"\s\s")


def _phrases(low: str, hint: re.Match[str] | None = None) -> Iterator[re.Match[str]]:
    """`_ANY_LOW.finditer(low)`, tried only from `_HINT_REACH` characters before each hint
    word on when no two spaces follow each other (every phrase holds a hint word there,
    so none starts earlier): `finditer_near` from the first hint, `hint` when the gate
    of `mentions` has found it already."""
    if _SPACE_RUN.search(low):
        yield from _ANY_LOW.finditer(low)
        return
    pos = 0
    a = hint or _HINT_LOW.search(low)
    while a is not None:
        m = _ANY_LOW.search(low, max(pos, a.start() - _HINT_REACH))
        if m is None:
            return
        yield m
        pos = m.end()
        a = _HINT_LOW.search(low, pos)


@lru_cache(maxsize=1 << 12)
def mentions(text: str, published: str | None) -> tuple[Mention, ...]:
    """Every period phrase of `text`, resolved against the publication date."""
    low = claim_folded(text)
    hint = _HINT.search(text) if low is None else _HINT_LOW.search(low)
    if not hint:
        return ()
    today = _day(published)
    slices = _group_slices()
    out = []
    for m in _ANY.finditer(text) if low is None else _phrases(low, hint):
        kind = m.lastgroup or ""
        a, b = slices[kind]
        spans = m.regs
        groups = tuple(text[spans[i][0] : spans[i][1]] if spans[i][0] >= 0 else None
                       for i in range(a, b))
        words = text[m.start() : m.end()]
        out.append(Mention(m.start(), m.end(), words, _resolve(kind, groups, words, today)))
    return tuple(out)


@lru_cache(maxsize=64)  # one date per article
def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def period_near(text: str, start: int, end: int, published: str | None) -> Mention | None:
    """The period that modifies the figure at text[start:end], or None.

    The nearest phrase in the figure's clause, skipping one governed by a reporting
    verb ("said on Sunday": a speech verb between the figure and the phrase) and one
    inside another relative clause ("floods that struck on Friday"). The case-blind
    word tests run without (?i) on the claim in lower case when `folded` gives it (see
    `_HINT_LOW`); `_CLAUSE_END` is case-sensitive and reads the text itself."""
    found = mentions(text, published)
    if not found:
        return None
    low = claim_folded(text)
    hay, speech, said, relative, in_relative = (
        (text, _SPEECH, _SAID_WHEN, _RELATIVE, _IN_RELATIVE) if low is None
        else (low, _SPEECH_LOW, _SAID_WHEN_LOW, _RELATIVE_LOW, _IN_RELATIVE_LOW))
    best: tuple[int, Mention] | None = None
    for m in found:
        if m.end <= start:
            a, b = m.end, start
        elif m.start >= end:
            a, b = end, m.start
        else:
            continue
        dist = b - a
        if dist > 90 or speech.search(hay[a:b]) or _CLAUSE_END.search(text[a:b]):
            continue
        if said.search(hay[max(0, m.start - 40) : m.start]):
            continue  # "said in a report published on December 3": when it was said
        if m.start >= end and relative.search(hay[a:b]) and not relative.search(
                hay[max(0, start - 40) : start]):
            continue  # "…, where the river burst its banks on Saturday"
        if m.end <= start and in_relative.search(hay[max(0, m.start - 40) : m.start]):
            continue  # "Floods that struck on Friday have killed 31": the floods' time
        if best is None or dist < best[0]:
            best = (dist, m)
    return None if best is None else best[1]


_ISO_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_ISO_YEAR = re.compile(r"^(\d{4})$")
_ISO_SPAN = re.compile(r"^(\d{4}-\d\d-\d\d)/(\d{4}-\d\d-\d\d)$")


@lru_cache(maxsize=1 << 12)
def parse_period(label: str) -> Period:
    """The period a stored label names (the inverse of `Period.label`)."""
    s = " ".join(label.lower().split())
    try:
        if m := _ISO_SPAN.match(s):
            return Period(s, date.fromisoformat(m.group(1)), date.fromisoformat(m.group(2)))
        if m := _ISO_DAY.match(s):
            d = date.fromisoformat(s)
            return Period(s, d, d)
        if m := _ISO_MONTH.match(s):
            y, mo = int(m.group(1)), int(m.group(2))
            return Period(s, date(y, mo, 1), _month_end(y, mo))
        if m := _ISO_YEAR.match(s):
            y = int(s)
            return Period(s, date(y, 1, 1), date(y, 12, 31))
    except ValueError:
        return Period(s)
    if s in MONTHS:
        return Period(s, rank=3)
    for text in (s, "the " + s):  # "past week" is stored without its article
        found = [x for x in mentions(text, None) if x.start == 0 and x.end == len(text)]
        if found:
            return found[0].period
    return Period(s)


def same_period(a: Period, b: Period) -> bool | None:
    """True when both name one period, False when they differ, None when unknown."""
    if a.resolved and b.resolved:
        return (a.start, a.end) == (b.start, b.end)
    if a.label == b.label:
        return True
    if a.rank and b.rank and a.rank != b.rank:
        return False  # a day is not a week, whenever they are
    if a.anchor and b.anchor and a.anchor != b.anchor:
        return False  # this year is not last year
    return None


def likely_within(inner: Period, outer: Period) -> bool:
    """`within`, or, when the words cannot be placed in time (no publication date), a
    shorter period beside a longer named one ("the past week" and "March")."""
    if within(inner, outer):
        return True
    if inner.resolved or outer.resolved or disjoint(inner, outer):
        return False
    return bool(inner.rank and outer.rank and inner.rank < outer.rank
                and (inner.anchor is None or outer.anchor is None))


def within(inner: Period, outer: Period) -> bool:
    """Whether `inner` lies inside `outer` and is shorter (a week inside a month)."""
    if inner.resolved and outer.resolved:
        assert inner.start and inner.end and outer.start and outer.end
        return (outer.start <= inner.start and inner.end <= outer.end
                and (inner.start, inner.end) != (outer.start, outer.end))
    if inner.anchor == outer.anchor == "current" and inner.rank and outer.rank:
        if inner.since and outer.since:  # both run to now: the later start is inside
            return inner.since > outer.since
        if inner.since or outer.since:
            # "since the start of the month" vs "since 3 March": which month is unknown;
            # a month's part is inside any "since <month>" of this year though.
            return (outer.since is not None and outer.rank == 4 and inner.since is None
                    and inner.rank < 4)
        return inner.rank < outer.rank
    return False


def disjoint(a: Period, b: Period) -> bool:
    """Whether the two periods cannot overlap (this year and last year)."""
    if a.resolved and b.resolved:
        assert a.start and a.end and b.start and b.end
        return a.end < b.start or b.end < a.start
    return bool(a.anchor and b.anchor and a.anchor != b.anchor and a.rank == b.rank)

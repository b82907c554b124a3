"""The publication date an article states at its top, when it states one.

The cross-article `same` window compares figures only between articles published within
days of each other, so an article without a date is compared with undated ones only.
Pages usually carry the date in their metadata (read in `claims.html_text`); plain text
and some pages carry it in the first lines instead:

    KYIV, Nov 23, 2024 (Reuters) - ...
    Published: 26 November 2024 10:04 GMT
    By Jane Smith | November 26, 2024

Only the opening lines are read, and only a line that is a date with little else
(labels, a time, a short byline) or a dateline (a place in capitals, the date, a dash),
since "On 21 November 2024, Russia launched..." dates the event, not the article.
"""

from __future__ import annotations

import re
from datetime import date

from claims.errors import InputError

HEAD_LINES = 6
MAX_LINE = 120
MAX_OTHER_WORDS = 4

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATES = (
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
)
# What may stand beside a date on a date line: labels, weekdays, a time, a zone.
_LABELS = re.compile(
    r"\b(?:published|updated|last|posted|first|modified|on|at|date|dated|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"a\.?m|p\.?m|gmt|utc|bst|cet|cest|est|edt|pst|pdt|msk|eet|eest)\b\.?"
    r"|\b\d{1,2}[:.]\d{2}(?::\d{2})?\b|[|,;:()\-–—•·/]",
    re.IGNORECASE,
)
_UPDATED = re.compile(r"^\W*(?:last\s+)?(?:updated|modified)\b", re.IGNORECASE)
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z .'’-]{1,30})?,\s*$")
_AFTER_DATELINE = re.compile(r"^\s*(?:\([^)]{1,40}\))?\s*[-–—]")


def _parse(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS[groups["month"].lower()]
    try:
        return date(int(groups["year"]), month, int(groups["day"])).isoformat()
    except ValueError:
        return None


def _first_date(line: str) -> tuple[re.Match[str], str] | None:
    found = [m for pattern in _DATES if (m := pattern.search(line))]
    for match in sorted(found, key=lambda m: m.start()):
        day = _parse(match)
        if day is not None:
            return match, day
    return None


def _is_date_line(line: str, match: re.Match[str]) -> bool:
    """The date with only labels, a time or a short byline around it, or a dateline."""
    before, after = line[: match.start()], line[match.end() :]
    if _DATELINE.match(before) and _AFTER_DATELINE.match(after):
        return True
    rest = _LABELS.sub(" ", f"{before} {after}").split()
    if rest and rest[0].casefold() == "by":  # "By Jane Smith | November 26, 2024"
        return len(rest) <= MAX_OTHER_WORDS + 1
    return not rest


def dateline_date(text: str) -> str | None:
    """The ISO date (YYYY-MM-DD) an article's opening lines give as its own, else None.

    A "Published" date wins over an "Updated" one; a line saying only when the article
    was updated is used when no other date is given.
    """
    updated: str | None = None
    lines = (line.strip() for line in text.splitlines())
    for line in [line for line in lines if line][:HEAD_LINES]:
        if len(line) > MAX_LINE:
            head = line[:MAX_LINE]
            found = _first_date(head)
            # a long first paragraph counts only when it opens with a dateline
            if found is None or not _DATELINE.match(head[: found[0].start()]):
                continue
        else:
            found = _first_date(line)
        if found is None or not _is_date_line(line, found[0]):
            continue
        if _UPDATED.match(line):
            updated = updated or found[1]
            continue
        return found[1]
    return updated


def iso_date(value: str, option: str = "--published") -> str:
    """A date a user typed, as YYYY-MM-DD, else `InputError` naming the option."""
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise InputError(f"{option} {value!r} is not a date like 2024-11-26") from None

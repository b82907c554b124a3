"""Places: which names are countries, regions or cities, what contains what, demonyms.

Shared by reconciliation (a figure's place, and containment: a city inside a region
inside a country, a US state inside the US) and attribution ("the Ukrainian defence
ministry" is Ukraine's). The gazetteer comes from the `countryinfo` package (countries
with their alternative spellings, demonyms, capitals and first-level divisions, MIT),
built into small lookup tables once, when `gazetteer.json` beside this module is
regenerated (`python -m tests.core.test_gazetteer --regenerate`; a test keeps the file
equal to a fresh build). The file is read on the first question, never at import, so
`claims --help` and commands that read no article text pay nothing. See
`docs/dependencies.md` for what was measured against it.

Names are matched case-insensitively and with or without a leading "the". Anything
the gazetteer does not know (an invented town, most cities) is simply unknown:
`is_place` is False and `contains` is False, and callers fall back on the words of the
text ("the town of …", "… County").

API:
    is_place(name)        -> bool     a country, a first-level division or a capital
    kind_of(name)         -> "country" | "region" | "city" | None
    state_abbreviation(s) -> bool     "Mo.", "N.C.", "OH": a US state as written after a town
    country_of(name)      -> str | None   the country's canonical name ("Kyiv" -> "Ukraine")
    demonym(word)         -> str | None   "Ukrainian" -> "Ukraine"
    contains(outer, inner) -> bool    "Ukraine" contains "Kyiv"; "United States" contains "Ohio"
    level(name)           -> 1 city, 2 region, 3 country, or None
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

# Spellings news uses that the gazetteer lacks; each maps to a name it has.
_EXTRA_NAMES = {
    "america": "united states", "u.s.": "united states", "u.s": "united states",
    "u.s.a.": "united states", "us": "united states", "usa": "united states",
    "the states": "united states", "britain": "united kingdom", "great britain":
    "united kingdom", "u.k.": "united kingdom", "uk": "united kingdom",
    "holland": "netherlands", "kiev": "kyiv",
}
_EXTRA_DEMONYMS = {"saudi": "saudi arabia", "korean": None, "kiwi": "new zealand"}
_LEVELS = {"city": 1, "region": 2, "country": 3}
_PAREN = re.compile(r"^(.*?)\s*\((.*?)\)\s*$")


class _Entry(NamedTuple):
    """A known place. (A named tuple: the gazetteer builds about five thousand on the
    first place question, and a frozen dataclass costs several times more to build.)"""

    name: str  # as the gazetteer spells it
    kind: str  # "country" | "region" | "city"
    country: str  # the containing country's canonical name (itself for a country)


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    names: dict[str, _Entry]
    demonyms: dict[str, str]


def _key(name: str) -> str:
    k = " ".join(name.replace("’", "'").split()).lower()
    return k[4:] if k.startswith("the ") else k


def build_gazetteer(countries: dict[str, dict[str, Any]]) -> _Gazetteer:
    """The tables, from `countryinfo`'s records (`CountryInfo.all()`). Run when the data
    file is regenerated (tests/core/test_gazetteer.py), not by the tool: reading the
    package's 2 MB of JSON cost every process about 40 ms, the file below about 6."""
    names: dict[str, _Entry] = {}
    demonyms: dict[str, str] = {}
    # Countries first, so a province never takes a country's name ("Georgia" stays a
    # country; its US namesake is the same word and containment is then ambiguous);
    # the most populous first, so a shared demonym ("American") names the larger one.
    by_size = sorted(countries.values(), key=lambda i: -(i.get("population") or 0))
    for info in by_size:
        country = str(info.get("name") or "")
        if not country:
            continue
        entry = _Entry(country, "country", country)
        names[_key(country)] = entry
        for alt in info.get("altSpellings") or ():
            if len(alt) > 3 and alt[:1].isupper():  # codes ("UA", "UKR") are not words
                names.setdefault(_key(alt), entry)
        dem = info.get("demonym")
        if isinstance(dem, str) and dem:
            demonyms.setdefault(_key(dem), country)
    # A division's name shared by several countries goes to the most populous one
    # ("Florida" is a US state before it is a municipality of Puerto Rico).
    for info in by_size:
        country = str(info.get("name") or "")
        if not country:
            continue
        capitals = info.get("capital") or ()
        for capital in [capitals] if isinstance(capitals, str) else capitals:
            if (k := _key(capital)) not in names:  # (`setdefault`, built only when new)
                names[k] = _Entry(capital, "city", country)
        for prov in info.get("provinces") or ():
            m = _PAREN.match(prov) if "(" in prov else None  # (its literal)
            region, seat = (m.group(1), m.group(2)) if m else (prov, None)
            if (k := _key(region)) not in names:
                names[k] = _Entry(region, "region", country)
            if seat and (k := _key(seat)) not in names:
                names[k] = _Entry(seat, "city", country)
    for alias, target in _EXTRA_NAMES.items():
        if target in names:
            names.setdefault(alias, names[target])
    for word, nation in _EXTRA_DEMONYMS.items():
        if nation is None:
            demonyms.pop(word, None)
        elif nation in names:
            demonyms[word] = names[nation].name
    return _Gazetteer(names, demonyms)


_DATA = "gazetteer.json"
_KINDS = {"c": "country", "r": "region", "t": "city"}
_CODES = {v: k for k, v in _KINDS.items()}


@cache
def _gazetteer() -> _Gazetteer:
    """Loaded once per process on the first place question (never at import), beside
    this module (importlib.resources would cost more than the read)."""
    return gazetteer_from_json(Path(__file__).with_name(_DATA).read_text("utf-8"))


def gazetteer_json(g: _Gazetteer) -> str:
    """The tables as the data file holds them: JSON with one name a line, so a
    regenerated file diffs by name. A row is [name, kind, country index], plus its key
    where that is not the name's own ("u.s." for "United States")."""
    countries = sorted({e.country for e in g.names.values()})
    index = {c: i for i, c in enumerate(countries)}
    rows = [json.dumps([e.name, _CODES[e.kind], index[e.country], *(
        [] if _key(e.name) == k else [k])], ensure_ascii=False) for k, e in g.names.items()]
    head = json.dumps({"source": "countryinfo (MIT), by claims.core.places.build_gazetteer",
                       "countries": countries, "demonyms": g.demonyms}, ensure_ascii=False)
    return head[:-1] + ', "names": [\n' + ",\n".join(rows) + "\n]}\n"


def gazetteer_from_json(text: str) -> _Gazetteer:
    data = json.loads(text)
    countries: list[str] = data["countries"]
    names: dict[str, _Entry] = {}
    new = tuple.__new__  # (`_Entry(...)` runs a Python `__new__`; five thousand rows)
    for row in data["names"]:
        entry = new(_Entry, (row[0], _KINDS[row[1]], countries[row[2]]))
        names[row[3] if len(row) > 3 else _key(row[0])] = entry
    return _Gazetteer(names, data["demonyms"])


@lru_cache(maxsize=1 << 12)
def _entry(name: str) -> _Entry | None:
    return _gazetteer().names.get(_key(name))


def is_place(name: str) -> bool:
    """Whether the gazetteer knows `name` (a country, a first-level division, a capital
    or a regional seat)."""
    return _entry(name) is not None


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# US states as news style writes them after a town ("Velton, Mo.", "Berea, OH"): the
# abbreviated forms the gazetteer does not hold (attribution: a state so placed locates
# the town before it and never speaks).
_STATE_ABBREVIATIONS = _words(
    "ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss "
    "mo mont neb nev n.h n.j n.m n.y n.c n.d okla ore pa r.i s.c s.d tenn tex vt va wash "
    "w.va wis wyo d.c")
_POSTAL_STATES = _words(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV "
    "NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC")


def state_abbreviation(segment: str) -> bool:
    """Whether `segment` is a US state abbreviated ("Mo.", "N.C.", "Calif.", "OH")."""
    seg = segment.strip()
    return seg in _POSTAL_STATES or seg.endswith(".") and seg[:1].isupper() and (
        seg[:-1].lower() in _STATE_ABBREVIATIONS)


def kind_of(name: str) -> str | None:
    e = _entry(name)
    return None if e is None else e.kind


def level(name: str) -> int | None:
    """1 city, 2 region (a state, province, oblast), 3 country: the scale the area
    rules compare."""
    e = _entry(name)
    return None if e is None else _LEVELS[e.kind]


def canonical(name: str) -> str | None:
    """The gazetteer's spelling of a known place ("the U.S." -> "United States")."""
    e = _entry(name)
    return None if e is None else e.name


def country_of(name: str) -> str | None:
    """The country a known place is in (a country is in itself), or a demonym's country."""
    e = _entry(name)
    if e is not None:
        return e.country
    return demonym(name)


@lru_cache(maxsize=1 << 12)
def demonym(word: str) -> str | None:
    """The country a demonym names ("Ukrainian" -> "Ukraine", "Ukrainians" too)."""
    d = _gazetteer().demonyms
    k = _key(word)
    return d.get(k) or (d.get(k[:-1]) if k.endswith("s") else None)


def contains(outer: str, inner: str) -> bool:
    """Whether place `outer` contains place `inner`, by the gazetteer: a country
    contains its divisions and cities. Equal places do not contain each other; unknown
    places contain nothing."""
    o, i = _entry(outer), _entry(inner)
    if o is None or i is None or o == i:
        return False
    return o.kind == "country" and i.kind != "country" and i.country == o.name

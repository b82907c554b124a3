"""The gazetteer data file (`claims/core/gazetteer.json`) is `countryinfo` built into
lookup tables: reading it costs a process about 8 ms where building from the package
cost about 40 ms. These tests keep the shipped file equal to a fresh build, and the
lookups it serves exact. When `countryinfo` or the build rules change, regenerate:

    .venv/bin/python -m tests.core.test_gazetteer --regenerate

and review the diff (one place a line).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from claims.core import places

DATA = Path(places.__file__).with_name("gazetteer.json")


def _fresh() -> places._Gazetteer:
    countryinfo = pytest.importorskip("countryinfo")
    return places.build_gazetteer(countryinfo.CountryInfo.all())


def test_the_shipped_file_is_a_fresh_build_of_countryinfo() -> None:
    fresh = _fresh()
    shipped = places.gazetteer_from_json(DATA.read_text("utf-8"))
    assert shipped.demonyms == fresh.demonyms
    assert list(shipped.names.items()) == list(fresh.names.items())  # order included
    assert DATA.read_text("utf-8") == places.gazetteer_json(fresh)  # byte for byte


def test_the_file_round_trips() -> None:
    g = places._gazetteer()
    assert places.gazetteer_from_json(places.gazetteer_json(g)) == g


@pytest.mark.parametrize(("name", "kind", "country"), [
    ("Kyiv", "city", "Ukraine"),
    ("Ohio", "region", "United States"),
    ("the United Kingdom", "country", "United Kingdom"),
    ("u.s.", "country", "United States"),  # a key that is not the name's own spelling
    ("Britain", "country", "United Kingdom"),
])
def test_lookups_read_the_file(name: str, kind: str, country: str) -> None:
    assert places.kind_of(name) == kind
    assert places.country_of(name) == country


def test_demonyms_read_the_file() -> None:
    assert places.demonym("Ukrainian") == "Ukraine"
    assert places.demonym("Korean") is None  # two Koreas: no guess


def main() -> int:
    if sys.argv[1:] != ["--regenerate"]:
        print(__doc__)
        return 2
    from countryinfo import CountryInfo

    DATA.write_text(places.gazetteer_json(places.build_gazetteer(CountryInfo.all())), "utf-8")
    print(f"wrote {DATA}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

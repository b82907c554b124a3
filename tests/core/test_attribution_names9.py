"""Registry names and types after the ninth hand-judged sample (issue 14, names9).

Every text and name here is invented; none comes from a corpus.
"""

from __future__ import annotations

import pytest

from claims.core.attribution.sources import match_source
from claims.core.model import Source, SourceType


def registry(*names: str) -> tuple[Source, ...]:
    return tuple(Source(name=n, type=SourceType.OTHER) for n in names)


@pytest.mark.parametrize(
    ("name", "held"),
    [
        ("Dan Backman", "Dean Bakman"),  # both words differ: two people
        ("Richard Hollis", "Richard Holis"),  # a known first name, another surname
        ("Ann Roe", "Ann Rowe"),
    ],
)
def test_close_spellings_of_two_people_never_match(name: str, held: str) -> None:
    assert match_source(name, registry(held)) is None


@pytest.mark.parametrize(
    ("name", "held"),
    [
        ("Kirsten Vallner", "Kristen Vallner"),  # a typo in the given name
        ("Joseph R. Vallner", "Joseph Vallner"),  # a middle initial
        ("Joseph R. Vallner Jr.", "Joseph R. Vallner"),  # a generational suffix
        ("Felipe Calderón", "Felipe Calderon"),  # an accent
        ("Velmora Polling Instiute", "Velmora Polling Institute"),  # a body's typo
    ],
)
def test_one_persons_spellings_still_match(name: str, held: str) -> None:
    assert match_source(name, registry(held)) == held

"""The publication date an article states in its first lines, and only that one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.core.text.dateline import dateline_date, iso_date
from claims.errors import InputError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KYIV, Nov 23, 2024 (Reuters) - The ministry said 40 people died.", "2024-11-23"),
        ("WASHINGTON, D.C., March 3, 2023 — Officials said 12 roads closed.", "2023-03-03"),
        ("Title\nPublished: 26 November 2024 10:04 GMT\nBody.", "2024-11-26"),
        ("Title\nBy Jane Smith | November 26, 2024\nBody.", "2024-11-26"),
        ("Title\nMonday, 25 November 2024\nBody.", "2024-11-25"),
        ("Title\n2024-11-24\nBody.", "2024-11-24"),
        ("Title\nUpdated 27 Nov 2024\nPublished 26 Nov 2024\nBody.", "2024-11-26"),
        ("Title\nLast updated: 2024-11-28 09:00\nBody.", "2024-11-28"),
        ("LONDON, 5 May 2024 (AP) — " + "word " * 60, "2024-05-05"),
    ],
)
def test_a_stated_date_is_found(text: str, expected: str) -> None:
    assert dateline_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "On 21 November 2024, Russia launched a missile at Dnipro.",  # the event's date
        "The report of 12 March 2024 said 40 people died.",
        "Feb 30, 2024",  # no such day
        "NATO and Ukraine\n\nRepresentatives will gather in Brussels.",
        "a\nb\nc\nd\ne\nf\nNovember 26, 2024",  # too far down
        "The ministry said on Monday, November 25, 2024 that 40 people died.",
    ],
)
def test_a_date_in_the_story_is_not_the_publication_date(text: str) -> None:
    assert dateline_date(text) is None


@given(st.text(max_size=400))
def test_never_fails_and_answers_an_iso_date(text: str) -> None:
    found = dateline_date(text)
    assert found is None or iso_date(found) == found


def test_iso_date_names_the_option() -> None:
    assert iso_date(" 2024-11-26 ") == "2024-11-26"
    with pytest.raises(InputError, match=r"^--since '26\.11\.2024' is not a date like"):
        iso_date("26.11.2024", "--since")

"""Definite descriptions with describing words (issue 14, item 4): "the German carmaker"
and "the tech giant" are the firm last met, as "the company" is.

Every text here is invented; none comes from a corpus.
"""

from __future__ import annotations

import pytest

from claims.core.attribution.references import generic_key
from tests.core.attribution_support import names, run, sources_of, types


@pytest.mark.parametrize("description", [
    "The German company", "The carmaker", "The Seattle-based firm", "The tech giant",
    "The Dutch chipmaker",
])
def test_a_described_firm_is_the_firm_last_met(description: str) -> None:
    text = f"Korvex Corp said sales rose. {description} said deliveries fell 9%."
    assert sources_of(run(text)) == ["Korvex Corp", "Korvex Corp"]
    assert names(run(text)) == ["Korvex Corp"]


@pytest.mark.parametrize(("description", "source"), [
    ("The rival company", "Rival company"),     # points away from the firm last met
    ("The lawmaker", "Lawmaker"),               # a maker of laws is a person
    ("The Republican party", "Republican party"),  # a capitalised word names this party
])
def test_a_description_that_names_another_party_stays_its_own(
    description: str, source: str
) -> None:
    text = f"Korvex Corp said sales rose. {description} said deliveries fell 9%."
    assert sources_of(run(text)) == ["Korvex Corp", source]


@pytest.mark.parametrize(("key", "head"), [
    ("company", "company"), ("german company", "company"), ("automaker", "maker"),
    ("oil giant", "company"), ("conservative think tank", None), ("trade group", None),
    ("rival company", None), ("policymaker", None), ("giant", None), ("2 firm", None),
])
def test_generic_key_reads_the_head_past_describing_words(key: str, head: str | None) -> None:
    assert generic_key(key) == head


@pytest.mark.parametrize(("text", "expected"), [
    # "the N-year-old" is the person the article last named, as "he"/"she" would be
    ("Ann Roe voted against the plan on Monday. The 72-year-old said it was flawed.",
     ["Ann Roe", "Ann Roe"]),
    ("Ann Roe voted against the plan on Monday. The 72-year-old senator said it was "
     "flawed.", ["Ann Roe", "Ann Roe"]),
    # a gendered noun after the age must agree: the mother is not Ben Holt
    ("Ben Holt spoke first. The 45-year-old mother of three told reporters the water was "
     "unsafe.", [None, "Mother of three"]),
    ("Ann Roe spoke first. The 45-year-old mother of three told reporters the water was "
     "unsafe.", [None, "Ann Roe"]),
    # with nobody named before, the words after the age name the speaker
    ("The 72-year-old senator said the bill would pass.", ["Senator"]),
])
def test_an_age_describes_a_person_the_article_names(
    text: str, expected: list[str | None]
) -> None:
    assert sources_of(run(text)) == expected


@pytest.mark.parametrize(("text", "name"), [
    ("At least 12 people were killed, local media reported.", "Local media"),
    ("At least 12 people were killed, state media reported.", "State media"),
    ("Chinese state media said 12 people were killed.", "Chinese state media"),
    ("At least 12 people were killed, state television reported.", "State television"),
])
def test_media_and_television_report_as_media(text: str, name: str) -> None:
    assert sources_of(run(text)) == [name]
    assert types(run(text)) == {name: "media"}


def test_a_company_whose_first_word_ends_in_a_is_no_woman() -> None:
    text = "Velmora Corp said sales rose. The lawmaker said deliveries fell 9%."
    assert sources_of(run(text)) == ["Velmora Corp", "Lawmaker"]
    assert types(run(text))["Velmora Corp"] == "organisation"
    her = "Ilona Varga said the bill would pass. She added that 3 votes were missing."
    assert sources_of(run(her)) == ["Ilona Varga", "Ilona Varga"]

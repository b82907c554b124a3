"""Sources: canonical names, aliases, initialisms, types and registry matching."""

from __future__ import annotations

import pytest

from claims.core.model import Source, SourceType
from claims.core.sources import (
    Entity,
    acronym_definitions,
    gender_of,
    initialism,
    match_source,
    source_type,
    split_descriptor,
    split_person,
    strip_determiner,
    to_source,
)


@pytest.mark.parametrize(
    ("name", "acr"),
    [
        ("Institute for the Study of War", "ISW"),
        ("National Civil Protection Agency", "NCPA"),
        ("Lower Harran Fire and Rescue Service", "LHFRS"),
        ("Tarvia's General Staff", None),  # possessives and short names give none
        ("Harran Energi", None),
        ("analysts", None),
    ],
)
def test_initialism_skips_function_words(name: str, acr: str | None) -> None:
    assert initialism(name) == acr


def test_acronyms_introduced_in_parentheses() -> None:
    text = "the World Health Organization (WHO) and the Fiscal Council (FC) said; (HQ) alone."
    assert acronym_definitions(text) == {"WHO": "World Health Organization", "FC": "Fiscal Council"}


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Finance Minister Petra Lund", ("Petra Lund", "Finance Minister Petra Lund")),
        ("President Putin", ("Putin", "President Putin")),
        ("Mr. Trump", ("Trump", "Mr. Trump")),
        ("Opposition leader Andrei Voss of the Civic Alliance",
         ("Andrei Voss", "Opposition leader Andrei Voss")),
        ("General Staff of Ukraine's armed forces", None),
        ("Institute for the Study of War", None),
    ],
)
def test_split_person(phrase: str, expected: tuple[str, str] | None) -> None:
    assert split_person(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("grid operator Harran Energi", ("Harran Energi", "grid operator")),
        ("Independent Russian news outlet Agentstvo",
         ("Agentstvo", "Independent Russian news outlet")),
        ("independent Fiscal Council", ("Fiscal Council", "independent")),
        ("defense ministry", None),
    ],
)
def test_split_descriptor(phrase: str, expected: tuple[str, str] | None) -> None:
    assert split_descriptor(phrase) == expected


def test_strip_determiner_keeps_a_lone_word() -> None:
    assert strip_determiner("the defense ministry") == "defense ministry"
    assert strip_determiner("The") == "The"


@pytest.mark.parametrize(
    ("name", "role", "gender"),
    [("Petra Lund", "", "f"), ("Grace Oduya", "", "f"), ("John Miles", "", "m"),
     ("Piet Janssen", "An LHFRS spokesman", "m"), ("Jo Lee", "Mrs", "f"), ("Serhiy Nadal", "", "m"),
     ("Kim Park", "", None)],
)
def test_gender_of(name: str, role: str, gender: str | None) -> None:
    assert gender_of(name, role) == gender


@pytest.mark.parametrize(
    ("name", "descriptors", "person", "kind"),
    [
        ("Defense ministry", [], False, SourceType.GOVERNMENT),
        ("Tarvian air force", [], False, SourceType.MILITARY),
        ("General Staff of Ukraine's armed forces", [], False, SourceType.MILITARY),
        ("Institute for the Study of War", [], False, SourceType.THINK_TANK),
        ("Centre for Conflict Mapping", ["an independent research group"], False,
         SourceType.THINK_TANK),
        ("DeepState", ["a group that analyzes combat footage and creates frontline maps"], False,
         SourceType.OSINT),
        ("Agentstvo", ["Independent Russian news outlet"], False, SourceType.MEDIA),
        ("Estmark Red Cross", [], False, SourceType.ORGANISATION),
        ("Analysts", [], False, SourceType.ANALYST),
        ("Petra Lund", ["Finance Minister Petra Lund"], True, SourceType.POLITICIAN),
        ("Ilse Marten", ["Mayor Ilse Marten"], True, SourceType.OFFICIAL),
        ("Anton Weller", [], True, SourceType.OTHER),
    ],
)
def test_source_type_rules(name: str, descriptors: list[str], person: bool,
                           kind: SourceType) -> None:
    assert source_type(Entity(name=name, descriptors=descriptors, person=person)) == kind


def test_aliases_get_both_apostrophes_and_never_a_pronoun() -> None:
    e = Entity(name="Mayor’s office")
    for alias in ("the mayor’s office", "he", "It", "Mayor’s office"):
        e.add_alias(alias)
    assert e.aliases == ["the mayor’s office", "the mayor's office"]


def test_to_source_adds_the_initialism_of_an_organisation() -> None:
    src = to_source(Entity(name="Institute for the Study of War", aliases=["the Institute"]))
    assert src == Source("Institute for the Study of War", SourceType.THINK_TANK,
                         ("the Institute", "ISW"))


REGISTRY = (
    Source("Institute for the Study of War", SourceType.THINK_TANK, ("ISW",)),
    Source("Ukrainian Air Force", SourceType.MILITARY, ("Ukraine’s air force", "the air force")),
    Source("Vladimir Putin", SourceType.POLITICIAN, ("President Putin",)),
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ISW", "Institute for the Study of War"),
        ("the Institute for the Study of War", "Institute for the Study of War"),
        ("Ukraine's air force", "Ukrainian Air Force"),
        ("Vladimir Putn", "Vladimir Putin"),  # fuzzy
        ("Donald Trump", None),
        ("", None),
    ],
)
def test_match_source(name: str, expected: str | None) -> None:
    assert match_source(name, REGISTRY) == expected


def test_match_source_cutoff() -> None:
    assert match_source("Vladimir Putn", REGISTRY, cutoff=99) is None

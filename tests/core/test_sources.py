"""Sources: canonical names, aliases, initialisms, types and registry matching."""

from __future__ import annotations

import pytest

from claims.core.attribution.references import place_form, place_mentions
from claims.core.attribution.sources import (
    Entity,
    acronym_definitions,
    by_article,
    gender_of,
    initialism,
    is_article_qualified,
    is_generic,
    is_unqualified,
    match_source,
    source_type,
    spelling_key,
    split_descriptor,
    split_person,
    strip_determiner,
    to_source,
)
from claims.core.model import Source, SourceType


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


@pytest.mark.parametrize(
    ("name", "generic", "unqualified"),
    [
        ("Finance ministry", True, True),
        ("the air force", True, True),
        ("Analysts", True, True),
        ("Debt management office", True, True),
        ("The city’s military administration", True, True),
        ("the mayor’s office", True, True),
        ("General Staff", True, True),
        ("Hospital spokeswoman", True, True),
        ("Head of the regional defense headquarters", False, True),  # a role, not a body
        ("Mayor", False, True),
        ("Ukraine’s air force", False, False),
        ("Russian defence ministry", False, False),
        ("NATO representative", False, False),
        ("Fiscal Council", False, False),
        ("Analysts (a.txt)", False, False),
        ("", False, False),
    ],
)
def test_bare_generic_names(name: str, generic: bool, unqualified: bool) -> None:
    assert (is_generic(name), is_unqualified(name)) == (generic, unqualified)


def test_names_pinned_to_their_article() -> None:
    assert by_article("Analysts", "a.txt") == "Analysts (a.txt)"
    assert is_article_qualified("Analysts (a.txt)") is True
    assert is_article_qualified("Party of Regions (PoR)") is False
    assert is_article_qualified("Analysts") is False


@pytest.mark.parametrize(
    ("word", "key"),
    [("Defense", "defence"), ("regional", "region"), ("coroner’s", "coroner"),
     ("spokeswoman", "spokesperson"), ("ministry", "ministry")],
)
def test_spelling_key(word: str, key: str) -> None:
    assert spelling_key(word) == key


def test_fuzzy_matching_keeps_the_portfolio() -> None:
    registry = (Source("Russian defence ministry", SourceType.GOVERNMENT),)
    assert match_source("Russian defense ministry", registry) == "Russian defence ministry"
    assert match_source("Russian finance ministry", registry, cutoff=80) is None


def test_place_mentions_and_their_adjectives() -> None:
    text = ("Russian forces took a village in Velmaria. Velmaria's army said 3 died, "
            "near the Velmarian-held town of Osk, as Lower Harran flooded. "
            "Susan said it was calm in March.")
    assert place_mentions(text) == [
        (0, "Russian", True), (33, "Velmaria", False), (43, "Velmaria", True)]
    assert place_form("Velmaria", text) == "Velmarian"
    assert place_form("Russia", "Russia's army") == "Russia"

"""Registry names and types, seventh round (the project's own short texts): offices
and ranks the keyword rules misread, groups of legislators, foreign legal forms, a
person noun that is no place, and a body that only has a spokesman."""

from __future__ import annotations

import pytest

from claims.core.attribution.offices import legislators, military_rank, person_office
from claims.core.attribution.typemerge import merged_type
from claims.core.extraction import extract
from claims.core.model import SourceType
from claims.core.text.documents import make_document


def sources(text: str) -> dict[str, str]:
    return {s.name: s.type.value for s in extract(make_document(text, "t.txt")).sources}


@pytest.mark.parametrize(("text", "name", "kind"), [
    # military ranks, before or after the name; a civilian "general" is no rank
    ("Gen. Mark Tolliver said 40 troops would stay.", "Mark Tolliver", "military"),
    ("Lt. Gen. Mark Tolliver said 40 troops would stay.", "Mark Tolliver", "military"),
    ("Mark Tolliver, a retired admiral, said 40 ships would stay.", "Mark Tolliver",
     "military"),
    ("Lt. Gov. Ann Roe said 40 schools would close.", "Ann Roe", "official"),
    ("Attorney General Ann Roe said 40 cases were closed.", "Ann Roe", "official"),
    # an office of a company is no country's vice-presidency
    ("Marcus Dell, a senior vice president at Corvex, said 300 jobs were cut.",
     "Marcus Dell", "official"),
    # people who comment on markets and policy
    ("Ann Kestrel, a portfolio manager at Brightwater Capital, said shares could fall "
     "10 percent.", "Ann Kestrel", "analyst"),
    ("Ben Morrow, a senior fellow at the Halden Institute, said 30 percent of voters "
     "agree.", "Ben Morrow", "analyst"),
    ("Ann Roe, the chief economist at Corvex Bank, said rates would rise 2 percent.",
     "Ann Roe", "analyst"),
    # local and foreign legislators
    ("Alderman Tom Brisket said the city lost $2 million.", "Tom Brisket", "politician"),
    ("Dan Coyle, a member of the Ruritanian parliament, said 12 people died.",
     "Dan Coyle", "politician"),
    ("Dan Coyle, an MP for the eastern district, said 12 people died.", "Dan Coyle",
     "politician"),
    # a role given elsewhere in the article
    ("Ben Morrow, a senior fellow at the Halden Institute, spoke on Monday. The plan "
     "failed. Ben Morrow said 30 percent of voters agree.", "Ben Morrow", "analyst"),
])
def test_person_offices(text: str, name: str, kind: str) -> None:
    assert sources(text)[name] == kind


@pytest.mark.parametrize("text", [
    "House Republicans said the bill costs $4 billion.",
    "Senate Democrats said the bill costs $4 billion.",
    "Republican senators said the bill costs $4 billion.",
    "State lawmakers said the bill costs $4 billion.",
    "Elite politicians said the bill costs $4 billion.",
])
def test_groups_of_legislators_are_politicians_not_a_chamber(text: str) -> None:
    [(name, kind)] = sources(text).items()
    assert name == text.split(" said")[0]
    assert kind == "politician"


def test_a_foreign_legal_form_makes_a_company_not_a_person() -> None:
    found = sources("Velmora Oyj said on Monday that sales fell 4 percent.")
    assert found == {"Velmora Oyj": "organisation"}
    assert sources("Tarsel AG said on Monday that sales fell 4 percent.") == {
        "Tarsel AG": "organisation"}


def test_a_person_noun_is_no_place() -> None:
    """"Man" is also an island; a man who told police is neither it nor the police."""
    found = sources("A man told police that he saw 3 cars on the road.")
    assert found == {"Man": "other"}


def test_a_body_with_a_spokesman_is_not_an_official() -> None:
    found = sources("The Harlow Trust said it would close 3 shelters. A spokesman for the "
                    "Harlow Trust said 40 jobs would go.")
    assert found == {"Harlow Trust": "organisation"}
    # a person who is a spokesman stays an official
    assert sources("Mujtaba Rahman, a spokesman for the Harlow Trust, said 40 jobs would "
                   "go.") == {"Mujtaba Rahman": "official"}


def test_office_rules_directly() -> None:
    assert military_rank("gen. mark tolliver")
    assert not military_rank("attorney general ann roe")
    assert not military_rank("lt. gov. ann roe")
    assert not military_rank("ann roe | the general manager")
    assert person_office("a senior vice president") is SourceType.OFFICIAL
    assert person_office("vice president joe holt") is None
    assert person_office("a fellow republican") is None
    assert legislators("House Republicans")
    assert not legislators("Republicans")
    assert not legislators("Iowa Republicans")


def test_a_rank_outranks_an_office_across_articles() -> None:
    assert merged_type("Mark Tolliver", "official", "military") == "military"
    assert merged_type("Mark Tolliver", "military", "official") == "military"
    assert merged_type("Mark Tolliver", "military", "politician") == "politician"

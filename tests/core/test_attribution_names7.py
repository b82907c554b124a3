"""Registry names and types, seventh round (the project's own short texts): offices
and ranks the keyword rules misread, groups of legislators, foreign legal forms, a
person noun that is no place, and a body that only has a spokesman."""

from __future__ import annotations

import pytest

from claims.core.attribution.offices import legislators, military_rank, person_office
from claims.core.attribution.sources import Entity, source_type
from claims.core.attribution.typemerge import merged_type
from claims.core.extraction import extract
from claims.core.model import SourceType
from claims.core.text.documents import make_document
from tests.core.attribution_support import run, sources_of, types


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
    assert types(run(text))[name] == kind


@pytest.mark.parametrize("text", [
    "House Republicans said the bill costs $4 billion.",
    "Senate Democrats said the bill costs $4 billion.",
    "Republican senators said the bill costs $4 billion.",
    "State lawmakers said the bill costs $4 billion.",
    "Elite politicians said the bill costs $4 billion.",
])
def test_groups_of_legislators_are_politicians_not_a_chamber(text: str) -> None:
    [(name, kind)] = types(run(text)).items()
    assert name == text.split(" said")[0]
    assert kind == "politician"


def test_a_foreign_legal_form_makes_a_company_not_a_person() -> None:
    found = types(run("Velmora Oyj said on Monday that sales fell 4 percent."))
    assert found == {"Velmora Oyj": "organisation"}
    assert types(run("Tarsel AG said on Monday that sales fell 4 percent.")) == {
        "Tarsel AG": "organisation"}


def test_a_person_noun_is_no_place() -> None:
    """"Man" is also an island; a man who told police is neither it nor the police."""
    found = types(run("A man told police that he saw 3 cars on the road."))
    assert found == {"Man": "other"}


def test_a_body_with_a_spokesman_is_not_an_official() -> None:
    found = types(run("The Harlow Trust said it would close 3 shelters. A spokesman for the "
                    "Harlow Trust said 40 jobs would go."))
    assert found == {"Harlow Trust": "organisation"}
    # a person who is a spokesman stays an official
    assert types(run("Tomas Reyd, a spokesman for the Harlow Trust, said 40 jobs would "
                   "go.")) == {"Tomas Reyd": "official"}


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
    assert not legislators("Velmar Republicans")


def test_a_rank_outranks_an_office_across_articles() -> None:
    assert merged_type("Mark Tolliver", "official", "military") == "military"
    assert merged_type("Mark Tolliver", "military", "official") == "military"
    assert merged_type("Mark Tolliver", "military", "politician") == "politician"


@pytest.mark.parametrize(("text", "name", "kind"), [
    # a group of people is typed by its head, never by the body a modifier names
    ("Party members said 30 percent agree.", "Party members", "other"),
    ("Senior campaign advisers said 30 percent agree.", "Senior campaign advisers",
     "official"),
    ("Democratic party leaders said 30 percent agree.", "Democratic party leaders",
     "politician"),
    ("Army officers said 30 troops died.", "Army officers", "military"),
    ("The senator's advisers said 3 polls were wrong.", "Senator's advisers", "official"),
    ("People with ties to the union said 30 donors gave.",
     "People with ties to the union", "other"),
    ("A person familiar with Holt's views said 30 donors gave.",
     "Person familiar with Holt's views", "other"),
    # body names the keyword rules missed
    ("Agence Velmar-Presse reported that 30 donors gave.", "Agence Velmar-Presse", "media"),
    ("The Velmar Star reported that 30 homes were empty.", "Velmar Star", "media"),
    ("The National Grain Relations Board said 30 farms closed.",
     "National Grain Relations Board", "government"),
    ("Tenant Rights Watch said 30 homes were empty.", "Tenant Rights Watch", "organisation"),
    ("The Labour conference committee said 30 donors gave.",
     "Labour conference committee", "organisation"),
])
def test_groups_and_bodies_typed_by_their_head(text: str, name: str, kind: str) -> None:
    assert types(run(text)) == {name: kind}


def test_an_owners_thing_is_no_source() -> None:
    for text in ("Holt's metaphor is revealing in itself, with 3 meanings.",
                 "The plan is a harder sell than Mr. Holt's fire-breathing vows to end 3 "
                 "deals."):
        assert not any(n.endswith(("metaphor", "fire-breathing")) for n in types(run(text)))
    # a lawyer is typed official, as an attorney is
    assert types(run("Holt's lawyer said 3 deals were signed.")) == {"Holt's lawyer": "official"}


def test_the_named_member_of_a_group_is_the_source() -> None:
    text = "Experts like Piet Varn say it may be 3 years before the tools exist."
    assert types(run(text)) == {"Piet Varn": "analyst"}
    assert sources_of(run(text)) == ["Piet Varn"]


def test_two_titles_joined_by_and_name_one_person() -> None:
    text = ("Former Mayor of Velmar and Labour party front-runner Ann Roe said 30 new "
            "judges were needed.")
    assert types(run(text)) == {"Ann Roe": "politician"}
    assert "Former Mayor" not in types(run(text))


def test_a_police_report_speaks_for_the_police() -> None:
    assert sources_of(run("The driver was drunk, a police report indicated, and paid $400.")) \
        == ["Police"]
    assert types(run("According to a police report, he paid $400 in fines.")) == {
        "Police": "government"}
    # court filings are the parties', not the court's
    assert "Court" not in types(run("He paid $400 in fines, according to court filings."))


def test_a_party_chair_does_not_take_the_party_as_alias() -> None:
    x = extract(make_document(
        "Ann Roe, the chairwoman of the Velmar Democratic Party, said 30 counties voted. "
        "The Velmar Democratic Party said it raised $3 million.", "t.txt"))
    assert [c.source for c in x.claims] == ["Ann Roe", "Velmar Democratic Party"]
    roe = next(s for s in x.sources if s.name == "Ann Roe")
    assert "Velmar Democratic Party" not in roe.aliases


@pytest.mark.parametrize(("text", "name", "kind"), [
    # whose staff a person is on does not type them
    ("Ben Holt, President Roe's special envoy to the coalition, said 3 accounts were shut.",
     "Ben Holt", "official"),
    # a president of a body, not of a country
    ("Ben Holt, the president of the Velmar Tenants Alliance, said 3 buildings were sold.",
     "Ben Holt", "official"),
    ("Vice President Joe Holt said 3 emails were lost.", "Joe Holt", "politician"),
    ("The Vatican says the cardinal will visit 3 cities.", "Vatican", "government"),
    ("Ben Holt's former presidential campaign dismissed 3 polls as fake.",
     "Ben Holt's former presidential campaign", "organisation"),
    ("A witness interviewed by council staff said 3 emails were lost.",
     "Witness interviewed by council staff", "other"),
])
def test_whose_role_and_what_body(text: str, name: str, kind: str) -> None:
    assert types(run(text))[name] == kind


def test_describing_words_before_a_name_go() -> None:
    assert types(run("Co-moderator Ann Roe asked about 3 bills.")) == {"Ann Roe": "media"}
    found = types(run("Rival Ben Holt's campaign says it raised $15 million in January."))
    assert found == {"Ben Holt's campaign": "organisation"}
    assert not any(n.startswith("Rival") for n in found)


def test_a_body_its_spokesman_names_is_an_organisation() -> None:
    body = Entity(name="Velmapac")
    body.add_alias("a Velmapac spokesman")
    body.add_alias("Ann Roe")
    assert source_type(body) is SourceType.ORGANISATION
    person = Entity(name="Holt", person=True)
    person.add_alias("a Holt spokesman")
    assert source_type(person) is not SourceType.ORGANISATION


@pytest.mark.parametrize("text", [
    "Everybody resents landlords who raise rents 3 times a year.",
    "Nobody objected, and the plan passed 41 to 2.",
    "A few of the same hopefuls argued they reject 3 levies.",
])
def test_indefinite_pronouns_name_nobody(text: str) -> None:
    assert types(run(text)) == {}


@pytest.mark.parametrize(("text", "name"), [
    ("\"The delay hurts,\" said Labour party boss Tomas Reyd, though he added 3 caveats.",
     "Tomas Reyd"),
    ("Tennis great Ann Lise Roe remembered 3 matches.", "Ann Lise Roe"),
    ("Former Velmar chief of staff Ben Holt knew 3 secrets.", "Ben Holt"),
    ("The Velmar Post's Ed O'Keefe explained that 3 donors left.", "Ed O'Keefe"),
])
def test_a_long_role_glued_to_a_name_is_no_part_of_it(text: str, name: str) -> None:
    found = types(run(text))
    assert list(found) == [name]
    assert sources_of(run(text)) == [name]


def test_a_function_word_before_a_name_keeps_the_phrase() -> None:
    assert list(types(run("Analysts at Brightwater Capital said 3 banks would fail."))) == [
        "Analysts at Brightwater Capital"]

"""Registry names are entities of the right type (issue 14, item 2: the names round).

Each failure shape seen in a hand-judged sample of a real registry gets a short invented
text: the fragment must never become a source, and where the sentence names a party,
that party is the source, with its type. No text here comes from any corpus.
"""

from __future__ import annotations

import pytest

from claims.core.attribution.names import entity_fault, group_name
from claims.core.model import SourceType
from claims.core.text.segmentation import is_title_case
from tests.core.attribution_support import names, run, source_of, type_of


# ------------------------------------------------------------------ the head is a party
@pytest.mark.parametrize(
    "fragment",
    [
        "Celebrated graduation addresses",  # a thing, capitalised at a sentence start
        "Thefts targeting rural churches",
        "Calls intensified after the leak",
        "Valley's efforts to lure new factories",  # a possessive's thing
        "Friday's announcement",
        "Review of her record in office",
        "Document provided by the lawyer",
        "Followed by attempts to calm the board",
        "Harlan also takes",  # a clause cut after its adverb
        "Way the public",
        "Kid I",
        "Senator and his allies",
        "Resistance",
        "Former",
        "How",
        "Presumptive Democratic",
        "Eastern National",
        "September",
    ],
)
def test_fragments_fail_the_entity_test(fragment: str) -> None:
    assert entity_fault(fragment) is not None


@pytest.mark.parametrize(
    "name",
    [
        "People briefed on the talks", "Officials familiar with the plan", "Harlan's camp",
        "Vance's office", "Quarry founders", "Top Harlan strategists", "Border officials",
        "Department of Justice", "Chamber of Commerce", "Friends of the Marsh", "Aides",
        "Team Harlan", "Lawrence", "Florence", "Attorney General", "Opposition",
        "Centers for Disease Control", "Supporters of reform", "Open-source maps",
        "Harbor Today", "Dana Early", "Mannity", "Republic of Veldra",  # names, not words
    ],
)
def test_parties_pass_the_entity_test(name: str) -> None:
    assert entity_fault(name) is None


def test_a_thing_at_a_sentence_start_is_no_source() -> None:
    x = run("Celebrated graduation addresses of the past decade have stressed modesty "
            "as a theme.\n\nThefts targeting rural churches were carried out by "
            "one gang, the report said.")
    assert not any(n.lower().startswith(("celebrated", "thefts")) for n in names(x))
    assert source_of(x, "Celebrated") is None


def test_a_clause_cut_at_an_adverb_is_no_source() -> None:
    x = run("Harlan also takes issue with a clause that lets the governor freeze wages.")
    assert "Harlan also takes" not in names(x)


# --------------------------------------------------------------- participle clauses
def test_a_participle_clause_is_cut_from_a_group() -> None:
    assert group_name("Rural activists hoping to block the dam") == "Rural activists"
    x = run("Rural activists hoping to block the dam say they can halt the work by "
            "the spring.")
    assert source_of(x, "Rural activists") == "Rural activists"


# ---------------------------------------------------------- documents and producers
@pytest.mark.parametrize(
    ("phrase", "producer"),
    [
        ("the Brightwater poll", "Brightwater"),
        ("a new Brightwater University national poll", "Brightwater University"),
        ("Latest Kestrel/Ipsen opinion poll", "Kestrel/Ipsen"),
        ("ELB records", "ELB"),
        ("a study in Lancetta", "Lancetta"),
        ("a study published in Lancetta", "Lancetta"),
        ("a report by the Office of Fiscal Review", "Office of Fiscal Review"),
        ("Jane Roe's brief", "Jane Roe"),
        ("the Daily Ledger database tracking such cases", "Daily Ledger"),
        ("Dana Roe's memoir", "Dana Roe"),
        ("the Town Hall pool report", "Town Hall"),
        # a body's lower-case head stays with its name
        ("a new ad from the Roe campaign", "Roe campaign"),
        ("a report by the Brightwater committee", "Brightwater committee"),
    ],
)
def test_a_document_is_credited_to_its_named_producer(phrase: str, producer: str) -> None:
    assert group_name(phrase) == producer


def test_a_poll_is_attributed_to_its_pollster() -> None:
    x = run("The Brightwater poll found that 41 percent of voters backed the levy.")
    assert source_of(x, "The Brightwater poll") == "Brightwater"
    assert names(x) == ["Brightwater"]


def test_a_pollster_named_with_its_poll_is_an_organisation() -> None:
    x = run("Brightwater University pollsters said 41 percent of voters backed the levy.")
    assert type_of(x, names(x)[0]) is SourceType.ORGANISATION


def test_a_document_without_a_producer_is_no_name() -> None:
    assert group_name("Friday's announcement") == "Friday's announcement"
    assert entity_fault("Public records") is not None


# ----------------------------------------------------------------- counted groups
@pytest.mark.parametrize(
    ("phrase", "group"),
    [
        ("A vast majority of farmers", "farmers"),
        ("Three-in-five party insiders", "party insiders"),
        ("A majority of those", "Respondents"),
    ],
)
def test_a_counted_group_is_named_by_its_group(phrase: str, group: str) -> None:
    assert group_name(phrase) == group


# ---------------------------------------------------------------------- headlines
def test_title_case_lines_are_recognised() -> None:
    assert is_title_case("Second Farm Group Leader Backs Harlan Over Vance")
    assert is_title_case("Retired Admiral Reveals Doubts About the Fleet")
    assert not is_title_case("Ada Marlow said the levy would fail.")
    assert not is_title_case("The Levy Fails")  # three content words: too short to tell


def test_a_title_case_headline_gives_no_source_from_its_capitals() -> None:
    x = run("Second Farm Group Leader Backs Harlan Over Vance.\n\n"
            "The endorsement came on Tuesday, aides to Harlan said.")
    assert not any("Leader" in n or "Group" in n for n in names(x))
    assert source_of(x, "Second Farm Group") is None


def test_a_title_case_headline_keeps_a_person_or_a_name_the_article_repeats() -> None:
    x = run("Ada Marlow Says The Levy Will Fail.\n\nThe vote is on Friday.")
    assert source_of(x, "Ada Marlow Says") == "Ada Marlow"
    y = run("Kestrel Dairy Union Rejects The Pay Offer.\n\n"
            "The Kestrel Dairy Union said the offer was too low.")
    assert source_of(y, "Kestrel Dairy Union Rejects") == "Kestrel Dairy Union"


# -------------------------------------------------------------------------- types
def test_an_acronym_body_is_an_organisation_not_other() -> None:
    x = run("The KDLC said the vote was fair.")
    assert type_of(x, "KDLC") is SourceType.ORGANISATION


def test_a_named_network_and_a_party_are_organisations() -> None:
    x = run("The Prairie Action Network says it plans to buy $90,000 of radio time.\n\n"
            "The Harvest Party said it would field a candidate.")
    assert type_of(x, "Prairie Action Network") is SourceType.ORGANISATION
    assert type_of(x, "Harvest Party") is SourceType.ORGANISATION


def test_a_country_speaking_is_its_government() -> None:
    x = run("Norway said the talks would resume in May.")
    assert type_of(x, "Norway") is SourceType.GOVERNMENT


def test_a_named_free_press_is_media() -> None:
    x = run("The Millbrook Free Press reported that the mill would close.")
    assert type_of(x, "Millbrook Free Press") is SourceType.MEDIA


# ---------------------------------------------------------------------- datelines
def test_a_title_case_dateline_with_its_agency_is_no_part_of_a_name() -> None:
    x = run("Lisbon (Wirepress) – Senator Ada Marlow has said the levy will fail.")
    assert source_of(x, "Senator Ada Marlow") == "Ada Marlow"
    assert not any("Lisbon" in n for n in names(x))
    y = run("Ada Marlow (R-Texas) – a late entrant – said the levy will fail.")
    assert source_of(y, "Ada Marlow") == "Ada Marlow"


def test_a_dateline_with_a_horizontal_bar_is_no_part_of_a_name() -> None:
    x = run("LISBON ― Ada Marlow's campaign said the levy would fail.")
    assert not any("LISBON" in n for n in names(x))


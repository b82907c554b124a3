"""Registry names after the fourth hand-judged sample (issue 14, item 2).

Two shapes the sample still held: a source named by the first words of a common-noun
phrase whose head is a thing ("a series of pictures … is revealing" gave "Series"), and a
name that kept a bracket or quote mark it never closes ("(Mr. Vance", "' Ada Marlow").
Every text here is invented; none comes from a corpus.
"""

from __future__ import annotations

import pytest

from tests.core.attribution_support import names, run


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("A series of letters from his first term is exposing an odd habit "
         "of the senator.", "Series"),
        ("The song and video blame Dora for delaying the launch of the boat.", "Song"),
        ("Still, the plan arrives as a region with a deep distrust of banks has seen a "
         "sharper online quarrel.", "Region"),
        ("Vance had a good week, loudly condemning the cartel after Holt said he "
         "would reopen the port.", "Loudly"),
    ],
)
def test_a_thing_named_by_a_phrases_first_words_is_no_source(text: str, fragment: str) -> None:
    x = run(text)
    assert fragment not in names(x)
    assert all(c.source != fragment for c in x.claims)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Supporters of the bill said it would pass easily.", "Supporters of the bill"),
        ("The companies and their lawyers said the deal was fair.", "Companies"),
        ("Officials familiar with the talks said a deal was close.",
         "Officials familiar with the talks"),
        ("A cross-party alliance of mayors and pastors have vouched for the sheriff's "
         "conduct.", "Cross-party alliance of mayors"),
    ],
)
def test_parties_named_by_common_nouns_stay_sources(text: str, source: str) -> None:
    assert [c.source for c in run(text).claims] == [source]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("In 'a strange season,' Ada Marlow strives for a seat on the panel.", "Ada Marlow"),
        ("(Mr. Vance has denied any wrongdoing.) And the hearing starts next month.", "Vance"),
        ("(A campaign spokeswoman declined to comment.)", "Campaign spokeswoman"),
        ("Sen. Paul Vance (I-Maine) stopped by the radio show to discuss his opponent, "
         "saying the contest was tight.", "Paul Vance"),
    ],
)
def test_a_name_drops_the_marks_it_opens_and_never_closes(text: str, source: str) -> None:
    x = run(text)
    assert x.claims[0].source == source
    assert names(x) == [source]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Secretary of State Mary Holt said the talks would resume.", "Mary Holt"),
        ("White House Chief of Staff Paul Holt praised the envoy for his role.", "Paul Holt"),
        ("House Speaker Paul Vance said the bill would pass.", "Paul Vance"),
    ],
)
def test_a_title_written_with_of_or_speaker_is_no_part_of_the_name(
        text: str, person: str) -> None:
    x = run(text)
    assert [c.source for c in x.claims] == [person]
    assert names(x) == [person]


def test_a_house_speaker_is_a_politician_and_a_bare_speaker_no_title() -> None:
    x = run("House Speaker Paul Vance said the bill would pass.")
    assert [(s.name, s.type.value) for s in x.sources] == [("Paul Vance", "politician")]
    y = run("The conference speaker said the bill would pass.")
    assert [(s.name, s.type.value) for s in y.sources] == [("Conference speaker", "other")]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The Department of State said the talks would resume.", "Department of State"),
        ("Mary Holt of the Green Party said the vote was close.", "Mary Holt"),
    ],
)
def test_other_names_written_with_of_keep_their_reading(text: str, source: str) -> None:
    assert [c.source for c in run(text).claims] == [source]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Rival Mary Holt, for her part, has indicated she would oppose any larger levy.",
         "Mary Holt"),
        ("Columnist Paul Holt wrote that the plan would fail.", "Paul Holt"),
        ("Democratic candidate Mary Holt said the plan would fail.", "Mary Holt"),
    ],
)
def test_words_describing_a_person_before_the_name_are_no_part_of_it(
        text: str, person: str) -> None:
    x = run(text)
    assert [c.source for c in x.claims] == [person]
    assert names(x) == [person]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Reached by email, a curt Holt agreed that she had not been at the meeting.", "Holt"),
        ("A beaming Vance says he is pleased with the bridge he built.", "Vance"),
    ],
)
def test_lower_case_words_describing_one_name_are_no_part_of_it(text: str, source: str) -> None:
    x = run(text)
    assert [c.source for c in x.claims] == [source]
    assert names(x) == [source]


def test_a_described_surname_is_the_person_met_before() -> None:
    x = run("Paul Holt said on Monday that he would run. A defiant Holt said he would not quit.")
    assert [c.source for c in x.claims] == ["Paul Holt", "Paul Holt"]
    assert names(x) == ["Paul Holt"]


def test_a_governor_abbreviated_gov_is_an_official() -> None:
    x = run("Oregon Gov. Lena Vance backed the plan. Vance said it would pass.")
    assert [(s.name, s.type.value) for s in x.sources] == [("Lena Vance", "official")]


@pytest.mark.parametrize(
    ("text", "fragment", "source"),
    [
        ("She did not apologise for her tweet, something several Democrats had urged her "
         "to do.", "Something several Democrats", None),  # the article's own statement
        ("Whichever story sounds more plausible to jurors will shape the verdict.",
         "Whichever", None),
    ],
)
def test_clause_openers_are_no_party(text: str, fragment: str, source: str | None) -> None:
    x = run(text)
    assert fragment not in names(x)
    assert [c.source for c in x.claims] == [source]


@pytest.mark.parametrize(
    "text",
    [
        "The campaign continues against ports in countries that resist the blockade. They "
        "believe they are winning.",
        "His scheme would need the support of provinces that might refuse to pay.",
    ],
)
def test_a_bare_place_noun_is_no_source(text: str) -> None:
    x = run(text)
    assert names(x) == []
    assert all(c.source is None for c in x.claims)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Paul Holt of Dayton, Ohio, said the plant would close.", "Paul Holt"),
        ("Mary Holt, the mayor of Fresno, California, said the levy was unfair.",
         "Mary Holt"),
        ("Officials in Lyon, France, said the river had crested.", "Officials in Lyon"),
    ],
)
def test_a_state_or_country_after_a_town_is_no_speaker(text: str, source: str) -> None:
    x = run(text)
    assert [c.source for c in x.claims] == [source]
    assert names(x) == [source]


def test_a_transcript_label_speaks_its_whole_paragraph() -> None:
    x = run(
        "Mike Vance spoke to Chris Holt on Sunday.\n\n"
        "HOLT: Let's start with the news. Will you answer the question?\n\n"
        "\"VANCE: Listen, the governor clearly believes this is a contest of slogans. "
        "And that is why we will win.\n\n"
        "The interview ended at noon."
    )
    assert [c.source for c in x.claims] == [
        None, "Chris Holt", "Chris Holt", "Mike Vance", "Mike Vance", None]
    assert names(x) == ["Chris Holt", "Mike Vance"]


def test_a_section_label_is_no_speaker() -> None:
    x = run("Update: The bridge reopened at noon. It had been shut for a week.")
    assert [c.source for c in x.claims] == [None, None]


def test_a_party_quoted_inside_a_transcript_turn_keeps_its_own_claim() -> None:
    x = run(
        "Mike Vance spoke to Chris Holt on Sunday.\n\n"
        "HOLT: Let's start with the news. The Daily Ledger reported on Monday that the plan "
        "had failed."
    )
    assert [c.source for c in x.claims] == [None, "Chris Holt", "Daily Ledger"]

"""Stances and references real news credits to a party (issue 14, second round).

News credits a party with far more than "said": judgements ("lambasted"), particle
verbs ("pointed out"), a verb after a catenative ("went on to criticise"), a stance
stated with "be" ("is confident that"), speech going on ("continued, …"). Each test
asserts the right source and that plain narrative with the same shape stays the
article's own voice. No text here comes from any corpus.
"""

from __future__ import annotations

import pytest

from claims.core.model import Extraction
from tests.core import attribution_support as support
from tests.core.attribution_support import names


def run(body: str, head: str = "Story of the day") -> Extraction:
    return support.run(body, head)


def sources(body: str) -> list[str | None]:
    """The source of each claim of the body, in order (the headline left out)."""
    return [c.source for c in run(body).claims if not c.text.startswith("Story of")]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Ada Marlow lambasted the plan as reckless.", "Ada Marlow"),
        ("Ada Marlow scoffed at the idea of a second vote.", "Ada Marlow"),
        ("Ada Marlow pointed out that the levy was never collected.", "Ada Marlow"),
        ("Ada Marlow pushed back against the charge.", "Ada Marlow"),
        ("Ada Marlow went on to criticise the council for its delays.", "Ada Marlow"),
        ("Ada Marlow is confident that the bridge will open in May.", "Ada Marlow"),
        ("Ada Marlow was skeptical of the new tally.", "Ada Marlow"),
        ("Ada Marlow wants to cut the levy by half.", "Ada Marlow"),
        ("Ada Marlow does not believe the levy will pass.", "Ada Marlow"),
        ("Ada Marlow slammed the ruling on Tuesday.", "Ada Marlow"),
        ("Ada Marlow offered a plan to fund the bridge.", "Ada Marlow"),
        ("Ada Marlow decided to back the levy after all.", "Ada Marlow"),
        ("Ada Marlow released a statement calling the vote a sham.", "Ada Marlow"),
        ("Ada Marlow filed a lawsuit claiming the count was wrong.", "Ada Marlow"),
        ("Ada Marlow retweeted a post praising the mayor.", "Ada Marlow"),
        ("Ada Marlow spoke about the levy at length.", "Ada Marlow"),
        ("Ada Marlow preferred a smaller bridge.", "Ada Marlow"),
        ("Voters were wary of the new levy.", "Voters"),
    ],
)
def test_a_stance_of_a_named_subject_is_theirs(sentence: str, source: str) -> None:
    assert sources(sentence) == [source]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ada Marlow flew to Lisbon on Monday.",
        "Ada Marlow spoke at the rally on Monday.",
        "Prices pointed higher all week.",
        "The council went on to approve the budget.",
        "Pensioners in Ostria were worried.",
        "Ada Marlow is certain to win the seat.",
        "Ada Marlow did not disclose the cost of the bridge.",
        "Ada Marlow did not immediately respond to a request for comment.",
        "Then Ada Marlow showed up at the rally.",
        "Ada Marlow found herself at the centre of the row.",
        "Ada Marlow won the state senate seat in 2014.",
    ],
)
def test_narrative_of_the_same_shape_stays_own_voice(sentence: str) -> None:
    assert sources(sentence) == [None]


def test_said_of_and_continued_are_speech() -> None:
    body = ("“It was a disgrace,” Ada Marlow said of the vote.\n"
            "Ada Marlow continued: “We will not back down.”\n")
    assert sources(body) == ["Ada Marlow", "Ada Marlow"]


def test_a_group_named_by_what_it_backs_is_a_party() -> None:
    assert sources("Supporters of the levy have rejected the complaint.") == [
        "Supporters of the levy"]


def test_a_lower_case_role_before_a_name_titles_a_person() -> None:
    x = run("Federation general counsel Ada Marlow said the contract was void.\n"
            "She said the club would appeal.\n")
    assert [c.source for c in x.claims[1:]] == ["Ada Marlow", "Ada Marlow"]
    assert "Federation general counsel Ada Marlow" not in names(x)


def test_the_description_of_a_person_met_before_is_that_person() -> None:
    x = run("Ada Marlow, a former actress, said the theatre would close.\n"
            "The actress later said she regretted the decision.\n"
            "The senator said nothing.\n")
    assert [c.source for c in x.claims[1:3]] == ["Ada Marlow", "Ada Marlow"]
    # a title the article never gave anyone is nobody met before
    assert x.claims[3].source != "Ada Marlow"


def test_a_title_the_article_gave_is_the_person_it_titled() -> None:
    x = run("Senator Tom Brisk backed the bill.\n"
            "The senator said the vote was close.\n")
    assert [c.source for c in x.claims[1:]] == ["Tom Brisk", "Tom Brisk"]
    assert "Senator" not in names(x)


def test_a_description_of_a_person_in_narrative_stays_own_voice() -> None:
    assert sources("Ada Marlow, a former actress, said the theatre would close.\n"
                   "The actress flew home on Friday.\n") == ["Ada Marlow", None]


def test_a_title_case_line_is_read_with_its_verbs_lower_cased() -> None:
    assert sources("Ada Marlow Says The Levy Will Fail.") == ["Ada Marlow"]


def test_a_be_before_the_closing_quote_is_no_passive() -> None:
    body = ("“The more we spend now, the better protected the town will be,” said Ada "
            "Marlow, adviser to the Flood Board.\n")
    assert sources(body) == ["Ada Marlow"]


def test_an_opening_mark_typed_as_the_closing_one_still_closes() -> None:
    body = "“The levy will fail,“ said Ada Marlow, a council member.\n"
    assert sources(body) == ["Ada Marlow"]


def test_those_surveyed_are_the_respondents() -> None:
    assert sources("Again, those surveyed said the levy was unfair.") == ["Respondents"]


def test_the_poll_is_the_pollster_named_before() -> None:
    x = run("A new Northfield University poll shows Holt ahead by six points.\n"
            "The poll also found that voters distrust both candidates.\n"
            "The lawsuit says the law is unconstitutional.\n")
    assert [c.source for c in x.claims[1:]] == [
        "Northfield University", "Northfield University", "Lawsuit"]  # no producer named


def test_a_relative_clause_with_an_adverb_credits_its_antecedent() -> None:
    body = "Ada Marlow, who once praised the treaty, flew to Lisbon on Monday."
    assert sources(body) == ["Ada Marlow"]


def test_a_passive_with_an_adverb_is_no_cue() -> None:
    assert sources("The guild is widely regarded as the most cautious in the region.") == [
        None]


def test_a_cue_inside_what_was_said_does_not_wrap_it() -> None:
    x = run("In an interview, Tom Brisk said on Thursday he had written to the minister, "
            "and he said he expected Minister Ada Marlow to order an inquiry soon.\n")
    assert [c.source for c in x.claims[1:]] == ["Tom Brisk"]


def test_a_spokesperson_for_a_person_is_no_alias_of_them() -> None:
    x = run("Senator Tom Brisk backed the bill.\n"
            "Ada Marlow, a spokeswoman for Brisk, said the vote was close.\n"
            "Brisk said he would vote again.\n")
    assert [c.source for c in x.claims[1:]] == ["Tom Brisk", "Ada Marlow", "Tom Brisk"]
    marlow = next(s for s in x.sources if s.name == "Ada Marlow")
    assert "Brisk" not in marlow.aliases
    assert x.claims[2].via == ("Tom Brisk",)


def test_the_name_before_a_role_of_a_newspaper_speaks_not_the_newspaper() -> None:
    body = ("Ada Marlow, the editor of the city's oldest newspaper, Northfield Courier, said "
            "the press was free.")
    assert sources(body) == ["Ada Marlow"]


def test_an_attribution_after_a_quoted_question_closes_its_sentence() -> None:
    x = run("“Who would Holt trust with the keys?” Ada Marlow said.\n")
    assert [(c.text, c.source) for c in x.claims[1:]] == [
        ("“Who would Holt trust with the keys?” Ada Marlow said.", "Ada Marlow")]

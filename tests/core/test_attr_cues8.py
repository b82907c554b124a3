"""Recall, eighth round (issue 14, item 2 and 4): documents with no producer named speak
as their bare kind, and calibrated non-speech cues.

Every text here is invented; none comes from a corpus.
"""

from __future__ import annotations

import pytest

from claims.core.attribution.descriptions import unnamed_document
from tests.core.attribution_support import aliases, run, sources_of


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("One poll shows Ann Roe 16 points ahead of Tom Brisk in Velmora.", "Poll"),
        ("The most recent poll finds Brisk down at 27 percent.", "Poll"),
        ("The levy was never approved, according to one court filing.", "Court filing"),
        ("The inquiry found no sign of fraud.", "Inquiry"),
        ("A new federal lawsuit alleges that the county broke the law.", "Lawsuit"),
    ],
)
def test_a_document_with_no_producer_speaks_as_its_bare_kind(sentence: str, name: str) -> None:
    x = run("Voters are split on the plan.\n\n" + sentence)
    assert sources_of(x) == [None, name]
    assert list(aliases(x)) == [name]
    for words in aliases(x).values():  # no quantity word is a source's alias
        assert "One" not in words and "Unnamed people" not in aliases(x)


def test_a_named_producer_in_the_previous_sentence_wins() -> None:
    x = run("A Korvex poll released Monday shows Roe ahead. The most recent poll finds "
            "Brisk down.")
    assert sources_of(x) == ["Korvex", "Korvex"]
    assert "Poll" not in aliases(x)


def test_document_names_hold_no_determiner_or_adjective() -> None:
    assert unnamed_document("the most recent poll") == "Poll"
    assert unnamed_document("One poll") == "Poll"
    assert unnamed_document("a new federal lawsuit") == "Lawsuit"
    assert unnamed_document("a court filing") == "Court filing"
    assert unnamed_document("The subsequent investigation") == "Investigation"
    assert unnamed_document("One") is None


@pytest.mark.parametrize(
    ("sentence", "source", "cue"),
    [
        ("Ann Roe listed three reasons the levy would fail.", "Ann Roe", "listed"),
        ("Tom Brisk ignored warnings that the dam was weak.", "Tom Brisk", "ignored"),
        ("Supporters chanted that the mayor must go.", "Supporters", "chanted"),
        ("The council identified the driver as a local man.", "Council", "identified"),
        ("Tom Brisk is mulling a bid for the council seat.", "Tom Brisk", "mulled"),
        ("Ann Roe attributed the loss to low turnout.", "Ann Roe", "attributed"),
    ],
)
def test_calibrated_stance_verbs_credit_their_subject(sentence: str, source: str,
                                                     cue: str) -> None:
    x = run("Voters are split on the plan.\n\n" + sentence)
    assert sources_of(x) == [None, source]
    assert x.claims[1].cue == cue


@pytest.mark.parametrize(
    "sentence",
    [
        "The town needed 40 more nurses by May.",  # need: more false than right on train
        "The city picked a new site for the depot.",
        "The list of donors grew to 300 names.",  # a noun, not the verb
        "Residents shared a meal after the vote.",
        "Ann Roe delivered the keynote at the dinner.",  # more null lost than gained
    ],
)
def test_verbs_that_failed_calibration_are_no_cues(sentence: str) -> None:
    x = run("Voters are split on the plan.\n\n" + sentence)
    assert sources_of(x) == [None, None]


@pytest.mark.parametrize(
    ("sentence", "source", "cue"),
    [
        ("Ann Roe took to Facebook to argue the levy was a fraud.", "Ann Roe", "argued"),
        ("Tom Brisk has yet to endorse Ann Roe for the seat.", "Tom Brisk", "endorsed"),
        ("Renters were markedly more likely to back the levy.", "Renters", "backed"),
    ],
)
def test_a_verb_after_a_catenative_keeps_the_subject(sentence: str, source: str,
                                                     cue: str) -> None:
    x = run("Voters are split on the plan.\n\n" + sentence)
    assert sources_of(x) == [None, source]
    assert x.claims[1].cue == cue
    assert "Facebook" not in [s.name for s in x.sources]


def test_a_date_names_no_document_producer() -> None:
    assert unnamed_document("The April survey") == "Survey"
    assert unnamed_document("Tuesday's results") == "Results"
    assert unnamed_document("Monday night’s results") == "Results"
    assert unnamed_document("The Quinnipiac poll") is None  # a producer: it speaks
    x = run("Voters are split on the plan.\n\nThe April survey found that 52 percent oppose "
            "the levy.")
    assert sources_of(x) == [None, "Survey"]
    assert "April" not in aliases(x)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Ann Roe and Tom Brisk have both supported the levy.", "Ann Roe"),
        ("Both Ann Roe and Tom Brisk said that the levy failed.", "Ann Roe"),
        ("Republican hopefuls Ann Roe and Tom Brisk say the levy failed.", "Ann Roe"),
    ],
)
def test_two_parties_sharing_a_verb_credit_the_first(sentence: str, source: str) -> None:
    x = run("Voters are split on the plan.\n\n" + sentence)
    assert sources_of(x) == [None, source]
    assert not any(" and " in s.name for s in x.sources)  # never one name for two parties


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The Bureau of Roads and Bridges said the levy failed.", "Bureau of Roads and Bridges"),
        ("Later, the Velmora Fire and Rescue Service (VFRS) said 12 people died.",
         "Velmora Fire and Rescue Service"),
        ("The Grain and Allied Workers Union said it would fight the closure.",
         "Grain and Allied Workers Union"),
    ],
)
def test_a_body_whose_name_holds_and_is_not_split(sentence: str, name: str) -> None:
    x = run("Voters are split on the plan.\n\n" + sentence)
    assert sources_of(x) == [None, name]


def test_a_clause_before_and_is_no_party() -> None:
    y = run("Voters are split on the plan.\n\nRoe raised taxes and Brisk said the levy "
            "failed.")  # a clause and a subject, not two parties
    assert "Roe raised taxes" not in [s.name for s in y.sources]


@pytest.mark.parametrize(
    ("sentence", "source", "cue"),
    [
        ("Tom Brisk is even thinking about moving the rally indoors.", "Tom Brisk",
         "thought"),
        ("The Velmora Legion has twice warned the mayor about the emblem.",
         "Velmora Legion", "warned"),
    ],
)
def test_an_adverb_between_subject_and_verb_is_no_part_of_the_speaker(
        sentence: str, source: str, cue: str) -> None:
    x = run("Voters are split on the plan.\n\n" + sentence)
    assert sources_of(x) == [None, source]
    assert x.claims[1].cue == cue
    assert not any(s.name.endswith(("twice", "even")) for s in x.sources)


def test_a_stance_participle_after_a_comma_credits_the_clause_subject() -> None:
    x = run("Voters are split on the plan.\n\nOn Tuesday, Tom Brisk went further, endorsing "
            "eight candidates for the council.")
    assert sources_of(x) == [None, "Tom Brisk"]
    assert x.claims[1].cue == "endorsed"
    assert "Tuesday" not in [s.name for s in x.sources]


@pytest.mark.parametrize(
    ("sentence", "source", "cue"),
    [
        ("Renters in Velmora would vote for Ann Roe.", "Renters in Velmora", "voted"),
        ("A majority of renters support the levy.", "Renters", "supported"),
        ("Only about 3 in 10 renters want the levy.", "Renters", "wanted"),
    ],
)
def test_a_counted_share_or_a_modal_makes_a_noun_like_form_the_verb(
        sentence: str, source: str, cue: str) -> None:
    x = run("Voters are split on the plan.\n\n" + sentence)
    assert sources_of(x) == [None, source]
    assert x.claims[1].cue == cue


def test_a_modal_before_another_noun_like_verb_is_still_no_cue() -> None:
    x = run("Voters are split on the plan.\n\nThe rules say that the new clerk would focus on "
            "growth.")
    assert "Clerk" not in [s.name for s in x.sources]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("A new batch of emails released on Friday showed that Roe knew of the levy.",
         "Emails"),
        ("Exit polls taken in Velmora found that Roe led.", "Exit polls"),
        ("A number of studies suggest that the levy failed.", "Studies"),
    ],
)
def test_a_counted_or_dated_document_speaks_as_its_kind(sentence: str, name: str) -> None:
    x = run("Voters are split on the plan.\n\n" + sentence)
    assert sources_of(x) == [None, name]
    assert not {"Batch", "Number", "Velmora"} & set(aliases(x))

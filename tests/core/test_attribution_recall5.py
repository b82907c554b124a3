"""Attribution recall, fifth round: cue shapes the lexicon scan misread, on made-up texts.

Each shape is checked both ways: the attributive clause gets its exact source and cue,
and no fragment of the sentence (a noun read as a verb, a clause before a participle)
becomes a source.
"""

from __future__ import annotations

import pytest

from tests.core.attribution_support import in_context, last_paragraph, names


def claims_of(body: str) -> list[tuple[str | None, str | None]]:
    """(source, cue) of each claim of the last paragraph, after a context naming a person."""
    return [(c.source, c.cue) for c in last_paragraph(in_context(body))]


def all_sources(body: str) -> set[str]:
    return set(names(in_context(body)))


@pytest.mark.parametrize(
    ("sentence", "source", "cue", "never"),
    [
        # a plural noun before the real verb heads the subject: it is no cue of its own
        ("Transit advocates hailed the ruling as a win for riders.", "Transit advocates",
         "hailed", {"Transit"}),
        ("Harbor Union reports showed that wages fell by a fifth.", "Harbor Union", "showed",
         {"Harbor Union reports"}),
    ],
)
def test_noun_before_verb_is_subject(sentence: str, source: str, cue: str,
                                     never: set[str]) -> None:
    assert claims_of(sentence) == [(source, cue)]
    assert not all_sources(sentence) & never


def test_noun_before_verb_without_a_cue_stays_own_voice() -> None:
    body = "The sales report gives the mall owners a boost before the holidays."
    assert claims_of(body) == [(None, None)]
    assert not all_sources(body) & {"The sales", "Sales"}


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Holt leads Vance 48 percent to 40 percent in a new Gallup poll released Monday.",
         "Gallup"),
        ("In the latest Gallup survey, Holt leads Vance by five points.", "Gallup"),
    ],
)
def test_figure_in_a_named_poll(sentence: str, source: str) -> None:
    assert claims_of(sentence) == [(source, "in")]
    assert not any("leads" in s or "percent" in s for s in all_sources(sentence))


def test_unnamed_poll_is_no_source() -> None:
    body = "Holt enjoys a comfortable margin in the polls before the autumn runoff."
    assert claims_of(body) == [(None, None)]
    assert all_sources(body) == set()


@pytest.mark.parametrize(
    ("sentence", "source", "cue"),
    [
        ("Vance Holt replied by saying the levy was a scam.", "Vance Holt", "said"),
        ("Vance Holt ended the rally after saying the levy was a scam.", "Vance Holt", "said"),
        ("And then Vance Holt went on the attack, saying the levy was a scam.",
         "Vance Holt", "said"),
    ],
)
def test_gerund_of_saying_after_by_or_after(sentence: str, source: str, cue: str) -> None:
    assert claims_of(sentence) == [(source, cue)]
    assert not all_sources(sentence) & {"And", "And then Vance Holt", "Then"}


@pytest.mark.parametrize(
    ("sentence", "source", "cue"),
    [
        ("Some critics, like Vance Holt, also acknowledge that the levy failed.",
         "Critics", "acknowledged"),
        ("Supporters of the levy, on the other hand, have argued that it will help.",
         "Supporters of the levy", "argued"),
        ("Vance Holt, pressed by his rivals, said the levy was a scam.", "Vance Holt", "said"),
    ],
)
def test_aside_between_subject_and_verb(sentence: str, source: str, cue: str) -> None:
    assert claims_of(sentence) == [(source, cue)]
    assert not all_sources(sentence) & {"On the other hand", "Like Vance Holt", "Rivals"}


@pytest.mark.parametrize(
    ("sentence", "source", "cue"),
    [
        ("The vote was close, with former Gov. Vance Holt calling the levy a fraud.",
         "Vance Holt", "called"),
        ("The debate turned sharp, with Vance Holt questioning the mayor's record.",
         "Vance Holt", "questioned"),
    ],
)
def test_absolute_clause_with_a_gerund(sentence: str, source: str, cue: str) -> None:
    assert (source, cue) in claims_of(sentence)
    assert not all_sources(sentence) & {"Vote", "The vote", "Debate"}


def test_absolute_clause_without_a_speech_gerund_stays_own_voice() -> None:
    body = "The firm grew fast last year, with sales rising by a fifth."
    assert all(src is None for src, _cue in claims_of(body))
    assert all_sources(body) == set()


@pytest.mark.parametrize(
    ("sentence", "source", "never"),
    [
        ("The Harbor Council last week said that the levy would pass.", "Harbor Council",
         {"Harbor Council last week", "Last week"}),
        ("The Harbor Council less than three days ago said that the levy would pass.",
         "Harbor Council", {"Three days ago", "Three days", "Harbor Council less than"}),
        ("Vance Holt on Monday said that the levy would pass.", "Vance Holt", {"Monday"}),
        ("Recently Vance Holt announced that the levy would pass.", "Vance Holt",
         {"Recently Vance Holt", "Recently"}),
    ],
)
def test_time_between_subject_and_verb(sentence: str, source: str, never: set[str]) -> None:
    got = claims_of(sentence)
    assert len(got) == 1 and got[0][0] == source
    assert not all_sources(sentence) & never


@pytest.mark.parametrize(
    ("sentence", "source", "cue"),
    [
        ("One elector, ward committee leader Nora Kelby, pledged her backing to Holt.",
         "Nora Kelby", "pledged"),
        ("A longtime critic of the levy, Nora Kelby, said the rule will be tested.",
         "Nora Kelby", "said"),
        ("Critics in the city, many of them retired teachers, argue that the levy failed.",
         "Critics in the city", "argued"),
        ("The county clerks whose budgets were cut said the change came too late.",
         "County clerks", "said"),
    ],
)
def test_appositions_and_relatives_in_the_subject(sentence: str, source: str, cue: str) -> None:
    assert claims_of(sentence) == [(source, cue)]
    assert not all_sources(sentence) & {"Her backing to Holt", "Backing", "Retired teachers",
                                        "Budgets"}


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("“The levy hurts the poor,” said one former aide who asked not to be named.",
         "Former aide"),
        ("“The levy hurts the poor,” said several observers.", "Observers"),
    ],
)
def test_inverted_speaker_without_its_relative_clause(sentence: str, source: str) -> None:
    assert claims_of(sentence) == [(source, "said")]
    assert not any("asked" in s for s in all_sources(sentence))


def test_keeping_is_not_maintaining_that() -> None:
    assert claims_of("Vance Holt maintains a comfortable lead over the mayor.") == [(None, None)]
    assert claims_of("Vance Holt maintained that the levy was a scam.") == [
        ("Vance Holt", "maintained")]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("“A weather vane has firmer views than Vance Holt,” reads an editorial in the "
         "Dayton Courier.", "Dayton Courier"),
        ("The Dayton Courier banner read: “Holt for mayor.”", "Dayton Courier banner"),
    ],
)
def test_the_wording_of_a_document(sentence: str, source: str) -> None:
    assert claims_of(sentence) == [(source, "read")]


def test_reading_is_no_cue_without_a_quotation() -> None:
    assert claims_of("Vance Holt reads the Dayton Courier every day.") == [(None, None)]


def test_quantified_relative_pronoun_takes_its_antecedent() -> None:
    body = "The ruling angered the relatives of the miners, many of whom say the payout is unfair."
    assert claims_of(body) == [("Miners", "said")]
    assert not all_sources(body) & {"Many", "Many of whom", "Whom"}


@pytest.mark.parametrize(
    ("sentence", "source", "never"),
    [
        ("Nora Kelby -- co-author of a guide to the city budget -- said the levy would pass.",
         "Nora Kelby", {"Nora Kelby -- co-author", "Co-author"}),
        ("Said Kelby: “I doubt the council has read it.”", "Kelby", {"Said Kelby"}),
        ("Nora Kelby, president of the Dayton Nurses Guild, which represents ward "
         "staff, said she expects the dispute to end.", "Nora Kelby",
         {"Dayton Nurses Guild", "President of the Dayton Nurses Guild"}),
    ],
)
def test_speaker_around_dashes_labels_and_relatives(sentence: str, source: str,
                                                    never: set[str]) -> None:
    assert claims_of(sentence) == [(source, "said")]
    assert not all_sources(sentence) & never


def test_description_after_an_opening_phrase_names_the_speaker() -> None:
    body = ("In a statement, one of the company's auditors, Nora Kelby, said the records show "
            "the money leaving the account.")
    assert claims_of(body) == [("Nora Kelby", "said")]
    assert not all_sources(body) & {"In a statement", "Statement"}


def test_object_after_a_comma_is_no_inverted_speaker() -> None:
    body = ("Ward leader Tess Royce, for instance, said Holt’s stop in Dayton — the "
            "largest town — would draw crowds.")
    assert not any("stop" in s.lower() for s in all_sources(body))
    assert claims_of("The levy is a scam, said Vance Holt, a former aide.") == [
        ("Vance Holt", "said")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Some senators sat through the levy debate and said that they were tired of Holt.",
        "Several senators left the hall, saying that they were tired of Holt.",
    ],
)
def test_quantified_subject_of_a_coordinated_verb_or_participle(sentence: str) -> None:
    assert claims_of(sentence) == [("Senators", "said")]
    assert not all_sources(sentence) & {"Unnamed people", "Some", "Several"}


def test_coordinated_verb_after_a_comma_keeps_the_sentence_one_claim() -> None:
    body = ("Vance Holt has used the slogan “tax grab” at every stop, and criticized "
            "the mayor.")
    assert claims_of(body) == [("Vance Holt", "criticized")]


def test_relative_pronoun_opening_its_clause_still_stands_apart() -> None:
    body = "The file was sent back to the appeals panels, which have ruled twice against the levy."
    got = claims_of(body)
    assert got[0] == (None, None) and got[-1][1] == "ruled"


@pytest.mark.parametrize(
    ("sentence", "source", "cue"),
    [
        # a pronoun or a modal after the cue word: an object relative, the word is a verb
        ("Vance Holt spoke on Monday. The levy, which he claims has failed, will stay.",
         "Vance Holt", "claimed"),
        ("The firm drew up a scheme that Vance Holt hopes can stop the levy.", "Vance Holt",
         "hoped"),
        # a day name inside a subject is no time adverbial ("on Super Tuesday")
        ("Vance Holt did not at any point Friday mention the levy.", "Vance Holt",
         "mentioned"),
        # a span of time before "after …ing" opens the sentence: the main subject speaks
        ("One month after declaring her backing for Holt, Nora Markham still believes "
         "that Holt will win.", "Nora Markham", "believes"),
    ],
)
def test_object_relatives_and_opening_spans(sentence: str, source: str, cue: str) -> None:
    assert (source, cue) in claims_of(sentence)
    assert not all_sources(sentence) & {"Unnamed people", "One", "One month"}

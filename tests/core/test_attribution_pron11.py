"""Coreference, eleventh round (issue 14): whom "he"/"she" and "it" point back to.

A subject after a fronted phrase ("Having trailed, Mr. Roe …"), a body whose
capitalised name opens the sentence before "it", and a surname shaped like an agent
noun ("Quellmer", "Varnster") credited before "he". Every text here is invented; none
comes from a corpus.
"""

from __future__ import annotations

from claims.core.attribution.references import subject_position
from tests.core.attribution_support import run, source_of, sources_of


# ------------------------------------------------ a subject after a fronted phrase
def test_he_is_the_subject_after_a_fronted_participle_clause() -> None:
    text = ("Headline here\n\nBen Holt spoke on Monday. \"We will win,\" Holt said.\n\n"
            "Having trailed in the county polls for a month, Mr. Roe toured the Velmora "
            "docks on Friday. The port needs dredging, he said.")
    x = run(text)
    assert source_of(x, "The port needs") == "Roe"
    assert source_of(x, "The port needs") != "Ben Holt"


def test_he_is_the_subject_after_a_fronted_time_phrase() -> None:
    text = ("Headline here\n\nBen Holt spoke on Monday. \"We will win,\" Holt said.\n\n"
            "Until the vote in March, Mr. Roe had stayed away from the docks. In 2004, he "
            "argued that the harbour levy hurt fishermen.")
    x = run(text)
    assert source_of(x, "In 2004") == "Roe"
    assert sources_of(x)[-1] != "Ben Holt"


def test_a_name_inside_the_fronted_clause_is_not_the_main_subject() -> None:
    text = "When Ann Roe spoke, the crowd cheered."
    assert not subject_position(text, text.index("Ann Roe"))
    text = "When she ran the harbour board, Ann Roe rarely met the press."
    assert subject_position(text, text.index("Ann Roe"))


# ----------------------------------------- "it": a capitalised body opening the sentence before
def test_it_is_the_body_named_in_the_sentence_before() -> None:
    text = ("Headline here\n\nVelmora Times reported the plan, citing aides.\n\n"
            "The Department of Harbours kept the dredging bill secret for a year. It has "
            "refused to publish the tender.")
    x = run(text)
    assert source_of(x, "It has refused") == "Department of Harbours"
    assert source_of(x, "It has refused") != "Velmora Times"


def test_it_never_takes_up_a_person_opening_the_sentence_before() -> None:
    text = ("Headline here\n\nVelmora Times reported the plan, citing aides.\n\n"
            "Ann Roe kept the dredging bill secret for a year. It has refused to publish "
            "the tender.")
    x = run(text)
    assert source_of(x, "It has refused") != "Ann Roe"


# --------------------------------------- a surname shaped like an agent noun
def test_he_is_the_surname_shaped_like_an_agent_noun() -> None:
    # "Quellmer" looks like an agent noun, but the article writes it mid-sentence too.
    text = ("Headline here\n\nRep. Tom Holt backs the plan, he said.\n\nQuellmer told the "
            "harbour board on Monday that the docks need work. He also said the levy should "
            "fall.\n\nThe board thanked Quellmer for his time.")
    x = run(text)
    assert source_of(x, "He also said") == "Quellmer"
    assert source_of(x, "He also said") != "Tom Holt"


def test_a_plural_agent_noun_is_still_no_surname() -> None:
    text = ("Headline here\n\nRep. Tom Holt backs the plan, he said.\n\n"
            "Organizers, meanwhile, told reporters the rally would go ahead. He also said "
            "the plan was sound.")
    x = run(text)
    assert source_of(x, "He also said") == "Tom Holt"
    assert source_of(x, "He also said") != "Organizers"

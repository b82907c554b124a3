"""Coreference, twelfth round (issue 14): whom "he"/"she" point back to.

A source named by a singular person noun and no name ("One local delegate said …")
is the likeliest "he"/"she" of the next sentence, not a person named before it. Every
text here is invented; none comes from a corpus.
"""

from __future__ import annotations

from claims.core.attribution.references import subject_position
from tests.core.attribution_support import run, source_of


# ------------------------------------------- a person described, not named
def test_he_is_the_delegate_just_quoted_not_the_man_named_before() -> None:
    text = ("Headline here\n\nBen Holt spoke at the rally in Velmora.\n\n"
            "One local delegate said the ferry timetable would change. The harbour "
            "levy is doomed, he said.")
    x = run(text)
    assert source_of(x, "The harbour levy") == "Local delegate"
    assert source_of(x, "The harbour levy") != "Ben Holt"


def test_she_is_the_insider_just_quoted() -> None:
    text = ("Headline here\n\nAnn Roe toured the Velmora docks on Monday.\n\n"
            "A harbour insider said the levy would pass. \"We have the votes,\" she said.")
    x = run(text)
    assert source_of(x, "\"We have the votes") == "Harbour insider"
    assert source_of(x, "\"We have the votes") != "Ann Roe"


def test_a_plural_description_is_no_he() -> None:
    text = ("Headline here\n\nBen Holt toured the Velmora docks on Monday.\n\n"
            "Local delegates said the levy would pass. The port needs dredging, he said.")
    x = run(text)
    assert source_of(x, "The port needs") == "Ben Holt"


# ------------------------------------------- a subject after a long fronted clause
def test_he_is_the_subject_after_a_long_fronted_question() -> None:
    text = ("Headline here\n\n\"The levy will pass,\" Ben Holt said on Monday.\n\n"
            "Asked whether he was worried that Tom Vell, the council's longest-serving "
            "member, who has called the harbour levy a needless burden on every family in "
            "the county, could win the vote in the spring, Holt demurred.\n\n"
            "\"The voters will decide,\" he said.")
    x = run(text)
    assert source_of(x, "\"The voters will decide") == "Ben Holt"
    assert source_of(x, "\"The voters will decide") != "Tom Vell"


def test_a_name_deep_in_a_long_sentence_is_no_subject() -> None:
    lead = ("The council met on Monday to weigh the harbour levy, the dredging plan, the "
            "new ferry timetable, the budget for the docks and the long list of repairs "
            "that the port authority has asked for since the storms of last winter and")
    assert not subject_position(f"{lead} Holt spoke.", len(lead) + 1)

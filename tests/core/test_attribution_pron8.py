"""Coreference, eighth round (issue 14): which sentence subject "he"/"she" may point
back to, and bare names written with a possessive.

Every text here is invented; none comes from a corpus.
"""

from __future__ import annotations

from claims.core.attribution.references import people_mentions, subject_position
from tests.core.attribution_support import run, sources_of


def test_a_subject_inside_a_running_quotation_is_no_antecedent() -> None:
    text = ("Headline here\n\nAnn Roe has backed the plan for weeks.\n\n\"There are six blocs "
            "in the party,\" Tom Vale told the paper.\n\n\"Five of them are loyal. Since Vesna, "
            "Ben Dunmore has led them,\" he says.")
    x = run(text)
    assert sources_of(x)[-1] == "Tom Vale"
    assert "Ben Dunmore" not in sources_of(x)
    assert not subject_position(text, text.index("Ben Dunmore"))


def test_the_subject_of_an_opening_clause_is_no_antecedent_in_a_later_sentence() -> None:
    text = ("Headline here\n\nTom Vale said the plan was sound.\n\nIf Ben Dunmore wins the "
            "seat, the plan will pass. \"It is a good plan,\" he said.")
    x = run(text)
    assert sources_of(x)[-1] == "Tom Vale"
    at = text.index("Ben Dunmore")
    assert not subject_position(text, at)
    assert subject_position(text, at, clause=True)


def test_the_subject_of_an_opening_clause_is_the_antecedent_in_its_own_sentence() -> None:
    x = run("Headline here\n\nTom Vale said the plan was sound.\n\nWhile Ben Dunmore "
            "backs the plan, he said the cost was too high.")
    assert sources_of(x)[-1] == "Ben Dunmore"


def test_a_bare_name_with_a_possessive_names_the_person() -> None:
    text = "Headline here\n\nHillary Vale’s aides met on Monday.\n\n\"We will win,\" she said."
    found = {p[1] for p in people_mentions(text, bare=True)}
    assert "Hillary Vale" in found
    assert "Hillary Vale’s" not in found
    assert sources_of(run(text))[-1] == "Hillary Vale"


def test_a_party_member_described_by_place_is_the_person_met_before() -> None:
    x = run("Headline here\n\nPaul Vance said the budget was wrong.\n\nIn an interview "
            "Thursday, the Velmora Republican criticized the plan. He said more was needed.")
    assert sources_of(x)[1:] == ["Paul Vance", "Paul Vance", "Paul Vance"]
    assert [s.name for s in x.sources] == ["Paul Vance"]


def test_a_title_qualified_by_a_place_is_the_person_met_before() -> None:
    x = run("Headline here\n\nDemocratic candidate Paul Vance said the budget was wrong.\n\n"
            "The Velmora senator would not discuss the plan. He said more was needed.")
    assert sources_of(x)[1:] == ["Paul Vance", "Paul Vance", "Paul Vance"]
    assert "Velmora senator" not in [s.name for s in x.sources]


def test_a_name_after_a_person_noun_is_a_person_without_a_known_first_name() -> None:
    text = ("Headline here\n\nBen Vale said the plan was sound.\n\nParty consultant Velmor "
            "Quist picked up the thread. \"It is a good plan,\" she said.")
    assert "Velmor Quist" in {p[1] for p in people_mentions(text, bare=True)}
    assert sources_of(run(text))[-1] == "Velmor Quist"


def test_a_name_contracted_with_has_is_a_subject() -> None:
    text = ("Headline here\n\nBen Vale said the bill was dead.\n\nTom Dunmore's been pressing "
            "the point all month. \"It has no votes,\" he said.")
    assert subject_position(text, text.index("Tom Dunmore"))
    assert not subject_position("Tom Dunmore's aide left. X", 0)
    assert sources_of(run(text))[-1] == "Tom Dunmore"


def test_they_takes_up_the_plural_subject_of_an_opening_clause() -> None:
    x = run("Headline here\n\nThe Orvik Group said costs rose.\n\nWhile environmentalists "
            "welcomed the plan, they said it was too slow.")
    assert sources_of(x)[-1] == "Environmentalists"
    assert "While environmentalists" not in [s.name for s in x.sources]


def test_a_dateline_does_not_hide_the_first_sentence_subject() -> None:
    text = ("Headline here\n\nRIVERTON, Estmark - Party leader Ann Roe met Maria Holt on "
            "Sunday. She said the plan was sound.")
    assert subject_position(text, text.index("Ann Roe"))
    assert not subject_position(text, text.index("Maria Holt"))
    assert sources_of(run(text))[-1] == "Ann Roe"

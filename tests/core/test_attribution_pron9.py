"""Coreference, ninth round (issue 14): whom "he"/"she" and "it" point back to, and
capitalised group words ("Other Democrats", "Democrats") that name no person.

Every text here is invented; none comes from a corpus.
"""

from __future__ import annotations

from claims.core.attribution.references import people_mentions
from tests.core.attribution_support import names, run, sources_of


def test_a_subject_after_a_person_noun_is_a_person_of_unknown_gender() -> None:
    # "Roe adviser Dorin Quist": a first name of no known gender, but the noun before it
    # says a person, and that person opens the sentence before "he said".
    text = ("Headline here\n\nTom Velmora said the vote was close.\n\nRoe adviser Dorin Quist, "
            "the chief pollster, toured the mill towns on Monday. \"Voters are tired,\" "
            "he said.")
    x = run(text)
    assert sources_of(x)[-1] == "Dorin Quist"
    assert "Tom Velmora" not in sources_of(x)[2:]


def test_a_titled_subject_of_unknown_gender_is_a_person() -> None:
    text = ("Headline here\n\nTom Velmora said the vote was close.\n\nSen. Dorin Quist flew "
            "to the capital on Monday. \"Voters are tired,\" he said.")
    x = run(text)
    assert sources_of(x)[-1] == "Dorin Quist"
    assert sources_of(x)[-1] != "Tom Velmora"


def test_it_takes_up_the_body_that_opened_the_sentence_before() -> None:
    text = ("Headline here\n\nThe Velmora Group said the plan was sound.\n\nThe Roe campaign "
            "quickly backtracked on Monday. In cases of doubt, it said, the voter wins.")
    x = run(text)
    assert sources_of(x)[-1] == "Roe campaign"
    assert sources_of(x)[-1] != "Velmora Group"


def test_it_takes_up_a_possessive_subject_before() -> None:
    text = ("Headline here\n\nThe Velmora Group said the plan was sound.\n\nDorin Quist's "
            "campaign quickly backtracked, putting out a new plan. In cases of doubt, it "
            "said, \"the voter wins.\"")
    x = run(text)
    assert sources_of(x)[-1] == "Dorin Quist's campaign"
    assert "Velmora Group" not in sources_of(x)[2:]


def test_it_never_takes_up_a_thing_that_is_no_speaker() -> None:
    # "The weather" heads no document or body: "it" keeps the last body credited.
    text = ("Headline here\n\nThe Velmora Group said the plan was sound.\n\nThe weather "
            "turned cold on Monday. In cases of doubt, it said, the voter wins.")
    x = run(text)
    assert sources_of(x)[-1] == "Velmora Group"
    assert "Weather" not in sources_of(x)


def test_a_quantifier_before_a_party_noun_is_no_first_name() -> None:
    # "Other Democrats" is the Democrats, a group: "they" takes them up, and no person
    # "Other Democrats" is made of the capitalised quantifier.
    text = ("Headline here\n\nThe Velmora Group said the plan was sound.\n\nOther Democrats "
            "echoed those comments, saying the plan is weak. They criticized Roe for the delay.")
    x = run(text)
    assert sources_of(x)[-1] == "Democrats"
    assert "Velmora Group" not in sources_of(x)[2:]
    assert "Other Democrats" not in names(x)


def test_a_group_of_party_members_is_no_bare_person_name() -> None:
    text = ("Ann Roe spoke first, and Velmora Democrats objected to the plan; Other "
            "Republicans agreed with them.")
    names = {p[1] for p in people_mentions(text, bare=True)}
    assert "Ann Roe" in names
    assert not names & {"Velmora Democrats", "Other Republicans"}


def test_a_bare_party_plural_is_the_party_not_the_last_qualified_group() -> None:
    # "Democrats said" is the Democrats: not a person named "Senate Democrats" made of
    # the capitalised word the article most often writes before it.
    text = ("Headline here\n\nThe Senate Democrats met on Monday. Senate Democrats said the "
            "bill was weak.\n\nDemocrats said the plan was weak.")
    x = run(text)
    assert sources_of(x)[-1] == "Democrats"
    assert sources_of(x)[-2] == "Senate Democrats"


def test_a_hyphenated_description_is_no_first_name() -> None:
    text = ("Headline here\n\nAt the gala, Prize-winner Quist was cheered. Quist said the film "
            "was good.")
    x = run(text)
    assert sources_of(x)[-1] == "Quist"
    assert not any("Prize-winner" in n for n in names(x))

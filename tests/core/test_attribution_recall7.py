"""Attribution recall, round 7: invented sentences for the shapes measured on PolNeAR
train (a relative clause whose antecedent speaks, "has since said", "That is why X say",
a bounded count as subject, an "according to" whose object names its maker)."""

from __future__ import annotations

import pytest

from tests.core.attribution_support import names, run


def _run(text: str) -> tuple[list[tuple[str | None, str | None]], list[str]]:
    x = run(text)
    return [(c.source, c.cue) for c in x.claims], names(x)


@pytest.mark.parametrize(
    ("text", "source", "cue", "never"),
    [
        # the first cue names no party: the set-off relative clause's speaker takes it
        ("The proposal worried several economists, who pointed out that the levy would break "
         "the charter.", "Economists", "pointed", "Proposal"),
        # the relative pronoun's antecedent is the object of the clause's verb
        ("The ruling alarmed several economists, who pointed out that the levy would break "
         "the charter.", "Economists", "pointed", "The ruling alarmed several economists"),
        ("The decision angered local growers, who argued that the rule would ruin them.",
         "Local growers", "argued", "Decision"),
        # "has since": an adverb after the auxiliary, not a clause of time
        ("Mayor Ines Varga has since said she would veto the budget.", "Ines Varga", "said",
         "Since"),
        ("Harbour officials have since rejected the plan for a second pier.",
         "Harbour officials", "rejected", "Since"),
        # "That is why X say": the clause of reason is no part of the subject
        ("That is why critics say the bridge will cost more.", "Critics", "said",
         "Is why critics"),
        ("That's why the Varga team thinks the strategy can win.", "Varga team", "thought",
         "Why"),
        # a bound on a counted group: the group speaks
        ("More than 40 economists warned that the plan would fail.", "Economists", "warned",
         "More than 40 economists"),
        # an "according to" document whose maker is the subject of a contact clause
        ("The levy would raise $4 billion a year, according to figures the Varga campaign "
         "released on Friday.", "Varga campaign", "according to", "Figures the Varga campaign"),
    ],
)
def test_recall7_shapes(text: str, source: str, cue: str, never: str) -> None:
    claims, names = _run(text)
    assert claims == [(source, cue)]
    assert names == [source]
    assert never not in names


def test_bounded_count_keeps_the_counted_group() -> None:
    claims, names = _run("At least a dozen council members told the paper that the vote "
                         "would pass.")
    assert claims[0][1] == "told"
    assert claims[0][0] is not None and claims[0][0].endswith("council members")
    assert not any(n.lower().startswith("at least") for n in names)


def test_a_bare_bound_still_speaks_as_before() -> None:
    # "Nearly a third" is taken whole by the subject test: the bound is not cut from it
    assert _run("Nearly a third say they are undecided.")[0] == [("Respondents", "said")]


def test_why_opening_a_question_is_no_clause_of_reason() -> None:
    claims, names = _run("Why had he claimed that the fund was empty?")
    assert claims == [(None, None)]
    assert names == []


def test_party_before_the_document_it_spoke_in() -> None:
    claims, names = _run("The dispute lasted years, according to lawyers for the harbour "
                         "board in a court filing.")
    assert claims == [("Lawyers", "according to")]
    assert not any("filing" in n.lower() for n in names)


def test_first_person_cue_keeps_its_own_voice() -> None:
    # an unresolved "I" keeps the clause in the writer's voice: no later cue takes it
    claims, _ = _run("I think the members, who said they would vote no, know better.")
    assert claims == [(None, None)]


def test_he_has_contracted_before_a_cue() -> None:
    # "She's said": "has", so the pronoun is the subject and resolves to its referent
    claims, names = _run("Mayor Ilse Hardy opened the fair on Monday. She's said the fair "
                         "will return next year.")
    assert claims == [(None, None), ("Ilse Hardy", "said")]
    assert names == ["Ilse Hardy"]


def test_it_is_contracted_stays_unsourced() -> None:
    # "It's said …" is a passive with no party: no source, no fragment
    assert _run("It's said the fair will return next year.") == ([(None, None)], [])


def test_sentence_opening_conjunction_before_a_shared_subject() -> None:
    # "But X did A and said B": the subject after the opening "But" says B
    claims, names = _run("But the appeals court overruled and said the state already "
                         "provided early voting.")
    assert claims == [("Appeals court", "said")]
    assert names == ["Appeals court"]
    assert "But the appeals court" not in names


def test_opening_conjunction_keeps_an_inverted_speaker() -> None:
    # "And Hale, said Roe, …": Roe speaks; Hale, set off by the comma, is no subject
    assert _run("And Hale, said Ms. Roe, does not forgive or forget.") == (
        [("Roe", "said")], ["Roe"])

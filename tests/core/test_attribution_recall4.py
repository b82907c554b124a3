"""Attribution recall, fourth round: sentence shapes that hid a lexicon cue, on made-up texts.

Each shape is checked both ways: the attributive clause gets its exact source, and no
fragment of the sentence (a time phrase, an auxiliary, a contraction) becomes a source.
"""

from __future__ import annotations

import pytest

from tests.core.attribution_support import in_context, last_paragraph, names


def claims_of(body: str) -> list[tuple[str, str | None, str | None]]:
    """(claim text, source, cue) of the last paragraph, after a context naming a person."""
    return [(c.text, c.source, c.cue) for c in last_paragraph(in_context(body))]


def all_sources(body: str) -> set[str]:
    return set(names(in_context(body)))


@pytest.mark.parametrize(
    ("sentence", "source", "cue"),
    [
        # a relative clause set off by commas, with an adverb or a time phrase before its
        # verb: the antecedent speaks, never the adverb or the time
        ("The committee has summoned Tom Brisk, who regularly criticizes the port, to testify.",
         "Tom Brisk", "criticized"),
        ("Senator Tom Brisk of Ohio, who last spring threatened to close the mill, went home.",
         "Tom Brisk", "threatened"),
        # the antecedent is the name beside a description
        ("The jury heard Tom Brisk, the director of the Harbor Institute, who often "
         "criticizes the mayor, on Friday.", "Tom Brisk", "criticized"),
    ],
)
def test_relative_clause_antecedent(sentence: str, source: str, cue: str) -> None:
    got = claims_of(sentence)
    assert [(s, c) for _t, s, c in got] == [(source, cue)]
    names = all_sources(sentence)
    assert not names & {"Regularly", "Last", "Last year", "Ohio", "Harbor Institute"}


def test_relative_clause_opening_its_own_clause() -> None:
    """"…, which have ruled …": the clause's source is the noun phrase before the comma."""
    got = claims_of("The file was sent back to the appeals panels, which have ruled twice "
                    "against the plan.")
    assert got == [("The file was sent back to the appeals panels", None, None),
                   ("which have ruled twice against the plan.", "Appeals panels", "ruled")]


def test_relative_clause_without_party_stays_unsourced() -> None:
    """"a standoff that had long threatened …": no party before the pronoun."""
    got = claims_of("The council ended a standoff that had long threatened the budget.")
    assert [(s, c) for _t, s, c in got] == [(None, None)]


@pytest.mark.parametrize(
    ("sentence", "source", "cue"),
    [
        ("Voters don’t think the mayor can win the runoff.", "Voters", "thought"),
        ("Moreno wouldn't discuss whether she was hoping for a post.", "Anna Moreno",
         "discussed"),
    ],
)
def test_contracted_auxiliaries(sentence: str, source: str, cue: str) -> None:
    got = claims_of(sentence)
    assert [(s, c) for _t, s, c in got] == [(source, cue)]
    assert not any("'" in n or "’" in n for n in all_sources(sentence))


def test_they_ve_is_they() -> None:
    """The contraction is cut, so "they" resolves like any "they" (here: no body yet)."""
    got = claims_of("Dayton Water said the pipes are old. They’ve offered no details.")
    assert [s for _t, s, _c in got] == ["Dayton Water", "Dayton Water"]


@pytest.mark.parametrize(
    ("sentence", "source", "cue"),
    [
        ("Moreno did not mention the governor by name in her speech.", "Anna Moreno",
         "mentioned"),
        ("Moreno never said the levy would be cut this year.", "Anna Moreno", "said"),
    ],
)
def test_negated_speech_is_attributed(sentence: str, source: str, cue: str) -> None:
    """What a party did not say is still its stance ("did not mention", "never said")."""
    assert [(s, c) for _t, s, c in claims_of(sentence)] == [(source, cue)]


@pytest.mark.parametrize("sentence", [
    "Moreno did not respond to requests for comment on the levy.",
    "The Dayton council has not commented on the cause of the delay.",
    "Moreno didn’t reply to an email about the vote.",
])
def test_no_comment_stays_the_article_voice(sentence: str) -> None:
    assert [(s, c) for _t, s, c in claims_of(sentence)] == [(None, None)]


def test_say_by_a_margin() -> None:
    """"say by 55 percent to 41 percent": a margin, not a passive agent."""
    got = claims_of("Voters say by 55 percent to 41 percent that the levy is unfair.")
    assert [(s, c) for _t, s, c in got] == [("Voters", "said")]


@pytest.mark.parametrize(
    ("sentence", "source", "cue"),
    [
        ("The levy was first reported by the Dayton Ledger on Monday.", "Dayton Ledger",
         "reported"),
        ("The decision was praised by the Harbor Union as a victory for workers.",
         "Harbor Union", "praised"),
        ("The plan has been criticized by the union for its cost.", "Union", "criticized"),
    ],
)
def test_passive_with_its_agent(sentence: str, source: str, cue: str) -> None:
    """"was praised by X": the agent is the source, cut before "as"/"for"/"on"."""
    assert [(s, c) for _t, s, c in claims_of(sentence)] == [(source, cue)]
    assert not {n for n in all_sources(sentence) if " as " in n or " for " in n or " on " in n}


@pytest.mark.parametrize("sentence", [
    "The bill, opposed by most members of the council, never became law.",
    "Emails released by the Dayton council show a busy week.",
    "The levy was reported by accident in the wrong column.",
    "The museum was seen by thousands of visitors last year.",
])
def test_passive_modifier_or_no_agent_stays_unsourced(sentence: str) -> None:
    """A participle modifying a noun, or an agent that is no party, gives no source."""
    got = claims_of(sentence)
    assert all(s is None for _t, s, _c in got)


@pytest.mark.parametrize(
    ("sentence", "source", "cue"),
    [
        ("On Friday, Moreno visited the port and said the levy was unfair.", "Anna Moreno",
         "said"),
        ("After the vote, the Harbor Union met its members and warned that a strike was near.",
         "Harbor Union", "warned"),
    ],
)
def test_coordinated_verb_after_an_opening_phrase(sentence: str, source: str, cue: str) -> None:
    """"On Friday, X visited … and said": the subject after the opening phrase, never the
    phrase ("Asked", "On Friday")."""
    assert [(s, c) for _t, s, c in claims_of(sentence)] == [(source, cue)]
    assert not {"Asked", "On Friday", "After the vote"} & all_sources(sentence)


@pytest.mark.parametrize(
    ("sentence", "source", "cue"),
    [
        ("Last spring, the Dayton Ledger, a weekly paper, revealed that the mill was sold.",
         "Dayton Ledger", "revealed"),
        ("Tom Brisk, the podcaster, has even likened the council to a cartel.", "Tom Brisk",
         "likened"),
        ("Tom Brisk, the radio host, has always maintained that the levy is fair.",
         "Tom Brisk", "maintained"),
    ],
)
def test_time_phrase_and_adverbs_around_a_set_off_subject(sentence: str, source: str,
                                                         cue: str) -> None:
    """An opening time phrase is no appositive head; "has even/always" is an auxiliary run."""
    assert [(s, c) for _t, s, c in claims_of(sentence)] == [(source, cue)]
    assert not {"Last", "Last month", "Has"} & all_sources(sentence)



def test_cue_in_a_trailing_time_clause() -> None:
    """"… a day after the board said …": the time clause is the board's, the main clause
    stays the article's own voice."""
    got = claims_of("The vote fell barely a week after the Harbor Board condemned the "
                    "launch of the ship.")
    assert got == [("The vote fell barely a week", None, None),
                   ("after the Harbor Board condemned the launch of the ship.",
                    "Harbor Board", "condemned")]


def test_cue_in_an_opening_time_clause() -> None:
    got = claims_of("After the Harbor Board insisted in June that the ship was safe, the "
                    "port has appeared to relent.")
    assert got == [("After the Harbor Board insisted in June that the ship was safe",
                    "Harbor Board", "insisted"),
                   ("the port has appeared to relent.", None, None)]


def test_main_clause_cue_wins_over_a_time_clause() -> None:
    got = claims_of("Curiously, after the council asked Moreno to step down, Tom Brisk said "
                    "the plan was dead.")
    assert [(s, c) for _t, s, c in got] == [("Tom Brisk", "said")]


@pytest.mark.parametrize("sentence", [
    "A survey of firms that have hired staff since Feb. 3, 2019, shows a rise in wages.",
    "Prices have risen since last year, showing the strain on families.",
])
def test_a_date_after_since_is_no_speaker(sentence: str) -> None:
    names = all_sources(sentence)
    assert not {n for n in names if n.startswith(("Feb", "Last", "Year"))}


@pytest.mark.parametrize("sentence", [
    "The Dayton council did not say how many of the jobs were in the city.",
    "Moreno would not say whether she would run again next year.",
])
def test_negated_speech_before_an_open_question_says_nothing(sentence: str) -> None:
    assert [(s, c) for _t, s, c in claims_of(sentence)] == [(None, None)]


@pytest.mark.parametrize(
    ("sentence", "source", "cue"),
    [
        ("Tom Brisk, who first revealed that the port was sold, lost his seat.", "Tom Brisk",
         "revealed"),
        ("Moreno first said the plan was dead on Monday.", "Anna Moreno", "said"),
    ],
)
def test_first_as_an_adverb(sentence: str, source: str, cue: str) -> None:
    assert [(s, c) for _t, s, c in claims_of(sentence)] == [(source, cue)]


def test_first_after_a_determiner_is_no_cue() -> None:
    assert [(s, c) for _t, s, c in claims_of("The first report came on Monday.")] == [
        (None, None)]

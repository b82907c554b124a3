"""Coreference, sixth round (issue 14, items 3 and 4): surnames as aliases, "he"/"she"
after a one-word name, and the other rules of this round.

Every text here is invented; none comes from a corpus.
"""

from __future__ import annotations

from tests.core.attribution_support import aliases, run, sources_of


def test_a_person_quoted_by_surname_keeps_the_surname_as_an_alias() -> None:
    x = run("“We have a shorter queue this year,” said Ned Farrow, chairman of the county "
            "party, of the count. “We track postal ballots,” said Farrow, who predicted a "
            "quarter of the vote will be cast by mail.")
    assert sources_of(x) == ["Ned Farrow", "Ned Farrow"]
    assert "Farrow" in aliases(x)["Ned Farrow"]
    assert [s.name for s in x.sources] == ["Ned Farrow"]


def test_a_surname_two_people_share_is_nobodys_alias() -> None:
    x = run("Ben Holt said the bill was dead. Mara Holt said it would pass. Holt said the "
            "vote was close.")
    for s in x.sources:
        assert "Holt" not in s.aliases


def test_he_after_a_one_word_name_is_that_name() -> None:
    x = run("Inspector Della Vantrell said the case was strong. In a 2019 interview, Kovar "
            "told police that he sorted through mailboxes. He found cash only rarely, he "
            "estimated.")
    assert sources_of(x)[1:] == ["Kovar", "Kovar"]
    assert "Inspector Della Vantrell" not in sources_of(x)[2:]


def test_she_after_a_one_word_name_is_that_name_not_the_last_man_quoted() -> None:
    x = run("Pete Santini said the podcast was popular. Kesby says that is what modern radio "
            "is. “It is gotcha broadcasting,” she says.")
    assert sources_of(x) == ["Pete Santini", "Kesby", "Kesby"]


def test_he_never_refers_to_an_indefinite_pronoun() -> None:
    x = run("Ben Holt said the deal was dead. Nobody said the vote would be close. He added "
            "that the talks were over.")
    assert sources_of(x)[-1] == "Ben Holt"
    assert "Nobody" not in sources_of(x)[2:]


def test_they_is_the_plural_subject_of_the_sentence_before() -> None:
    x = run("The Acme Corp. said it would appeal. Workers objected to the plan to move "
            "them. They also said that the firm was shipping jobs overseas.")
    assert sources_of(x) == ["Acme Corp", None, "Workers"]


def test_they_is_the_plural_subject_opening_its_own_sentence() -> None:
    x = run("The mayor said the ordinance was bad. Council Republicans stalled the ordinance "
            "because they said the wording was a trap.")
    assert sources_of(x) == ["Mayor", "Council Republicans"]


def test_they_keeps_a_body_credited_after_the_plural_subject() -> None:
    x = run("Workers objected to the plan. The Acme Corp. said it would appeal. They also "
            "said the plan was fair.")
    assert sources_of(x) == [None, "Acme Corp", "Acme Corp"]
    assert "Workers" not in [s.name for s in x.sources]


def test_they_never_refers_to_a_plural_thing() -> None:
    x = run("The Acme Corp. said it would appeal. These documents show the plan. They said "
            "it was fair.")
    assert sources_of(x)[-1] == "Acme Corp"
    assert "Documents" not in [s.name for s in x.sources]


def test_a_surname_modifying_a_noun_is_no_subject_for_he() -> None:
    x = run("James Rook said the network would change. Ben Tolliver, a strategist, said its "
            "aim was a merger. The Rook stations have been blocking progress, he said, by "
            "ignoring the data.")
    assert sources_of(x) == ["James Rook", "Ben Tolliver", "Ben Tolliver"]


def test_a_surname_credited_before_the_full_name_is_one_source() -> None:
    x = run("Dorran said the bill was dead. Later, House Speaker Paul D. Dorran said he would "
            "vote for it.")
    assert sources_of(x) == ["Paul D. Dorran", "Paul D. Dorran"]
    assert [s.name for s in x.sources] == ["Paul D. Dorran"]
    assert "Dorran" in aliases(x)["Paul D. Dorran"]


def test_a_surname_two_people_of_the_article_bear_joins_neither() -> None:
    x = run("Holt said the vote was close. Mara Holt said it would pass. Ben Holt said the "
            "bill was dead.")
    assert sources_of(x) == ["Holt", "Mara Holt", "Ben Holt"]


def test_he_after_a_one_word_name_as_the_subject_of_the_sentence_before() -> None:
    x = run("“She lacks focus,” said Osgood. President Ben Holt spoke on Monday. Holt said "
            "the strike was over. Osgood was also bothered by the loss of the ledgers. “Who "
            "would hire us now?” he wondered.")
    assert sources_of(x)[-1] == "Osgood"


def test_a_word_only_ever_opening_a_sentence_is_no_subject_for_he() -> None:
    x = run("“We will win,” Back said. Ben Holt said the deal was dead. Back toured the plant "
            "on Monday. “We will see,” he said.")
    assert sources_of(x)[-1] == "Ben Holt"


def test_a_surname_with_a_bearer_of_unknown_first_name_joins_nobody() -> None:
    x = run("Kovar said he broke into the servers. His wife, Vesna Ilona Kovar, said "
            "he was innocent. The intruder, Teodor Radu Kovar, faces three years in prison.")
    assert sources_of(x)[0] != "Vesna Ilona Kovar"
    assert "Vesna Ilona Kovar" in sources_of(x)

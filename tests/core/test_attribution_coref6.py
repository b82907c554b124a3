"""Coreference, sixth round (issue 14, items 3 and 4): surnames as aliases, "he"/"she"
after a one-word name, and the other rules of this round.

Every text here is invented; none comes from a corpus.
"""

from __future__ import annotations

from claims.core.extraction import extract
from claims.core.model import Extraction
from claims.core.text.documents import make_document


def run(text: str) -> Extraction:
    return extract(make_document(text, "a.txt"))


def sources_of(x: Extraction) -> list[str | None]:
    return [c.source for c in x.claims]


def aliases(x: Extraction, name: str) -> tuple[str, ...]:
    return next(s.aliases for s in x.sources if s.name == name)


def test_a_person_quoted_by_surname_keeps_the_surname_as_an_alias() -> None:
    x = run("“We do not have the same headache,” said Matt Borges, chairman of the state "
            "party, of the race. “We chase absentee requests,” said Borges, who predicted a "
            "third of the vote will be cast early.")
    assert sources_of(x) == ["Matt Borges", "Matt Borges"]
    assert "Borges" in aliases(x, "Matt Borges")
    assert [s.name for s in x.sources] == ["Matt Borges"]


def test_a_surname_two_people_share_is_nobodys_alias() -> None:
    x = run("Ben Holt said the bill was dead. Mara Holt said it would pass. Holt said the "
            "vote was close.")
    for s in x.sources:
        assert "Holt" not in s.aliases


def test_he_after_a_one_word_name_is_that_name() -> None:
    x = run("Prosecutor Shannon Quill said the case was strong. In a 2014 interview, Lazar "
            "told agents that he trawled through accounts. He succeeded only rarely, he "
            "estimated.")
    assert sources_of(x)[1:] == ["Lazar", "Lazar"]
    assert "Prosecutor Shannon Quill" not in sources_of(x)[2:]


def test_she_after_a_one_word_name_is_that_name_not_the_last_man_quoted() -> None:
    x = run("Pete Santini said the show was popular. Reynolds says that is what new media "
            "is. “It is ambush journalism,” she says.")
    assert sources_of(x) == ["Pete Santini", "Reynolds", "Reynolds"]


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
    x = run("The governor said the bill was bad. Senate Democrats blocked the bill because "
            "they said the language was a poison pill.")
    assert sources_of(x) == ["Governor", "Senate Democrats"]


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
    x = run("James Rook said the paper would change. Ben Fenton, a strategist, said its "
            "goal was a deal. The Rook outlets have been standing in the way, he said, by "
            "denying science.")
    assert sources_of(x) == ["James Rook", "Ben Fenton", "Ben Fenton"]


def test_a_surname_credited_before_the_full_name_is_one_source() -> None:
    x = run("Ryan said the bill was dead. Later, House Speaker Paul D. Ryan said he would "
            "vote for it.")
    assert sources_of(x) == ["Paul D. Ryan", "Paul D. Ryan"]
    assert [s.name for s in x.sources] == ["Paul D. Ryan"]
    assert "Ryan" in aliases(x, "Paul D. Ryan")


def test_a_surname_two_people_of_the_article_bear_joins_neither() -> None:
    x = run("Holt said the vote was close. Mara Holt said it would pass. Ben Holt said the "
            "bill was dead.")
    assert sources_of(x) == ["Holt", "Mara Holt", "Ben Holt"]


def test_he_after_a_one_word_name_as_the_subject_of_the_sentence_before() -> None:
    x = run("“She lacks judgment,” said Tiegen. President Ben Holt spoke on Monday. Holt said "
            "the war was over. Tiegen was also troubled by the handling of the files. “Who "
            "wants to work with us?” he wondered.")
    assert sources_of(x)[-1] == "Tiegen"


def test_a_word_only_ever_opening_a_sentence_is_no_subject_for_he() -> None:
    x = run("“We will win,” Back said. Ben Holt said the deal was dead. Back toured the plant "
            "on Monday. “We will see,” he said.")
    assert sources_of(x)[-1] == "Ben Holt"


def test_a_surname_with_a_bearer_of_unknown_first_name_joins_nobody() -> None:
    x = run("Lazar said he broke into the accounts. His wife, Gabriela Zoltana Lazar, said "
            "he was innocent. The hacker, Marcel Lehel Lazar, faces two years in prison.")
    assert sources_of(x)[0] != "Gabriela Zoltana Lazar"
    assert "Gabriela Zoltana Lazar" in sources_of(x)

"""Who a speaker phrase denotes: pronouns, relatives and role phrases (issue 14, coref).

Short texts written for these tests reproduce the shapes real news showed; each test
asserts the source chosen and that the tempting wrong candidate is not. No text here
comes from any corpus.
"""

from __future__ import annotations

import pytest

from claims.core.attribution.references import subject_position
from claims.core.attribution.resolve import CueHit, SourceBook
from claims.core.attribution.sources import Entity
from claims.core.extraction import extract
from claims.core.model import Extraction
from claims.core.text.documents import make_document
from tests.core import attribution_support as support
from tests.core.attribution_support import source_of


def run(body: str, head: str = "Story of the day") -> Extraction:
    return support.run(body, head)


# ------------------------------------------------------------- subject salience
def test_he_is_the_previous_subject_not_the_last_speaker() -> None:
    x = run("“The levy will fail,” said Mark Hale.\n\n"
            "Ted Cruz met Donald Trump on Monday. He said the two differ on trade.")
    assert source_of(x, "He said") == "Ted Cruz"


def test_she_skips_a_male_subject_for_the_female_speaker() -> None:
    x = run("“We will win,” said Ann Roe.\n\n"
            "Ben Holt toured the plant on Monday. She said the plant would close.")
    assert source_of(x, "She said") == "Ann Roe"


def test_subject_after_an_opening_phrase_and_with_a_title() -> None:
    x = run("“Prices will rise,” said Paul Grant.\n\n"
            "On Tuesday, Democratic Sen. Tom Brisk visited Ohio. He said jobs come first.")
    assert source_of(x, "He said") == "Tom Brisk"


def test_an_object_is_no_subject() -> None:
    x = run("“Prices will rise,” said Paul Grant.\n\n"
            "Voters in the town cheered Tom Brisk on Monday. He said jobs come first.")
    assert source_of(x, "He said") == "Paul Grant"


@pytest.mark.parametrize(
    ("text", "name", "subject"),
    [
        ("Ann Roe met Ben Holt.", "Ann Roe", True),
        ("Ann Roe met Ben Holt.", "Ben Holt", False),
        ("He said he backs Mr. Holt, the favorite.", "Holt", False),  # "Mr." ends nothing
        ("Later, Gov. Ann Roe spoke.", "Roe", True),
        ("Ann Roe's aide spoke.", "Ann Roe", False),  # a possessive is no subject
        ("“Holt is wrong,” she said.", "Holt", False),  # a quotation's subject
    ],
)
def test_subject_position(text: str, name: str, subject: bool) -> None:
    assert subject_position(text, text.index(name)) is subject


def test_a_credited_person_named_by_surname_as_subject() -> None:
    # "Republican hopeful Ann Roe" is in no people list; her surname as the next
    # paragraph's subject still makes her the "she" after it, not the last speaker.
    x = run("Republican hopeful Ann Roe said on Monday that taxes would fall.\n\n"
            "“Prices will rise,” said Lisa Dunn.\n\n"
            "Roe toured a plant in Ohio. She said jobs come first.")
    assert source_of(x, "She said") == "Ann Roe"


def test_the_honorific_decides_the_gender_of_a_shared_surname() -> None:
    # "Mrs. Holt" after "Ben Holt": the surname's mention is hers, so "he" skips it.
    x = run("“We will win,” said Paul Grant.\n\n"
            "Ben Holt and Mara Holt own the mill. Mrs. Holt toured it on Monday. "
            "He said the mill would close.")
    assert source_of(x, "He said") == "Ben Holt"


def test_a_contradicting_honorific_marks_another_person() -> None:
    # "Mrs. Holt" is not Mr. Ben Holt: "she" is her, the last subject, never him.
    x = run("“We will win,” said Ann Roe.\n\n"
            "Mr. Ben Holt spoke first. Mrs. Holt toured the mill on Monday. "
            "She said the mill would close.")
    assert source_of(x, "She said") == "Holt"
    assert [s.aliases for s in x.sources if s.name == "Holt"] == [("Mrs. Holt",)]


def test_a_subject_met_by_surname_first_is_not_split_in_two() -> None:
    # "Holt" was credited before "Senator Tom Holt" is read as a subject: one source.
    x = run("“Jobs come first,” Holt said.\n\n"
            "“Prices will rise,” said Paul Grant.\n\n"
            "Senator Tom Holt toured Ohio on Monday. He said the plant would stay open.")
    assert source_of(x, "He said") == source_of(x, "“Jobs come first")
    assert len([s for s in x.sources if "Holt" in s.name]) == 1


def test_a_shared_surname_keeps_the_subject_apart() -> None:
    # Mara and Tom Holt: the bare "Holt" credited first may be either, so the subject
    # "Senator Tom Holt" stays his own source.
    x = run("“Jobs come first,” Holt said.\n\n"
            "Mara Holt, his sister, runs the farm.\n\n"
            "“Prices will rise,” said Paul Grant.\n\n"
            "Senator Tom Holt toured Ohio on Monday. He said the plant would stay open.")
    assert source_of(x, "He said") == "Tom Holt"
    assert source_of(x, "“Jobs come first") == "Holt"


@pytest.mark.parametrize(
    ("text", "name"),
    [("Mrs. Roe's Iraq vote was a factor.", "Roe"), ("Don’t Republicans run it?", "Don")],
)
def test_possessives_and_contractions_are_no_subjects(text: str, name: str) -> None:
    assert subject_position(text, text.index(name)) is False


@pytest.mark.parametrize(
    ("text", "name", "subject"),
    [
        ('Prices are falling, he said.\n\n"Coal is not the villain," he said.', "Coal", False),
        ("“We will win.” Ann Roe said it twice.", "Ann Roe", True),
        ("'Holt is wrong,' she said.", "Holt", False),
    ],
)
def test_quotation_marks_around_subjects(text: str, name: str, subject: bool) -> None:
    assert subject_position(text, text.index(name)) is subject


def test_a_common_word_is_no_surname_mention() -> None:
    # A person source whose last word is a common word ("… Republican") is not
    # mentioned by "The Republican …": "he" finds nobody rather than that source.
    text = "The Republican is touring Ohio. He said jobs come first."
    book = SourceBook(text)
    book.entities.append(Entity(name="Lake County Republican", person=True))
    at = text.index("He said")
    assert book.resolve(CueHit(0, 7, "said", "He", 0), at, text[at:]) is None


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The companies expect sales to fall next year.", "Companies"),
        ("Federal agencies say the rule is lawful.", "Federal agencies"),
        ("Local authorities warned that the river would flood.", "Local authorities"),
    ],
)
def test_an_ies_plural_of_a_party_noun_is_a_party(sentence: str, source: str) -> None:
    """"companies" is the plural of "company": a party, not a thing that speaks."""
    ex = extract(make_document(sentence, "t.txt"))
    assert [c.source for c in ex.claims] == [source]


def test_an_ies_plural_of_a_thing_stays_no_source() -> None:
    ex = extract(make_document("The puppies say nothing.", "t.txt"))
    assert [c.source for c in ex.claims] == [None]

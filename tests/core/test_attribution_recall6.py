"""Attribution recall, sixth round: speech-cue shapes on made-up texts.

Each shape is checked both ways: the claim gets its exact source and cue, and the party
the sentence only mentions (or a fragment of it) never becomes the claim's source.
"""

from __future__ import annotations

import pytest

from claims.core.extraction import extract
from claims.core.text.documents import make_document
from tests.core.attribution_support import in_context, last_paragraph


def claims_of(body: str) -> list[tuple[str | None, str | None]]:
    """(source, cue) of each claim of the last paragraph, after a context naming a person."""
    return [(c.source, c.cue) for c in last_paragraph(in_context(body))]


@pytest.mark.parametrize(
    ("sentence", "source", "cue", "never"),
    [
        # a closing "said X" wraps the clause before it, however long X's description
        ("Holt has a large field team and support from most unions in the county, said "
         "Vera Lind, director of the Rural Ballot Study at the University of Toledo.",
         "Vera Lind", "said", "Holt"),
        ("Tom Holt thinks the city charges too many fees, his cousin Carl Holt said "
         "on Tuesday at a fair in Akron, in a break with his earlier view.",
         "Carl Holt", "said", "Tom Holt"),
    ],
)
def test_closing_speech_cue_wraps_the_clause(sentence: str, source: str, cue: str,
                                             never: str) -> None:
    got = claims_of(sentence)
    assert got == [(source, cue)]
    assert all(s != never for s, _ in got)


@pytest.mark.parametrize(
    ("sentence", "source", "never"),
    [
        # the party a described document names speaks for it
        ("Rents rose by a tenth in the district, according to first results of street surveys "
         "carried out for the Harbor Courier and two radio stations.", "Harbor Courier",
         "Rents"),
        ("The mill hired 40 workers in 2019, according to payroll records compiled by "
         "Dayton Labor Watch.", "Dayton Labor Watch", "Payroll records"),
        ("Holt met the envoy twice in May, according to a Ministry transcript.", "Ministry",
         "Holt"),
        ("Holt paid $8 million for the boat, according to letters from Vera Lind.",
         "Vera Lind", "Holt"),
    ],
)
def test_according_to_a_document_credits_its_producer(sentence: str, source: str,
                                                      never: str) -> None:
    got = claims_of(sentence)
    assert got == [(source, "according to")]
    assert all(s != never for s, _ in got)


def test_according_to_a_named_party_is_left_as_written() -> None:
    """A plain name or a role is no document: nothing is cut from it."""
    got = claims_of("Costs rose by a third, according to the Center for Fiscal Policy.")
    assert got == [("Center for Fiscal Policy", "according to")]


@pytest.mark.parametrize(
    ("sentence", "source", "never"),
    [
        ("By noon, the Holt campaign issued a brief statement saying that Holt had misspoken "
         "about the budget.", "Holt campaign", "Holt"),
        ("Once the debate was over, Vera Lind sent out a two-line press release saying "
         "Holt should apologise to the dockers.", "Vera Lind", "Holt"),
        ("On Sunday, the Harbor Union released a video on its website saying the strike "
         "would go on.", "Harbor Union", "Sunday"),
    ],
)
def test_a_statement_saying_is_said_by_its_issuer(sentence: str, source: str,
                                                  never: str) -> None:
    got = claims_of(sentence)
    assert [s for s, _ in got] == [source]
    assert got[0][1] in ("said", "released")  # "released" is a cue verb of its own
    assert all(s != never for s, _ in got)


def test_a_statement_issued_without_saying_is_no_speech() -> None:
    """Issuing a statement reports an act; only "saying …" gives it content."""
    assert claims_of("The board issued a statement on Friday.") == [(None, None)]


@pytest.mark.parametrize(
    ("sentence", "source", "never"),
    [
        # a participle of saying closes a clause whose subject the verb after it marks
        ("The retired banker Vera Lind has given no timetable for the merger, saying only "
         "that the talks were going well.", "Vera Lind", "Retired"),
        ("The veteran senator Tom Holt opened with a story about his father, saying that the "
         "mill had kept the town alive.", "Tom Holt", "Veteran"),
    ],
)
def test_saying_after_a_clause_is_said_by_its_subject(sentence: str, source: str,
                                                      never: str) -> None:
    got = claims_of(sentence)
    assert got == [(source, "said")]
    assert all(s != never for s, _ in got)


def test_a_stance_participle_takes_no_loose_subject() -> None:
    """Only participles of saying read a looser subject: "promising" after a verb whose
    subject the plain reading misses stays the article's voice."""
    got = claims_of("The retired banker has given no timetable for the merger, promising "
                    "a vote by June.")
    assert got == [(None, None)]


@pytest.mark.parametrize(
    ("sentence", "source", "never"),
    [
        # an inverted speaker ends before the circumstance after it
        ("“Only the voters can settle this one,” said House Majority Whip Tom "
         "Holt (R-Ohio) in an interview.", "Tom Holt", "Interview"),
        ("“The levy is unfair to small firms,” said Vera Lind at a rally on Monday.",
         "Vera Lind", "Rally"),
        # a participle's or adjective's own phrase stays with the speaker
        ("“Neither side will blink before Friday,” says an aide briefed on the "
         "talks.", "Aide briefed on the talks", "Talks"),
    ],
)
def test_inverted_speaker_ends_before_a_circumstance(sentence: str, source: str,
                                                     never: str) -> None:
    got = claims_of(sentence)
    assert [s for s, _ in got] == [source]
    assert all(s != never for s, _ in got)


def _paragraph_sources(text: str) -> list[tuple[int, str | None]]:
    ex = extract(make_document(text, "t.txt"))
    return [(c.paragraph, c.source) for c in ex.claims]


def test_a_quotation_paragraph_goes_on_quoting_the_speaker_before_it() -> None:
    text = ("Harbor talks resume\n"
            "“We will not sign anything this week,” Vera Lind told a "
            "radio station on Monday.\n"
            "“The offer is too low. The dockers deserve better.”\n"
            "The talks resume in May.\n")
    got = _paragraph_sources(text)
    quoted = [s for p, s in got if p == 2]
    assert quoted and all(s == "Vera Lind" for s in quoted)
    assert all(s is None for p, s in got if p == 3)  # the article's own voice stays null


def test_a_quotation_paragraph_after_narration_stays_unsourced() -> None:
    """Only a paragraph that ends on a quoted speaker hands the next quotation on."""
    text = ("Harbor talks resume\n"
            "Vera Lind told a radio station on Monday that the port would close.\n"
            "“The offer is too low. The dockers deserve better.”\n")
    got = _paragraph_sources(text)
    assert all(s is None for p, s in got if p == 2)


@pytest.mark.parametrize(
    ("sentence", "source", "never"),
    [
        # a description owned by another name, set off after the speaker, is no speaker
        ("Even Ruritania, Borduria's oldest trading partner, said it could not back the "
         "tariff.", "Ruritania", "Borduria"),
        ("Ben Roe, Mrs. Holt's campaign manager, said the bus tour would end in May.",
         "Ben Roe", "Holt"),
    ],
)
def test_a_possessive_description_after_the_speaker(sentence: str, source: str,
                                                    never: str) -> None:
    got = claims_of(sentence)
    assert got == [(source, "said")]
    assert all(s != never for s, _ in got)


@pytest.mark.parametrize(
    ("sentence", "source", "never"),
    [
        # a name with its place, then a description set off by commas, then the verb
        ("Senator Tom Holt of Ohio, the senior member of the panel, said the hearing "
         "would resume on Monday.", "Tom Holt", "Panel"),
        ("Authorities in Korvia, the province across the river, said the ferries would "
         "stop.", "Authorities in Korvia", "Province"),
    ],
)
def test_a_placed_name_before_its_description(sentence: str, source: str,
                                              never: str) -> None:
    got = claims_of(sentence)
    assert got == [(source, "said")]
    assert all(s != never for s, _ in got)


def test_that_after_a_preposition_is_a_determiner() -> None:
    """"of that report" opens no clause: the name after the description still speaks."""
    got = claims_of("One of the editors of that survey, Mara Vance, said the results would "
                    "surprise the board.")
    assert got == [("Mara Vance", "said")]


def test_adding_after_a_closing_speaker_stays_that_speakers() -> None:
    """"…, X said, adding that …": X wraps the clause before, and the participle is X's
    too, not the subject that opens the sentence."""
    got = claims_of("Mara Vance plans to tour the three mill towns next week, Ben Holt said, "
                    "adding that she would also meet the union leaders.")
    assert got == [("Ben Holt", "said")]


def test_a_producer_read_from_a_document_covers_its_own_sentence_only() -> None:
    text = ("Harbor fraud case\n"
            "According to a 12-count complaint filed by the Harbor Authority and a second "
            "complaint by the Dock Workers Union, the builders hid cracks in the piers. "
            "Mr. Quill was charged with selling the same berths twice.\n")
    got = _paragraph_sources(text)
    assert got[1] == (1, "Dock Workers Union")
    assert got[2] == (1, None)  # the next sentence keeps the article's voice

"""Attribution recall, sixth round: speech-cue shapes on made-up texts.

Each shape is checked both ways: the claim gets its exact source and cue, and the party
the sentence only mentions (or a fragment of it) never becomes the claim's source.
"""

from __future__ import annotations

import pytest

from claims.core.extraction import extract
from claims.core.text.documents import make_document

_CONTEXT = "Headline here\nAnna Moreno, the mayor, spoke in Dayton on Monday.\n"


def _extract(body: str):  # type: ignore[no-untyped-def]
    return extract(make_document(_CONTEXT + body, "t.txt"))


def claims_of(body: str) -> list[tuple[str | None, str | None]]:
    """(source, cue) of each claim of the last paragraph, after a context naming a person."""
    ex = _extract(body)
    last = max(c.paragraph for c in ex.claims)
    return [(c.source, c.cue) for c in ex.claims if c.paragraph == last]


@pytest.mark.parametrize(
    ("sentence", "source", "cue", "never"),
    [
        # a closing "said X" wraps the clause before it, however long X's description
        ("Holt has a strong ground game and support from all unions in the state, said "
         "Vera Lind, director of the Civic Engagement Project at the University of Dayton.",
         "Vera Lind", "said", "Holt"),
        ("Tom Holt thinks the state requires too many tests, his brother Carl Holt said "
         "this week at a rally in Dayton, in a reversal of his past stance.",
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
        ("Turnout fell by a fifth in the county, according to early results of exit polls "
         "conducted for the Harbor Courier and two radio stations.", "Harbor Courier",
         "Turnout"),
        ("The mill hired 40 workers in 2019, according to payroll records compiled by "
         "Dayton Labor Watch.", "Dayton Labor Watch", "Payroll records"),
        ("Holt met the envoy twice in May, according to a Ministry readout.", "Ministry",
         "Holt"),
        ("Holt paid $8 million for the plane, according to documents from Vera Lind.",
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
        ("Minutes later, the Holt campaign issued a statement saying that Holt meant "
         "voters are united.", "Holt campaign", "Holt"),
        ("Shortly after the call ended, Vera Lind sent out a press release saying Holt owes "
         "Ohio an explanation.", "Vera Lind", "Holt"),
        ("On Friday, the Harbor Union released a video on its website saying the strike "
         "would go on.", "Harbor Union", "Friday"),
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
        ("The retired surgeon Vera Lind has given no details about her plans, saying only "
         "that she was refining them.", "Vera Lind", "Retired"),
        ("The veteran senator Tom Holt began by talking about the harbor, saying that the "
         "port is now cheaper than ever.", "Tom Holt", "Veteran"),
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
    got = claims_of("The retired surgeon has given no details about the clinic, promising "
                    "a plan by May.")
    assert got == [(None, None)]


@pytest.mark.parametrize(
    ("sentence", "source", "never"),
    [
        # an inverted speaker ends before the circumstance after it
        ("“It takes an election, as far as I am concerned,” said Senate Minority Whip Tom "
         "Holt (D-Ohio) in an interview.", "Senate Minority Whip Tom Holt", "Interview"),
        ("“The levy is unfair to small firms,” said Vera Lind at a rally on Monday.",
         "Vera Lind", "Rally"),
        # a participle's or adjective's own phrase stays with the speaker
        ("“It is a way to take part without backing Holt,” says a source involved in the "
         "talks.", "Source involved in the talks", "Talks"),
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
            "“As far as the port is concerned, it is anyone but Holt,” Vera Lind told a "
            "radio station on Monday.\n"
            "“Holt means closure. Holt means ruin for the docks.”\n"
            "The talks resume in May.\n")
    got = _paragraph_sources(text)
    quoted = [s for p, s in got if p == 2]
    assert quoted and all(s == "Vera Lind" for s in quoted)
    assert all(s is None for p, s in got if p == 3)  # the article's own voice stays null


def test_a_quotation_paragraph_after_narration_stays_unsourced() -> None:
    """Only a paragraph that ends on a quoted speaker hands the next quotation on."""
    text = ("Harbor talks resume\n"
            "Vera Lind told a radio station on Monday that the port would close.\n"
            "“Holt means closure. Holt means ruin for the docks.”\n")
    got = _paragraph_sources(text)
    assert all(s is None for p, s in got if p == 2)


@pytest.mark.parametrize(
    ("sentence", "source", "never"),
    [
        # a description owned by another name, set off after the speaker, is no speaker
        ("Even Ruritania, Borduria's only ally, said it was opposed to the test.",
         "Ruritania", "Borduria"),
        ("Tina Roe, Mrs. Holt's chief of staff, said the lines were long.", "Tina Roe",
         "Holt"),
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
        ("Senator Tom Holt of Ohio, the top Republican on the panel, said the vote would "
         "come on Monday.", "Tom Holt", "Panel"),
        ("Authorities in Westphalia, the state next to the border, said controls were "
         "tighter.", "Authorities in Westphalia", "State"),
    ],
)
def test_a_placed_name_before_its_description(sentence: str, source: str,
                                              never: str) -> None:
    got = claims_of(sentence)
    assert got == [(source, "said")]
    assert all(s != never for s, _ in got)


def test_that_after_a_preposition_is_a_determiner() -> None:
    """"of that report" opens no clause: the name after the description still speaks."""
    got = claims_of("One of the authors of that report, Ari Lind, said the vote will test "
                    "their findings.")
    assert got == [("Ari Lind", "said")]


def test_adding_after_a_closing_speaker_stays_that_speakers() -> None:
    """"…, X said, adding that …": X wraps the clause before, and the participle is X's
    too, not the subject that opens the sentence."""
    got = claims_of("Tom Holt intends to give a speech on trade this month, Vera Lind said, "
                    "adding that he would also hold town meetings in May.")
    assert got == [("Vera Lind", "said")]


def test_a_producer_read_from_a_document_covers_its_own_sentence_only() -> None:
    text = ("Harbor fraud case\n"
            "According to a 12-count complaint filed by the Harbor Authority and a second "
            "complaint by the Dock Workers Union, the developers ran a fraudulent scheme. "
            "Mr. Quill was accused of spending $5 million on a yacht.\n")
    got = _paragraph_sources(text)
    assert got[1] == (1, "Dock Workers Union")
    assert got[2] == (1, None)  # the next sentence keeps the article's voice

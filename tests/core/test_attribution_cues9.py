"""Attribution, cues9 round: invented sentences for the shapes measured on PolNeAR train.

The question a speaker answered is nobody's claim: "Asked whether …, Roe said …" and
"“…,” Roe said when asked whether …" keep the question in the article's own voice and
give the answer to its speaker; a question whose answer follows it ("… when asked about
the inquiry: “…”") stays with the answer.
"""

from __future__ import annotations

import pytest

from tests.core.attribution_support import names, run


def _claims(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(c.text, c.source, c.cue) for c in run(text).claims]


@pytest.mark.parametrize(
    ("text", "question", "answer", "source"),
    [
        ("Asked whether she would run again, Ann Roe said she had not decided.",
         "Asked whether she would run again", "Ann Roe said she had not decided.", "Ann Roe"),
        ("When asked about the levy, Mayor Pieter van Dam told reporters it would pass.",
         "When asked about the levy",
         "Mayor Pieter van Dam told reporters it would pass.", "Pieter van Dam"),
        # a cue inside the question is no speaker of the answer
        ("Asked whether critics say the levy is unfair, Ann Roe said she doubted it.",
         "Asked whether critics say the levy is unfair", "Ann Roe said she doubted it.",
         "Ann Roe"),
        ("“We will not pay,” Ann Roe said when asked whether the city would settle.",
         "when asked whether the city would settle.", "“We will not pay,” Ann Roe said",
         "Ann Roe"),
        ("“It has been years,” Ann Roe said, asked about the delay.",
         "asked about the delay.", "“It has been years,” Ann Roe said", "Ann Roe"),
        # after an opening phrase or a conjunction
        ("On Sunday on a talk show, when asked about the levy, Mayor Ann Roe said it would "
         "pass.", "On Sunday on a talk show, when asked about the levy",
         "Mayor Ann Roe said it would pass.", "Ann Roe"),
        ("Ann Roe spoke first. And when asked by the ushers to go, she refused to move.",
         "And when asked by the ushers to go", "she refused to move.", "Ann Roe"),
        # "pressed" and "questioned" ask too
        ("When pressed on the reasons the levy spares farmers, Ann Roe replied that it "
         "would change.", "When pressed on the reasons the levy spares farmers",
         "Ann Roe replied that it would change.", "Ann Roe"),
    ],
)
def test_question_answered_stays_own_voice(text: str, question: str, answer: str,
                                           source: str) -> None:
    claims = _claims(text)
    assert (question, None, None) in claims
    assert any(t == answer and s == source for t, s, _ in claims)
    assert all(s != source for t, s, _ in claims if t == question)


def test_answer_after_question_keeps_speaker() -> None:
    claims = _claims("The decision rests with Ann Roe, who told the council when asked "
                     "about the inquiry: “That matter is with the auditors.”")
    assert len(claims) == 1 and claims[0][1] == "Ann Roe"


def test_asked_as_content_is_no_question() -> None:
    # "asked" inside what the speaker reports, or reported content before it
    for text in ("Ann Roe said she had asked the board for a meeting because the levy worried her.",
                 "Ann Roe said the footage shows Tom Brisk stepping out of the van when "
                 "asked to by the guards."):
        claims = _claims(text)
        assert len(claims) == 1 and claims[0][1] == "Ann Roe", claims


def test_question_carries_no_speaker_to_next_quotation() -> None:
    claims = _claims("“We will not pay,” Ann Roe said once asked about the levy. "
                     "“The city has no money.”")
    assert claims[-1][1] == "Ann Roe"
    assert claims[1][1] is None


def test_question_before_a_coordinated_verb() -> None:
    # moved from test_attribution_recall4: the question is now the article's own claim
    text = ("Anna Moreno chairs the port board. Asked whether she would resign, Moreno "
            "nodded slowly and then said she would stay.")
    claims = _claims(text)
    assert ("Asked whether she would resign", None, None) in claims
    assert claims[-1][1:] == ("Anna Moreno", "said")
    ex = run(text)
    assert "Asked" not in set(names(ex))


@pytest.mark.parametrize(
    ("text", "source", "never"),
    [
        # a reduced relative clause of stance: the party or document before it
        ("Harbor Watch, a super PAC backing Ann Roe, spent heavily on radio.", "Super PAC",
         "Harbor Watch, a super PAC"),
        ("Most of the money comes from groups supporting the Velmora levy.", "Groups",
         "Most of the money comes from groups"),
    ],
)
def test_reduced_relative_of_stance(text: str, source: str, never: str) -> None:
    claims = _claims(text)
    assert [s for _t, s, _c in claims] == [source]
    ex = run(text)
    assert never not in set(names(ex))


def test_reduced_relative_never_takes_a_preposition() -> None:
    ex = run("Despite polls showing her behind, Ann Roe campaigned on.")
    assert not any(s.name.lower().startswith("despite") for s in ex.sources)
    assert all(c.source != "Despite polls" for c in ex.claims)


@pytest.mark.parametrize(
    ("text", "source", "never"),
    [
        # a participle of saying after a spaced dash: the clause subject says it
        ("Ann Roe changed her vote on the spot – saying the levy was unfair.", "Ann Roe",
         None),
        # an adverb or a time phrase between the subject and its verb, with no commas
        ("Ann Roe at the time said the levy was unfair.", "Ann Roe", "Ann Roe at the time"),
        ("Pieter van Dam however said the levy was fair.", "Pieter van Dam",
         "Pieter van Dam however"),
    ],
)
def test_speaker_shapes(text: str, source: str, never: str | None) -> None:
    claims = _claims(text)
    assert [s for _t, s, _c in claims] == [source]
    ex = run(text)
    assert never not in set(names(ex))


def test_quotation_cut_at_its_question_mark_takes_the_next_speaker() -> None:
    # the segmentation may cut "“…?” Roe told …" after the quotation; the speaker who
    # opens the next sentence finishes it
    text = ("“It looks like the levy will not pass this spring or the next one, who knows?” "
            "Ann Roe told the Velmora Courier on a radio show broadcast that evening after "
            "a long meeting of the harbour council in the old town hall on the U.S. coast.")
    claims = _claims(text)
    assert all(s == "Ann Roe" for _t, s, _c in claims), claims


def test_quotation_closed_by_a_period_keeps_its_own_voice() -> None:
    claims = _claims("The harbour was quiet. “Nobody came.” Ann Roe said the levy would pass.")
    assert claims[1][1] is None


def test_said_by_telephone_is_active() -> None:
    claims = _claims("“The levy will pass,” Ann Roe said by telephone on Monday.")
    assert [s for _t, s, _c in claims] == ["Ann Roe"]
    # a passive agent after "by" still gives no speaker of its own
    assert _claims("The levy was reported by accident in the wrong column.")[0][1] is None


@pytest.mark.parametrize(("text", "source"), [
    ("The clerk first said she had never seen the ledger.", "Clerk"),
    ("Ann Roe first said she had never seen the ledger.", "Ann Roe"),
])
def test_first_between_subject_and_verb_is_an_adverb(text: str, source: str) -> None:
    assert [s for _t, s, _c in _claims(text)] == [source]
    assert not any("first" in n.lower() for n in names(run(text)))


def test_first_after_a_determiner_is_no_adverb() -> None:
    assert [s for _t, s, _c in _claims("The first said nothing about the ledger.")] == [None]


@pytest.mark.parametrize(("text", "source"), [
    ("Ann Roe's campaign shrugged off the comments, saying the claim was false.",
     "Ann Roe's campaign"),
    ("Ann Roe's lawyers brushed aside the ruling, telling reporters it would be appealed.",
     "Ann Roe's lawyers"),
])
def test_possessive_subject_runs_to_its_head_noun(text: str, source: str) -> None:
    assert [s for _t, s, _c in _claims(text)] == [source]
    assert "Ann Roe's" not in names(run(text))


@pytest.mark.parametrize(("text", "source"), [
    ("A pastor in Marion, Tom Brisk, said he had made 150 calls.", "Tom Brisk"),
    ("One voter in Dayton, Ann Roe, said she would back the levy.", "Ann Roe"),
])
def test_a_placed_description_before_the_name(text: str, source: str) -> None:
    assert [s for _t, s, _c in _claims(text)] == [source]
    assert not any("Marion" in n or "Dayton" in n for n in names(run(text)))

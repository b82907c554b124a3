"""Attribution: every cue class and back-reference class, on small made-up texts."""

from __future__ import annotations

import pytest

from claims.core.attribution import role_body
from claims.core.cues import find_hits
from claims.core.documents import make_document
from claims.core.extraction import extract
from claims.core.segmentation import quote_mask


def attributed(body: str) -> list[tuple[str, str | None, str | None]]:
    """(claim text, source, cue) for an article whose first line is a headline."""
    ex = extract(make_document("Headline here\n" + body, "t.txt"))
    return [(c.text, c.source, c.cue) for c in ex.claims if c.paragraph > 0]


@pytest.mark.parametrize(
    ("sentence", "source", "cue"),
    [
        ("The agency said 12 people were missing.", "Agency", "said"),
        ("Floods killed 40, the Red Cross said on Sunday.", "Red Cross", "said"),
        ("Floods killed 40, said Anton Weller, a farmer.", "Anton Weller", "said"),
        ("Police say the road is shut.", "Police", "said"),
        ("Governor Anna Berg told reporters that schools were shut.", "Anna Berg", "told"),
        ("In a statement, Acme Corp said profit fell.", "Acme Corp", "said"),
        ("The army wrote on Telegram that five drones were downed.", "Army", "wrote"),
        ("According to the Red Cross, 30 people are missing.", "Red Cross", "according to"),
        ("Thirty people are missing, according to the Red Cross.", "Red Cross", "according to"),
        ("Prices rose, as reported by the Daily Post.", "Daily Post", "reported"),
        ("Prices rose 4%, data from the Statistics Office indicated.", "Statistics Office",
         "indicated"),
        ("Costs rose, according to data from the Statistics Office.", "Statistics Office",
         "according to"),
        ("A survey of 2,000 voters by the polling firm Civis found that most backed it.",
         "Civis", "found"),
        ("Analysts noted that growth slowed.", "Analysts", "noted"),
        ("Independent news outlet Medium reported that troops left.", "Medium", "reported"),
        ("Ukraine expressed its hope for talks.", "Ukraine", "expressed"),
        ("Officials have raised concerns about supply.", "Officials", "raised"),
        ("A blogger who posts under the name Red Fox claimed that a town fell.", "Red Fox",
         "claimed"),
        ("Acme Corp, the food group, reported a loss of 5 million euros.", "Acme Corp",
         "reported"),
        ("Prime Minister Lena Havik, who flew over the area, said aid was coming.",
         "Lena Havik", "said"),
    ],
)
def test_cue_classes(sentence: str, source: str, cue: str) -> None:
    assert attributed(sentence) == [(sentence, source, cue)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Residents were evacuated from the valley.",
        "No damage or casualties were reported in the city.",
        "Mr. Nadal did not disclose details of the damage.",
        "The central bank's inflation forecast of 2.8 percent was unchanged.",
        "Under the plan, pensions will rise by 4.5% from April.",
    ],
)
def test_no_cue_is_own_voice(sentence: str) -> None:
    assert attributed(sentence) == [(sentence, None, None)]


def test_quote_with_cue_in_the_middle_carries_to_the_next_sentence() -> None:
    body = '"The water came fast," Mayor John Miles told reporters. "We had no warning."'
    assert attributed(body) == [
        ('"The water came fast," Mayor John Miles told reporters.', "John Miles", "told"),
        ('"We had no warning."', "John Miles", "told"),
    ]


def test_quote_running_over_two_sentences_with_the_cue_at_the_end() -> None:
    body = "Governor Oksana Dreyer spoke.\n“Debris fell on a school. Four were hurt,” she wrote."
    assert attributed(body)[1:] == [
        ("“Debris fell on a school.", "Oksana Dreyer", "wrote"),
        ("Four were hurt,” she wrote.", "Oksana Dreyer", "wrote"),
    ]


def test_two_sources_in_one_sentence_become_two_clauses() -> None:
    body = "The agency put the toll at 18, while the Red Cross said more than 30 died."
    assert attributed(body) == [
        ("The agency put the toll at 18", "Agency", "put"),
        ("the Red Cross said more than 30 died.", "Red Cross", "said"),
    ]


def test_own_voice_clause_and_relative_clause_with_its_own_source() -> None:
    body = "Russia struck the city of Dnipro, which President Vladimir Putin announced was a test."
    assert attributed(body) == [
        ("Russia struck the city of Dnipro", None, None),
        ("which President Vladimir Putin announced was a test.", "Vladimir Putin", "announced"),
    ]


def test_same_source_clauses_stay_one_claim() -> None:
    body = "Troops advanced near the town, and have seized roads, analysts noted."
    assert attributed(body) == [(body, "Analysts", "noted")]


@pytest.mark.parametrize(
    ("first", "second", "source"),
    [
        ("Governor Anna Berg said roads were shut.", "She added that schools were closed.",
         "Anna Berg"),
        ("President Vladimir Putin claimed it was a test.", "He cautioned that more would come.",
         "Vladimir Putin"),
        ("Acme Corp reported a loss.", "It said costs rose.", "Acme Corp"),
        ("The health ministry said 40 died.", "The ministry said 12 were missing.",
         "Health ministry"),
        ("The National Civil Protection Agency said 40 died.", "The agency said 12 were missing.",
         "National Civil Protection Agency"),
        ("According to the Regional Disease Centre, 40 died.", "Of those, 12 were children, "
         "the agency said.", "Regional Disease Centre"),
        ("The Fiscal Council said in a report that debt would rise.",
         "The report also warned of cuts.", "Fiscal Council"),
        ("Prices rose, according to the Centre for Policy Studies, a think tank.",
         "The think tank warned of cuts.", "Centre for Policy Studies"),
        ("Mayor Ilse Marten said 27 died.", "The mayor said the dam held.", "Ilse Marten"),
        ("Governor Henrik Sollen said 27 died.", "The governor said the dam held.",
         "Henrik Sollen"),
        ("Jane Doe, head of the Water Board, said pipes burst.",
         "The head of the Water Board said repairs would take a week.", "Jane Doe"),
    ],
)
def test_back_references_resolve_to_the_nearest_compatible_source(
    first: str, second: str, source: str
) -> None:
    got = attributed(f"{first}\n{second}")
    assert got[1][1] == source


def test_pronoun_gender_skips_an_incompatible_person() -> None:
    body = ("Health Minister Grace Oduya said doses arrived.\n"
            "Mr. Tom Hill said trucks were late.\nShe said 600 teams were working.")
    assert attributed(body)[2][1] == "Grace Oduya"


def test_spokesperson_is_merged_with_the_body_already_named() -> None:
    ex = extract(make_document(
        "Head\nThe Lower Harran Fire Service (LHFS) said 3 died.\n"
        "An LHFS spokesman, Piet Janssen, said crews made 342 rescues.\n"
        "“We lifted people off roofs,” he added.", "t.txt"))
    assert [c.source for c in ex.claims[1:]] == ["Lower Harran Fire Service"] * 3
    src = ex.sources[0]
    assert src.aliases == ("The Lower Harran Fire Service", "LHFS", "An LHFS spokesman",
                           "Piet Janssen", "Janssen")


def test_find_hits_ignores_cues_inside_quotations() -> None:
    text = "“Districts had not reported a case,” said Dr Samuel Okafor."
    mask, _ = quote_mask(text)
    hits = find_hits(text, mask)
    assert [(h.cue, h.phrase, h.leading) for h in hits] == [("said", "Dr Samuel Okafor", False)]


def test_cue_is_normalised_to_its_base_form() -> None:
    assert attributed("Police says the road is shut.")[0][2] == "said"
    assert attributed("The Daily Post reports that the road is shut.")[0][2] == "reported"


@pytest.mark.parametrize(
    ("role", "body"),
    [
        ("head of the Water Board", "the Water Board"),
        ("the RDCC’s director", "RDCC"),
        ("An LHFRS spokesman", "LHFRS"),
        ("a spokesperson for the company", "the company"),
        ("the mayor", None),
    ],
)
def test_role_body(role: str, body: str | None) -> None:
    assert role_body(role) == body

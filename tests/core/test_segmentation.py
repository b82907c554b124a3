"""Segmentation: sentences with exact spans, abbreviations, boilerplate, datelines."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.core.text.segmentation import (
    clause_spans,
    dateline_length,
    is_boilerplate,
    quote_mask,
    segment,
)


def texts(text: str) -> list[str]:
    return [s.text for s in segment(text)]


@pytest.mark.parametrize(
    "abbrev",
    ["Mr.", "Mrs.", "Dr.", "Gen.", "Gov.", "Sen.", "Rep.", "St."],
)
def test_titles_never_end_a_sentence(abbrev: str) -> None:
    text = f"Body text here.\nThe talks included {abbrev} Smith and others. It ended."
    assert texts(text)[1:] == [f"The talks included {abbrev} Smith and others.", "It ended."]


def test_other_abbreviations_end_a_sentence_only_before_an_opener() -> None:
    text = (
        "Intro line here.\n"
        "The U.S. Army said the talks, e.g. on aid, began at 9 a.m. Monday in the U.K. "
        "The vote is No. 3 on Jan. 5 in Sept. 2026. It was at 6 p.m. The end came."
    )
    assert texts(text)[1:] == [
        "The U.S. Army said the talks, e.g. on aid, began at 9 a.m. Monday in the U.K.",
        "The vote is No. 3 on Jan. 5 in Sept. 2026.",
        "It was at 6 p.m.",
        "The end came.",
    ]


def test_decimals_thousands_and_initials_do_not_split() -> None:
    text = "Head\nIt rose 3.5% to 1,240.5 tonnes, J. R. Smith said. Then it fell."
    assert texts(text)[1:] == ["It rose 3.5% to 1,240.5 tonnes, J. R. Smith said.", "Then it fell."]


def test_quotes_spanning_sentences_are_split_but_keep_their_marks() -> None:
    text = 'Head\n"Debris fell. Four were hurt," she wrote. Later, calm.'
    assert texts(text)[1:] == ['"Debris fell.', 'Four were hurt," she wrote.', "Later, calm."]


def test_headline_without_full_stop_is_one_sentence_and_flagged() -> None:
    sents = segment("Floods kill 40, agency says\nBody. More body.")
    assert [(s.text, s.headline) for s in sents] == [
        ("Floods kill 40, agency says", True), ("Body.", False), ("More body.", False)]


def test_list_items_lose_their_marker() -> None:
    text = "Head line\n- First item.\n* Second item.\n1. Third item."
    assert texts(text)[1:] == ["First item.", "Second item.", "Third item."]


def test_spans_slice_back_to_the_text() -> None:
    text = "Title\n  Lead sentence one.  Second one!  \nThird? Yes."
    for s in segment(text):
        assert text[s.start : s.end] == s.text


@pytest.mark.parametrize(
    "line",
    [
        "This website uses cookies to improve your experience. Accept Read More",
        "Latest updates on the situation in Ukraine.",
        "Read more: How to claim for flood damage",
        "Related: Why the river rose",
        "Sign up for our free newsletter.",
        "Subscribe to our daily briefing",
        "By Jane Doe",
        "By Maja Holm, Courier staff",
        "By Elena Costa, Economics Correspondent | 10 December 2026 | 6 min read",
        "(Reporting by Clara Vendt; Editing by Mark Olsen)",
        "Updated 14:32 GMT",
        "Sunday 13 September 2026, 18:40",
        "Photo: Meridian Press/Ola Brandt",
        "Correction: an earlier version misspelt a name.",
        "This article was amended on 4 May to correct a figure.",
        "6 min read",
        "2 hours ago",
        "An hour ago",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "The Associated Press contributed to this report.",
        "Tom Reed contributed reporting from Velmora.",
        "Listen to this article",
    ],
)
def test_boilerplate_paragraphs(line: str) -> None:
    assert is_boilerplate(line)
    assert texts(f"Head\n{line}\nA real claim.") == ["Head", "A real claim."]


@pytest.mark.parametrize(
    "line",
    ["By Sunday, the water had receded.", "The agency said 40 people died.", "Photos show damage.",
     "Three days of rain flooded the town.", "Two hours ago the river burst its banks."],
)
def test_claims_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_photo_credit_is_dropped_from_a_caption() -> None:
    text = "Head\nResidents wade through water, May 2, 2026. Photo: Press/Ola Brandt\nBody."
    assert texts(text) == ["Head", "Residents wade through water, May 2, 2026.", "Body."]


def test_agency_credit_in_parentheses_is_dropped() -> None:
    assert texts("Head\nA man inspects damage in Odesa. (Reuters/Jane Doe)") == [
        "Head", "A man inspects damage in Odesa."]


def test_dateline_is_removed_from_the_first_claim() -> None:
    para = "RIVERTON, Estmark, Sept 13 (Meridian Press) - Floods killed 40 people, it said."
    assert para[dateline_length(para):] == "Floods killed 40 people, it said."
    assert texts(f"Head\n{para}") == ["Head", "Floods killed 40 people, it said."]
    assert dateline_length("Floods killed 40 people - a record.") == 0


def test_clauses_split_at_joiners_outside_quotes() -> None:
    text = 'A said "x, but y", while B said z, which C announced w.'
    mask, still_open = quote_mask(text)
    assert not still_open
    assert [(text[s:e], j) for s, e, j in clause_spans(text, mask)] == [
        ('A said "x, but y"', ""), ("B said z", "while"), ("which C announced w.", "which")]


def test_quote_mask_carries_an_open_quote() -> None:
    mask, still_open = quote_mask("“One. Two")
    assert still_open and all(mask)
    mask, still_open = quote_mask('end," she said.', open_at_start=True)
    assert not still_open and mask[3] and not mask[6]


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_segment_never_fails_and_spans_are_exact(text: str) -> None:
    for s in segment(text):
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text == s.text.strip()

"""Letters that `(?i)` patterns match as ASCII never break a lexicon lookup."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.core.extraction import extract
from claims.core.figures.extract import extract_figures
from claims.core.text.documents import make_document
from claims.core.textkeys import fold


def test_fold_maps_the_four_ascii_lookalikes() -> None:
    assert fold("Hundredſ") == "hundreds"
    assert fold("mıllıon") == "million"
    assert fold("İN") == "in"
    assert fold("\u212am") == "km"


@pytest.mark.parametrize(
    "text",
    ["Hundredſ of people fled.", "Thouſands were evacuated, police said.",
     "More than 20 \u212am of road was closed.", "Of thoſe, 12 were children.",
     "It rained for 10 hours or ſo."],
)
def test_lookalike_letters_do_not_crash_extraction(text: str) -> None:
    figures = extract_figures(text)
    for f in figures:
        assert text[f.start : f.end] == f.text
    extract(make_document(text, "x.txt"))


def test_long_s_reads_as_s() -> None:
    (fig,) = extract_figures("Hundredſ of people fled.")
    assert (fig.value, fig.qualifier, fig.unit) == (200, "at_least", "person")


LOOKALIKE_WORDS = [
    "Hundreds", "hundredſ", "dozenſ", "of", "people", "more", "than", "20", "ıN", "İN",
    "\u212am", "km", "a", "metre", "KILOMETRES", "about", "or", "ſo", "hourſ", "minuteſ",
    "said", "the", "ministry", "thouſands", "mıllion", "1.5", "three", "ſome", "over",
    "under", "ThoSE", "of thoſe", "percent", "%", "€4.2", "bıllion",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LOOKALIKE_WORDS), min_size=1, max_size=14))
def test_any_sentence_of_lookalike_words_extracts(words: list[str]) -> None:
    text = " ".join(words) + ", officials said."
    for f in extract_figures(text):
        assert text[f.start : f.end] == f.text
    extract(make_document(text, "x.txt"))

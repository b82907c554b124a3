"""The claims table's figures cell: the article's words, the unit key only where they do
not already say it."""

from __future__ import annotations

import pytest

from claims.records import FigureRecord
from claims.render.tables import figure_label, figures_text


def fig(text: str, unit: str | None) -> FigureRecord:
    return FigureRecord(1, 1, text, 0, len(text), 5, 5, 5, "exact", unit, None)


@pytest.mark.parametrize(("text", "unit", "label"), [
    ("32", "country", "32 (country)"),
    ("almost 235", "square kilometre", "almost 235 (square kilometre)"),
    ("5%", "percent", "5%"),
    ("$3.2 billion", "dollar", "$3.2 billion"),
    ("35C", "degree Celsius", "35C"),
    ("10km", "kilometre", "10km"),
    ("five", None, "five"),
])
def test_figure_label_sets_the_unit_key_apart_and_never_repeats_it(
    text: str, unit: str | None, label: str
) -> None:
    assert figure_label(fig(text, unit)) == label


def test_figures_text_joins_the_labels_in_order() -> None:
    assert figures_text([fig("188", "drone"), fig("5%", "percent")]) == "188 (drone); 5%"

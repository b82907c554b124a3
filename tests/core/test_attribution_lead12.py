"""Quotations signed after a dash (issue 14, item 4): fact-checks and pull quotes sign a
quotation on the line after it ("— Ann Roe, at a rally") or after its closing mark, and
a pasted social post ends on its author, handle and date. No verb of saying is written.

Every text here is invented; none comes from a corpus.
"""

from __future__ import annotations

import pytest

from claims.core.attribution.signatures import signature_line, trailing_signature
from tests.core.attribution_support import names, run, source_of

_HEAD = "Checking the debate"


@pytest.mark.parametrize("signature", [
    "- Ann Roe.", "-Ann Roe, speaking in Velmora.", "— Ann Roe", "― Ann Roe",
    "-- Ann Roe, mayor of Velmora.", "– Ann Roe",
])
def test_a_signature_line_speaks_the_quotation_before_it(signature: str) -> None:
    x = run('The candidates made several claims on Sunday.\n\n'
            '"Almost all new income goes to the richest tenth."\n\n'
            f"{signature}\n\nThe statistic is out of date.", _HEAD)
    assert source_of(x, '"Almost all') == "Ann Roe"
    assert x.claims[2].cue == "—"
    # the signature is no claim of its own, and the article's voice stays its own
    assert [c.text for c in x.claims][3:] == ["The statistic is out of date."]
    assert source_of(x, "The statistic") is None
    assert source_of(x, "The candidates") is None


def test_a_signed_quotation_of_several_sentences_is_the_signer_s_throughout() -> None:
    x = run('"Taxes will fall. Wages will rise. Nobody will be left out."\n\n'
            "-Mayor Ann Roe, tweeting after the vote.", _HEAD)
    assert [c.source for c in x.claims[1:]] == ["Ann Roe"] * 3  # the title is no name


def test_a_signature_after_the_closing_mark_is_cut_off_the_claim() -> None:
    x = run('"Taxes will fall next year." — Pieter van Dam\n\nThe plan was approved.', _HEAD)
    claim = x.claims[1]
    assert (claim.text, claim.source) == ('"Taxes will fall next year."', "Pieter van Dam")
    assert source_of(x, "The plan") is None


def test_a_pasted_post_ends_on_its_author_handle_and_date() -> None:
    x = run("Roe answered the report within the hour.\n\n"
            "The report is false. Read it yourself. — Ann Roe (@annroe_v) May 4, 2026\n\n"
            "The report stands.", _HEAD)
    post = [c for c in x.claims if c.paragraph == 2]
    assert [c.source for c in post] == ["Ann Roe", "Ann Roe"]
    assert post[-1].text == "Read it yourself."
    assert source_of(x, "The report stands") is None


def test_a_cue_written_in_the_quotation_keeps_its_speaker() -> None:
    x = run('"Taxes will fall," Roe said on Monday.\n\n— Pieter van Dam', _HEAD)
    assert source_of(x, '"Taxes') == "Roe"


@pytest.mark.parametrize("text", [
    # a list after a paragraph that is no quotation
    "The council will vote on three plans:\n\n- Ann Roe\n\nThe vote is on Monday.",
    # a list of actions after a quotation: no name follows the dash
    '"We have a plan."\n\n- Raise taxes on the rich.',
    # a credit line
    '"We have a plan."\n\n— Photo: Velmora Daily',
    # a dash inside a sentence of the article's own
    "The vote was close — Ann Roe abstained.",
])
def test_a_dash_that_signs_no_quotation_gives_no_source(text: str) -> None:
    x = run(text, _HEAD)
    assert all(c.source is None for c in x.claims), [(c.text, c.source) for c in x.claims]
    assert "Ann Roe" not in names(x)


@pytest.mark.parametrize(("line", "name"), [
    ("- Ann Roe.", "Ann Roe"),
    ("- Ann Roe Jr.", "Ann Roe Jr."),
    ("— Sen. Ann Roe (D-Velm), at a rally.", "Sen. Ann Roe (D-Velm)"),
    ("— Pieter van Dam (@pvd) July 5, 2026", "Pieter van Dam"),
    ("- raise taxes.", None),
    ("Ann Roe", None),
])
def test_signature_line(line: str, name: str | None) -> None:
    sig = signature_line(line)
    assert (sig.name if sig else None) == name


@pytest.mark.parametrize(("line", "name", "before"), [
    ('"It works." — Ann Roe', "Ann Roe", '"It works." '),
    ("“It works,” — Ann Roe, mayor.", "Ann Roe", "“It works,” "),
    ("We won. — Ann Roe (@annroe) May 4, 2026</post>.", "Ann Roe", "We won. "),
    ("The vote was close — Roe said so.", None, ""),
    ("It was a 5-4 vote", None, ""),
])
def test_trailing_signature(line: str, name: str | None, before: str) -> None:
    sig = trailing_signature(line)
    assert (sig.name if sig else None) == name
    if sig is not None:
        assert line[: sig.dash] == before

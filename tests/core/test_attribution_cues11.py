"""Cue recall, eleventh round: speakers set off by an aside the clause split misread."""

from __future__ import annotations

from tests.core.attribution_support import names, run, source_of


def test_one_of_aside_keeps_the_subject_before_it() -> None:
    # "X, one of the Y, told an audience …": the subject, never the listener inverted.
    x = run("Headline here\nThe novelist Ann Roe, one of the organisers, told an audience "
            "in Velmora last week that the plan was cruel.\n")
    assert source_of(x, "The novelist Ann Roe") == "Ann Roe"
    assert "Audience" not in names(x)


def test_share_aside_keeps_the_counted_group() -> None:
    # "A fifth of retirees, 20%, say …": the share is an aside, not the subject.
    x = run("Headline here\nA fifth of retirees, 20%, say they feel that way.\n")
    assert source_of(x, "A third of independents") == "Independents"
    assert "Say they" not in names(x)

"""Registry names and types, eleventh round: title-case adverbs after a headline's
subject, plural groups of candidates and party leaders, scholars of research centres."""

from __future__ import annotations

from tests.core.attribution_support import names, run, source_of


def test_a_title_case_adverb_is_no_part_of_the_headlines_subject() -> None:
    x = run("The rally drew 400 people, Tom Brisk said.", head="Tom Brisk Fully Backs the Plan.")
    assert source_of(x, "Tom Brisk Fully") == "Tom Brisk"
    assert source_of(x, "The rally") == "Tom Brisk"
    assert not any("Fully" in n for n in names(x))
    bare = run("The rally drew 400 people, Tom Brisk said.", head="Tom Brisk Fully Backs the Plan")
    assert source_of(bare, "Tom Brisk Fully") in (None, "Tom Brisk")
    assert names(bare) == ["Tom Brisk"]
    y = run("Taxes rose, Ann Roe said.", head="Ann Roe Just Announced Her Endorsement")
    assert source_of(y, "Ann Roe Just") == "Ann Roe"
    assert not any("Just" in n for n in names(y))


def test_a_surname_shaped_like_an_adverb_stays() -> None:
    x = run("Ann Kelly said taxes rose.")
    assert source_of(x, "Ann Kelly") == "Ann Kelly"

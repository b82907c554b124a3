"""Attribution cue recall, round 10: invented sentences of the shapes found on PolNeAR
train (a relative clause after a verb and its object, an "in an effort to …" aside
between subject and verb, "X is among those who insist").

Each shape is checked both ways: the claim gets its exact source, and the word the
shape wrongly offered never becomes one.
"""

from __future__ import annotations

import pytest

from tests.core.attribution_support import names, run, source_of, sources_of


@pytest.mark.parametrize(
    ("text", "start", "source", "never"),
    [
        # the noun phrase before "who" opens on its article, not on the verb before it
        ("The board hired an aide who said the tower would cost more than planned.",
         "The board hired", "Aide", "Board"),
        ("The board hired an architect who said the tower would cost more than planned.",
         "The board hired", "Architect", "Board"),
        ("The final query came from a small child, who said she and her aunt walked to "
         "the fair.", "The final query", "Small child", "Query"),
        # an "in a broad effort to …" aside stands between the subject and its verb
        ("The Velmar administration, in a broad effort to cut costs, has said it would "
         "close three offices.", "The Velmar", "Velmar administration", "Costs"),
        ("Ann Roe, in a bid to win over voters, said the tax would be cut.",
         "Ann Roe", "Ann Roe", "Voters"),
        # "and even" joins two parties; "overall" only scopes the count
        ("Lawmakers and even some donors say that the account is fake.", "Lawmakers",
         "Lawmakers and some donors", "Even"),
        ("Nearly six in 10 rural voters overall said the levy was too high.",
         "Nearly six", "Rural voters", "Rural voters overall"),
        # "X is among those who insist": X, the subject of "is among"
        ("Ann Roe, a retired baker, is also among those who insist the levy is too steep.",
         "Ann Roe", "Ann Roe", "Those"),
        ("Ann Roe was among those who argue the ferry fare is unfair.", "Ann Roe", "Ann Roe",
         "Those"),
    ],
)
def test_cue_shapes(text: str, start: str, source: str, never: str) -> None:
    x = run(text)
    assert source_of(x, start) == source
    assert never not in sources_of(x)
    assert all(s is None or "those" not in s.lower() for s in sources_of(x))


def test_trailing_noun_phrase_keeps_its_article() -> None:
    """The verb before the article is no part of the antecedent."""
    from claims.core.attribution.cues import _trailing_noun_phrase

    seg = "The board hired an architect"
    assert _trailing_noun_phrase(seg, 0, seg) == (16, "an architect")
    seg = "support from voters"
    assert _trailing_noun_phrase(seg, 0, seg) == (13, "voters")


def test_place_then_role_noun_opens_the_clause() -> None:
    """"The Ohio senator sought …, saying": the senator, never the state."""
    x = run("Ann Roe ended her campaign in Dayton on Tuesday.\n\nThe Ohio senator tried to "
            "soothe her donors, and shrugged off a protester, saying the count was not final.")
    assert "Ohio" not in sources_of(x)
    assert source_of(x, "The Ohio senator") == "Ohio senator"


def test_time_phrase_before_a_pronoun_subject() -> None:
    """"at the county fair last week she said": the pronoun after the time phrase speaks."""
    x = run("Ann Roe spoke in Dayton.\n\nThough in May she said the merger was an "
            "error, at the county fair last week she said she still backed the deal.")
    assert source_of(x, "Though in May") == "Ann Roe"
    assert all(s in (None, "Ann Roe") for s in sources_of(x))


def test_relative_pronoun_then_an_aside() -> None:
    """"Roe, who, after a talk with X, said": the relative's antecedent, not X."""
    x = run("The editor Ann Roe, who, after a long feud with Velmar about the budget, said "
            "on a podcast that the council was adrift.")
    assert source_of(x, "The editor Ann Roe") == "Ann Roe"
    assert "Velmar" not in sources_of(x)


@pytest.mark.parametrize(("text", "source"), [
    ("A spokeswoman for Norvax, the largest producer, said output had doubled.",
     "Spokeswoman for Norvax"),
    ("An official at Norvax, the drug maker, said the plant would close.",
     "Official at Norvax"),
    ("A spokesman for the ministry, Tom Holt, said the plan was ready.", "Tom Holt"),
])
def test_an_appositive_after_a_role_for_a_body_describes_the_body(text: str,
                                                                  source: str) -> None:
    x = run(text)
    assert sources_of(x)[-1] == source
    assert not any("producer" in n or "maker" in n for n in names(x))

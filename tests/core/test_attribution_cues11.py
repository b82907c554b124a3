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
    x = run("Headline here\nA third of renters, 31%, say the fare is too high.\n")
    assert source_of(x, "A third of renters") == "Renters"
    assert "Say they" not in names(x)


def test_named_is_a_stance_and_ordered_stays_the_articles_fact() -> None:
    # "The weekly named …": its choice, credited to it; "The court ordered …" stays the
    # article's own report of an act (the unseen set's gold reads it so).
    x = run("Headline here\nJudge Ann Roe ordered the city to release the emails by Friday.\n"
            "The Velmora Courier named Tom Brisk its citizen of the year.\n")
    assert source_of(x, "Judge Ann Roe") is None
    assert source_of(x, "The Velmora Courier") == "Velmora Courier"


def test_named_as_a_participle_credits_no_one() -> None:
    # "a man named X said", "a role named for X": naming, not a party's stance.
    x = run("Headline here\nA man named Tom Brisk said the levy was high.\n"
            "Ann Roe stars in a role named for Tom Brisk, a fixer.\n")
    assert "Man" not in names(x)
    assert source_of(x, "Ann Roe stars") is None


def test_quotation_closed_on_a_full_stop_takes_the_bare_tag_after_it() -> None:
    # "“… end.” Roe said.": the tag the sentence split parted from its quotation.
    x = run("Headline here\nAnn Lee said the fare was high.\n\n“We will win. I know it.” "
            "Tom Brisk told reporters on Monday.\n")
    assert source_of(x, "“We will win.") == "Tom Brisk"
    assert source_of(x, "I know it.”") == "Tom Brisk"


def test_a_tag_with_content_of_its_own_takes_no_quotation_before_it() -> None:
    x = run("Headline here\nThe board met.\n\n“We will win.” Tom Brisk said the plan failed.\n")
    assert source_of(x, "“We will win.”") is None


def test_typewriter_closing_quote_is_no_contraction_before_the_cue() -> None:
    # "…to her,'' said X": the closing quote is no word joined to the cue ("her said").
    x = run("Headline here\n''The levy was kind to her,'' said Ann Lee, 20, of Dayton.\n")
    assert source_of(x, "''The levy") == "Ann Lee"


def test_long_inverted_speaker_placed_at_a_body_is_the_name() -> None:
    # "…,” said Ann Roe of the University of X School of Law: Ann Roe, the place aside.
    x = run("Headline here\n“The appeal never stood a chance,” said Tom Brisk of the "
            "University of Velmora School of Law.\n")
    assert source_of(x, "“The appeal") == "Tom Brisk"


def test_description_before_a_placed_name_gives_the_name() -> None:
    # "Another pollster, Ann Roe of X University, said": the name, not the description.
    x = run("Headline here\nAnother pollster, Tom Brisk of Velmora University, said his "
            "survey showed support holding steady.\n")
    assert source_of(x, "Another pollster") == "Tom Brisk"
    assert "Another pollster" not in names(x)


def test_owned_stance_noun_credits_its_owner() -> None:
    # "Her support for …", "Roe's opposition to …": the owner's stance.
    x = run("Headline here\nAnn Roe spoke on Monday.\n\nHer support for the levy has not hurt "
            "her with voters.\n\nTom Brisk's opposition to the ferry plan is old.\n")
    assert source_of(x, "Her support") == "Ann Roe"
    assert source_of(x, "Tom Brisk's opposition") == "Tom Brisk"


def test_stance_noun_without_its_preposition_credits_no_one() -> None:
    # "a claim to the nomination", "support of the team": no stance introduced.
    x = run("Headline here\nA win could help Tom Brisk's claim to the nomination.\n\n"
            "Ann Roe spoke.\n\nHer support of the team is old.\n")
    assert source_of(x, "A win could") is None
    assert source_of(x, "Her support of") is None


def test_participle_after_an_adverb_or_of_warning_credits_the_clause_subject() -> None:
    # "…, eventually saying …", "On Wednesday, he …, warning that …": the clause subject.
    x = run("Headline here\nAnn Roe, who trails in most wards, kept to the budget for weeks "
            "but grew sharper, eventually saying the plan would fail.\n\n"
            "Tom Brisk spoke.\n\nOn Wednesday, he seemed to know her habits, warning that "
            "the race is still open.\n")
    assert source_of(x, "Ann Roe, who") == "Ann Roe"
    assert source_of(x, "On Wednesday") == "Tom Brisk"


def test_participle_of_saying_after_and_credits_the_clause_subject() -> None:
    # "He ducked, pointing to X and saying that …": the clause subject says it.
    x = run("Headline here\nTom Brisk spoke.\n\nHe largely dodged, pointing to his record "
            "and saying that senators are overrated.\n")
    assert source_of(x, "He largely") == "Tom Brisk"


def test_bare_share_opening_a_clause_is_the_respondents() -> None:
    # "…: 38% say …": a poll's respondents; "with over 70% support" names no one.
    x = run("Headline here\nOn farm policy, 38% say the levy should go.\n\n"
            "Ann Roe carried the ward with over 70% support.\n")
    assert source_of(x, "On farm policy") == "Respondents"
    assert source_of(x, "Ann Roe carried") is None


def test_group_with_a_participle_modifier_is_the_group() -> None:
    # "Democrats trying to regain X say …": the group, its participle clause cut.
    x = run("Headline here\nDemocrats working to win back the council in May say the "
            "ferry plan will help them.\n")
    assert source_of(x, "Democrats working") == "Democrats"
    assert not any("working" in n for n in names(x))


def test_document_with_a_publishing_participle_is_the_document() -> None:
    # "The report released Friday showed …": the report, its publication cut.
    x = run("Headline here\nThe report released Friday showed the depot lost money.\n")
    assert source_of(x, "The report") == "Report"
    assert not any("published" in n.lower() for n in names(x))


def test_plural_noun_like_form_before_a_bare_verb_heads_the_subject() -> None:
    # "Velmora ferry advocates say …": "advocates" is the subject's noun, not the cue.
    x = run("Headline here\nAnd Velmora ferry advocates say the council owes them a vote.\n")
    assert source_of(x, "And Velmora") == "Velmora ferry advocates"
    assert "Velmora ferry" not in names(x)


def test_sentence_opening_on_said_and_a_name_before_a_quotation() -> None:
    # "Said Ann Roe, who grew up there, “…”": the inverted verb opens the sentence.
    x = run("Headline here\nThe mill was rebuilt.\n\nSaid Ann Roe, who worked beside him for "
            "years, “He never once missed a shift.”\n")
    assert source_of(x, "Said Ann Roe") == "Ann Roe"
    assert "Said Ann Roe" not in names(x)


def test_verb_before_a_noun_like_object_stays_the_verb() -> None:
    # "A poll shows support for …": "support" is the object, "shows" the verb.
    x = run("Headline here\nA poll shows support for the ruling coalition at 19%.\n")
    assert source_of(x, "A poll") == "Poll"

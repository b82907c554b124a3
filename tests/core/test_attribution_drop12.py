"""Phrases the cue finder finds that resolution used to throw away (round 12, drop12).

Each test asserts the exact source a rule now keeps, and that the bad form the old
fault guarded against still never becomes one.
"""

from __future__ import annotations

from claims.core.attribution.names import entity_fault, group_name
from tests.core.attribution_support import names, run, source_of, sources_of


def test_source_close_to_a_pronoun() -> None:
    x = run("Velmora will change her approach, a source close to her said.")
    assert sources_of(x) == ["Source close to her"]


def test_possessive_her_before_a_noun_cue_stays_blocked() -> None:
    x = run("Velmora objected to her claims that the tax plan is unfair.")
    assert "Her claims" not in names(x) and "Claims" not in names(x)


def test_inside_source_is_an_adjective() -> None:
    x = run("Leaflets were printed overnight, an inside source said.")
    assert sources_of(x) == ["Inside source"]


def test_inside_a_place_is_no_source() -> None:
    assert entity_fault("inside the hall") is not None


def test_source_familiar_with_a_document() -> None:
    x = run("A source familiar with Velmora's mailer says her allies are spending heavily.")
    assert sources_of(x) == ["Source familiar with Velmora's mailer"]


def test_document_noun_alone_is_still_no_producer() -> None:
    assert entity_fault("the latest campaign ad") is not None
    assert entity_fault("news about the ad") is not None


def test_participle_before_its_party_noun() -> None:
    x = run("Sixty percent of Velmar registered voters think the levy is fair.")
    assert sources_of(x) == ["Velmar registered voters"]


def test_participle_after_a_thing_still_cuts_the_head() -> None:
    assert entity_fault("Research conducted for the group") is not None


def test_title_case_says_subject_named_again_in_any_case() -> None:
    x = run("Velmora Says Dropping The Tax Plan Was A Sign Of Strength\n\n"
            "The senator spoke to VELMORA backers on Monday.")
    assert source_of(x, "Velmora Says") == "Velmora"


def test_title_case_says_subject_never_named_again_is_dropped() -> None:
    x = run("Velmora Says Dropping The Tax Plan Was A Sign Of Strength\n\n"
            "The senator spoke to backers on Monday.")
    assert source_of(x, "Velmora Says") is None


def test_group_nouns_head_a_source() -> None:
    x = run("Party bosses say the tax plan is a mistake.")
    assert sources_of(x) == ["Party bosses"]
    x = run("Prominent businesses warn that the tax plan will cost jobs.")
    assert sources_of(x) == ["Prominent businesses"]


def test_thing_head_is_still_no_party() -> None:
    assert entity_fault("Celebrated graduation speeches") is not None


def test_title_case_description_ending_on_a_party_noun() -> None:
    x = run("Former Velmar Pollster Says The Tax Plan Is Dead\n\nThe vote is on Monday.")
    assert source_of(x, "Former Velmar Pollster") == "Former Velmar Pollster"


def test_title_case_words_ending_on_a_thing_stay_no_source() -> None:
    x = run("How Ann Roe Thinks About Velmora\n\nThe vote is on Monday.")
    assert source_of(x, "How Ann Roe") is None
    x = run("Velmar Tax Plan Says Nothing New\n\nThe vote is on Monday.")
    assert source_of(x, "Velmar Tax Plan") is None


def test_records_and_regulations_speak_for_their_producer() -> None:
    x = run("Norden County land records show that the house was sold in 2019.")
    assert sources_of(x) == ["Norden County"]
    x = run("Velmar Election Commission regulations suggest that the ad is legal.")
    assert sources_of(x) == ["Velmar Election Commission"]


def test_records_without_a_named_producer_name_none() -> None:
    assert group_name("the state's business records") == "the state's business records"


def test_time_words_before_a_subject_pronoun() -> None:
    x = run("Velmora Roe spoke on Friday. Late Saturday she announced that she backs the bill.")
    assert source_of(x, "Late Saturday") == "Velmora Roe"
    x = run("Velmora Roe spoke on Friday. Naturally she expected that the bill would pass.")
    assert source_of(x, "Naturally") == "Velmora Roe"


def test_noun_a_pronoun_clause_describes_is_no_cue_subject() -> None:
    x = run("Velmora Roe spoke on Friday. The levy she long backed is now dead.")
    assert source_of(x, "The levy") is None


def test_fractions_in_fourths_and_fifths_count_a_group() -> None:
    assert group_name("three-fourths of them") == "Respondents"
    assert group_name("two-fifths of Velmar voters") == "Velmar voters"
    assert entity_fault(group_name("three-fourths of the new budget")) is not None


def test_party_noun_before_a_preposition_heads_a_name_ending_on_a_document() -> None:
    assert entity_fault("voters in the poll") is None
    assert entity_fault("an aide familiar with the new report") is None
    assert entity_fault("a report by the group") is not None

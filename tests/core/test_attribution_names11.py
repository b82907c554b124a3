"""Registry names and types, eleventh round: title-case adverbs after a headline's
subject, plural groups of candidates and party leaders, scholars of research centres."""

from __future__ import annotations

from claims.core.model import SourceType
from tests.core.attribution_support import aliases, names, run, source_of, type_of


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


def test_plural_candidates_and_party_leaders_are_politicians() -> None:
    x = run("Local Velmar Party leaders say the visits helped. Republican candidates said "
            "taxes will fall. Top candidates of both parties say the vote matters.")
    assert type_of(x, "Local Velmar Party leaders") is SourceType.POLITICIAN
    assert type_of(x, "Republican candidates") is SourceType.POLITICIAN
    assert type_of(x, "Top candidates of both parties") is SourceType.POLITICIAN


def test_the_director_of_a_university_centre_is_an_analyst() -> None:
    x = run("Ann Roe, director of the Velmar University Polling Center, said the race is close.")
    assert source_of(x, "Ann Roe") == "Ann Roe"
    assert type_of(x, "Ann Roe") is SourceType.ANALYST
    z = run("Ann Roe, director of the Velmar Project at Dunmore University, said the "
            "race is close.")
    assert type_of(z, "Ann Roe") is SourceType.ANALYST
    y = run("Tom Brisk of the Velmar Institute said taxes will rise.")
    assert source_of(y, "Tom Brisk") == "Tom Brisk"
    assert type_of(y, "Tom Brisk") is SourceType.ANALYST


def test_a_public_bodys_director_stays_an_official() -> None:
    x = run("Tom Brisk, director of the National Velmar Center, said threats rose.")
    assert type_of(x, "Tom Brisk") is SourceType.OFFICIAL
    y = run("Ann Roe, director of the Velmar Institute of Health, said cases rose.")
    assert type_of(y, "Ann Roe") is SourceType.OFFICIAL
    z = run("Sen. Ann Roe of the Velmar Institute said taxes will rise.")
    assert type_of(z, "Ann Roe") is SourceType.POLITICIAN


def test_a_group_of_members_is_not_the_body_its_name_mentions() -> None:
    x = run("The union, which backed Ann Roe last spring, has grown fast."
            "\n\nLater, Mary Velm said the members were anxious.\n\nWhite male union members "
            "favored Ms. Roe in 2008, Tom Brisk said.")
    assert source_of(x, "The union") != "White male union members"
    assert "The union" not in aliases(x).get("White male union members", ())


def test_a_countrys_initials_open_a_bodys_name_not_a_title() -> None:
    x = run("The U.S. Velmar Survey said the river rose two metres.")
    assert source_of(x, "The U.S.") == "U.S. Velmar Survey"
    assert "Velmar Survey" not in names(x)


def test_a_persons_initials_are_part_of_the_name() -> None:
    x = run("J.J. Brisk said taxes rose. Taxes fell, said Velmar Chairman G.K. Roe.")
    assert source_of(x, "J.J. Brisk") == "J.J. Brisk"
    assert source_of(x, "Taxes fell") == "G.K. Roe"
    assert "Brisk" not in names(x) and "Roe" not in names(x)


def test_a_role_after_a_countrys_initials_is_no_part_of_the_name() -> None:
    x = run("Ratings rose, said Assistant U.S. Attorney Ann B. Velm.")
    assert source_of(x, "Ratings rose") == "Ann B. Velm"
    assert type_of(x, "Ann B. Velm") is SourceType.OFFICIAL


def test_a_plural_title_types_every_name_of_its_list() -> None:
    x = run("Reps. Ann Velm, Joe Kent and Tom Brisk were there.\n\nTom Brisk said taxes will rise.")
    assert source_of(x, "Tom Brisk said") == "Tom Brisk"
    assert type_of(x, "Tom Brisk") is SourceType.POLITICIAN
    y = run("Ann Velm and Tom Brisk were there.\n\nTom Brisk said taxes will rise.")
    assert type_of(y, "Tom Brisk") is SourceType.OTHER


def test_a_captain_is_military() -> None:
    x = run("Army Capt. Tom Brisk said the base was quiet.")
    assert source_of(x, "Army Capt.") == "Tom Brisk"
    assert type_of(x, "Tom Brisk") is SourceType.MILITARY


def test_a_person_noun_opening_a_sentence_is_no_part_of_the_name() -> None:
    x = run("Actor Tomek Brisk said taxes rose. Brisk said they would fall again.")
    assert source_of(x, "Actor Tomek Brisk") == "Tomek Brisk"
    assert source_of(x, "Brisk said") == "Tomek Brisk"
    assert "Actor Tomek Brisk" not in names(x)
    y = run("Student Loan Services said fees rose.")
    assert source_of(y, "Student Loan") == "Student Loan Services"


def test_what_a_poll_is_about_does_not_type_its_producer() -> None:
    x = run("A Dunmore College poll for the Velmar Times found that most voters back Roe.")
    assert source_of(x, "A Dunmore College poll") == "Dunmore College"
    assert type_of(x, "Dunmore College") is SourceType.ORGANISATION


def test_a_collective_quantity_names_its_group() -> None:
    x = run("A wide array of bankers say the harbour plan was slow. Various rivals see Roe as "
            "a threat. A slew of Velmar Party leaders said the plan failed.")
    assert source_of(x, "A wide array") == "Bankers"
    assert source_of(x, "Various rivals") == "Rivals"
    assert source_of(x, "A slew of") == "Velmar Party leaders"
    assert not any(n.split()[0] in ("Wide", "Various", "Slew") for n in names(x))


def test_a_quantity_of_things_names_no_party() -> None:
    x = run("The old map shows various colours that mark the flooded fields.")
    assert names(x) == []


def test_attendees_of_a_body_are_people_not_the_body() -> None:
    x = run("Caucus attendees said they were liberal.")
    assert source_of(x, "Caucus attendees") == "Caucus attendees"
    assert type_of(x, "Caucus attendees") is SourceType.OTHER


def test_a_firm_named_by_its_first_word_takes_its_whole_name() -> None:
    x = run("Traders at the lender Velmorra Partners met on Monday.\n\n"
            "Velmorra, which advises big firms, said fees rose.")
    assert source_of(x, "Velmorra, which") == "Velmorra Partners"
    assert type_of(x, "Velmorra Partners") is SourceType.ORGANISATION
    assert "Velmorra" not in names(x)


def test_a_lower_case_role_before_an_unknown_given_name_is_no_part_of_the_name() -> None:
    x = run("Velmar County Party member Adaq Fisker believes taxes will fall.")
    assert source_of(x, "Velmar County") == "Adaq Fisker"
    y = run("Velmar Party member states said taxes will fall.")
    assert "Party member states" in " ".join(names(y))

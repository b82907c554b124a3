"""Twelfth round, names: initials that name a body the article already named in full."""

from __future__ import annotations

from tests.core.attribution_support import aliases, names, run, source_of, sources_of, types


def test_initials_of_a_two_word_body_are_kept_as_its_alias() -> None:
    # "according to VP" is the Velmora Press the article named in full: the claim is
    # the Press's, and "VP" is one of its names (a reader searching it finds the body)
    x = run("The Velmora Press said the count was over.\n\n"
            "Turnout rose by a third, according to the VP.")
    assert source_of(x, "Turnout rose") == "Velmora Press"
    assert "VP" in aliases(x)["Velmora Press"]
    assert "VP" not in names(x)


def test_a_capitalised_office_before_a_name_is_no_part_of_it() -> None:
    # "County Recorder" and "Public Advocate" are offices written with capitals: the
    # person is the name after them, and the long form stays an alias
    x = run("“We will not wait,” said Dunmore County Recorder Helen Brisk.\n\n"
            "“Nor will we,” said Velmora City Public Advocate Trish Kotter.")
    assert [s for s in (source_of(x, "“We will"), source_of(x, "“Nor will"))] == [
        "Helen Brisk", "Trish Kotter"]
    assert "Dunmore County Recorder Helen Brisk" not in names(x)
    assert "Velmora City Public Advocate Trish Kotter" not in names(x)
    assert "Dunmore County Recorder Helen Brisk" in aliases(x)["Helen Brisk"]


def test_a_plural_title_before_one_name_is_no_part_of_it() -> None:
    x = run("Former Velmoran presidents Vicente Arlo said the plan would fail.")
    assert source_of(x, "Former Velmoran") == "Vicente Arlo"
    assert "Former Velmoran presidents Vicente Arlo" not in names(x)


def test_a_body_word_before_a_given_name_keeps_the_body() -> None:
    # "Center" is shaped like an agent noun, but it names a body: no person is cut out
    x = run("The Dunmore Policy Center said the plan would fail.")
    assert source_of(x, "The Dunmore") == "Dunmore Policy Center"


def test_an_abbreviated_state_after_a_town_places_the_town_and_never_speaks() -> None:
    # news style abbreviates the state after a town ("Velton, Mo.", "Raleigh, N.C.",
    # "Dayton, OH"); the person before it is the speaker, also past a relative clause
    cases = {
        "Paul Dorn, a baker from Hollis, Mo., who sits on the town board, said the plan "
        "would fail.": "Paul Dorn",
        "Ann Roe of Allentown, Pa., said the plan would fail.": "Ann Roe",
        "Tom Brisk, 30, of Dunmore, N.C., who took part in the survey, said the plan would "
        "fail.": "Tom Brisk",
        "Tom Brisk, of Dayton, OH, who runs a bakery, said the plan would fail.": "Tom Brisk",
    }
    for text, speaker in cases.items():
        x = run(text)
        assert sources_of(x) == [speaker], text
        assert not {"Mo", "Pa", "N.C", "OH"} & set(names(x)), text


def test_a_state_after_a_time_opener_still_speaks() -> None:
    # "On Monday," is no town: the state after it is the subject
    x = run("On Monday, Ohio, joined by four other states, asked a judge to halt the rule.")
    assert sources_of(x) == ["Ohio"]


def test_a_party_tag_set_off_by_commas_before_a_role_is_no_speaker() -> None:
    x = run("Sen. Ann Roe, R-Ohio, a long-shot candidate, said the plan would fail.")
    assert sources_of(x) == ["Ann Roe"]
    assert "R-Ohio" not in names(x)


def test_a_web_address_after_according_to_keeps_its_ending() -> None:
    x = run("Turnout rose by a third, according to Velmorainfo.com.")
    assert sources_of(x) == ["Velmorainfo.com"]
    assert "Velmorainfo" not in names(x)


def test_a_closing_bracket_after_according_to_is_no_part_of_the_name() -> None:
    x = run("Crime fell (the true share is nearer a fifth, according to Ann Roe). "
            "She left.")
    assert source_of(x, "Crime fell") == "Ann Roe"
    assert "Ann Roe)" not in names(x)


def test_united_states_names_no_person_called_states() -> None:
    # "States" before "Senate" is part of a country's name, not a given name
    x = run("“We need nerve,” Roe told the United States Senate in a long speech.\n\n"
            "Roe is poor, according to Senate filings.")
    assert "States Senate" not in names(x)
    assert source_of(x, "Roe is poor") == "United States Senate"


def test_a_country_of_two_words_speaks_through_its_government() -> None:
    x = run("The tariff was unfair, New Zealand said in a filing on Monday.")
    assert sources_of(x) == ["New Zealand"]
    assert types(x)["New Zealand"] == "government"


def test_a_party_committee_is_an_organisation_not_a_body_of_congress() -> None:
    x = run("The seat is safe, the Democratic Congressional Velmora Committee said.")
    assert types(x)["Democratic Congressional Velmora Committee"] == "organisation"
    y = run("The seat is safe, the Senate Velmora Committee said.")
    assert types(y)["Senate Velmora Committee"] == "government"


def test_a_role_and_name_after_a_body_name_open_the_subject_a_second_verb_shares() -> None:
    # "Velmora Independence Party leader Pieter Dorn said …, and accused …": the second
    # verb's subject is the leader, never the party that only qualifies his role
    x = run("Velmora Independence Party leader Pieter Dorn said the warning was a sign of "
            "weakness, and accused the palace of lying.")
    assert set(sources_of(x)) == {"Pieter Dorn"}
    assert "Velmora Independence Party" not in names(x)
    # a comma ends the name: "… activist Ann Roe, Tom Brisk accused …" names Brisk
    y = run("Standing beside the union activist Ann Roe, Tom Brisk accused the mayor of "
            "lying and chided him for his silence.")
    assert "Ann Roe, Tom Brisk" not in names(y)
    assert set(sources_of(y)) == {"Tom Brisk"}


def test_how_widely_a_group_is_meant_is_no_part_of_its_name() -> None:
    x = run("Lobbyists in general say the new filing rules are too strict.\n\n"
            "Most drivers in each county want lower tolls, and drivers in each "
            "county think the roads are poor.")
    assert "Lobbyists in general" not in names(x)
    assert "Drivers in each county" not in names(x)
    assert source_of(x, "Lobbyists") == "Lobbyists"
    # "in general" is no general's rank: the lobbyists are no military source
    assert types(x)["Lobbyists"] == "other"


def test_describing_words_before_a_name_with_inner_for_or_of_are_no_part_of_it() -> None:
    x = run("The fiscally conservative Fund for Velmora Growth reported spending $1 "
            "million on ads.\n\nThe plan failed, the nonpartisan Commission on Velmora "
            "Debates says.")
    assert "Fund for Velmora Growth" in names(x)
    assert "Commission on Velmora Debates" in names(x)
    assert not [n for n in names(x) if n.lower().startswith(("fiscally", "nonpartisan"))]
    # "and" joins two parties as often as it sits inside one name: left as it was
    y = run("Brothers Tom and Ben Brisk, aged 31 and 27, spoke at length about the race.")
    assert "Ben Brisk" not in names(y)

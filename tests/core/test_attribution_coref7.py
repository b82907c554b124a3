"""Coreference, seventh round (issue 14, items 3 and 4): "it" and "they" agree in number
with what they refer to, "he"/"she" find the subject after several openers, and people
written with a middle initial or after a dateline.

Every text here is invented; none comes from a corpus.
"""

from __future__ import annotations

from claims.core.attribution.agreement import one_person, plural_people
from claims.core.attribution.sources import Entity
from tests.core.attribution_support import names, run, sources_of


def test_it_never_refers_to_a_group_of_people() -> None:
    x = run("The Harbor Medical Society said the fund was short. Public health officials "
            "said the money was late. \"The delay is a disgrace,\" it said.")
    assert sources_of(x) == ["Harbor Medical Society", "Public health officials",
                             "Harbor Medical Society"]
    assert names(x) == ["Harbor Medical Society", "Public health officials"]


def test_it_after_only_a_group_of_people_stays_unsourced() -> None:
    x = run("Public health officials said the money was late.\n\nA group of doctors sent a "
            "letter to the council. \"The delay is a disgrace,\" it read.")
    assert sources_of(x) == ["Public health officials", None, None]


def test_they_never_refers_to_one_person_described_by_a_noun() -> None:
    x = run("The Kestrel Union said pay was low. A union insider said talks would resume. "
            "They said a strike was likely.")
    assert sources_of(x) == ["Kestrel Union", "Union insider", "Kestrel Union"]


def test_they_never_refers_to_one_member_quoted_after_the_body() -> None:
    x = run("The Kestrel Union said pay was low. \"Talks will resume,\" a longtime union "
            "member said. They also said a strike was likely.")
    assert sources_of(x) == ["Kestrel Union", "Longtime union member", "Kestrel Union"]


def test_he_is_the_subject_after_two_openers() -> None:
    x = run("Senator Tom Vale said the bill was dead. Governor Ray Dunmore said it would "
            "pass.\n\nDunmore says harsh things. But like Dunmore, Vale spent years on the "
            "road. He said roads should be private.")
    assert sources_of(x)[-1] == "Tom Vale"
    assert names(x) == ["Tom Vale", "Ray Dunmore"]


def test_he_refers_to_a_person_written_with_a_middle_initial() -> None:
    x = run("Adm. Carl P. Hobb, who leads the fleet, made no apology on Monday.\n\n"
            "The deal is \"reckless,\" he told the harbour board on Monday.")
    assert sources_of(x) == [None, "Carl P. Hobb"]
    assert names(x) == ["Carl P. Hobb"]


def test_she_refers_to_a_person_named_after_a_dateline() -> None:
    x = run("Lowmoor backs new rail line.\n\nPORTVILLE - Carla Brennick painted a grim "
            "picture of the harbour as she accepted the award. Trade had collapsed, she "
            "said.")
    assert sources_of(x)[1:] == ["Carla Brennick", "Carla Brennick"]
    assert "Portville" not in " ".join(names(x))


def test_number_of_a_source_name() -> None:
    assert plural_people("Officials familiar with the plan")
    assert plural_people("Council Republicans")
    assert plural_people("Unnamed people")
    assert not plural_people("Associated Press")
    assert not plural_people("Harbor Academies")
    assert not plural_people("Kestrel Union")
    assert one_person(Entity(name="Top aide"))
    assert one_person(Entity(name="Union insider"))
    assert one_person(Entity(name="Carla Brennick"))
    assert not one_person(Entity(name="Carla Brennick's campaign"))
    assert not one_person(Entity(name="Carla Brennick Foundation"))
    assert not one_person(Entity(name="Kestrel Union"))


def test_he_is_a_one_word_speaker_of_the_paragraph_before_a_blank_line() -> None:
    x = run("\"The count was fair,\" said Ben Kolt, a party spokesman.\n\nAt a packed meeting "
            "of the regional party council on Thursday night, Marsh said the state runs the "
            "vote.\n\n\"We take our duty seriously,\" he added.\n\nThe remarks came as aides "
            "to Marsh planned a trip.")
    assert sources_of(x)[:3] == ["Ben Kolt", "Marsh", "Marsh"]


def test_he_skips_a_sentence_opening_word_of_the_paragraph_before() -> None:
    x = run("\"The count was fair,\" said Ben Kolt, a party spokesman.\n\nBack in the city, "
            "the mood was calm. Back then, the vote was close.\n\n\"We take our duty "
            "seriously,\" he added.")
    assert sources_of(x)[-1] == "Ben Kolt"
    assert names(x) == ["Ben Kolt"]

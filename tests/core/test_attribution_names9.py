"""Registry names and types after the ninth hand-judged sample (issue 14, names9).

Every text and name here is invented; none comes from a corpus.
"""

from __future__ import annotations

import pytest

from claims.core.attribution.sources import match_source
from claims.core.model import Extraction, Source, SourceType
from tests.core.attribution_support import names, run


def registry(*names: str) -> tuple[Source, ...]:
    return tuple(Source(name=n, type=SourceType.OTHER) for n in names)


@pytest.mark.parametrize(
    ("name", "held"),
    [
        ("Dan Backman", "Dean Bakman"),  # both words differ: two people
        ("Richard Hollis", "Richard Follis"),  # a known first name, another surname
        ("Ann Cross", "Ann Ross"),
    ],
)
def test_close_spellings_of_two_people_never_match(name: str, held: str) -> None:
    assert match_source(name, registry(held)) is None


@pytest.mark.parametrize(
    ("name", "held"),
    [
        ("Kirsten Vallner", "Kristen Vallner"),  # a typo in the given name
        ("Pieter Valner", "Pieter Vallner"),  # a typo in the surname
        ("Joseph R. Vallner", "Joseph Vallner"),  # a middle initial
        ("Joseph R. Vallner Jr.", "Joseph R. Vallner"),  # a generational suffix
        ("Felipe Calderón", "Felipe Calderon"),  # an accent
        ("Velmora Polling Instiute", "Velmora Polling Institute"),  # a body's typo
    ],
)
def test_one_persons_spellings_still_match(name: str, held: str) -> None:
    assert match_source(name, registry(held)) == held


def typed(x: Extraction) -> dict[str, SourceType]:
    return {s.name: s.type for s in x.sources}


def test_a_plural_title_ends_no_sentence_and_a_party_tag_types_a_lawmaker() -> None:
    x = run("Ted Orlov joined Sens. Pieter Vallner and Ann Roe (I-Vt.), who oppose "
            "the deal.\n\n\"The numbers never worked,\" Vallner said. Roe said so too.")
    assert not any(c.text.endswith("Sens.") for c in x.claims)
    kinds = typed(x)
    assert kinds["Pieter Vallner"] is SourceType.POLITICIAN  # by "Sens."
    assert kinds["Ann Roe"] is SourceType.POLITICIAN  # by "(I-Vt.)"
    assert "Sens" not in kinds


def test_an_outlet_possessive_on_s_types_its_journalist() -> None:
    x = run("Velmora News’ Ann Kemp previously reported that the trust kept its donor "
            "list secret.")
    assert typed(x) == {"Ann Kemp": SourceType.MEDIA}
    x = run("St. Louis' Pieter Vallner said the plan was fine.")  # a place's: no journalist
    assert typed(x)["Pieter Vallner"] is not SourceType.MEDIA


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("\"Some may say it is unkind,\" Velhua, the official Velmoran news agency, wrote.",
         "Velhua", SourceType.MEDIA),  # "official" does not make the agency a person
        ("The glider may take off at dawn, the F.A.A. ruled.", "F.A.A",
         SourceType.GOVERNMENT),  # an agency's initials written with dots
        ("\"It is fine,\" said Pieter Dorn, a demographer at Velmora University.",
         "Pieter Dorn", SourceType.ANALYST),
        ("\"It is late,\" said Pieter Holt, a U.S.-based economist.", "Pieter Holt",
         SourceType.ANALYST),  # the dots inside the role do not cut it
    ],
)
def test_types_read_from_the_description(text: str, name: str, kind: SourceType) -> None:
    assert typed(run(text))[name] is kind


def test_a_plural_title_is_no_part_of_the_name_and_a_bare_party_tag_types() -> None:
    x = run("Velmora Sens. Pieter Vallner (R), who faces a hard race, and Ben Holt (D) "
            "met on Monday. Vallner said the money is needed. Holt said no.")
    kinds = typed(x)
    assert kinds == {"Pieter Vallner": SourceType.POLITICIAN, "Ben Holt": SourceType.POLITICIAN}


def test_an_adjective_before_a_one_word_name_is_no_part_of_it() -> None:
    x = run("In May, after a desperate Velmora asked its staff to accept shorter weeks, "
            "hundreds of workers agreed.")
    assert "Desperate Velmora" not in typed(x)
    assert [c.source for c in x.claims if c.source] == ["Velmora"]


def test_an_affiliation_before_an_appositive_is_no_part_of_the_name() -> None:
    x = run("''It is late,'' said Ann Roe of the Velmora Group, a consulting company. "
            "Ms. Roe said more.")
    assert [s.name for s in x.sources] == ["Ann Roe"]
    assert [c.source for c in x.claims] == ["Ann Roe", "Ann Roe"]


def test_a_family_name_written_first_joins_the_full_name() -> None:
    x = run("Finance Minister Lin Weijie said the deficit would shrink. Lin said more.")
    assert [(s.name, s.type) for s in x.sources] == [("Lin Weijie", SourceType.POLITICIAN)]
    assert "Weijie" not in x.sources[0].aliases
    assert [c.source for c in x.claims] == ["Lin Weijie", "Lin Weijie"]
    x = run("Velmar Motor said sales rose. \"We are fine,\" Velmar said.")  # no role: a body
    assert "Velmar Motor" in [s.name for s in x.sources]
    assert all(s.type is not SourceType.POLITICIAN for s in x.sources)


def test_a_doctoral_candidate_is_no_politician() -> None:
    x = run("\"He talks like a neighbour,\" said Lin Weijie, a doctoral candidate at "
            "Velmora University.")
    assert typed(x)["Lin Weijie"] is not SourceType.POLITICIAN


def test_a_body_named_by_its_first_word_takes_its_one_full_name() -> None:
    x = run("A new Velmar Research Center survey shows support falling. Velmar said the "
            "trend was clear.")
    assert [s.name for s in x.sources] == ["Velmar Research Center"]
    assert [c.source for c in x.claims] == ["Velmar Research Center"] * 2
    x = run("The Holt Foundation gave money. Holt said it was a gift. Mr. Holt left.")
    assert "Holt Foundation" not in [c.source for c in x.claims if "said" in c.text]
    x = run("The Center for Velmar Research published it. Velmar said it was late.")
    assert "Velmar Research" not in [s.name for s in x.sources]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("\"No money,\" Holt told CNN's Gloria Vallner on a Monday show. "
         "Vallner said it was over.", "Gloria Vallner", SourceType.MEDIA),
        ("Lee Dorn of The Velmar Times asked Holt about it. Dorn said they were late.",
         "Lee Dorn", SourceType.MEDIA),
        ("\"It is one thing,\" said Faiza Vallner, co-director of the Harbor Program at "
         "Velmora University.", "Faiza Vallner", SourceType.OFFICIAL),
        ("\"Fine,\" wrote Tom Holt, publisher of Velmarblog.", "Tom Holt", SourceType.MEDIA),
        ("\"No,\" replied Jeff Dorn, President of Velmar Worldwide.", "Jeff Dorn",
         SourceType.OTHER),  # a body's president holds no elected office
        ("Ann Roe of Ohio said it was fine. Roe said more.", "Ann Roe", SourceType.OTHER),
    ],
)
def test_roles_the_article_gives_a_person(text: str, name: str, kind: SourceType) -> None:
    assert typed(run(text))[name] is kind


def test_capitalised_titles_before_a_name_type_a_lawmaker() -> None:
    x = run("Speaker Pieter D. Vallner, who was reluctant, was more direct. Vallner said so."
            "\n\nUnderdog conservative Assemblywoman Claudia Holt won. Holt said it was great.")
    kinds = typed(x)
    assert kinds["Pieter D. Vallner"] is SourceType.POLITICIAN
    assert kinds["Claudia Holt"] is SourceType.POLITICIAN


def test_a_double_surname_alone_joins_the_full_name() -> None:
    x = run("Party Chair Debbie Wasserman Velt dismissed the claims. Wasserman Velt said so.")
    assert [s.name for s in x.sources] == ["Debbie Wasserman Velt"]
    assert "Wasserman Velt" in x.sources[0].aliases


def test_a_name_written_against_or_with_is_no_place() -> None:
    x = run("Several cases could be made against Velmont, the writer said. Velmont went on "
            "to promote his show, and Velmont said the show was the best.")
    assert typed(x).get("Velmont") is not SourceType.GOVERNMENT
    x = run("Crowds gathered in Tarsville on Monday. Tarsville said the roads were closed.")
    assert typed(x)["Tarsville"] is SourceType.GOVERNMENT  # "in Tarsville": a place


def test_leaders_aides_and_a_based_descriptor() -> None:
    x = run("Senate minority leader Harry Vell spoke on Monday.\n\nThe minority leader said "
            "bluntly: \"It changes nothing.\"\n\nIn February, Shanghai-based Velhun said "
            "that it had counted 568 billionaires.\n\nSenior aides said the plan was dead. "
            "Asia's senior political leaders said the talks had failed.")
    kinds = typed(x)
    assert kinds["Harry Vell"] is SourceType.POLITICIAN
    assert "Velhun" in kinds and "Shanghai-based Velhun" not in kinds
    assert kinds["Senior aides"] is SourceType.OFFICIAL
    assert kinds["Asia's senior political leaders"] is SourceType.POLITICIAN


def test_a_committee_member_is_an_official() -> None:
    x = run("\"It is vastly different,\" said Steve Velt, a Velmar National Committee member "
            "from Ohio.\n\nWin Dorn, a member of the VLD's central executive committee, said "
            "the VLD had carried most seats.\n\n\"Fine,\" said Ann Roe, a member of the public.")
    kinds = typed(x)
    assert kinds["Steve Velt"] is SourceType.OFFICIAL
    assert kinds["Win Dorn"] is SourceType.OFFICIAL
    assert kinds["Ann Roe"] is SourceType.OTHER


def test_an_army_of_followers_is_no_military() -> None:
    x = run("His condemnations have been echoed by Holt's army of Twitter followers.\n\n"
            "The Velmoran army said it had retreated.")
    kinds = typed(x)
    assert kinds["Holt's army of Twitter followers"] is not SourceType.MILITARY
    assert kinds["Velmoran army"] is SourceType.MILITARY


def test_a_newsroom_title_chain_before_a_name_is_no_part_of_it() -> None:
    x = run("Velmar News Vice President and Capital Bureau Managing Editor Bill Samm voiced "
            "the channel's anger.")
    assert typed(x) == {"Bill Samm": SourceType.MEDIA}


def test_an_abstract_noun_is_no_source() -> None:
    x = run("One lesson learned from the tour is that small towns matter.")
    assert "Lesson" not in typed(x)
    x = run("Precedent suggests that the court will wait until the fall.")
    assert "Precedent" not in typed(x)


def test_a_moderator_title_is_no_part_of_the_name() -> None:
    x = run("Moderator Bret Vallner opened the exchange by asking Holt why he attacked Roe.")
    assert typed(x) == {"Bret Vallner": SourceType.MEDIA}


@pytest.mark.parametrize(("text", "name"), [
    ("The Velmar Geological Survey said the quake hit at a depth of 10 km.",
     "Velmar Geological Survey"),
    ("The Velmar Report said the mayor would resign.", "Velmar Report"),
])
def test_a_capitalised_document_noun_is_part_of_the_name(text: str, name: str) -> None:
    x = run(text)
    assert [c.source for c in x.claims][-1] == name
    assert "Velmar Geological" not in names(x) and "Velmar" not in names(x)


def test_a_lower_case_document_noun_names_its_producer() -> None:
    x = run("A Velmar report released Monday said the mayor would resign.")
    assert names(x) == ["Velmar"]


@pytest.mark.parametrize(("text", "source"), [
    ("Outside experts warn that the budget leaves out the pension debt.", "Outside experts"),
    ("Outside the court, Ann Roe said the verdict was unfair.", "Ann Roe"),
    ("Outside Dayton, officials said the road was closed.", "Officials"),
])
def test_outside_before_a_plural_party_is_an_adjective(text: str, source: str) -> None:
    x = run(text)
    assert [c.source for c in x.claims][-1] == source
    assert not any(n.startswith("Outside") and n != "Outside experts" for n in names(x))

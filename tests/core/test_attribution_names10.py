"""Round ten of the registry: names that were cut wrong or were no names at all.

Invented texts of the failures' shapes: a company after "General" cut to its second word,
a participle used as a preposition ("Following Roe …") taken for a name, a phrasal
verb ("stared down the camera") inside a name, and a lower-case role before a full
name kept in the name; across articles, a plural group merged with a singular name
("Independents" into a newspaper) and typed by one article's wording.
"""

from __future__ import annotations

from claims.core.attribution.sources import match_source, number_differs
from claims.core.attribution.typemerge import merged_type
from claims.core.model import Source, SourceType
from tests.core.attribution_support import names, run, source_of, type_of


def test_general_before_a_trade_noun_is_a_company() -> None:
    x = run("General Dynamics said on Tuesday that it would move its plant to Velmora.")
    assert source_of(x, "General Dynamics said") == "General Dynamics"
    assert "Dynamics" not in names(x)
    assert type_of(x, "General Dynamics") is SourceType.ORGANISATION


def test_general_before_a_surname_is_still_a_title() -> None:
    x = run("General Ann Roe said the troops would stay in Velmora.")
    assert source_of(x, "General Ann Roe said") == "Ann Roe"
    assert type_of(x, "Ann Roe") is SourceType.MILITARY


def test_following_before_a_name_is_no_name() -> None:
    x = run("Following Withers on the radio, Ann Roe seemed to urge Withers to let up. "
            "\"I did not set conditions,\" she said.")
    assert not any(n.startswith("Following") for n in names(x))


def test_a_phrasal_verb_is_no_part_of_a_name() -> None:
    x = run("It was an odd start to the hearing, as Pieter van Dam missed his cue to "
            "speak, Ann Roe stared down the panel and the clerks forgot to call the mayor. "
            "The hearing will run late.")
    assert not any("stared" in n for n in names(x))


def test_a_role_before_a_full_name_is_cut_off() -> None:
    x = run("Velmora Radio co-host Ann Roe said the show would end.\n\n"
            "Velmar party boss Pieter van Dam said the vote was fair.")
    assert source_of(x, "Velmora Radio co-host") == "Ann Roe"
    assert source_of(x, "Velmar party boss") == "Pieter van Dam"
    assert not any("co-host" in n or "boss" in n for n in names(x))



def test_a_plural_group_is_no_typo_of_a_singular_name() -> None:
    paper = [Source("Independent", SourceType.MEDIA), Source("Velmar Times", SourceType.MEDIA)]
    assert match_source("Independents", paper) is None
    assert match_source("Independent", paper) == "Independent"
    assert match_source("Velmar Time", paper) == "Velmar Times"  # two words: a typo
    assert number_differs("independents", "independent")
    assert not number_differs("velmar times", "velmar time")


def test_a_plain_plural_group_keeps_other_across_articles() -> None:
    for first, second in (("other", "official"), ("official", "other")):
        assert merged_type("Supporters", first, second) == "other"
        assert merged_type("Independents", first.replace("official", "media"),
                           second.replace("official", "media")) == "other"
    assert merged_type("Supporters", "official", "official") == "official"
    assert merged_type("Analysts", "other", "analyst") == "analyst"  # the word types them
    assert merged_type("Lawmakers", "other", "politician") == "politician"


def test_a_school_is_an_organisation() -> None:
    x = run("Dunmore Law School said on Monday that the course would end.")
    assert source_of(x, "Dunmore Law School said") == "Dunmore Law School"
    assert type_of(x, "Dunmore Law School") is SourceType.ORGANISATION


def test_a_bodys_president_is_an_official_a_countrys_a_politician() -> None:
    x = run("Velmora Parenthood’s president Ann Roe said the clinics would stay open.")
    assert source_of(x, "Velmora Parenthood") == "Ann Roe"
    assert type_of(x, "Ann Roe") is SourceType.OFFICIAL
    y = run("France’s president Ann Roe said the vote was fair.")
    assert type_of(y, "Ann Roe") is SourceType.POLITICIAN
    z = run("The country's president Ann Roe said the vote was fair.")
    assert type_of(z, "Ann Roe") is SourceType.POLITICIAN


def test_a_school_named_in_passing_types_nothing() -> None:
    x = run("Families of the school's victims said the law must change. Ann Roe said so too.")
    assert all(t is not SourceType.ORGANISATION for t in
               (type_of(x, n) for n in names(x) if n.startswith("Families")))

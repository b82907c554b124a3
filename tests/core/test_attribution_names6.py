"""Registry names and types on the shapes real news gives them (the project's own short
texts): roles the article gives a person away from the cue, plural groups and surnames
that are no place's government."""

from __future__ import annotations

import pytest

from claims.core.attribution.fullnames import complete_surnames
from claims.core.attribution.roles import roles_in, surname_in
from claims.core.attribution.sources import Entity
from claims.core.extraction import extract
from claims.core.text.documents import make_document
from tests.core.attribution_support import run, types


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("Republican strategist Ann Roe spoke on Monday. The plan failed. "
     "Roe said the vote was lost.", "Ann Roe", "analyst"),
    ("Ann Roe, a former candidate for governor, spoke. Roe said the vote was lost.",
     "Ann Roe", "politician"),
    ("The vote was close, cable news host Ann Roe noted. Roe said the vote was lost.",
     "Ann Roe", "media"),
    # the appositive is cut at its preposition: an aide, not the senator she serves
    ("Ann Roe, an aide to Sen. Ben Holt, spoke. Roe said the vote was lost.",
     "Ann Roe", "official"),
    ("Ann Roe, a longtime Democratic pollster, spoke. Roe said the vote was lost.",
     "Ann Roe", "analyst"),
    # whom a role serves does not type the person
    ("Ann Roe, a spokeswoman for presidential candidate Ben Holt, said the vote was lost.",
     "Ann Roe", "official"),
    ("Ann Roe, who ran Ben Holt's presidential campaign, said the vote was lost.",
     "Ann Roe", "other"),
    ("Ann Roe, then ambassador to Ruritania, spoke. Roe said the vote was lost.",
     "Ann Roe", "official"),
    ("Sen. Ben Holt spoke on Monday. Ben Holt said the vote was lost.", "Ben Holt",
     "politician"),
    ("Prices rose, said Ann Roe, Mayor Holt's deputy director. Roe said so.",
     "Ann Roe", "official"),
    ("Prices rose, said Ann Roe, Acme chief executive. Roe said the vote was lost.",
     "Ann Roe", "official"),
    ("An Ohio blogger, Ann Roe, wrote it. Roe said the vote was lost.", "Ann Roe", "media"),
    ("Co-host Ann Roe asked first. Roe said the vote was lost.", "Ann Roe", "media"),
    ("Ann Roe, the mayor's wife, spoke. Roe said the vote was lost.", "Ann Roe", "other"),
    # a person's campaign or team is a body in the registry; a camel-case outlet is media
    ("Holt's campaign said the vote was lost.", "Holt's campaign", "organisation"),
    ("The Roe team said the vote was lost.", "Roe team", "organisation"),
    ("TheCourier said the vote was lost.", "TheCourier", "media"),
    # a broadcaster's bare name is media; initials "in" a document are no place
    ("A new CNN poll found Ann Roe ahead.", "CNN", "media"),
    ("A study in JAMA found that 40 percent of adults sleep badly.", "JAMA",
     "organisation"),
    # a credit line makes the person a reporter
    ("Ann Roe said prices rose by 4 percent. Roe reported from Dayton.", "Ann Roe", "media"),
    # no role anywhere: a person is `other`
    ("Ann Roe spoke on Monday. Roe said the vote was lost.", "Ann Roe", "other"),
    # a plural group "against" whom voters turned is no place
    ("Voters turned against Republicans in the fall. Republicans said the bill failed.",
     "Republicans", "other"),
])
def test_types_read_from_the_whole_article(text: str, name: str, kind: str) -> None:
    assert types(run(text))[name] == kind


def test_roles_in_reads_before_and_after_the_full_name_only() -> None:
    text = ("Republican strategist Ann Roe spoke. Ann Roe, a former governor of Ohio, "
            "left. Roe, a lawyer, stayed. Then Ann Roe said so.")
    assert roles_in(text, "Ann Roe") == ("Republican strategist", "former governor")
    assert roles_in(text, "Roe") == ()  # a surname alone may be a relative's
    assert roles_in("Ann Roebuck, a lawyer, spoke.", "Ann Roe") == ()


def test_surname_in() -> None:
    assert surname_in("Ann Roe spoke. Voters left Roe.", "Roe")
    assert not surname_in("Voters in Roe left. Big Roe spoke.", "Roe")
    assert not surname_in("Ann Roe spoke.", "Ann Roe")


# --- names ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "name"), [
    # the surname the cue met stands for the one full name the article gives
    ("Ann Roe, who runs the shop, opened early. Prices rose. Roe said the vote was lost.",
     "Ann Roe"),
    ("Ann B. Roe opened early. Prices rose. Roe said the vote was lost.", "Ann B. Roe"),
    # two first names for one surname: a family, left as it was
    ("Ann Roe and Ben Roe opened early. Roe said the vote was lost.", "Roe"),
    ("Roe said the vote was lost.", "Roe"),

    # a document's owner made it, past the owner's describing words
    ("Spending rose, according to Acme Media’s closely watched ad tracker.", "Acme Media"),
])
def test_source_names(text: str, name: str) -> None:
    extraction = extract(make_document(text, "t.txt"))
    assert [c.source for c in extraction.claims if c.source] == [name]
    assert [s.name for s in extraction.sources] == [name]


@pytest.mark.parametrize("text", [
    "Ann Roe, who runs the shop, opened early. Prices rose. Roe said the vote was lost.",
    "In 1998, Ann B. Roe ran the mill. Years later, Roe sought more money for it.",
])
def test_a_completed_surname_stays_an_alias(text: str) -> None:
    (source,) = extract(make_document(text, "t.txt")).sources
    assert source.name in ("Ann Roe", "Ann B. Roe")
    assert "Roe" in source.aliases


def test_a_surname_holding_its_full_name_as_an_alias_takes_it() -> None:
    text = ("Prices rose, said Ann Roe, a shop owner. Prices rose. Roe said the vote was "
            "lost. Roe said more.")
    names = {s.name for s in extract(make_document(text, "t.txt")).sources}
    assert names == {"Ann Roe"}


def test_complete_surnames_leaves_outlets_places_and_families() -> None:
    text = ("Mara Axios spoke. Axios estimates it. Ann Ohio met Ohio voters. "
            "Ann Roe and Ben Roe left. Roe said so. Ann Vance spoke. Vance said so.")
    found = [Entity(name=n) for n in ("Axios", "Ohio", "Roe", "Vance")]
    complete_surnames(found, text)
    assert [e.name for e in found] == ["Axios", "Ohio", "Roe", "Ann Vance"]
    assert found[3].aliases == ["Vance"] and found[3].person

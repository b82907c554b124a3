"""Registry names and types, eighth round (the project's own short texts): a surname
completed with a given name the list does not know, a given name or a definite role
alone that is one named person of the article, and person types from relative clauses,
publishers, party leaders and groups of commentators."""

from __future__ import annotations

import pytest

from claims.core.attribution.fullnames import complete_surnames
from claims.core.attribution.sources import Entity
from claims.core.extraction import extract
from claims.core.text.documents import make_document
from tests.core.attribution_support import aliases, run, types


def test_surname_takes_a_given_name_the_list_does_not_know() -> None:
    text = ("The shop of Tamsin Morrow grew last year. Prices rose in the town. "
            "Morrow said the plan had failed.")
    found = aliases(run(text))
    assert "Morrow" not in found
    assert "Morrow" in found["Tamsin Morrow"]


@pytest.mark.parametrize("text", [
    # two given names the list does not know: a family, left alone
    "The shop of Tamsin Morrow and Eilidh Morrow grew. Morrow said the plan had failed.",
    # a sentence's first word is no evidence of a given name
    "Velmar Morrow plans failed. Prices rose in the town. Morrow said the plan had failed.",
    # a word the article also writes in lower case is no given name
    "The living room was cold. A Living Morrow shop closed. Morrow said it was sad.",
    # a title-case run is no full name
    "A Velmar Morrow Plan Fails. Prices rose in the town. Morrow said the plan had failed.",
])
def test_surname_left_alone_without_one_given_name(text: str) -> None:
    found = [Entity(name="Morrow")]
    assert complete_surnames(found, text) == {}
    assert found[0].name == "Morrow"


def test_surname_not_completed_to_a_relative() -> None:
    text = ("Hale Morrow, the brother of actor Tavish Morrow, said the film was late. "
            "Morrow said more.")
    assert set(types(run(text))) == {"Hale Morrow"}


def test_given_name_alone_joins_the_one_person_so_named() -> None:
    text = ("Zoe Pellam spoke to voters in the town on Monday.\n\n"
            "Zoe: 'This vote is about the future.'")
    found = aliases(run(text))
    assert set(found) == {"Zoe Pellam"}
    assert "Zoe" in found["Zoe Pellam"]


@pytest.mark.parametrize(("text", "name"), [
    ("Adm. Tavish Morrow commands the fleet. The admiral said the fleet was ready.",
     "Tavish Morrow"),
    ("Fans cheered as Admiral Morrow arrived. The admiral said the fleet was ready.",
     "Morrow"),
])
def test_definite_role_is_the_one_person_holding_it(text: str, name: str) -> None:
    found = aliases(run(text))
    assert set(found) == {name}
    assert "the admiral" in {a.lower() for a in found[name]}


def test_role_with_a_modifier_no_person_holds_stays_apart() -> None:
    text = "Sen. Ann Roe spoke. The retired senator said the plant would close."
    roe = Entity(name="Ann Roe", person=True, aliases=["Sen. Ann Roe"])
    role = Entity(name="Retired senator", person=True, aliases=["the retired senator"])
    assert complete_surnames([roe, role], text) == {}
    senator = Entity(name="Senator", person=True, aliases=["the senator"])
    assert complete_surnames([roe, senator], text) == {id(senator): roe}
    assert "Senator" in roe.aliases


def test_two_people_holding_the_role_keep_it_apart() -> None:
    text = "Sen. Ann Roe and Sen. Ben Holt spoke. The senator said the plant would close."
    roe = Entity(name="Ann Roe", person=True, aliases=["Sen. Ann Roe"])
    holt = Entity(name="Ben Holt", person=True, aliases=["Sen. Ben Holt"])
    senator = Entity(name="Senator", person=True, aliases=["the senator"])
    assert complete_surnames([roe, holt, senator], text) == {}


def test_capitalised_outlet_is_no_role() -> None:
    text = ("A letter reached the Velmar Advocate on Monday. The Advocate said the letter "
            "was forged. Ann Roe, an advocate for tenants, spoke.")
    assert "Velmar Advocate" in types(run(text))


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("Tavish Morrow, who heads the Velmar Tenants Fund, said rents rose by 5 percent.",
     "Tavish Morrow", "official"),
    ("CNN moderators said the debate would start late.", "CNN moderators", "media"),
    ("General-election voters said the economy mattered most.", "General-election voters",
     "other"),
    ("Ann Roe, a local GOP leader, spoke on Monday. Roe said the vote was lost.",
     "Ann Roe", "politician"),
    ("Ann Roe, the publisher of the Velmar Courier, spoke on Monday. Roe said the vote was "
     "lost.", "Ann Roe", "media"),
])
def test_person_types_from_the_article(text: str, name: str, kind: str) -> None:
    assert types(run(text))[name] == kind


@pytest.mark.parametrize(("text", "kind"), [
    ("Velmar Tenants Union President Ann Roe said rents rose.", "official"),
    ("NVTA President Ann Roe said rents rose.", "official"),
    ("Mexican President Ann Roe said rents rose.", "politician"),
    ("U.S. President Ann Roe said rents rose.", "politician"),
    ("Vice President Ann Roe said rents rose.", "politician"),
    ("Senate Minority Whip Ann Roe said rents rose.", "politician"),
])
def test_a_president_of_a_body_is_an_official(text: str, kind: str) -> None:
    assert types(run(text)) == {"Ann Roe": kind}


def test_legal_form_is_no_alias_and_the_bare_name_joins() -> None:
    text = "Velmora Oyj said profits rose by 5 percent. Velmora said the plant would close."
    found = aliases(run(text))
    assert set(found) == {"Velmora Oyj"}
    assert "Oyj" not in found["Velmora Oyj"] and "Velmora" in found["Velmora Oyj"]


@pytest.mark.parametrize(("text", "name", "acronym"), [
    ("C. Tamsin Vardell Jr said the plan failed.", "C. Tamsin Vardell Jr", None),
    ("Daniel Andres Pellam Ruiz said the plan failed.", "Daniel Andres Pellam Ruiz", None),
    ("The Grace Velmar Network said the plan failed.", "Grace Velmar Network", "GVN"),
    ("The National Velmar Association said the plan failed.", "National Velmar Association",
     "NVA"),
])
def test_no_initialism_for_a_person(text: str, name: str, acronym: str | None) -> None:
    found = aliases(run(text))
    initials = [a for a in found[name] if a.isupper() and " " not in a]
    assert initials == ([acronym] if acronym else [])


@pytest.mark.parametrize(("paragraph", "credit"), [
    ("Roe reported from Velmar, Ruritania; Holt, from Ostrava.", True),
    ("Holt reported from Ostrava.", True),
    ("Ann Roe and Ben Holt contributed reporting.", True),
    ("Ann Roe contributed.", True),
    ("Ben Holt reported from Ostrava that the plant had closed.", False),
])
def test_a_credit_line_is_no_claim(paragraph: str, credit: bool) -> None:
    text = f"Ann Roe said rents rose by 5 percent.\n\n{paragraph}"
    found = extract(make_document(text, "t.txt"))
    assert (len(found.claims) == 1) is credit
    assert ("Holt" in {s.name for s in found.sources}) is False


def test_a_name_cut_after_its_first_name_is_whole_again() -> None:
    text = "Justice Ann Kessel Roe spoke on Monday. Roe said the ruling was wrong."
    assert set(aliases(run(text))) == {"Ann Kessel Roe"}
    kept = Entity(name="Kessel Roe", person=True)
    complete_surnames([kept], "Ann Kessel Roe spoke. Kessel Roe said more.")
    assert kept.name == "Kessel Roe"  # once without the first name: left alone


@pytest.mark.parametrize(("text", "word", "full"), [
    ("A report in The Velmar Street Journal said costs rose.", "Journal",
     "Velmar Street Journal"),
    ("The Labor Department said jobs rose.", "Department", "Labor Department"),
    # two bodies end on the word: left alone
    ("The Health Department met the Labor Department.", "Department", "Department"),
    # a title-case run is no body's name
    ("Velmar Denies Story On Network", "Network", "Network"),
])
def test_a_body_named_by_its_last_word_takes_its_full_name(text: str, word: str,
                                                            full: str) -> None:
    body = Entity(name=word)
    complete_surnames([body], f"{text} The {word.lower()} said more.")
    assert body.name == full
    assert full == word or word in body.aliases


def test_a_headline_role_is_the_one_person_holding_it() -> None:
    text = ("Velmar prince mocks plan\n\n"
            "Velmar Prince Oskar Pellam, an investor, spoke on Monday. Pellam said the plan "
            "was a joke.")
    prince = Entity(name="Velmar prince", person=True, first=0, last=0)
    pellam = Entity(name="Oskar Pellam", person=True, aliases=["Velmar Prince Oskar Pellam"])
    assert complete_surnames([prince, pellam], text) == {id(prince): pellam}
    assert "Velmar prince" in pellam.aliases
    later = Entity(name="Velmar prince", person=True, first=30, last=30)  # not a headline
    assert complete_surnames([later, pellam], text) == {}


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("Velmar Insider also commented on the plan.", "Velmar Insider", "media"),
    ("The Velmar Forum confirmed the plan.", "Velmar Forum", "organisation"),
    ("Ann Post said the plan failed.", "Ann Post", "other"),
])
def test_outlets_and_forums_written_like_names(text: str, name: str, kind: str) -> None:
    assert types(run(text))[name] == kind


def test_given_names_the_list_lacks_are_kept_before_a_middle_name() -> None:
    text = ("A hacker, Marek Tibor Pellam, was sentenced. The court met. Pellam said he "
            "was sorry. Speaker Ann B. Vance spoke. Vance said more.")
    found = [Entity(name="Pellam"), Entity(name="Vance")]
    complete_surnames(found, text)
    assert [e.name for e in found] == ["Marek Tibor Pellam", "Ann B. Vance"]

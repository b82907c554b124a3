"""Wire-copy shapes found with invented probes (issue 14, items 2 and 3): a body's
description never finds a person through a role phrase, names with particles, party
bodies, and the firm a market-report sentence is about.

Every text here is invented; none comes from a corpus.
"""

from __future__ import annotations

import pytest

from claims.core.attribution.sources import person_surname, split_person
from tests.core.attribution_support import run


def attributions(text: str) -> list[tuple[str | None, tuple[str, ...]]]:
    return [(c.source, c.via) for c in run(text).claims]


def registry(text: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {s.name: (s.type.value, s.aliases) for s in run(text).sources}


# --- a body's spokesperson ----------------------------------------------------------------


def test_the_body_is_never_found_through_its_spokespersons_role() -> None:
    # The spokesperson opening the sentence stays a person; "the agency" later is the
    # agency met first, not the person whose role phrase mentions "the agency".
    text = ("The disaster agency said 1,200 homes had been destroyed. "
            "A spokesman for the agency, Rudi Tamsin, told reporters the roads were cut. "
            "The agency said 40 people died.")
    assert [s for s, _ in attributions(text)] == [
        "Disaster agency", "Rudi Tamsin", "Disaster agency"]
    assert "The agency" not in registry(text)["Rudi Tamsin"][1]


# --- names with particles ---------------------------------------------------------------


@pytest.mark.parametrize(("phrase", "name"), [
    ("Governor Pieter van Dam", "Pieter van Dam"),
    ("Central bank governor Pieter van Dam", "Pieter van Dam"),
    ("Economy minister Ana de Souza", "Ana de Souza"),
    ("Governor Ann Roe", "Ann Roe"),
])
def test_a_title_comes_off_a_name_with_a_particle(phrase: str, name: str) -> None:
    assert split_person(phrase) == (name, phrase)


@pytest.mark.parametrize("phrase", ["Minister de Souza", "Bank of America", "Pieter van Dam"])
def test_no_title_no_split(phrase: str) -> None:
    assert split_person(phrase) is None


@pytest.mark.parametrize(("name", "last"), [
    ("Pieter van Dam", "van Dam"), ("Ana de Souza", "de Souza"), ("Ann Roe", "Roe"),
    ("Karl von der Heide", "von der Heide"),
])
def test_a_surname_keeps_its_particles(name: str, last: str) -> None:
    assert person_surname(name) == last


def test_a_titled_name_with_a_particle_is_a_typed_person_known_by_its_surname() -> None:
    text = ("Governor Pieter van Dam said inflation remained too high. "
            "Van Dam added that rates would rise.")
    assert attributions(text) == [("Pieter van Dam", ()), ("Pieter van Dam", ())]
    kind, aliases = registry(text)["Pieter van Dam"]
    assert kind == "official"
    assert "van Dam" in aliases
    assert "GPD" not in aliases and "Dam" not in aliases  # no initials, no cut surname


# --- parties ----------------------------------------------------------------------------


@pytest.mark.parametrize(("opener", "name", "kind"), [
    ("The ruling party", "Ruling party", "organisation"),
    ("The main opposition party", "Main opposition party", "organisation"),
    ("The governing coalition", "Governing coalition", "organisation"),
    ("Ruling party officials", "Ruling party officials", "official"),
])
def test_a_party_described_by_a_participle_is_a_body(opener: str, name: str, kind: str) -> None:
    text = f"{opener} said higher rates would hurt homeowners."
    assert attributions(text) == [(name, ())]
    assert registry(text)[name][0] == kind


def test_a_participle_opening_a_clause_is_still_no_source() -> None:
    text = "Ruling out a cut, Ann Roe said rates would rise."
    assert [s for s, _ in attributions(text)] == ["Ann Roe"]


# --- the firm a market report is about ------------------------------------------------


def test_shares_of_a_firm_make_it_the_company_of_the_sentence() -> None:
    text = "Shares of Halvorsen Biotech fell 12% on Tuesday after the company said a trial failed."
    assert [s for s, _ in attributions(text)][-1] == "Halvorsen Biotech"
    assert "Company" not in registry(text)


# --- documents and their producers ------------------------------------------------------


@pytest.mark.parametrize(("opener", "source"), [
    ("A poll shows", "Poll"),     # a document the sentence introduces
    ("Polls show", "Polls"),
    ("The poll shows", "Daily Ledger"),  # a back-reference to the outlet's poll
])
def test_only_a_definite_document_is_the_last_outlets(opener: str, source: str) -> None:
    text = ("The Daily Ledger reported that the minister resigned. "
            f"{opener} support for the ruling coalition at 19%.")
    assert [s for s, _ in attributions(text)] == ["Daily Ledger", source]


@pytest.mark.parametrize("after", ["published last week", "released on Monday", ""])
def test_a_survey_by_a_producer_is_the_producers(after: str) -> None:
    text = f"A survey by the Norden Institute {after} found that 62% of voters wanted a new vote."
    assert [s for s, _ in attributions(text)] == ["Norden Institute"]
    assert list(registry(text)) == ["Norden Institute"]


def test_strategists_at_a_bank_are_analysts() -> None:
    text = "Velmora Bank strategists wrote in a note that volatility would persist."
    assert registry(text) == {"Velmora Bank strategists": ("analyst", ())}


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("Velmora Corp said profit rose. The board said it would consider a dividend.",
     "Board", "other"),  # a company's board is no public body
    ("The Velmar Labor Relations Board said the strike was legal.",
     "Velmar Labor Relations Board", "government"),
])
def test_only_a_named_board_is_a_public_body(text: str, name: str, kind: str) -> None:
    assert registry(text)[name][0] == kind

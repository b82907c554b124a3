"""Which producer "the poll" or "the study" points back to (issue 14, item 4): the party
that made that kind of document, not the last one to speak "in a statement", and for a
headline the producer the lead names first.

Every text here is invented; none comes from a corpus.
"""

from __future__ import annotations

from tests.core.attribution_support import aliases, run, sources_of, types

POLL_THEN_STATEMENT = (
    "A Halvorsen University poll released Monday shows the mayor trailing.\n\n"
    "The mayor's spokesman, Erik Dahl, said in a statement that the city would not "
    "comment.\n\n"
    "The poll found that 60 percent of voters disapprove.")


def test_the_poll_is_its_pollsters_not_the_last_statements() -> None:
    assert sources_of(run(POLL_THEN_STATEMENT)) == [
        "Halvorsen University", "Erik Dahl", "Halvorsen University"]
    assert "The poll" not in aliases(run(POLL_THEN_STATEMENT))["Erik Dahl"]


def test_a_document_named_inside_a_quotation_was_not_made_by_its_speaker() -> None:
    text = ("Incumbent leads in tight race, poll shows\n\n"
            "Governor Dana Whitfield leads by four points, a new Marlow College poll "
            "shows.\n\n"
            "\"The only poll that matters is on Election Day,\" campaign manager Tyler "
            "Grant said in a statement.")
    assert sources_of(run(text)) == ["Marlow College", "Marlow College", "Tyler Grant"]
    assert "poll" not in aliases(run(text))["Tyler Grant"]


def test_a_headline_poll_is_the_producer_the_lead_names_first() -> None:
    text = ("Incumbent leads in tight race, poll shows\n\n"
            "Governor Dana Whitfield leads by four points, a new Marlow College poll "
            "shows.\n\n"
            "\"It is wide open,\" said Beth Kaplan, director of the Norden Polling "
            "Institute.")
    assert sources_of(run(text))[:2] == ["Marlow College", "Marlow College"]


# --- a role phrase for a body is not the body ----------------------------------------------


def test_the_body_is_not_the_unnamed_spokesman_whose_role_names_it() -> None:
    # "Spokesman for St. Anne's Hospital" names a person by a role; a later "the
    # hospital" is the hospital, not him, both when it is resolved and when bare bodies
    # are joined to named sources at the end.
    text = ("A spokesman for St. Anne's Hospital said 12 people were treated.\n\n"
            "The hospital said in a statement that it had hired 150 nurses.")
    found = aliases(run(text))
    assert sources_of(run(text)) == ["Spokesman for St. Anne's Hospital", "St. Anne's Hospital"]
    assert "The hospital" not in found["Spokesman for St. Anne's Hospital"]


def test_a_named_spokesman_still_merges_with_the_body_he_speaks_for() -> None:
    # The documented convention (docs/extraction.md, "Merging") is unchanged.
    text = ("Ann Roe, a spokeswoman for Velmora Corp, said sales fell.\n\n"
            "Velmora Corp said it would cut 800 jobs.")
    assert sources_of(run(text)) == ["Ann Roe", "Ann Roe"]


# --- people typed by the role the article gives them ----------------------------------------


def test_a_lawyer_is_an_official_and_a_specialist_or_lead_author_an_analyst() -> None:
    text = ("\"This is a huge win,\" said Ana Ruiz, a lawyer with the Clearwater Alliance.\n\n"
            "\"The effect is modest,\" said John Abara, a cardiologist at Halvorsen "
            "University.\n\n"
            "Lead author Sara Nilsen said the results were encouraging.")
    assert types(run(text)) == {"Ana Ruiz": "official", "John Abara": "analyst",
                           "Sara Nilsen": "analyst"}

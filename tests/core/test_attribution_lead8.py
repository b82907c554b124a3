"""Which producer "the poll" or "the study" points back to (issue 14, item 4): the party
that made that kind of document, not the last one to speak "in a statement", and for a
headline the producer the lead names first.

Every text here is invented; none comes from a corpus.
"""

from __future__ import annotations

from claims.core.extraction import extract
from claims.core.model import Extraction
from claims.core.text.documents import make_document


def run(text: str) -> Extraction:
    return extract(make_document(text, "a.txt"))


def sources(text: str) -> list[str | None]:
    return [c.source for c in run(text).claims]


def aliases(text: str) -> dict[str, tuple[str, ...]]:
    return {s.name: s.aliases for s in run(text).sources}


POLL_THEN_STATEMENT = (
    "A Halvorsen University poll released Monday shows the mayor trailing.\n\n"
    "The mayor's spokesman, Erik Dahl, said in a statement that the city would not "
    "comment.\n\n"
    "The poll found that 60 percent of voters disapprove.")


def test_the_poll_is_its_pollsters_not_the_last_statements() -> None:
    assert sources(POLL_THEN_STATEMENT) == [
        "Halvorsen University", "Erik Dahl", "Halvorsen University"]
    assert "The poll" not in aliases(POLL_THEN_STATEMENT)["Erik Dahl"]


def test_a_document_named_inside_a_quotation_was_not_made_by_its_speaker() -> None:
    text = ("Incumbent leads in tight race, poll shows\n\n"
            "Governor Dana Whitfield leads by four points, a new Marlow College poll "
            "shows.\n\n"
            "\"The only poll that matters is on Election Day,\" campaign manager Tyler "
            "Grant said in a statement.")
    assert sources(text) == ["Marlow College", "Marlow College", "Tyler Grant"]
    assert "poll" not in aliases(text)["Tyler Grant"]


def test_a_headline_poll_is_the_producer_the_lead_names_first() -> None:
    text = ("Incumbent leads in tight race, poll shows\n\n"
            "Governor Dana Whitfield leads by four points, a new Marlow College poll "
            "shows.\n\n"
            "\"It is wide open,\" said Beth Kaplan, director of the Norden Polling "
            "Institute.")
    assert sources(text)[:2] == ["Marlow College", "Marlow College"]

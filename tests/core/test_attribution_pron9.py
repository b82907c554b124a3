"""Coreference, ninth round (issue 14): which earlier person "he"/"she" points back to.

Every text here is invented; none comes from a corpus.
"""

from __future__ import annotations

from claims.core.extraction import extract
from claims.core.model import Extraction
from claims.core.text.documents import make_document


def run(text: str) -> Extraction:
    return extract(make_document(text, "a.txt"))


def sources_of(x: Extraction) -> list[str | None]:
    return [c.source for c in x.claims]


def test_a_surname_after_a_closing_quote_is_written_mid_sentence() -> None:
    # "…," Kovar said: the surname follows a comma and a closing quote, so the article
    # capitalises it mid-sentence, and "he" two paragraphs on may be that speaker.
    text = ("Headline here\n\nTom Velmora said the vote was close.\n\n\"She is not fit for "
            "the job,\" Kovar said.\n\nVelmora has also been blamed for the delay.\n\nKovar "
            "was also troubled by the plan.\n\n\"It puts lives at risk,\" he wondered.")
    x = run(text)
    assert sources_of(x)[-1] == "Kovar"
    assert sources_of(x)[-1] != "Tom Velmora"

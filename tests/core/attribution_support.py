"""Shared readers for the attribution tests.

Each round's test file used to define its own `run`/`sources_of`/`names` one-liners; they
live here once so that a change to how a test reads an extraction (a new field, another
document name) is made in one place.
"""

from __future__ import annotations

from claims.core.extraction import extract
from claims.core.model import Claim, Extraction, SourceType
from claims.core.text.documents import make_document


def run(text: str, head: str | None = None) -> Extraction:
    """Extract an invented article; `head` is put before it as its headline line."""
    body = text if head is None else f"{head}\n{text}"
    return extract(make_document(body, "a.txt"))


def sources_of(x: Extraction) -> list[str | None]:
    """The direct source of every claim, in article order (None for own voice)."""
    return [c.source for c in x.claims]


def source_of(x: Extraction, start: str) -> str | None:
    """The source of the first claim whose text starts with `start`."""
    found = [c for c in x.claims if c.text.startswith(start)]
    assert found, [c.text for c in x.claims]
    return found[0].source


def names(x: Extraction) -> list[str]:
    """The registry's names, in the order the extraction lists them."""
    return [s.name for s in x.sources]


def aliases(x: Extraction) -> dict[str, tuple[str, ...]]:
    """Each source's aliases by name."""
    return {s.name: s.aliases for s in x.sources}


def types(x: Extraction) -> dict[str, str]:
    """Each source's type value by name ("person", "government", ...)."""
    return {s.name: s.type.value for s in x.sources}


def type_of(x: Extraction, name: str) -> SourceType:
    """The type of the one source called `name`."""
    return next(s.type for s in x.sources if s.name == name)


MAYOR_CONTEXT = "Headline here\nAnna Moreno, the mayor, spoke in Dayton on Monday.\n"
"""A headline and a paragraph naming one person, so that a test's body can refer back."""


def in_context(body: str) -> Extraction:
    """Extract `body` after `MAYOR_CONTEXT`."""
    return run(MAYOR_CONTEXT + body)


def last_paragraph(x: Extraction) -> list[Claim]:
    """The claims of the extraction's last paragraph (the body under test)."""
    last = max(c.paragraph for c in x.claims)
    return [c for c in x.claims if c.paragraph == last]

"""Literal extractions for store tests (independent of the real extractor)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from claims.core.model import (
    Claim,
    Document,
    Extraction,
    Figure,
    FigureRef,
    InferredRelation,
    Qualifier,
    Source,
    SourceType,
)
from claims.store import Store
from claims.store.ingest import save_extraction

ARTICLE_A = (
    "Drones over the border\n"
    "The Ukrainian Air Force said Russia launched 188 drones overnight.\n"
    "It said 76 were shot down and 96 were lost to jamming.\n"
    "Analysts at the Institute for the Study of War said nearly 40 missiles were fired.\n"
)


def fig(
    text: str,
    article: str,
    value: float,
    unit: str | None = "drone",
    metric: str | None = None,
    occurrence: int = 0,
) -> Figure:
    start = -1
    for _ in range(occurrence + 1):
        start = article.index(text, start + 1)
    return Figure(
        text, start, start + len(text), value, value, value, Qualifier.EXACT, unit, metric
    )


def claim_of(
    article: str,
    sentence: str,
    source: str | None,
    figures: tuple[Figure, ...],
    cue: str | None = "said",
    index: int = 0,
) -> Claim:
    start = article.index(sentence)
    return Claim(
        sentence,
        start,
        start + len(sentence),
        source,
        cue if source else None,
        figures,
        paragraph=index,
        sentence=0,
    )


def extraction_a(
    text: str = ARTICLE_A, name: str = "a.txt", published: str | None = "2026-11-20"
) -> Extraction:
    s1 = "The Ukrainian Air Force said Russia launched 188 drones overnight."
    s2 = "It said 76 were shot down and 96 were lost to jamming."
    s3 = "Analysts at the Institute for the Study of War said nearly 40 missiles were fired."
    nearly = fig("40", text, 40, unit="missile")
    nearly = Figure(
        nearly.text,
        nearly.start,
        nearly.end,
        40,
        36,
        40,
        Qualifier.NEARLY,
        "missile",
        "missiles fired",
    )
    claims = (
        claim_of(text, s1, "Ukrainian Air Force", (fig("188", text, 188, metric="launched"),)),
        claim_of(
            text, s2, "Ukrainian Air Force", (fig("76", text, 76), fig("96", text, 96)), index=1
        ),
        claim_of(text, s3, "Institute for the Study of War", (nearly,), index=2),
    )
    sources = (
        Source("Ukrainian Air Force", SourceType.MILITARY, ("Air Force",)),
        Source("Institute for the Study of War", SourceType.THINK_TANK, ("ISW",)),
    )
    relations = (
        InferredRelation(
            "partition", (FigureRef(0, 0), FigureRef(1, 0), FigureRef(1, 1)), "said-of-them"
        ),
    )
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Extraction(
        Document(text, name, digest, title="Drones", published=published),
        sources,
        claims,
        relations,
        "test-1",
    )


def extraction_b(name: str = "b.txt") -> Extraction:
    """A second article naming the ISW only by its acronym and a new source."""
    text = "ISW analysts said 12 launchers were moved.\nThe Kremlin said 3 talks were planned.\n"
    claims = (
        claim_of(
            text,
            "ISW analysts said 12 launchers were moved.",
            "ISW",
            (fig("12", text, 12, unit="launcher"),),
        ),
        claim_of(
            text,
            "The Kremlin said 3 talks were planned.",
            "Kremlin",
            (fig("3", text, 3, unit="talk"),),
            index=1,
        ),
    )
    sources = (
        Source("ISW", SourceType.THINK_TANK, ()),
        Source("Kremlin", SourceType.GOVERNMENT, ("the Kremlin",)),
    )
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Extraction(
        Document(text, name, digest, published="2026-11-21"), sources, claims, (), "test-1"
    )


@pytest.fixture
def make_a() -> Callable[..., Extraction]:
    return extraction_a


@pytest.fixture
def make_b() -> Callable[..., Extraction]:
    return extraction_b


@contextmanager
def _count_queries(store: Store) -> Iterator[list[str]]:
    """Record the statements `store` runs (transaction and pragma noise left out)."""
    seen: list[str] = []

    def before(conn: object, cursor: object, statement: str, *args: object) -> None:
        if not statement.startswith(("PRAGMA", "BEGIN")):
            seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", before)


@pytest.fixture
def count_queries() -> Callable[[Store], object]:
    return _count_queries


@pytest.fixture
def loaded(
    store: Store, make_a: Callable[..., Extraction], make_b: Callable[..., Extraction]
) -> Store:
    """Both test articles stored, as a store test usually starts."""
    save_extraction(store, make_a(), origin="seeds/a.txt")
    save_extraction(store, make_b(), origin="seeds/b.txt")
    return store

"""Ingest orchestration: inputs → extraction → store, one transaction per article.

It lives outside `cli` so the loop (and its bookkeeping) is testable without typer, and
outside `core` because it touches files and the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claims.core.documents import make_document
from claims.core.extraction import extract
from claims.core.model import Document, Extraction
from claims.errors import ClaimsError, DatabaseBusy, DatabaseError
from claims.inputs import ArticleInput, InputFailure
from claims.records import IngestOutcome

if TYPE_CHECKING:
    from claims.store import Store


@dataclass(frozen=True)
class Provenance:
    """Metadata the user gives on the command line; it overrides what a page says."""

    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: str | None = None


@dataclass
class IngestSummary:
    new: int = 0
    unchanged: int = 0
    claims: int = 0
    figures: int = 0
    sources: int = 0
    relations: int = 0
    failures: list[InputFailure] = field(default_factory=list)
    interrupted: bool = False  # Ctrl-C: the article in progress was rolled back
    stopped: ClaimsError | None = None  # the database failed: the rest was not attempted

    @property
    def failed(self) -> int:
        return len(self.failures)


def document_of(item: ArticleInput, meta: Provenance = Provenance()) -> Document:
    """The document of one input; command-line provenance wins over what it carried."""
    title = meta.title or item.title
    name = item.name if item.origin != "-" or not title else title
    return make_document(
        item.text,
        name,
        title=title,
        url=meta.url or item.url,
        publisher=meta.publisher or item.publisher,
        published=meta.published or item.published,
    )


def analyse(item: ArticleInput, meta: Provenance = Provenance()) -> Extraction:
    """Extract one input (what `claims extract` prints and `claims ingest` stores)."""
    return extract(document_of(item, meta))


def ingest_all(
    store: Store,
    items: Iterable[ArticleInput | InputFailure],
    *,
    meta: Provenance = Provenance(),
    on_item: Callable[[str, IngestOutcome | InputFailure], None] | None = None,
) -> IngestSummary:
    """Store every readable input; a bad one is recorded and the batch goes on.

    Ctrl-C and a database failure end the batch but still return the summary, so the
    user learns what was stored before (`interrupted`, `stopped`).
    """
    summary = IngestSummary()
    saving: list[Extraction] = []  # the article whose transaction may be under way
    try:
        _ingest_each(store, items, meta, on_item, summary, saving)
    except KeyboardInterrupt:
        summary.interrupted = True
        if saving:
            _count_if_committed(store, saving[0], summary)
    except (DatabaseError, DatabaseBusy) as exc:
        summary.stopped = exc
    return summary


def _count_if_committed(store: Store, extraction: Extraction, summary: IngestSummary) -> None:
    """Ctrl-C can land after the commit but before the outcome is returned (while the
    connection goes back to the pool): ask the database, so the summary never lies."""
    from claims.store.ingest import find_article

    try:
        with store.read() as conn:
            outcome = find_article(conn, extraction.document.content_hash)
    except (ClaimsError, KeyboardInterrupt):
        return
    if outcome is not None:
        summary.new += 1
        summary.claims += outcome.claims
        summary.figures += outcome.figures


def _ingest_each(
    store: Store,
    items: Iterable[ArticleInput | InputFailure],
    meta: Provenance,
    on_item: Callable[[str, IngestOutcome | InputFailure], None] | None,
    summary: IngestSummary,
    saving: list[Extraction],
) -> None:
    """The loop; each article is one transaction, so stopping anywhere loses only the
    article in progress, which is rolled back and stored whole by a re-run."""
    from claims.store.ingest import find_article, save_extraction

    for item in items:
        if isinstance(item, InputFailure):
            summary.failures.append(item)
            if on_item:
                on_item(item.origin, item)
            continue
        with store.read() as conn:  # re-runs skip extraction of what is already stored
            stored = find_article(conn, document_of(item, meta).content_hash)
        if stored is not None:
            outcome = stored
        else:
            extraction = analyse(item, meta)
            saving[:] = [extraction]
            outcome = save_extraction(store, extraction, origin=item.origin)
        if outcome.new:
            summary.new += 1  # counted first: it is committed whatever happens next
            summary.claims += outcome.claims
            summary.figures += outcome.figures
            summary.sources += outcome.sources
            summary.relations += outcome.relations
        saving.clear()
        if not outcome.new:
            summary.unchanged += 1
        if on_item:
            on_item(item.origin, outcome)

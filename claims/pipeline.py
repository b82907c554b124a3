"""Ingest orchestration: inputs → extraction → store, one transaction per article.

It lives outside `cli` so the loop (and its bookkeeping) is testable without typer, and
outside `core` because it touches files and the database.
"""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import BrokenExecutor, Executor, Future
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from claims.core.extraction import extract
from claims.core.model import Document, Extraction
from claims.core.text.documents import make_document
from claims.errors import ClaimsError, DatabaseBusy, DatabaseError
from claims.inputs import STDIN, ArticleInput, InputFailure
from claims.records import IngestOutcome

if TYPE_CHECKING:
    from claims.store import Store


CHECKPOINT_EVERY = 50  # articles between two write-ahead log checkpoints (SQLite)


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
    retracted: int = 0  # texts a reviewer retracted: reported, not stored
    restored: int = 0  # retracted texts brought back by `--restore`
    undated: list[str] = field(default_factory=list)  # new articles without a date
    failures: list[InputFailure] = field(default_factory=list)
    interrupted: bool = False  # Ctrl-C: the article in progress was rolled back
    stopped: ClaimsError | None = None  # the database failed: the rest was not attempted

    @property
    def failed(self) -> int:
        return len(self.failures)


def document_of(item: ArticleInput, meta: Provenance = Provenance()) -> Document:
    """The document of one input; command-line provenance wins over what it carried."""
    title = meta.title or item.title
    name = item.name if item.origin != STDIN or not title else title
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
    jobs: int = 0,
    restore: str | None = None,
) -> IngestSummary:
    """Store every readable input; a bad one is recorded and the batch goes on.

    With `jobs` > 0, articles are extracted by that many worker processes while this
    one stores them, in input order, so the database ends up exactly as without.
    Ctrl-C and a database failure end the batch but still return the summary, so the
    user learns what was stored before (`interrupted`, `stopped`).

    A text a reviewer retracted is reported (`IngestOutcome.retracted`) and not stored;
    with `restore` (the reviewer's name) it is brought back instead.
    """
    summary = IngestSummary()
    saving: list[Extraction] = []  # the article whose transaction may be under way
    try:
        with Extractor(meta, jobs) as extractor:
            _ingest_each(store, items, extractor, on_item, summary, saving, restore)
    except KeyboardInterrupt:
        summary.interrupted = True
        if saving:
            _count_if_committed(store, saving[0], summary)
    except (DatabaseError, DatabaseBusy) as exc:
        summary.stopped = exc
    if summary.new and not summary.interrupted:
        with contextlib.suppress(DatabaseError, DatabaseBusy):
            store.checkpoint(truncate=True)  # leave no batch-sized log behind
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
    extractor: Extractor,
    on_item: Callable[[str, IngestOutcome | InputFailure], None] | None,
    summary: IngestSummary,
    saving: list[Extraction],
    restore: str | None = None,
) -> None:
    """The loop; each article is one transaction, so stopping anywhere loses only the
    article in progress, which is rolled back and stored whole by a re-run."""
    from claims.store.ingest import save_extraction
    from claims.store.retraction import note_restored

    for item, done in extractor.run(_unstored(store, items, extractor.meta, restore)):
        if isinstance(item, InputFailure):
            summary.failures.append(item)
            if on_item:
                on_item(item.origin, item)
            continue
        if isinstance(done, IngestOutcome):
            outcome = done
        else:
            assert done is not None  # only failures come without a result
            saving[:] = [done]
            # stdin's origin is its name (the title, else stdin-<hash>): `-` locates nothing
            origin = done.document.name if item.origin == STDIN else item.origin
            outcome = save_extraction(store, done, origin=origin, looked_up=True)
            if restore is not None and outcome.new:  # a purged text, stored again
                outcome = note_restored(store, outcome, done.document.content_hash, restore)
        if outcome.new:
            summary.new += 1  # counted first: it is committed whatever happens next
            if summary.new % CHECKPOINT_EVERY == 0:
                store.checkpoint()
            summary.claims += outcome.claims
            summary.figures += outcome.figures
            summary.sources += outcome.sources
            summary.relations += outcome.relations
        saving.clear()
        summary.restored += outcome.restored
        if outcome.new and not outcome.published:
            summary.undated.append(outcome.name)
        if outcome.retracted is not None:
            summary.retracted += 1
        elif not outcome.new:
            summary.unchanged += 1
        if on_item:
            on_item(item.origin, outcome)


def _unstored(
    store: Store,
    items: Iterable[ArticleInput | InputFailure],
    meta: Provenance,
    restore: str | None = None,
) -> Iterator[tuple[ArticleInput | InputFailure, IngestOutcome | None]]:
    """Each input with its stored outcome when its text is already in the database (or
    was retracted), so re-runs cost one lookup per file and no extraction."""
    from claims.store.retraction import stored_outcome

    for item in items:
        if isinstance(item, InputFailure):
            yield item, None
            continue
        # the read is over before the yield: a generator suspended inside `with` kept a
        # read transaction open while the next article was stored, so SQLite could
        # never reset its write-ahead log and it grew with the whole batch
        content_hash = document_of(item, meta).content_hash
        yield item, stored_outcome(store, content_hash, restore=restore is not None,
                                   reviewer=restore or "unknown")


_TODO = object()  # an input still to extract, not handed to a worker


class Extractor:
    """Extraction of a stream of inputs, here or in worker processes, in input order.

    Workers start only once a batch has more than `POOL_AFTER` articles to extract (a
    pool costs a few hundred milliseconds to start); they ignore Ctrl-C, which this
    process handles: it cancels what is queued and the workers are stopped on exit.
    At most `AHEAD` articles per worker are in flight, so memory stays flat however
    many files a batch holds.
    """

    POOL_AFTER = 32  # a pool starts in about the time 30 articles take to extract
    AHEAD = 4

    def __init__(self, meta: Provenance, jobs: int) -> None:
        self.meta = meta
        self.jobs = max(0, jobs)
        self.pool: Executor | None = None

    def __enter__(self) -> Extractor:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def run(
        self, stream: Iterable[tuple[ArticleInput | InputFailure, IngestOutcome | None]]
    ) -> Iterator[tuple[ArticleInput | InputFailure, Extraction | IngestOutcome | None]]:
        """(input, its Extraction, or its stored outcome, or None for a failure)."""
        queue: deque[tuple[ArticleInput | InputFailure, Any]] = deque()
        todo = 0  # queued inputs still to extract
        for item, stored in stream:
            if stored is not None or isinstance(item, InputFailure):
                queue.append((item, stored))
            else:
                todo += 1
                queue.append((item, self._start(item)))
                if self.pool is None and self.jobs and todo > self.POOL_AFTER:
                    self.pool = _start_pool(self.jobs)
                    for k, (queued, job) in enumerate(queue):
                        if job is _TODO:
                            queue[k] = (queued, self._start(queued))
            while queue and (_ready(queue[0][1]) or todo > self._limit()):
                item, job = queue.popleft()
                todo -= _working(job)
                yield item, self._finish(item, job)
        while queue:
            item, job = queue.popleft()
            yield item, self._finish(item, job)

    def _limit(self) -> int:
        """How many inputs may wait for extraction before the oldest must be done."""
        if self.pool is not None:
            return self.jobs * self.AHEAD
        return self.POOL_AFTER if self.jobs else 0

    def _start(self, item: ArticleInput | InputFailure) -> Any:
        if self.pool is None or not isinstance(item, ArticleInput):
            return _TODO
        return self.pool.submit(analyse, item, self.meta)

    def _finish(self, item: ArticleInput | InputFailure, job: Any) -> Any:
        if isinstance(job, Future):
            try:
                return job.result()
            except BrokenExecutor:  # a worker died (out of memory?): extract here instead
                job = _TODO
        if job is _TODO:
            assert isinstance(item, ArticleInput)
            return analyse(item, self.meta)
        return job


def _working(job: object) -> bool:
    return job is _TODO or isinstance(job, Future)


def _ready(job: object) -> bool:
    return not _working(job) or isinstance(job, Future) and job.done()


def _start_pool(jobs: int) -> Executor:
    """Workers are spawned, not forked: they inherit neither this process's database
    connections nor its threads (the progress display), and they are its children, so
    they can tell when it dies."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker)


def _start_worker() -> None:
    """Ctrl-C is for the storing process, which stops the workers itself. A worker
    also exits when that process dies (SIGKILL, a crash): left waiting, it would keep
    the caller's stdout and stderr open."""
    import os
    import signal
    import threading
    import time

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="claims-orphan-watch").start()


def default_jobs() -> int:
    """Workers for a large batch: one per CPU this process may use, less the one that
    stores (at most 8); 0, extraction in this process, on a single CPU."""
    import os

    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        n = os.cpu_count() or 1
    return max(0, min(n - 1, 8))

"""Evidence snapshots: what a fetch of a cited page gives, and how a re-fetch compares.

Plain records and one pure comparison, shared by the fetcher (`claims.evidence_fetch`),
the store (`claims.store.evidence`) and the renderers; nothing heavy is imported here, so
the CLI can name these types at no start-up cost.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class PageSnapshot:
    """One retrieval of a link: the facts a verdict's evidence keeps once the page is gone.

    `sha256` is of the body's bytes as served (lowercase hex); `text` is what was read out
    of it (trafilatura for HTML, the decoded text for text/plain, None for other types).
    """

    url: str  # the link as cited
    retrieved_at: str  # ISO 8601 UTC, "2026-11-25T09:30:00Z"
    final_url: str  # after redirects
    status: int
    content_type: str | None
    sha256: str
    text: str | None
    size: int = 0  # bytes of the body


@dataclass(frozen=True)
class FetchFailure:
    """A link that could not be archived: `reason` is one line ("HTTP 404", "could not
    connect: …", "timed out after 10 s")."""

    url: str
    reason: str
    status: int | None = None
    too_large: bool = False  # the page answered, with a body past the archiving limit


FetchResult = PageSnapshot | FetchFailure


@dataclass(frozen=True)
class EvidenceItem:
    """A link a claim's verdicts cite, with the newest snapshot recorded for it (if any).

    `snapshots` counts every snapshot kept for this link on this claim: older ones stay
    in the database and in dumps when a check records a newer one.
    """

    url: str
    snapshot: PageSnapshot | None
    snapshots: int = 0


@dataclass(frozen=True)
class WatchedPage:
    """A snapshotted link as `evidence check` watches it: the newest stored snapshot is
    the baseline; `verdicts` are the citing verdict rows that have a snapshot of it."""

    url: str
    baseline: PageSnapshot
    claims: tuple[int, ...]
    verdicts: tuple[int, ...]


class PageState(StrEnum):
    unchanged = "unchanged"
    changed = "changed"
    gone = "gone"


@dataclass(frozen=True)
class PageCheck:
    """The outcome of re-fetching one watched page; `now` is the new retrieval when the
    page answered, `reason` says why a gone page is gone."""

    page: WatchedPage
    state: PageState
    now: PageSnapshot | None = None
    reason: str | None = None

    @property
    def text_changed(self) -> bool | None:
        """Whether the extracted text differs too (a changed body with the same text is
        usually a page's furniture: ads, tokens, timestamps). None when not comparable."""
        if self.now is None or self.now.text is None or self.page.baseline.text is None:
            return None
        return self.now.text != self.page.baseline.text


def compare(page: WatchedPage, fetched: FetchResult) -> PageCheck:
    """Unchanged (same SHA-256), changed (another body), or gone (no usable answer).

    A body too large to archive now also counts as changed: the stored one was within
    the limit, so the bytes cannot be the same.
    """
    if isinstance(fetched, FetchFailure):
        if fetched.too_large:
            return PageCheck(page, PageState.changed, reason=fetched.reason)
        return PageCheck(page, PageState.gone, reason=fetched.reason)
    if fetched.sha256 == page.baseline.sha256:
        return PageCheck(page, PageState.unchanged, now=fetched)
    return PageCheck(page, PageState.changed, now=fetched)


def exit_code(checks: list[PageCheck] | tuple[PageCheck, ...]) -> int:
    """1 when any page is changed or gone (a nightly job's signal), else 0."""
    return int(any(c.state is not PageState.unchanged for c in checks))

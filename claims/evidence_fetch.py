"""Fetch a cited page once and keep what a verdict needs when the page is gone.

Shell code (network, clock), kept out of the core and out of `claims.inputs`: an
article must be text to be split into claims, while evidence is whatever the link
serves (an HTML page, a PDF, a JSON file) and is archived as served. The body is hashed
as received (SHA-256 of the bytes); its text is read out for HTML (trafilatura, through
`claims.html_text`) and plain text, and is None for other types.

The fetch itself (limits, deadline, redirects, failures in one line) is
`claims.http_fetch.get`, shared with `claims.inputs`; httpx is optional (`pip install
'claim-tracker[web]'`) and imported only when a snapshot is asked for: nothing goes to
the network unasked.
"""

from __future__ import annotations

import codecs
import hashlib
from collections.abc import Iterable
from datetime import UTC, datetime

from claims import http_fetch
from claims.evidence import FetchFailure, FetchResult, PageSnapshot
from claims.http_fetch import WEB_EXTRA_HINT

TIMEOUT_S = 10.0
MAX_REDIRECTS = 10
MAX_BODY_BYTES = 50 * 10**6
PARALLEL = 8  # fetches at once: polite to servers, quick for a long list
USER_AGENT = "claims/0.1 (fact-checking evidence archive; +https://pypi.org/project/claim-tracker)"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def fetch_pages(urls: Iterable[str], *, timeout: float = TIMEOUT_S) -> dict[str, FetchResult]:
    """Each distinct link fetched once, several at a time (a desk's nightly check may
    watch hundreds of pages, each allowed a 10 s timeout); results in the order given."""
    distinct = list(dict.fromkeys(urls))
    if len(distinct) <= 1:
        return {url: fetch_page(url, timeout=timeout) for url in distinct}
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=min(PARALLEL, len(distinct))) as pool:
        found = pool.map(lambda url: fetch_page(url, timeout=timeout), distinct)
        return dict(zip(distinct, found, strict=True))


def fetch_page(
    url: str, *, timeout: float = TIMEOUT_S, max_bytes: int = MAX_BODY_BYTES
) -> FetchResult:
    """A snapshot of `url`, or a `FetchFailure` saying in one line why there is none.

    A 4xx/5xx answer is a failure: its body is an error page, not the evidence.
    """
    retrieved_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    try:
        got = http_fetch.get(url, timeout=timeout, max_bytes=max_bytes,
                             max_redirects=MAX_REDIRECTS, user_agent=USER_AGENT,
                             final_stop=False)
    except http_fetch.HttpxMissing:
        return FetchFailure(url, f"snapshots need httpx; {WEB_EXTRA_HINT}")
    except http_fetch.TooLarge:
        return FetchFailure(url, f"too large: more than {max_bytes // 10**6} MB", too_large=True)
    except http_fetch.FetchError as exc:
        return FetchFailure(url, str(exc))
    if got.status >= 400:
        return FetchFailure(url, f"HTTP {got.status}", status=got.status)
    return PageSnapshot(
        url=url,
        retrieved_at=retrieved_at,
        final_url=got.final_url,
        status=got.status,
        content_type=got.content_type or None,
        sha256=hashlib.sha256(got.body).hexdigest(),
        text=page_text(got.body, got.content_type, got.final_url),
        size=len(got.body),
    )


def page_text(body: bytes, content_type: str, url: str | None = None) -> str | None:
    """The readable text of a body: the article of an HTML page, a text file as is, else
    None (a PDF or an image is archived by its hash only)."""
    media_type, charset = http_fetch.content_type(content_type)
    is_html = media_type in HTML_TYPES or (not media_type and _looks_like_html(body))
    if not is_html and not media_type.startswith("text/"):
        return None
    text = _decode(body, charset, is_html)
    if is_html:
        from claims.html_text import html_article

        text = html_article(text, url=url)[0]
    # PostgreSQL cannot store NUL in text; replaced alike on every backend
    return text.replace("\r\n", "\n").replace("\x00", "\ufffd")


def _looks_like_html(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _decode(body: bytes, charset: str | None, is_html: bool) -> str:
    """The declared charset (header, else HTML meta), else UTF-8; undecodable bytes become
    U+FFFD. Lenient on purpose: unlike an article, evidence is archived whatever it is,
    and its hash, not its text, is the record of what was served."""
    if charset is None and is_html:
        charset = http_fetch.meta_charset(body)
    encoding = "utf-8"
    if charset is not None:
        try:
            encoding = codecs.lookup(charset).name
        except LookupError:
            encoding = "utf-8"
    return body.decode(encoding, errors="replace").removeprefix("\ufeff")

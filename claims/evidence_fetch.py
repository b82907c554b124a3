"""Fetch a cited page once and keep what a verdict needs when the page is gone.

Shell code (network, clock), kept out of the core and out of `claims.inputs`: an
article must be text to be split into claims, while evidence is whatever the link
serves (an HTML page, a PDF, a JSON file) and is archived as served. The body is hashed
as received (SHA-256 of the bytes); its text is read out for HTML (trafilatura, through
`claims.html_text`) and plain text, and is None for other types.

httpx is optional (`pip install 'claim-tracker[web]'`) and imported only here, only
when a snapshot is asked for: nothing goes to the network unasked.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from claims.evidence import FetchFailure, FetchResult, PageSnapshot

TIMEOUT_S = 10.0
MAX_REDIRECTS = 10
MAX_BODY_BYTES = 50 * 10**6
PARALLEL = 8  # fetches at once: polite to servers, quick for a long list
DEADLINE_FACTOR = 6  # the whole fetch may take six timeouts (a server dripping bytes)
USER_AGENT = "claims/0.1 (fact-checking evidence archive; +https://pypi.org/project/claim-tracker)"
WEB_EXTRA_HINT = "pip install 'claim-tracker[web]'"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


class _TooLarge(Exception):
    pass


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
    try:
        import httpx
    except ImportError:
        return FetchFailure(url, f"snapshots need httpx; {WEB_EXTRA_HINT}")
    retrieved_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    try:
        status, final_url, content_type, body = _download(httpx, url, timeout, max_bytes)
    except _TooLarge as exc:
        return FetchFailure(url, str(exc), too_large=True)
    except httpx.TimeoutException:
        return FetchFailure(url, f"timed out after {timeout:g} s")
    except httpx.TooManyRedirects:
        return FetchFailure(url, f"too many redirects (more than {MAX_REDIRECTS})")
    except httpx.ConnectError as exc:
        return FetchFailure(url, f"could not connect: {_one_line(exc)}")
    except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, ValueError) as exc:
        return FetchFailure(url, f"could not fetch: {_one_line(exc)}")
    if status >= 400:
        return FetchFailure(url, f"HTTP {status}", status=status)
    return PageSnapshot(
        url=url,
        retrieved_at=retrieved_at,
        final_url=final_url,
        status=status,
        content_type=content_type or None,
        sha256=hashlib.sha256(body).hexdigest(),
        text=page_text(body, content_type, final_url),
        size=len(body),
    )


def _download(httpx: Any, url: str, timeout: float, max_bytes: int) -> tuple[int, str, str, bytes]:
    """(status, final URL, Content-Type header, body), streamed and capped."""
    deadline = time.monotonic() + DEADLINE_FACTOR * timeout
    with (
        httpx.Client(
            timeout=httpx.Timeout(timeout),
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            headers={"User-Agent": USER_AGENT},
        ) as client,
        client.stream("GET", url) as response,
    ):
        content_type = response.headers.get("content-type", "").strip()
        status = response.status_code
        if status >= 400:
            return status, str(response.url), content_type, b""
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise _TooLarge(f"too large: more than {max_bytes // 10**6} MB")
            if time.monotonic() > deadline:
                raise httpx.ReadTimeout("deadline passed")
            chunks.append(chunk)
        return status, str(response.url), content_type, b"".join(chunks)


def page_text(body: bytes, content_type: str, url: str | None = None) -> str | None:
    """The readable text of a body: the article of an HTML page, a text file as is, else
    None (a PDF or an image is archived by its hash only)."""
    media_type, charset = _media_type(content_type)
    is_html = media_type in HTML_TYPES or (not media_type and _looks_like_html(body))
    if not is_html and not media_type.startswith("text/"):
        return None
    text = _decode(body, charset, is_html)
    if is_html:
        from claims.html_text import html_article

        text = html_article(text, url=url)[0]
    # PostgreSQL cannot store NUL in text; replaced alike on every backend
    return text.replace("\r\n", "\n").replace("\x00", "\ufffd")


def _media_type(header: str) -> tuple[str, str | None]:
    media_type, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media_type.strip().lower(), charset


def _looks_like_html(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _decode(body: bytes, charset: str | None, is_html: bool) -> str:
    """The declared charset (header, else HTML meta), else UTF-8; undecodable bytes become
    U+FFFD. Lenient on purpose: unlike an article, evidence is archived whatever it is,
    and its hash, not its text, is the record of what was served."""
    if charset is None and is_html:
        found = _META_CHARSET.search(body[:4096])
        charset = found.group(1).decode("ascii") if found else None
    encoding = "utf-8"
    if charset is not None:
        try:
            encoding = codecs.lookup(charset).name
        except LookupError:
            encoding = "utf-8"
    return body.decode(encoding, errors="replace").removeprefix("\ufeff")


def _one_line(exc: Exception) -> str:
    """The error on one line, without a final full stop (the warning goes on after it)."""
    return " ".join(str(exc).split()).rstrip(".") or type(exc).__name__

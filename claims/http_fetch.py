"""One GET of a URL with limits, shared by articles (`claims.inputs`) and evidence
(`claims.evidence_fetch`).

Shell code (network, clock). Both readers stream the body and stop past a size cap,
give the whole fetch a deadline, follow a bounded number of redirects and say in one
line why a fetch failed; what they accept differs (an article must be HTML or text,
evidence is archived whatever it is), so each caller checks the headers its own way
(`accept`) and words a too-large body itself (`TooLarge`).

httpx is optional (`pip install 'claim-tracker[web]'`) and imported only when a URL is
fetched: nothing goes to the network unasked.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

WEB_EXTRA_HINT = "pip install 'claim-tracker[web]'"
DEADLINE_FACTOR = 6  # the whole fetch may take six timeouts (a server dripping bytes)
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


@dataclass(frozen=True)
class Fetched:
    """A server's answer: `content_type` is the header as sent (stripped); the body of a
    4xx/5xx answer is not read (it is an error page, never the article or the evidence)."""

    status: int
    final_url: str
    content_type: str
    body: bytes


class FetchError(Exception):
    """The fetch failed; the message is one line for a user."""


class HttpxMissing(FetchError):
    """httpx is not installed (each caller says what needs it)."""


class TooLarge(FetchError):
    """The body passed the cap while streaming (each caller words its own limit)."""


def get(
    url: str,
    *,
    timeout: float,
    max_bytes: int,
    max_redirects: int,
    user_agent: str,
    accept: Callable[[Mapping[str, str]], None] | None = None,
    final_stop: bool = True,
) -> Fetched:
    """Fetch `url`, following redirects, streaming the body and stopping past `max_bytes`.

    The whole fetch has a deadline of DEADLINE_FACTOR timeouts: a server dripping a byte
    at a time never trips a read timeout. `accept` sees the headers of a successful
    answer before its body is read and may raise to refuse it. Raises `FetchError`
    (`HttpxMissing`, `TooLarge`, or a reason such as "timed out after 10 s");
    `final_stop=False` drops a full stop ending the reason, for a caller whose sentence
    goes on after it.
    """
    try:
        import httpx
    except ImportError:
        raise HttpxMissing(f"httpx is not installed; {WEB_EXTRA_HINT}") from None
    deadline = time.monotonic() + DEADLINE_FACTOR * timeout
    try:
        with (
            httpx.Client(
                timeout=httpx.Timeout(timeout),
                follow_redirects=True,
                max_redirects=max_redirects,
                headers={"User-Agent": user_agent},
            ) as client,
            client.stream("GET", url) as response,
        ):
            content_type = response.headers.get("content-type", "").strip()
            status = response.status_code
            if status >= 400:
                return Fetched(status, str(response.url), content_type, b"")
            if accept is not None:
                accept(response.headers)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise TooLarge(f"more than {max_bytes} bytes")
                if time.monotonic() > deadline:
                    raise httpx.ReadTimeout("deadline passed")
                chunks.append(chunk)
            return Fetched(status, str(response.url), content_type, b"".join(chunks))
    except httpx.TimeoutException:
        raise FetchError(f"timed out after {timeout:g} s") from None
    except httpx.TooManyRedirects:
        raise FetchError(f"too many redirects (more than {max_redirects})") from None
    except httpx.ConnectError as exc:
        raise FetchError(f"could not connect: {one_line(exc, final_stop)}") from None
    except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, ValueError) as exc:
        raise FetchError(f"could not fetch: {one_line(exc, final_stop)}") from None


def one_line(exc: Exception, final_stop: bool = True) -> str:
    """The error's message on one line (without a final full stop unless `final_stop`)."""
    text = " ".join(str(exc).split())
    return (text if final_stop else text.rstrip(".")) or type(exc).__name__


def content_type(header: str) -> tuple[str, str | None]:
    """(media type in lower case, charset or None) of a Content-Type header."""
    media_type, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media_type.strip().lower(), charset


def meta_charset(body: bytes) -> str | None:
    """The charset an HTML page declares in a `<meta>` of its first 4 KiB, if any."""
    found = META_CHARSET.search(body[:4096])
    return found.group(1).decode("ascii") if found else None

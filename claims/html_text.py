"""Article text out of an HTML page: trafilatura when installed, else a stdlib parser.

Kept apart from `claims.inputs` (which reads files, stdin and URLs) so that plain-text
ingest never loads an HTML parser; the fallback parser is a module's worth on its own.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

# --- trafilatura ------------------------------------------------------------------------

# Pages larger than this (characters of HTML) take the stdlib reader: trafilatura's
# main pass grows with the square of the number of blocks (a page of 60,000 paragraphs,
# 4 MB: 19 s and 230 MB against 0.6 s and 30 MB; 1.5 MB: 2.4 s), and a page that large
# is a transcript or a report rather than a story wrapped in a site's boilerplate.
TRAFILATURA_MAX = 2_000_000
# The page's own metadata (`article:published_time`, JSON-LD `datePublished`, `<time
# datetime>`, a date in the URL), never htmldate's extensive search, which takes a
# copyright line's year for the publication date; `claims.inputs` reads a dateline next.
DATE_PARAMS = {"extensive_search": False, "original_date": True}


def html_article(
    html: str, *, url: str | None = None
) -> tuple[str, str | None, str | None, str | None]:
    """(body, title, publisher, published) with paragraphs one per line.

    trafilatura when installed (it scores blocks, so unlabeled boilerplate goes too),
    else the stdlib fallback below. `claims.core.text.documents.html_to_text` is not used: it
    keeps navigation, cookie banners and footers, which would then be split into claims.
    """
    if len(html) > TRAFILATURA_MAX:
        return fallback_html_to_text(html)
    try:
        import trafilatura
    except ImportError:
        return fallback_html_to_text(html)
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            date_extraction_params=DATE_PARAMS,
        )
    except Exception:  # noqa: BLE001 - lxml/htmldate raise even AssertionError on bad markup
        doc = None
    if doc is None:
        return fallback_html_to_text(html)
    fields: dict[str, Any] = doc if isinstance(doc, dict) else doc.as_dict()
    lines = (line.strip() for line in (fields.get("text") or "").splitlines())
    body = "\n".join(line for line in lines if line)
    return body, _opt(fields.get("title")), _opt(fields.get("sitename")), _opt(fields.get("date"))


def _opt(value: object) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


# --- stdlib HTML fallback --------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SKIP_TAGS = _words(
    "script style noscript template svg nav header footer aside form button select iframe dialog"
)
_BLOCK_TAGS = _words(
    "p h1 h2 h3 h4 h5 h6 li blockquote pre td th tr dt dd div section article main br"
    " figcaption ul ol table"
)
_VOID_TAGS = _words("br img meta link input hr wbr source col")
_SKIP_ROLES = _words("navigation banner contentinfo complementary dialog alertdialog")
_BOILERPLATE = re.compile(
    r"cookie|consent|gdpr|nav|menu|footer|sidebar|related|share|social|subscribe|newsletter"
    r"|promo|advert|comment|byline|breadcrumb|popup|modal|masthead",
    re.I,
)
MAX_LINK_SHARE = 0.5
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class _ArticleParser(HTMLParser):
    """Keeps block text outside navigation/boilerplate, preferring <article>, then <main>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.skip_at: int | None = None  # stack depth of the element being skipped
        self.line: list[str] = []
        self.link_chars = 0
        self.lines: dict[str, list[str]] = {"article": [], "main": [], "body": []}
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.time_attr: str | None = None
        self.json_ld: list[str] = []
        self.ld_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or "").lower()
            if key and "content" in values:
                self.meta.setdefault(key, values["content"])
        if tag == "time" and self.time_attr is None and values.get("datetime"):
            self.time_attr = values["datetime"]
        if tag == "script":
            self.ld_script = values.get("type", "").lower() == "application/ld+json"
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag in _VOID_TAGS:
            return
        self.stack.append(tag)
        if self.skip_at is None and self._is_boilerplate(tag, values):
            self.skip_at = len(self.stack)

    def _is_boilerplate(self, tag: str, values: dict[str, str]) -> bool:
        if tag in _SKIP_TAGS or "hidden" in values or values.get("aria-hidden") == "true":
            return True
        if values.get("role", "").lower() in _SKIP_ROLES:
            return True
        labels = f"{values.get('class', '')} {values.get('id', '')}"
        return tag not in ("article", "main", "body") and bool(_BOILERPLATE.search(labels))

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag not in self.stack:
            return
        while self.stack:
            popped = self.stack.pop()
            if self.skip_at is not None and len(self.stack) < self.skip_at:
                self.skip_at = None
            if popped == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "script" and self.ld_script:
            self.json_ld.append(data)
        elif self.stack and self.stack[-1] == "title" and "svg" not in self.stack:
            self.title_parts.append(data)
        elif self.skip_at is None:
            self.line.append(data)
            if "a" in self.stack:
                self.link_chars += len(data.strip())

    def _flush(self) -> None:
        text = " ".join("".join(self.line).split())
        links, self.line, self.link_chars = self.link_chars, [], 0
        if not text or links > len(text) * MAX_LINK_SHARE:  # menus and link lists
            return
        self.lines["body"].append(text)
        for region in ("article", "main"):
            if region in self.stack:
                self.lines[region].append(text)


def fallback_html_to_text(html: str) -> tuple[str, str | None, str | None, str | None]:
    """(body, title, publisher, published) without trafilatura: tag and class heuristics."""
    parser = _ArticleParser()
    parser.feed(html)
    parser.close()
    parser._flush()
    lines = parser.lines["article"] or parser.lines["main"] or parser.lines["body"]
    meta = parser.meta
    title = meta.get("og:title") or " ".join("".join(parser.title_parts).split())
    date_text = (
        meta.get("article:published_time")
        or _json_ld_date("".join(parser.json_ld))
        or meta.get("date")
        or parser.time_attr
    )
    found = _ISO_DATE.search(date_text or "")
    published = found.group(0) if found else _opt(date_text)
    return "\n".join(lines), _opt(title), _opt(meta.get("og:site_name")), published


def _json_ld_date(text: str) -> str | None:
    """`datePublished` of the first JSON-LD object that has one (schema.org articles)."""
    import json

    if "datePublished" not in text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        found = re.search(r'"datePublished"\s*:\s*"([^"]{4,40})"', text)
        return found.group(1) if found else None
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                return str(item["datePublished"])
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None

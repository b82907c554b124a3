"""Turn raw article inputs (plain text, Markdown, HTML) into a `Document`.

Every later offset (claims, figures) refers to the stored text, so conversion happens
once, here, and the result is what gets hashed and stored. The HTML converter is a
standard-library fallback for when no better extractor (trafilatura) is installed.
"""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser

from claims.core.attribution.sources import words
from claims.core.model import Document

_BLOCK_TAGS = words(
    "p div h1 h2 h3 h4 h5 h6 li blockquote pre article section header footer figcaption "
    "caption tr dt dd br hr table ul ol main aside nav"
)
_SKIP_TAGS = words("script style noscript template svg head")


def normalise_newlines(text: str) -> str:
    """Windows and old-Mac line ends would shift every offset; store `\\n` only."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def make_document(
    text: str,
    name: str,
    *,
    title: str | None = None,
    url: str | None = None,
    publisher: str | None = None,
    published: str | None = None,
) -> Document:
    """Hash the normalised text so re-ingesting the same article is recognised."""
    clean = normalise_newlines(text)
    digest = hashlib.sha256(clean.encode("utf-8")).hexdigest()
    return Document(
        text=clean,
        name=name,
        content_hash=digest,
        title=title,
        url=url,
        publisher=publisher,
        published=published,
    )


class _TextCollector(HTMLParser):
    """Collects visible text, breaking paragraphs at block elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.title_parts: list[str] = []
        self.skip_depth = 0
        self.in_title = False

    def _flush(self) -> None:
        line = re.sub(r"\s+", " ", "".join(self.current)).strip()
        if line:
            self.blocks.append(line)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        elif tag in _SKIP_TAGS:
            self.skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in _SKIP_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif not self.skip_depth:
            self.current.append(data)


def html_to_text(html: str) -> tuple[str, str | None]:
    """Paragraphs one a line, plus the `<title>` (None when absent or empty)."""
    parser = _TextCollector()
    parser.feed(html)
    parser.close()
    parser._flush()
    title = re.sub(r"\s+", " ", "".join(parser.title_parts)).strip() or None
    return "\n".join(parser.blocks), title


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")


def _md_inline(line: str) -> str:
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_EMPHASIS.sub(r"\2", line)
    return line


def markdown_to_text(md: str) -> str:
    """Keep one paragraph a line: wrapped lines of one paragraph are joined."""
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    for raw in normalise_newlines(md).split("\n"):
        line = raw.strip()
        if not line or re.fullmatch(r"[-*_=]{3,}", line) or line.startswith("```"):
            flush()
            continue
        heading = re.match(r"#{1,6}\s+(.*?)\s*#*$", line)
        if heading:
            flush()
            paragraphs.append(_md_inline(heading.group(1)))
            continue
        item = re.match(r"(?:[-*+]|\d+[.)])\s+(.*)", line)
        if item:
            flush()
            marker = line[: len(line) - len(item.group(1))].strip()
            marker = "-" if marker in ("-", "*", "+") else marker
            current.append(f"{marker} {_md_inline(item.group(1))}")
            flush()
            continue
        line = re.sub(r"^>\s?", "", line)
        current.append(_md_inline(line))
    flush()
    return "\n".join(p for p in paragraphs if p)

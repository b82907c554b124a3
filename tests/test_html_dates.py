"""Ingest takes the publication date from a page's metadata, else from a dateline, and
never from a copyright line."""

from __future__ import annotations

from pathlib import Path

import pytest

from claims.html_text import fallback_html_to_text, html_article
from claims.inputs import ArticleInput, iter_inputs

BODY = "<p>" + "The ministry said 40 people died in the attack on Tuesday. " * 5 + "</p>"


def page(head: str = "", before: str = "", after: str = "") -> str:
    return (f"<html><head><title>T</title>{head}</head><body>{before}<article>{BODY}"
            f"</article>{after}</body></html>")


PAGES = {
    "meta": (page('<meta property="article:published_time" content="2024-11-26T10:00:00Z">'),
             "2024-11-26"),
    "json-ld": (page('<script type="application/ld+json">{"@context": "https://schema.org",'
                     ' "@graph": [{"@type": "NewsArticle", "datePublished": '
                     '"2024-11-25T08:00:00+02:00"}]}</script>'), "2024-11-25"),
    "time": (page(before='<time datetime="2024-11-24">24 Nov</time>'), "2024-11-24"),
    "copyright": (page(after="<footer>© 2019 Example News</footer>"), None),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_metadata(name: str) -> None:
    html, expected = PAGES[name]
    assert html_article(html)[3] == expected


@pytest.mark.parametrize("name", ["meta", "json-ld", "time"])
def test_the_fallback_parser_reads_the_same_metadata(name: str) -> None:
    html, expected = PAGES[name]
    assert fallback_html_to_text(html)[3] == expected


def read(path: Path) -> ArticleInput:
    (item,) = list(iter_inputs([str(path)]))
    assert isinstance(item, ArticleInput)
    return item


def test_a_dateline_dates_text_and_pages_without_metadata(tmp_path: Path) -> None:
    (tmp_path / "wire.txt").write_text(
        "Talks end\n\nKYIV, Nov 23, 2024 (Reuters) - The ministry said 40 people died.\n")
    assert read(tmp_path / "wire.txt").published == "2024-11-23"
    (tmp_path / "wire.html").write_text(
        "<html><head><title>T</title></head><body><article><p>GENEVA, 2 December 2024 (AP) — "
        f"Delegates said 3 talks ended.</p>{BODY}</article></body></html>")
    assert read(tmp_path / "wire.html").published == "2024-12-02"
    (tmp_path / "story.md").write_text("# Story\n\nOn 21 November 2024 the ministry said 40 "
                                       "people died.\n")
    assert read(tmp_path / "story.md").published is None

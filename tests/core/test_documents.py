"""Documents: newline normalisation, hashing, HTML and Markdown conversion."""

from __future__ import annotations

import hashlib

from claims.core.text.documents import html_to_text, make_document, markdown_to_text


def test_make_document_normalises_newlines_and_hashes_the_stored_text() -> None:
    doc = make_document("a\r\nb\rc", "n.txt", title="T", url="https://x", published="2026-01-02")
    assert doc.text == "a\nb\nc"
    assert doc.content_hash == hashlib.sha256(b"a\nb\nc").hexdigest()
    assert (doc.name, doc.title, doc.url, doc.publisher, doc.published) == (
        "n.txt", "T", "https://x", None, "2026-01-02")


def test_same_text_with_other_line_ends_has_the_same_hash() -> None:
    assert make_document("x\r\ny", "a").content_hash == make_document("x\ny", "b").content_hash


def test_html_to_text_gives_one_paragraph_a_line_and_the_title() -> None:
    html = (
        "<html><head><title> My  Title </title><style>p{}</style></head><body>"
        "<h1>Head</h1><p>One <b>two</b>.</p><div>Three<br>Four</div>"
        "<script>var x = 1;</script><p>&amp; more</p></body></html>"
    )
    assert html_to_text(html) == ("Head\nOne two.\nThree\nFour\n& more", "My Title")


def test_html_without_title() -> None:
    assert html_to_text("<p>Only text</p>") == ("Only text", None)


def test_markdown_to_text_strips_marks_and_joins_wrapped_lines() -> None:
    md = "# Title\n\nSome *bold* and [a link](http://x).\nWrapped line.\n\n- one\n* two\n1. first"
    assert markdown_to_text(md) == (
        "Title\nSome bold and a link. Wrapped line.\n- one\n- two\n1. first"
    )

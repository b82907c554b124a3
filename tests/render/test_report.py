"""Report and evidence renderers: escaping (checked with a real CommonMark parser), links,
and every format of every enum rendering."""

from __future__ import annotations

import html
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from claims.core.model import Finding, FindingFigure, Interval
from claims.evidence import EvidenceItem, PageCheck, PageSnapshot, PageState, WatchedPage
from claims.records import ArticleRecord, ClaimRecord, FigureRecord, VerdictRecord
from claims.render import EvidenceCheckFormat, ReportFormat
from claims.render.evidence import evidence_json, excerpt
from claims.render.report import h, h_link, link_target, md, md_link, plain
from claims.reporting import ArticleEntry, ClaimEntry, Report, fails_gate, status_counts

PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
SNAP = PageSnapshot("https://e.org/a", "2026-11-25T09:30:00Z", "https://e.org/b", 200,
                    "text/html", "f" * 64, "Body <b>text</b>", 10)


def paragraph_text(markdown: str) -> str:
    """What a CommonMark renderer shows for one line: must be one plain paragraph."""
    rendered = PARSER.render(markdown)
    if not markdown:
        return ""
    match = re.fullmatch(r"<p>(.*)</p>\n", rendered, flags=re.S)
    assert match, rendered
    assert "<" not in match.group(1), rendered  # no element came through
    return html.unescape(match.group(1))


@given(st.text())
def test_markdown_escaping_shows_exactly_the_text(text: str) -> None:
    assert paragraph_text(md(text)) == plain(text)


@pytest.mark.parametrize(
    "text",
    ["<script>alert(1)</script>", "1. a list?", "- item", "# heading", "> quote", "***",
     "[a](javascript:x)", "&amp; &copy;", "a | b", "`code`", "~~gone~~", "x\\", "+ 1", "==="],
)
def test_markdown_escaping_examples(text: str) -> None:
    assert paragraph_text(md(text)) == text


def test_links_only_for_http() -> None:
    assert link_target("https://e.org/x?a=1&b=2") == "https://e.org/x?a=1&b=2"
    assert link_target(" HTTP://e.org ") == "HTTP://e.org"
    for bad in ("javascript:alert(1)", "JaVaScRiPt:x", "data:text/html,x", "file:///etc", "", None,
                "http://[::1"):
        assert link_target(bad) is None
    assert h_link("javascript:alert(1)") == "javascript:alert(1)"
    assert h_link('https://e.org/"><script>') == (
        '<a href="https://e.org/&quot;&gt;&lt;script&gt;" rel="noopener noreferrer">'
        "https://e.org/&quot;&gt;&lt;script&gt;</a>"
    )
    assert md_link("https://e.org/a_b") == "<https://e.org/a_b>"
    assert md_link("javascript:x()") == "javascript:x()"
    assert h("a\u202eb\x1b[31m<i>") == "ab&lt;i&gt;"


def _finding(severity: str, outcome: str, *, acked: bool = False) -> Finding:
    return Finding(
        key=f"partition:{severity}", relation=1, kind="partition", outcome=outcome,
        severity=severity, origin="inferred", message="76 + 96 + 5 = 177 of 188: 11 unaccounted",
        figures=(FindingFigure(40, 16, "188", "total"), FindingFigure(41, 16, "76", "part")),
        remainder=Interval(11, 11), acknowledged=acked, note="known" if acked else None,
        article="a.txt", path="a.txt", line=3,
    )


def _report(findings: tuple[Finding, ...] = ()) -> Report:
    fig = FigureRecord(40, 16, "more than 180", 0, 4, 181, 181, None, "more_than", "drone",
                       "drones launched")
    claim = ClaimRecord(16, 1, "a.txt", "They said <b>more than 180</b> drones.", 0, 10,
                        "Air Force", "military", "said", "supported", 2, (fig,))
    verdict = VerdictRecord(1, 16, "2026-11-25T09:30:00Z", "ana", "unverified", "supported",
                            "see *post*", ("https://e.org/a",), 2)
    entry = ClaimEntry(claim, verdict, (EvidenceItem("https://e.org/a", SNAP, 1),), findings)
    article = ArticleRecord(1, "a.txt", "a.txt", "h", "v", title="T & co", url="https://n.org")
    return Report((ArticleEntry(article, (entry,)),), findings, "2026-11-25T10:00:00Z",
                  by_status=status_counts([claim]))


def test_gate_and_review_split_follow_check_consistency() -> None:
    error, warning, acked = (_finding("error", "contradiction"), _finding("warning", "incomplete"),
                             _finding("error", "contradiction", acked=True))
    assert [fails_gate(f) for f in (error, warning, acked)] == [True, False, False]
    report = _report((error, warning, acked))
    assert report.failing == (error,) and report.to_review == (warning, acked)


@pytest.mark.parametrize("fmt", list(ReportFormat))
def test_every_report_format_renders(fmt: ReportFormat) -> None:
    out = fmt.render(_report((_finding("error", "contradiction"),)))
    assert "11 unaccounted" in out and "fails the gate" in out
    assert "supported by ana, 2026-11-25T09:30:00Z (version 2)" in out
    assert "more than 180 drone (more than, ≥ 181, drones launched)" in out
    assert "sha256 " + "f" * 64 in out and "now at https://e.org/b" in out
    empty = fmt.render(Report((), (), "2026-11-25T10:00:00Z", by_status=status_counts([])))
    assert "No claims match." in empty


def test_html_escapes_and_is_self_contained() -> None:
    page = ReportFormat.html.render(_report())
    assert "<b>" not in page and "&lt;b&gt;more than 180&lt;/b&gt;" in page
    assert "T &amp; co" in page and "see *post*" in page
    assert "<script" not in page and "src=" not in page and "@import" not in page
    assert "default-src 'none'" in page and "@media print" in page


def test_evidence_formats() -> None:
    assert json.loads(evidence_json([EvidenceItem("u", None)])) == [{"url": "u", "snapshot": None}]
    page = WatchedPage("https://e.org/a", SNAP, (16,), (1,))
    checks = [PageCheck(page, PageState.unchanged, now=SNAP),
              PageCheck(page, PageState.gone, reason="HTTP 404")]
    for fmt in EvidenceCheckFormat:
        assert "https://e.org/a" in fmt.render(checks)
    assert EvidenceCheckFormat.text.render([]) == "No archived evidence to check.\n"
    assert EvidenceCheckFormat.github.render(checks).count("\n") == 1
    assert excerpt("word " * 100, 20) == "word word word word …"
    assert excerpt(None) == ""

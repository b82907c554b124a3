"""`claims report`: the desk's work for editors and readers, as Markdown or one HTML file.

Pure string builders. Everything that comes from an article or a reviewer (claim text,
names, notes, links, figure text inside finding messages) is escaped for the format:
Markdown punctuation is backslash-escaped (so no raw HTML, link or emphasis can come
through), HTML is entity-escaped, and only http(s) links become anchors. The HTML also
carries a Content-Security-Policy that forbids scripts and every network load, so the
file stays self-contained and inert even if a renderer upstream were to slip.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from claims.core.model import Finding
from claims.evidence import EvidenceItem
from claims.records import ArticleRecord, FigureRecord
from claims.render.safe import clean_for_terminal
from claims.render.tables import fmt_num
from claims.reporting import ClaimEntry, Report, fails_gate

TITLE = "Claims report"


# -- words shared by both formats --------------------------------------------------------


def plain(text: str | None) -> str:
    """One line, without control, bidi or zero-width characters."""
    return " ".join(clean_for_terminal(text or "").split())


def link_target(url: str | None) -> str | None:
    """The URL when it may be followed (http or https), else None: a `javascript:` or
    `data:` link from a reviewer is shown as text, never made clickable."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def filters_text(report: Report) -> str:
    parts = []
    if report.article_filter is not None:
        parts.append(f"article {report.article_filter}")
    if report.status_filter is not None:
        parts.append(f"status {report.status_filter}")
    return ", ".join(parts)


def article_meta(a: ArticleRecord) -> list[str]:
    """Title, publisher and date, as far as they are known."""
    return [plain(x) for x in (a.title, a.publisher, a.published) if x]


def source_text(e: ClaimEntry) -> str:
    c = e.claim
    if c.source is None:
        who = "the article's own voice"
    else:
        who = plain(c.source) + (f" ({c.source_type})" if c.source_type else "")
    return who + (f", “{plain(c.cue)}”" if c.cue else "")


def verdict_text(e: ClaimEntry) -> str:
    v = e.verdict
    if v is None:
        return "none yet"
    return f"{v.to_status} by {plain(v.reviewer)}, {v.at} (version {v.version})"


def interval_words(f: FigureRecord) -> str:
    """The interval a qualifier gives, without brackets (they would need escaping)."""
    if f.low is not None and f.high is not None:
        return fmt_num(f.low) if f.low == f.high else f"{fmt_num(f.low)}–{fmt_num(f.high)}"
    if f.low is not None:
        return f"≥ {fmt_num(f.low)}"
    if f.high is not None:
        return f"≤ {fmt_num(f.high)}"
    return "unbounded"


def figure_text(f: FigureRecord) -> str:
    what = [f.qualifier.replace("_", " ")]
    if f.qualifier != "exact":
        what.append(interval_words(f))
    if f.metric:
        what.append(plain(f.metric))
    unit = f" {plain(f.unit)}" if f.unit else ""
    return f"{plain(f.text)}{unit} ({', '.join(what)})"


def snapshot_text(item: EvidenceItem) -> str:
    s = item.snapshot
    if s is None:
        return "not archived"
    moved = f", now at {plain(s.final_url)}" if s.final_url != item.url else ""
    return f"archived {s.retrieved_at}, HTTP {s.status}{moved}, sha256 {s.sha256}"


def finding_text(f: Finding) -> str:
    text = f"{f.severity}: {f.kind} {f.outcome}: {plain(f.message)}"
    if f.acknowledged:
        text += f" (acknowledged: {plain(f.note)})"
    return text


def finding_where(f: Finding) -> str:
    return f"{plain(f.article or '?')}, line {f.line or 1}"


def findings_count(report: Report) -> str:
    counts = {"error": 0, "warning": 0, "ok": 0}
    for f in report.findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    return ", ".join(f"{n} {k}" for k, n in counts.items())


# -- Markdown ---------------------------------------------------------------------------

# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that can
# start markup inside a line (emphasis, code, links, raw HTML, entities, tables).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}<>#|~&!])")
_MD_LINE_START = re.compile(r"^(\d+)([.)])|^([-+=>])")


def md(text: str | None) -> str:
    """Text safe inside a Markdown line: no markup, raw HTML or entity survives."""
    escaped = _MD_SPECIAL.sub(r"\\\1", plain(text))
    return _MD_LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped)


def md_link(url: str) -> str:
    target = link_target(url)
    if target is None or re.search(r"[\s<>]", target):
        return md(url)
    return f"<{target}>"


def markdown(report: Report) -> str:
    return "".join(_markdown(report))


def _markdown(report: Report) -> Iterator[str]:
    yield f"# {TITLE}\n\n"
    filters = filters_text(report)
    yield f"Generated {report.generated_at}" + (f"; {md(filters)}" if filters else "") + ".\n\n"
    yield "## Summary\n\n| status | claims |\n| --- | ---: |\n"
    for status, n in report.by_status.items():
        yield f"| {status} | {n} |\n"
    yield f"| **total** | **{report.claim_count}** |\n\n"
    yield f"Findings: {findings_count(report)}.\n\n"
    yield "### Findings that fail the gate\n\n"
    yield from _md_findings(report.failing, "None: `claims check-consistency` passes.")
    yield "### Other findings to review\n\n"
    yield from _md_findings(report.to_review, "None.")
    if not report.articles:
        yield "No claims match.\n"
    for a in report.articles:
        yield f"## {md(a.article.name)}\n\n"
        meta = [md(x) for x in article_meta(a.article)]
        if a.article.url:
            meta.append(md_link(a.article.url))
        if meta:
            yield " · ".join(meta) + "\n\n"
        for e in a.claims:
            yield from _md_claim(e)


def _md_findings(findings: tuple[Finding, ...], none: str) -> Iterator[str]:
    if not findings:
        yield f"{none}\n\n"
        return
    for f in findings:
        yield f"- {md(finding_text(f))} ({md(finding_where(f))}; `{f.key}`)\n"
    yield "\n"


def _md_claim(e: ClaimEntry) -> Iterator[str]:
    c = e.claim
    yield f"### Claim {c.id}: {c.status}\n\n> {md(c.text)}\n\n"
    yield f"- Source: {md(source_text(e))}\n"
    yield f"- Verdict: {md(verdict_text(e))}\n"
    if e.verdict is not None and e.verdict.note:
        yield f"- Note: {md(e.verdict.note)}\n"
    for item in e.evidence:
        yield f"- Evidence: {md_link(item.url)} ({md(snapshot_text(item))})\n"
    if c.figures:
        yield "- Figures: " + "; ".join(md(figure_text(f)) for f in c.figures) + "\n"
    for f in e.findings:
        gate = " **fails the gate**" if fails_gate(f) else ""
        yield f"- Finding: {md(finding_text(f))}{gate}\n"
    yield "\n"


# -- HTML helpers shared with `report_html` ------------------------------------------------


def h(text: str | None) -> str:
    """Text safe in HTML content and quoted attributes."""
    return html.escape(plain(text), quote=True)


def h_link(url: str, label: str | None = None) -> str:
    target = link_target(url)
    shown = h(label if label is not None else url)
    if target is None:
        return shown
    href = html.escape(plain(target), quote=True)
    return f'<a href="{href}" rel="noopener noreferrer">{shown}</a>'

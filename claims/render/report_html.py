"""`claims report --format html`: one self-contained page (inline CSS, no script, no
network at view time) that reads on a screen and prints cleanly.

Every string from an article or a reviewer passes through `h` or `h_link`
(`claims.render.report`); the page's Content-Security-Policy (`default-src 'none'`,
inline styles only) means a browser would run no script and fetch nothing even if one
were ever missed.
"""

from __future__ import annotations

from collections.abc import Iterator

from claims import __version__
from claims.core.model import Finding
from claims.render.report import (
    TITLE,
    article_meta,
    figure_text,
    filters_text,
    finding_text,
    finding_where,
    findings_count,
    h,
    h_link,
    snapshot_text,
    source_text,
    verdict_text,
)
from claims.reporting import ArticleEntry, ClaimEntry, Report, fails_gate

CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

CSS = """
:root { --ink: #1d1d1f; --muted: #5f6368; --rule: #d9d9de; --paper: #ffffff;
  --ok: #1e7b34; --warn: #9a6700; --err: #b3261e; --info: #3b5bab; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; color: var(--ink);
  background: var(--paper); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .5rem; padding-bottom: .25rem;
  border-bottom: 2px solid var(--rule); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
.meta, .where, .key { color: var(--muted); font-size: .9rem; }
table.counts { border-collapse: collapse; margin: .5rem 0 1rem; }
table.counts th, table.counts td { padding: .2rem .9rem; border-bottom: 1px solid var(--rule);
  text-align: left; }
table.counts td.n { text-align: right; font-variant-numeric: tabular-nums; }
table.counts tr.total td { font-weight: 600; border-bottom: none; }
ul.findings { padding-left: 1.2rem; }
li.finding { margin: .3rem 0; }
.sev { font-weight: 600; text-transform: uppercase; font-size: .75rem; letter-spacing: .04em; }
.sev-error { color: var(--err); } .sev-warning { color: var(--warn); } .sev-ok { color: var(--ok); }
.gate { color: var(--err); font-weight: 600; }
section.claim { border: 1px solid var(--rule); border-left: 4px solid var(--rule);
  border-radius: 4px; padding: .6rem .9rem; margin: .8rem 0; }
section.claim.has-verdict { border-left-color: var(--info); }
section.claim.st-supported { border-left-color: var(--ok); }
section.claim.st-refuted, section.claim.st-misleading { border-left-color: var(--err); }
section.claim.st-disputed, section.claim.st-unverifiable { border-left-color: var(--warn); }
.claim-head { display: flex; gap: .6rem; align-items: baseline; font-size: .9rem; }
.claim-id { color: var(--muted); }
.status { font-weight: 600; padding: 0 .45rem; border-radius: 3px; background: #eef0f3; }
.st-supported .status { background: #e4f3e8; color: var(--ok); }
.st-refuted .status, .st-misleading .status { background: #fbe7e6; color: var(--err); }
.st-disputed .status, .st-unverifiable .status { background: #fdf1dc; color: var(--warn); }
blockquote { margin: .4rem 0 .6rem; padding: 0; font-size: 1.02rem; }
dl { display: grid; grid-template-columns: 7rem 1fr; gap: .15rem .8rem; margin: 0;
  font-size: .92rem; }
dt { color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
dd ul { margin: 0; padding-left: 1.1rem; }
code { font-size: .8rem; overflow-wrap: anywhere; }
a { color: var(--info); }
footer { margin-top: 2rem; color: var(--muted); font-size: .8rem; }
@page { margin: 1.6cm 1.4cm; }
@media print {
  body { max-width: none; padding: 0; font: 10.5pt/1.4 Georgia, "Times New Roman", serif; }
  h2 { break-after: avoid; } h3 { break-after: avoid; }
  section.claim { break-inside: avoid; border-color: #999; }
  .status { background: none !important; border: 1px solid #666; color: #000 !important; }
  a { color: #000; text-decoration: none; }
  .meta, .where, .key, dt, footer { color: #444; }
}
"""


def render_html(report: Report) -> str:
    return "".join(_page(report))


def _page(report: Report) -> Iterator[str]:
    yield (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="claims {h(__version__)}">\n'
        f"<title>{TITLE}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
    )
    filters = filters_text(report)
    yield f'<header>\n<h1>{TITLE}</h1>\n<p class="meta">Generated {h(report.generated_at)}'
    yield (f"; {h(filters)}" if filters else "") + ".</p>\n</header>\n"
    yield from _summary(report)
    if not report.articles:
        yield '<p id="no-claims">No claims match.</p>\n'
    for a in report.articles:
        yield from _article(a)
    yield (
        f"<footer>Made by claims {h(__version__)}. Findings as <code>claims "
        "check-consistency</code> reports them with its default options.</footer>\n"
        "</body>\n</html>\n"
    )


def _summary(report: Report) -> Iterator[str]:
    yield '<section id="summary">\n<h2>Summary</h2>\n'
    yield (
        '<table class="counts">\n<thead><tr><th>status</th><th>claims</th></tr></thead>\n'
        "<tbody>\n"
    )
    for status, n in report.by_status.items():
        yield f'<tr class="st-{h(status)}"><td>{h(status)}</td><td class="n">{n}</td></tr>\n'
    yield (
        f'<tr class="total"><td>total</td><td class="n">{report.claim_count}</td></tr>\n'
        "</tbody>\n</table>\n"
    )
    yield f'<p id="finding-counts">Findings: {h(findings_count(report))}.</p>\n'
    yield '<h3>Findings that fail the gate</h3>\n'
    yield from _finding_list(report.failing, "gate", "None: the consistency gate passes.")
    yield "<h3>Other findings to review</h3>\n"
    yield from _finding_list(report.to_review, "review", "None.")
    yield "</section>\n"


def _finding_list(findings: tuple[Finding, ...], name: str, none: str) -> Iterator[str]:
    if not findings:
        yield f'<p id="findings-{name}">{none}</p>\n'
        return
    yield f'<ul class="findings" id="findings-{name}">\n'
    for f in findings:
        claims = ", ".join(
            f'<a href="#claim-{cid}">{cid}</a>' for cid in dict.fromkeys(g.claim for g in f.figures)
        )
        yield (
            f'<li class="finding">{_finding(f)} <span class="where">({h(finding_where(f))}; '
            f"claims {claims})</span> <code class=\"key\">{h(f.key)}</code></li>\n"
        )
    yield "</ul>\n"


def _finding(f: Finding) -> str:
    sev, _, rest = finding_text(f).partition(": ")
    return f'<span class="sev sev-{h(f.severity)}">{h(sev)}</span> {h(rest)}'


def _article(a: ArticleEntry) -> Iterator[str]:
    art = a.article
    yield f'<section class="article" id="article-{art.id}">\n<h2>{h(art.name)}</h2>\n'
    meta = [h(x) for x in article_meta(art)]
    if art.url:
        meta.append(h_link(art.url))
    if meta:
        yield f'<p class="meta">{" · ".join(meta)}</p>\n'
    for e in a.claims:
        yield from _claim(e)
    yield "</section>\n"


def _claim(e: ClaimEntry) -> Iterator[str]:
    c = e.claim
    classes = f"claim st-{h(c.status)}" + (" has-verdict" if e.verdict is not None else "")
    yield (
        f'<section class="{classes}" id="claim-{c.id}">\n'
        f'<div class="claim-head"><span class="claim-id">Claim {c.id}</span> '
        f'<span class="status">{h(c.status)}</span></div>\n'
        f"<blockquote>{h(c.text)}</blockquote>\n<dl>\n"
        f"<dt>Source</dt><dd>{h(source_text(e))}</dd>\n"
        f'<dt>Verdict</dt><dd class="verdict">{h(verdict_text(e))}</dd>\n'
    )
    if e.verdict is not None and e.verdict.note:
        yield f'<dt>Note</dt><dd class="note">{h(e.verdict.note)}</dd>\n'
    if e.evidence:
        items = "".join(
            f"<li>{h_link(i.url)} <span class=\"meta\">({h(snapshot_text(i))})</span></li>"
            for i in e.evidence
        )
        yield f'<dt>Evidence</dt><dd class="evidence"><ul>{items}</ul></dd>\n'
    if c.figures:
        items = "".join(f"<li>{h(figure_text(f))}</li>" for f in c.figures)
        yield f"<dt>Figures</dt><dd><ul>{items}</ul></dd>\n"
    if e.findings:
        items = "".join(
            f'<li class="finding">{_finding(f)}'
            + (' <span class="gate">fails the gate</span>' if fails_gate(f) else "")
            + "</li>"
            for f in e.findings
        )
        yield f'<dt>Findings</dt><dd><ul class="findings">{items}</ul></dd>\n'
    yield "</dl>\n</section>\n"

"""Human-readable output built with rich. Every article or user string goes through
`safe()`, which strips terminal controls and wraps it in a `Text` (never parsed as markup)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from claims.core.model import FRAME_KEYS, Extraction, Figure
from claims.records import ClaimDetail, ClaimRecord, FigureRecord, SourceRecord, VerdictRecord
from claims.render.claims import number
from claims.render.safe import clean_for_terminal

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table
    from rich.text import Text


def safe(text: str | None, style: str = "") -> Text:
    from rich.text import Text

    return Text(clean_for_terminal(text or ""), style=style)


def fmt_num(x: float | None) -> str:
    n = number(x)
    if n is None:
        return "∞"
    return f"{n:,}" if isinstance(n, int) else f"{n:,.6g}"


def interval_text(f: Figure | FigureRecord) -> str:
    lo = "-∞" if f.low is None else fmt_num(f.low)
    hi = "∞" if f.high is None else fmt_num(f.high)
    return f"[{lo}, {hi}]"


_UNIT_MARKS = frozenset("%$€£¥°")


def figure_label(f: Figure | FigureRecord) -> str:
    """The figure as the table's one-line cell: the article's words, then the unit key in
    brackets only when those words do not already carry it.

    The unit is a normalised key ("country", "square kilometre"), not the article's word,
    so it is set apart rather than read as English after the number ("32 (country)"), and
    dropped where a symbol or a unit glued to the digits already says it ("5%", "35C",
    "$3.2 billion"), which "5% percent" only repeated.
    """
    if not f.unit or _says_unit(f.text):
        return f.text
    return f"{f.text} ({f.unit})"


def _says_unit(text: str) -> bool:
    if any(ch in _UNIT_MARKS for ch in text):
        return True
    return any(a.isdigit() and b.isalpha() for a, b in zip(text, text[1:], strict=False))


def figures_text(figures: Sequence[Figure | FigureRecord]) -> str:
    return "; ".join(figure_label(f) for f in figures)


def claims_table(claims: Sequence[ClaimRecord]) -> Table:
    from rich.table import Table

    t = Table(expand=True)
    t.add_column("id", justify="right", no_wrap=True)
    t.add_column("source", ratio=2)
    t.add_column("status", no_wrap=True)
    t.add_column("claim", ratio=6)
    t.add_column("figures", ratio=2)
    for c in claims:
        t.add_row(
            str(c.id), safe(source_cell(c)), c.status, safe(c.text), safe(figures_text(c.figures))
        )
    return t


def source_cell(c: ClaimRecord) -> str:
    """The source, and its chain marked "via" ("Agentstvo (via ISW)"): `list --source
    ISW` also lists the claims ISW is only in the chain of."""
    name = c.source or "—"
    return f"{name} (via {'; '.join(c.via)})" if c.via else name


def extraction_table(x: Extraction) -> Table:
    from rich.table import Table

    t = Table(title=clean_for_terminal(x.document.name), expand=True)
    t.add_column("#", justify="right", no_wrap=True)
    t.add_column("source", ratio=2)
    t.add_column("cue", ratio=1)
    t.add_column("claim", ratio=6)
    t.add_column("figures", ratio=2)
    for i, c in enumerate(x.claims, 1):
        t.add_row(
            str(i),
            safe(c.source or "—"),
            safe(c.cue or ""),
            safe(c.text),
            safe(figures_text(c.figures)),
        )
    return t


def sources_table(sources: Sequence[SourceRecord]) -> Table:
    from rich.table import Table

    t = Table(expand=True)
    t.add_column("source", ratio=3)
    t.add_column("type", no_wrap=True)
    t.add_column("claims", justify="right", no_wrap=True)
    t.add_column("aliases", ratio=4)
    for s in sources:
        t.add_row(safe(s.name), s.type, str(s.claims), safe(", ".join(s.aliases)))
    return t


def history_table(rows: Sequence[VerdictRecord]) -> Table:
    from rich import box
    from rich.table import Table

    t = Table(box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)  # fits 80 columns
    t.add_column("row", justify="right", no_wrap=True)
    t.add_column("at", no_wrap=True)
    t.add_column("reviewer", overflow="fold", max_width=12)
    t.add_column("status", min_width=12)
    t.add_column("ver", justify="right", no_wrap=True)
    t.add_column("note", ratio=2, overflow="fold")
    t.add_column("evidence", ratio=1, overflow="fold")
    for r in rows:
        note = safe(f"reverts row {r.reverts}", "yellow") if r.reverts is not None else safe("")
        if r.note:
            note.append_text(safe(f"{': ' if r.reverts is not None else ''}{r.note}"))
        change = r.to_status if r.from_status == r.to_status else (
            f"{r.from_status} → {r.to_status}")
        t.add_row(
            str(r.id),
            r.at,
            safe(r.reviewer),
            change,
            str(r.version),
            note,
            safe(" ".join(r.evidence)),
        )
    return t


def _context(detail: ClaimDetail, chars: int = 300) -> Text:
    """The claim highlighted inside its paragraph, so a reviewer reads it as published."""
    from rich.text import Text

    text, c = detail.article_text, detail.claim
    para_start = text.rfind("\n", 0, c.start) + 1
    para_end = text.find("\n", c.end)
    para_end = len(text) if para_end < 0 else para_end
    before = text[max(para_start, c.start - chars) : c.start]
    after = text[c.end : min(para_end, c.end + chars)]
    out = Text()
    out.append_text(safe(before, "dim"))
    out.append_text(safe(text[c.start : c.end], "bold"))
    out.append_text(safe(after, "dim"))
    return out


def frames_table(figures: Sequence[FigureRecord]) -> RenderableType:
    """What each figure counts (`figure.frame`), each part with the words it came from."""
    from rich.table import Table
    from rich.text import Text

    t = Table(title="Frames", title_justify="left")
    for col in ("id", "event", "role", "actor", "period", "place"):
        t.add_column(col)
    for f in figures:
        fr = f.frame
        words = dict(fr.words) if fr else {}

        def cell(dim: str, value: str | None, words: dict[str, str] = words) -> Text:
            if value is None:
                return Text("—", style="dim")
            out = safe(value)
            if dim in words:
                out.append_text(safe(f" ({words[dim]})", "dim"))
            return out

        t.add_row(str(f.id), *(cell(k, getattr(fr, k) if fr else None) for k in FRAME_KEYS))
    return t


def claim_detail(detail: ClaimDetail) -> list[RenderableType]:
    from rich.table import Table
    from rich.text import Text

    c, a = detail.claim, detail.article
    head = Text()
    head.append(f"Claim {c.id}", style="bold")
    head.append(f"  {c.status}, version {c.version}")
    if c.dismissed:
        head.append("  (dismissed)", style="yellow")
    if detail.superseded:
        head.append(f"  (superseded by a re-extraction at {detail.superseded})", style="yellow")
    out: list[RenderableType] = [head]
    meta = Text("Article: ")
    meta.append_text(safe(a.name))
    meta.append(f" (id {a.id}), characters {c.start}–{c.end}")
    out.append(meta)
    src = Text("Source: ")
    src.append_text(safe(c.source or "the article's own voice"))
    if c.source_type:
        src.append(f" ({c.source_type})")
    if c.cue:
        src.append(" — cue: ")
        src.append_text(safe(c.cue))
    out.append(src)
    if c.via:
        chain = Text("Via: ")
        chain.append_text(safe(" → ".join(c.via)))
        chain.append(" (origin first)")
        out.append(chain)
    if detail.duplicates:
        out.append(Text(f"Duplicates: {', '.join(map(str, detail.duplicates))}"))
    out += [Text(""), _context(detail), Text("")]
    if c.figures:
        t = Table(title="Figures", title_justify="left")
        for col in ("id", "text", "value", "interval", "qualifier", "unit", "change", "metric"):
            t.add_column(col)
        for f in c.figures:
            t.add_row(
                str(f.id),
                safe(f.text),
                fmt_num(f.value),
                interval_text(f),
                f.qualifier,
                safe(f.unit or ""),
                f.change or "",
                safe(f.metric or ""),
            )
        out.append(t)
        out.append(frames_table(c.figures))
    if detail.relations:
        # short cells never wrap; the evidence, free text, goes under the table, one
        # line per relation, so the table fits 80 columns
        t = Table(title="Relations", title_justify="left")
        for col in ("id", "kind", "figures", "origin", "state", "rule", "confidence"):
            t.add_column(col, no_wrap=col != "figures")
        for r in detail.relations:
            t.add_row(
                str(r.id),
                r.kind,
                " ".join(map(str, r.figure_ids)),
                r.origin,
                r.state,
                safe(r.rule or ""),
                r.confidence or "",
            )
        out.append(t)
        for r in detail.relations:
            if r.evidence:
                line = Text(f"Relation {r.id} evidence: ", style="dim")
                line.append_text(safe("; ".join(r.evidence)))
                out.append(line)
    if detail.history:
        out.append(Text("History", style="bold"))
        out.append(history_table(detail.history))
    return out

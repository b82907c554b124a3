"""`claims articles`: the list (table, JSON, CSV) and one article read with its claims.

Everything from the article (text, title, names) and from reviewers (notes) is cleaned of
terminal controls and never parsed as markup (`safe`). The format enum lives in
`article_format`, so `claims --help` does not import this module.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from claims.records import ArticleEvent, ArticleRecord, ArticleSummary, Removal

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table
    from rich.text import Text

    from claims.store.articles import ArticleView
    from claims.store.retraction import Purged

COLUMNS = ("id", "name", "title", "publisher", "published", "claims", "verdicts", "findings",
           "retracted")
CLAIM_MARK = "[{n}]"
FIGURE_OPEN, FIGURE_CLOSE = "{", "}"


def safe(text: str | None, style: str = "") -> Text:
    from claims.render.tables import safe as safe_text

    return safe_text(text, style)


def clean_for_terminal(text: str, *, keep_newlines: bool = False) -> str:
    from claims.render.safe import clean_for_terminal as clean

    return clean(text, keep_newlines=keep_newlines)


def plural(n: int, word: str) -> str:
    from claims.render.workflow import plural as count

    return count(n, word)


def dumps(obj: Any) -> str:
    from claims.render.claims import dumps as to_json

    return to_json(obj)


def summary_dict(s: ArticleSummary) -> dict[str, Any]:
    a = s.article
    return {
        "id": a.id, "name": a.name, "title": a.title, "publisher": a.publisher,
        "published": a.published, "claims": s.claims, "verdicts": s.verdicts,
        "findings": s.findings, "retracted": removal_dict(s.removal),
    }


def removal_dict(r: Removal | None) -> dict[str, Any] | None:
    if r is None:
        return None
    return {"at": r.at, "reviewer": r.reviewer, "note": r.note}


def articles_json(rows: Sequence[ArticleSummary]) -> str:
    return dumps([summary_dict(s) for s in rows])


def articles_csv(rows: Sequence[ArticleSummary]) -> str:
    """One row per article; `retracted` is the retraction time, empty when live."""
    from claims.render.spreadsheet import protect

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(COLUMNS)
    for s in rows:
        d = summary_dict(s)
        d["retracted"] = s.removal.at if s.removal else ""
        w.writerow([protect("" if d[c] is None else str(d[c])) for c in COLUMNS])
    return buf.getvalue()


def articles_table(rows: Sequence[ArticleSummary]) -> Table:
    """Title and publisher share a column (publisher dim, under the title), so the eight
    fields fit an 80-column terminal."""
    from rich import box
    from rich.table import Table

    t = Table(box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    t.add_column("id", justify="right", no_wrap=True)
    t.add_column("name", overflow="fold", min_width=12)
    t.add_column("title / publisher", overflow="fold")
    t.add_column("published", no_wrap=True, min_width=10)
    for col in ("claims", "verdicts", "findings"):
        t.add_column(col, justify="right", no_wrap=True)
    for s in rows:
        a = s.article
        name = safe(a.name)
        if s.removal is not None:
            name.append(" (retracted)", style="yellow")
        title = safe(a.title or "—")
        if a.publisher:
            title.append("\n")
            title.append_text(safe(a.publisher, "dim"))
        t.add_row(str(a.id), name, title, a.published or "—", str(s.claims), str(s.verdicts),
                  str(s.findings))
    return t


def _markers(view: ArticleView) -> dict[int, list[tuple[int, str, str]]]:
    """Offset → (order, marker, style): a claim's number before it, braces round each
    figure; at one offset a figure's close comes first, then a claim, then an open."""
    marks: dict[int, list[tuple[int, str, str]]] = {}
    for c in view.claims:
        marks.setdefault(c.start, []).append((1, CLAIM_MARK.format(n=c.id) + " ", "bold cyan"))
        for f in c.figures:
            marks.setdefault(f.start, []).append((2, FIGURE_OPEN, "cyan"))
            marks.setdefault(f.end, []).append((0, FIGURE_CLOSE, "cyan"))
    return marks


def _style(view: ArticleView, at: int) -> str:
    for c in view.claims:
        if c.start <= at < c.end:
            if any(f.start <= at < f.end for f in c.figures):
                return "bold underline"
            return "dim" if c.dismissed else "bold"
    return ""


def marked_text(view: ArticleView) -> Text:
    """The article text with each claim numbered in place ("[16] Ukraine's military…")
    and each figure in braces ("{188} drones"); claims in bold, dismissed ones dim."""
    from rich.text import Text

    text = view.text
    marks = _markers(view)
    cuts = sorted({0, len(text), *marks})
    out = Text()
    for a, b in zip(cuts, [*cuts[1:], None], strict=True):
        for _, mark, style in sorted(marks.get(a, ())):
            out.append(mark, style=style)
        if b is not None and b > a:
            out.append_text(safe_block(text[a:b], _style(view, a)))
    return out


def safe_block(text: str, style: str = "") -> Text:
    """Article text keeps its line breaks (paragraphs), nothing else a terminal obeys."""
    from rich.text import Text

    return Text(clean_for_terminal(text, keep_newlines=True), style=style)


def article_header(view: ArticleView) -> list[RenderableType]:
    """Name and id, metadata, the retraction in force, the legend."""
    from rich.text import Text

    a = view.article
    head = Text()
    head.append_text(safe(a.name, "bold"))
    head.append(f"  (article {a.id}, {len(view.claims)} claims)")
    meta = Text()
    for label, value in (("title", a.title), ("publisher", a.publisher),
                         ("published", a.published or "unknown"), ("url", a.url),
                         ("origin", a.origin)):
        if value:
            meta.append(f"{label}: ", style="dim")
            meta.append_text(safe(value))
            meta.append("   ")
    parts: list[RenderableType] = [head, meta]
    if view.removal is not None:
        parts.append(retraction_line(view.removal))
    parts.append(Text(f"{CLAIM_MARK.format(n='N')} starts claim N (`claims show N`); "
                      f"{FIGURE_OPEN}…{FIGURE_CLOSE} marks a figure.", style="dim"))
    return parts


def retraction_line(r: Removal) -> Text:
    line = safe(f"Retracted at {r.at} by {r.reviewer}", "yellow")
    if r.note:
        line.append_text(safe(f": {r.note}", "yellow"))
    line.append(": its claims are out of lists, review and checks.", style="yellow")
    return line


def events_lines(events: Sequence[ArticleEvent]) -> list[Text]:
    """The article's record, one line per event: when, who, what, why."""
    lines = [safe("Record:", "bold")]
    for e in events:
        what = " ".join(p for p in (e.action, _detail(e)) if p)
        line = safe(f"  {e.at}  {e.reviewer}  {what}")
        if e.note:
            line.append_text(safe(f"  ({e.note})", "dim"))
        lines.append(line)
    return lines


def _detail(e: ArticleEvent) -> str:
    if not e.detail:
        return ""
    data = json.loads(e.detail)
    before, after = data.get("from", {}), data.get("to", {})
    return "; ".join(f"{k}: {before.get(k) or '—'} → {after.get(k) or '—'}" for k in after)


# --- messages (stderr) ------------------------------------------------------------------


def _label(a: ArticleRecord) -> str:
    return f"{clean_for_terminal(a.name)} (article {a.id})"


def edit_message(before: ArticleRecord, after: ArticleRecord, changes: dict[str, Any]) -> str:
    parts = [
        f"{field}: {getattr(before, field) or '—'} → {getattr(after, field) or '—'}"
        for field in changes
        if getattr(before, field) != getattr(after, field)
    ]
    return clean_for_terminal(f"{_label(after)}: " + "; ".join(parts))


def retracted_message(a: ArticleRecord) -> str:
    return (
        f"Retracted {_label(a)}: its claims are out of lists, review and checks; "
        f"`claims articles restore {a.id}` brings them back."
    )


def restored_message(a: ArticleRecord) -> str:
    return f"Restored {_label(a)}: its claims are back in lists, review and checks."


def purged_message(a: ArticleRecord, done: Purged) -> str:
    return (
        f"Purged {_label(a)}: {plural(done.claims, 'claim')}, {plural(done.figures, 'figure')} "
        f"and {plural(done.relations, 'proposed relation')} deleted; the record of its "
        "removal stays, so ingesting its text again is refused unless --restore."
    )

"""`claims evidence show` and `claims evidence check` output.

JSON and GitHub annotations are plain strings (written verbatim, tested byte for byte);
the table is rich, with every stored string from a page or a reviewer cleaned by `safe`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, assert_never

from claims.evidence import EvidenceItem, PageCheck, PageSnapshot, PageState
from claims.render.claims import dumps
from claims.render.safe import clean_for_terminal

if TYPE_CHECKING:
    from rich.table import Table

EXCERPT_CHARS = 240
SHORT_HASH = 12  # in check reports, as git shows commits


def snapshot_dict(s: PageSnapshot | None) -> dict[str, Any] | None:
    """DESIGN.md's snapshot object (`size` is not part of it)."""
    if s is None:
        return None
    return {
        "retrieved_at": s.retrieved_at,
        "final_url": s.final_url,
        "status": s.status,
        "content_type": s.content_type,
        "sha256": s.sha256,
        "text": s.text,
    }


def evidence_json(items: Sequence[EvidenceItem]) -> str:
    return dumps([{"url": i.url, "snapshot": snapshot_dict(i.snapshot)} for i in items])


def excerpt(text: str | None, limit: int = EXCERPT_CHARS) -> str:
    """The stored text's start on one line, cut at a word near `limit` characters."""
    if text is None:
        return ""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] if " " in flat[:limit] else flat[:limit]
    return cut + " …"


def evidence_table(items: Sequence[EvidenceItem]) -> Table:
    """One block per link: where it led, when it was archived, the hash, an excerpt."""
    from rich.table import Table

    from claims.render.tables import safe

    t = Table(show_header=False, expand=True)
    t.add_column("field", style="bold", no_wrap=True)
    t.add_column("value", ratio=1, overflow="fold")
    for n, i in enumerate(items, 1):
        s = i.snapshot
        t.add_row(f"link {n}", safe(i.url))
        if s is None:
            t.add_row("archived", "no (the verdict keeps the link only)", end_section=True)
            continue
        if s.final_url != i.url:
            t.add_row("now at", safe(s.final_url))
        kept = f" ({i.snapshots} snapshots kept)" if i.snapshots > 1 else ""
        t.add_row("archived", f"{s.retrieved_at}{kept}")
        t.add_row("HTTP", safe(f"{s.status} {s.content_type or ''}".strip()))
        t.add_row("sha256", s.sha256)
        text = excerpt(s.text) if s.text is not None else f"(no text: {s.content_type or '?'})"
        t.add_row("text", safe(text), end_section=True)
    return t


# -- evidence check ---------------------------------------------------------------------


def summary(checks: Sequence[PageCheck]) -> dict[str, int]:
    counts = dict.fromkeys((s.value for s in PageState), 0)
    for c in checks:
        counts[c.state.value] += 1
    return counts


def _claims(c: PageCheck) -> str:
    ids = ", ".join(map(str, c.page.claims))
    return f"claim{'s' if len(c.page.claims) > 1 else ''} {ids}"


def detail(c: PageCheck) -> str:
    """What happened to the page, in words (without the link)."""
    since = f"since {c.page.baseline.retrieved_at}"
    match c.state:
        case PageState.unchanged:
            return f"same body as archived {c.page.baseline.retrieved_at}"
        case PageState.changed if c.now is None:
            return f"{c.reason} {since}"
        case PageState.changed:
            assert c.now is not None
            old, new = c.page.baseline.sha256[:SHORT_HASH], c.now.sha256[:SHORT_HASH]
            text = {True: "; text changed", False: "; text unchanged", None: ""}[c.text_changed]
            return f"sha256 {old}… → {new}… {since}{text}"
        case PageState.gone:
            return f"{c.reason} (archived {c.page.baseline.retrieved_at})"
        case _:
            assert_never(c.state)


def check_text(checks: Sequence[PageCheck]) -> str:
    if not checks:
        return "No archived evidence to check.\n"
    lines = [
        clean_for_terminal(f"{c.state.value}: {c.page.url}: {detail(c)} ({_claims(c)})")
        for c in checks
    ]
    counts = summary(checks)
    tail = ", ".join(f"{n} {state}" for state, n in counts.items())
    noun = "page" if len(checks) == 1 else "pages"
    return "\n".join([*lines, f"{len(checks)} {noun}: {tail}"]) + "\n"


def check_dict(c: PageCheck) -> dict[str, Any]:
    now = snapshot_dict(c.now)
    if now is not None:
        now.pop("text")  # the stored text is what matters; the new one is in the database
    base = snapshot_dict(c.page.baseline)
    assert base is not None
    base.pop("text")
    return {
        "url": c.page.url,
        "state": c.state.value,
        "claims": list(c.page.claims),
        "stored": base,
        "now": now,
        "text_changed": c.text_changed,
        "reason": c.reason,
    }


def check_json(checks: Sequence[PageCheck], *, updated: int | None = None) -> str:
    return dumps(
        {"summary": summary(checks), "pages": [check_dict(c) for c in checks], "updated": updated}
    )


def _gh_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(s: str) -> str:
    return _gh_data(s).replace(":", "%3A").replace(",", "%2C")


def check_github(checks: Sequence[PageCheck]) -> str:
    """`::warning` for a changed page, `::error` for a gone one; unchanged pages say
    nothing (annotations are for what needs a reviewer)."""
    lines = []
    for c in checks:
        if c.state is PageState.unchanged:
            continue
        level = "error" if c.state is PageState.gone else "warning"
        title = _gh_prop(f"evidence {c.state.value} ({_claims(c)})")
        lines.append(f"::{level} title={title}::{_gh_data(f'{c.page.url}: {detail(c)}')}\n")
    return "".join(lines)

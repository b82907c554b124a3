"""Messages and the change log of registry upkeep (`claims sources rename|split|prune|log`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from claims.records import SourceRecord
from claims.render.claims import dumps
from claims.render.safe import clean_for_terminal
from claims.render.workflow import plural

if TYPE_CHECKING:
    from rich.table import Table

    from claims.store.registry_upkeep import SourceEvent, Split


def renamed_message(before: SourceRecord, after: SourceRecord) -> str:
    return clean_for_terminal(
        f"Renamed '{before.name}' to '{after.name}' ('{before.name}' stays as an alias)."
    )


def split_message(done: Split) -> str:
    text = (
        f"Split '{done.restored.name}' ({done.restored.type}) out of '{done.kept.name}': "
        f"{plural(len(done.claims), 'claim')} moved back"
    )
    if done.stayed:
        text += f"; {done.stayed} re-attributed since the merge stayed where they are"
    return clean_for_terminal(text + ".")


def pruned_message(gone: Sequence[SourceRecord], dry_run: bool) -> str:
    if not gone:
        return "Every source has claims: nothing to prune."
    verb = "Would prune" if dry_run else "Pruned"
    names = "\n".join(f"  {s.name}" for s in gone)
    return clean_for_terminal(
        f"{verb} {plural(len(gone), 'source')} with no claims:\n{names}", keep_newlines=True
    )


def event_dict(e: SourceEvent) -> dict[str, Any]:
    return {"id": e.id, "at": e.at, "reviewer": e.reviewer, "action": e.action,
            "source": e.source, "source_id": e.source_id, "detail": e.detail}


def log_json(events: Sequence[SourceEvent]) -> str:
    return dumps([event_dict(e) for e in events])


def describe(e: SourceEvent) -> str:
    """One line a person reads: what changed."""
    d = e.detail
    match e.action:
        case "rename" | "set_type":
            return f"{d.get('from')} → {d.get('to')}"
        case "alias_add" | "alias_remove":
            return str(d.get("alias", ""))
        case "merge":
            moved = len(d.get("claims", []))
            return f"merged '{d['dropped']['name']}' in ({plural(moved, 'claim')})"
        case "split":
            back = len(d.get("claims", []))
            return (f"'{d['restored']['name']}' split out again ({plural(back, 'claim')} "
                    f"back; undoes change {d.get('undoes')})")
        case "prune":
            return f"dropped ({d.get('type')}; aliases: {', '.join(d.get('aliases', [])) or '-'})"
        case _:
            return clean_for_terminal(str(d))


def log_table(events: Sequence[SourceEvent]) -> Table:
    from rich.table import Table

    from claims.render.tables import safe

    t = Table(expand=True)
    t.add_column("id", justify="right", no_wrap=True)
    t.add_column("at", no_wrap=True)
    t.add_column("reviewer", ratio=1, overflow="fold")
    t.add_column("action", no_wrap=True)
    t.add_column("source", ratio=2, overflow="fold")
    t.add_column("change", ratio=3, overflow="fold")
    for e in events:
        t.add_row(str(e.id), e.at, safe(e.reviewer), e.action, safe(e.source), safe(describe(e)))
    return t

"""Verdict history and statistics renderers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from claims.records import VerdictRecord
from claims.render.claims import dumps

if TYPE_CHECKING:
    from rich.table import Table


def verdict_dict(v: VerdictRecord) -> dict[str, Any]:
    return {
        "id": v.id,
        "at": v.at,
        "reviewer": v.reviewer,
        "from": v.from_status,
        "to": v.to_status,
        "note": v.note,
        "evidence": list(v.evidence),
        "version": v.version,
        "kind": v.kind,
        "reverts": v.reverts,
    }


def history_json(rows: Sequence[VerdictRecord]) -> str:
    return dumps([verdict_dict(v) for v in rows])


def stats_tables(data: Mapping[str, Mapping[str, int]]) -> list[Table]:
    from rich.table import Table

    from claims.render.tables import safe

    tables = []
    for key, title in (
        ("by_status", "status"), ("by_source", "source"),
        ("by_article", "article"), ("by_reviewer", "reviewer"),
    ):
        t = Table(title=f"Claims by {title}", title_justify="left")
        t.add_column(title)
        t.add_column("count", justify="right")
        for name, n in data.get(key, {}).items():
            t.add_row(safe(name), str(n))
        tables.append(t)
    return tables


def dismissed_warning(claim_id: int) -> str:
    """A verdict on a dismissed claim is kept, but nobody sees the claim in a list, the
    review queue or an export until it is restored: say so, and how."""
    return (f"Warning: claim {claim_id} is dismissed: the verdict is in its history, but the "
            f"claim stays out of lists, review and exports; restore it with "
            f"`claims correct {claim_id} --restore`")


def reverted_line(row: VerdictRecord, target: VerdictRecord) -> str:
    """What `verify --revert` says it did, naming the row it undid."""
    from claims.render.safe import clean_for_terminal

    return clean_for_terminal(
        f"Claim {row.claim_id}: {row.from_status} → {row.to_status} (version {row.version}), "
        f"reverting history row {target.id} ({target.reviewer}, {target.at}: "
        f"{target.from_status} → {target.to_status})"
    )


def retracted_warning(claim_id: int, article_id: int) -> str:
    """Like a dismissed claim, a claim of a retracted article is out of sight: a verdict
    on it is kept, and the warning says how to bring the article back."""
    return (f"Warning: claim {claim_id} is in a retracted article (article {article_id}): the "
            f"verdict is in its history, but the claim stays out of lists, review and "
            f"exports; restore the article with `claims articles restore {article_id}`")

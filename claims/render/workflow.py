"""Text for the review workflow: the review menu, progress, and the re-extract summary."""

from __future__ import annotations

from collections.abc import Sequence

from claims.core.status import Status

REVIEW_CHOICES: tuple[Status, ...] = (
    Status.SUPPORTED,
    Status.REFUTED,
    Status.MISLEADING,
    Status.UNVERIFIABLE,
    Status.DISPUTED,
    Status.IN_REVIEW,
)


ACTION_KEYS = ("e evidence", "n note", "d dismiss", "r re-attribute", "s skip", "q quit")


def review_menu() -> str:
    """Two short lines, so the keys stay on screen under a long claim: the verdicts,
    then the other actions."""
    items = [f"{i} {s.value}" for i, s in enumerate(REVIEW_CHOICES, 1)]
    return "  ".join(items) + "\n" + "  ".join(ACTION_KEYS)


def pending_line(note: str | None, links: int) -> str:
    """What goes with the verdict once it is chosen."""
    parts = []
    if note is not None:
        parts.append(f"note: {note}")
    if links:
        parts.append(plural(links, "evidence link"))
    return "With the verdict: " + "; ".join(parts)


def progress(position: int, total: int) -> str:
    return f"── {position}/{total} ──"


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def review_summary(
    recorded: int, skipped: int, seen: int, total: int, dismissed: int = 0,
    reattributed: int = 0,
) -> str:
    extra = (f"{dismissed} dismissed, " if dismissed else "") + (
        f"{reattributed} re-attributed, " if reattributed else "")
    return (
        f"{plural(recorded, 'verdict')} recorded, {extra}{skipped} skipped "
        f"({seen} of {total} claims seen)."
    )


def stopped_line(claim_id: int) -> str:
    return f"Stopped at claim {claim_id}: `claims review` resumes there (--restart: from the top)."


def resumed_line(claim_id: int, position: int, total: int) -> str:
    return (f"Resuming where you stopped: claim {claim_id}, {position} of {total} "
            "(--restart: from the top).")


def reextract_summary(articles: int, carried: int, superseded: Sequence[int]) -> str:
    """`N articles re-extracted, M verdicts carried over, K unmatched (claims 3, 9 kept
    as superseded)`: the numbers a desk needs to decide whether to look closer."""
    line = (
        f"{plural(articles, 'article')} re-extracted, "
        f"{plural(carried, 'verdict')} carried over, {len(superseded)} unmatched"
    )
    if superseded:
        ids = ", ".join(map(str, superseded))
        line += f" ({'claim' if len(superseded) == 1 else 'claims'} {ids} kept as superseded)"
    return line

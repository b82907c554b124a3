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


def review_menu() -> str:
    """One line, so the menu stays on screen under a long claim."""
    items = [f"{i} {s.value}" for i, s in enumerate(REVIEW_CHOICES, 1)]
    return "  ".join([*items, "s skip", "q quit"])


def progress(position: int, total: int) -> str:
    return f"── {position}/{total} ──"


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def review_summary(recorded: int, skipped: int, seen: int, total: int) -> str:
    return (
        f"{plural(recorded, 'verdict')} recorded, {skipped} skipped "
        f"({seen} of {total} claims seen)."
    )


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

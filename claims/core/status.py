"""Verdict statuses, the spellings reviewers type, and their ClaimReview ratings."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from claims.errors import InputError


class Status(StrEnum):
    UNVERIFIED = "unverified"
    IN_REVIEW = "in_review"
    SUPPORTED = "supported"
    REFUTED = "refuted"
    MISLEADING = "misleading"
    UNVERIFIABLE = "unverifiable"
    DISPUTED = "disputed"


# Reviewers type what they are used to from other tools; map it onto the contract's names.
_SPELLINGS: dict[str, Status] = {
    "true": Status.SUPPORTED,
    "verified": Status.SUPPORTED,
    "false": Status.REFUTED,
    "in-review": Status.IN_REVIEW,
    "in review": Status.IN_REVIEW,
}


def parse_status(text: str) -> Status:
    """The status a reviewer meant, or an InputError that lists the valid ones."""
    key = text.strip().lower()
    try:
        return Status(key)
    except ValueError:
        pass
    if key in _SPELLINGS:
        return _SPELLINGS[key]
    valid = ", ".join(s.value for s in Status)
    raise InputError(f"unknown status {text!r}; valid: {valid} (also true, verified, false)")


@dataclass(frozen=True)
class Rating:
    """How a status appears in ClaimReview: `value` None where a number would mislead."""

    alternate_name: str
    value: int | None


CLAIMREVIEW_RATINGS: dict[Status, Rating] = {
    Status.SUPPORTED: Rating("Supported", 5),
    Status.MISLEADING: Rating("Misleading", 2),
    Status.REFUTED: Rating("False", 1),
    Status.DISPUTED: Rating("Disputed", None),
    Status.UNVERIFIABLE: Rating("Unverifiable", None),
}

TERMINAL = frozenset(CLAIMREVIEW_RATINGS)

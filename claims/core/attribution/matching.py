"""`match_source` over precomputed keys, for a registry that is matched against many times.

`claims.core.attribution.sources.match_source` norms every registry name and computes its topics on
each call, which costs time proportional to the registry for every extracted source.
Here the caller computes each candidate's key and topics once (`candidate_key`) and the
fuzzy pass runs in rapidfuzz's C loop; the winner is the one `match_source` picks: the
highest score, and on a tie the candidate that comes first in registry order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from claims.core.attribution.sources import _topics, norm, number_differs, persons_differ

MIN_FUZZY_LENGTH = 4  # "NATO" may be fuzzy-matched, "UN" may not


@dataclass(frozen=True)
class CandidateKey:
    """One registry name or alias as `match_source` compares it."""

    key: str
    topics: frozenset[str]

    @property
    def fuzzy(self) -> bool:
        """Short keys only ever match exactly: one edit is a different acronym."""
        return len(self.key) >= MIN_FUZZY_LENGTH


def candidate_key(name: str) -> CandidateKey:
    key = norm(name)
    return CandidateKey(key, _topics(key))


def best_fuzzy(
    query: CandidateKey,
    choices: Sequence[str | None],
    topics: Sequence[frozenset[str]],
    ranks: Sequence[tuple[int, int]],
    *,
    cutoff: float,
) -> int | None:
    """Index of the fuzzy winner among `choices` (None entries are skipped), or None.

    `ranks[i]` orders candidates as `match_source` visits them (registry position, then
    the name before the aliases in their order); only candidates with the query's topics
    count, so "defence ministry" never wins for "finance ministry" however close, and
    no person wins for another person's name with a different surname.
    """
    if not query.key:
        return None
    found = process.extract(
        query.key, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
    )
    best: tuple[float, tuple[int, int], int] | None = None
    for _, score, i in found:
        if score <= 0 or topics[i] != query.topics:
            continue  # a zero score never beats the loop's 0.0 start
        if persons_differ(query.key, choices[i] or ""):
            continue  # "Dan Backer" is no typo of "Dean Baker"
        if number_differs(query.key, choices[i] or ""):
            continue  # "Independents" (voters) is no typo of "the Independent" (a paper)
        if best is None or score > best[0] or score == best[0] and ranks[i] < best[1]:
            best = (score, ranks[i], i)
    return best[2] if best else None

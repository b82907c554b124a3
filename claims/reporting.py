"""What `claims report` shows: claims grouped by article with their verdict, evidence,
figures and findings, and a summary. Built by `claims.store.report`, rendered by
`claims.render.report`.

Which findings fail the gate is decided by `check-consistency`'s own counting
(`claims.render.checks.Tally`), never restated here, so the report and the CI gate
always agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from claims.core.model import Finding
from claims.core.status import Status
from claims.evidence import EvidenceItem
from claims.records import ArticleRecord, ClaimRecord, VerdictRecord

GATE_FAIL_ON = "error"  # check-consistency's default --fail-on


@dataclass(frozen=True)
class ClaimEntry:
    claim: ClaimRecord
    verdict: VerdictRecord | None  # the latest verdict row (corrections are not verdicts)
    evidence: tuple[EvidenceItem, ...] = ()
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class ArticleEntry:
    article: ArticleRecord
    claims: tuple[ClaimEntry, ...]


@dataclass(frozen=True)
class Report:
    articles: tuple[ArticleEntry, ...]
    findings: tuple[Finding, ...]  # every finding in scope, as check-consistency orders them
    generated_at: str
    article_filter: str | None = None
    status_filter: str | None = None
    by_status: dict[str, int] = field(default_factory=dict)

    @property
    def claim_count(self) -> int:
        return sum(len(a.claims) for a in self.articles)

    @property
    def failing(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if fails_gate(f))

    @property
    def to_review(self) -> tuple[Finding, ...]:
        """Warnings and errors that do not fail the gate (acknowledged ones included)."""
        return tuple(f for f in self.findings if f.severity != "ok" and not fails_gate(f))


def fails_gate(finding: Finding) -> bool:
    """Whether `check-consistency` (default options) would fail on this finding alone."""
    from claims.render.checks import Tally

    return Tally.of((finding,)).exit_code(GATE_FAIL_ON) == 1


def status_counts(claims: Iterable[ClaimRecord]) -> dict[str, int]:
    """Claims per status, every status listed in its canonical order (zeros included)."""
    counts = {s.value: 0 for s in Status}
    for c in claims:
        counts[c.status] = counts.get(c.status, 0) + 1
    return counts

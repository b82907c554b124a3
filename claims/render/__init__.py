"""Output formats as enums mapped exhaustively to renderers."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, assert_never

from claims.core.model import Finding
from claims.records import ClaimRecord

if TYPE_CHECKING:
    from rich.table import Table

    from claims.evidence import PageCheck
    from claims.render.checks import Tally
    from claims.reporting import Report


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"

    def render(self, claims: Sequence[ClaimRecord]) -> str | Table:
        """A string for machine formats (written verbatim), a rich Table for people."""
        from claims.render import claims as r

        match self:
            case ListFormat.table:
                from claims.render.tables import claims_table

                return claims_table(claims)
            case ListFormat.json:
                return r.claims_json(claims)
            case ListFormat.csv:
                return r.claims_csv(claims)
            case _:
                assert_never(self)


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    junit = "junit"
    sarif = "sarif"

    def render(self, findings: Sequence[Finding], fail_on: str = "error") -> str:
        return "".join(self.stream(findings, fail_on))

    def stream(self, findings: Sequence[Finding], fail_on: str = "error") -> Iterator[str]:
        """Chunks of output, so a large report is written without being held whole."""
        from claims.render.checks import Tally

        tally = Tally.of(findings, fail_on)
        head, tail = self.head(tally), self.tail(tally)
        if head:
            yield head
        yield from self.body(findings, fail_on)
        if tail:
            yield tail

    def body(self, findings: Iterable[Finding], fail_on: str = "error") -> Iterator[str]:
        """One piece per finding, in order; none depends on the counts, so findings can
        be rendered as they stream and the head written once they are all counted.
        `fail_on` decides which findings JUnit reports as failures."""
        import claims.render.checks as checks

        match self:
            case CheckFormat.text:
                return checks.iter_text_body(findings)
            case CheckFormat.json:
                return checks.iter_json_body(findings)
            case CheckFormat.github:
                return checks.iter_github(findings)
            case CheckFormat.junit:
                return checks.iter_junit_body(findings, fail_on)
            case CheckFormat.sarif:
                return checks.iter_sarif_body(findings)
            case _:
                assert_never(self)

    def head(self, tally: Tally) -> str:
        """What comes before the findings (JSON's summary, JUnit's counts)."""
        import claims.render.checks as checks

        match self:
            case CheckFormat.text | CheckFormat.github:
                return ""
            case CheckFormat.json:
                return checks.json_head(tally)
            case CheckFormat.junit:
                return checks.junit_head(tally)
            case CheckFormat.sarif:
                return checks.sarif_head(tally)
            case _:
                assert_never(self)

    def tail(self, tally: Tally) -> str:
        """What comes after the findings (the text summary line, closing brackets)."""
        import claims.render.checks as checks

        match self:
            case CheckFormat.text:
                return checks.text_tail(tally)
            case CheckFormat.github:
                return ""
            case CheckFormat.json:
                return checks.json_tail(tally)
            case CheckFormat.junit:
                return checks.junit_tail(tally)
            case CheckFormat.sarif:
                return checks.sarif_tail(tally)
            case _:
                assert_never(self)


class EvidenceCheckFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"

    def render(self, checks: Sequence[PageCheck], *, updated: int | None = None) -> str:
        """`updated`: snapshots recorded by `--update` (None when not asked)."""
        import claims.render.evidence as evidence

        match self:
            case EvidenceCheckFormat.text:
                return evidence.check_text(checks)
            case EvidenceCheckFormat.json:
                return evidence.check_json(checks, updated=updated)
            case EvidenceCheckFormat.github:
                return evidence.check_github(checks)
            case _:
                assert_never(self)


class ReportFormat(StrEnum):
    md = "md"
    html = "html"

    def render(self, report: Report) -> str:
        match self:
            case ReportFormat.md:
                from claims.render.report import markdown

                return markdown(report)
            case ReportFormat.html:
                from claims.render.report_html import render_html

                return render_html(report)
            case _:
                assert_never(self)

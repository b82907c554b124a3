"""Output formats as enums mapped exhaustively to renderers."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, assert_never

from claims.core.model import Finding
from claims.records import ClaimRecord

if TYPE_CHECKING:
    from rich.table import Table


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

    def render(self, findings: Sequence[Finding]) -> str:
        return "".join(self.stream(findings))

    def stream(self, findings: Sequence[Finding]) -> Iterator[str]:
        """Chunks of output, so a large report is written without being held whole."""
        import claims.render.checks as checks

        match self:
            case CheckFormat.text:
                return checks.iter_text(findings)
            case CheckFormat.json:
                return checks.iter_json(findings)
            case CheckFormat.github:
                return checks.iter_github(findings)
            case CheckFormat.junit:
                return iter([checks.render_junit(findings)])
            case CheckFormat.sarif:
                return iter([checks.render_sarif(findings)])
            case _:
                assert_never(self)

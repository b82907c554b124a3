"""Streamed check reports: the same data as the whole document, one finding a line."""

from __future__ import annotations

import json

import pytest

from claims.core.model import Finding, FindingFigure, Interval
from claims.render import CheckFormat
from claims.render.checks import finding_dict, iter_json, summary


def finding(i: int, severity: str = "warning") -> Finding:
    return Finding(
        key=f"partition:{i:016x}", relation=i, kind="partition", outcome="incomplete",
        severity=severity, origin="inferred", message=f"1 + 2 = 3 of {10 + i}: “{i}” left",
        figures=(FindingFigure(id=i, claim=i, text="10", role="total"),),
        remainder=Interval(7, 7), article="a.txt", path="seeds/a.txt", line=i + 1,
    )


@pytest.mark.parametrize("n", [0, 1, 3])
def test_streamed_json_equals_json_dumps(n: int) -> None:
    findings = [finding(i, "error" if i % 2 else "warning") for i in range(n)]
    doc = {"summary": summary(findings), "findings": [finding_dict(f) for f in findings]}
    text = "".join(iter_json(findings))
    assert json.loads(text) == doc
    assert len(text.splitlines()) == (4 if n == 0 else 5 + n)


@pytest.mark.parametrize("fmt", list(CheckFormat))
def test_every_format_streams_what_it_renders(fmt: CheckFormat) -> None:
    findings = [finding(1), finding(2, "error")]
    chunks = list(fmt.stream(findings))
    assert chunks and "".join(chunks) == fmt.render(findings)

"""Reports as head + one piece per finding + tail: byte for byte what the whole-document
renderers wrote before the gate streamed (their code is copied below as the reference)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.core.model import Finding, FindingFigure, Interval
from claims.render import CheckFormat
from claims.render.checks import (
    SARIF_RULES,
    SARIF_SCHEMA,
    Tally,
    _sarif_result,
    fails,
    finding_dict,
    gate_exit_code,
    render_junit,
    render_sarif,
    summary_line,
    why_not_gating,
)
from claims.render.safe import clean_for_terminal

# -- the whole-document renderers as they stood before streaming (commit 3840d59) ---------


def old_junit(findings: Sequence[Finding], fail_on: str = "error") -> str:
    failing = sum(1 for f in findings if fails(f, fail_on))
    suites = ET.Element("testsuites", name="claims check-consistency",
                        tests=str(len(findings)), failures=str(failing))
    suite = ET.SubElement(suites, "testsuite", name="check-consistency",
                          tests=str(len(findings)), failures=str(failing), errors="0",
                          skipped="0")
    for f in findings:
        case = ET.SubElement(suite, "testcase", classname=f"claims.{f.kind}",
                             name=f"relation {f.relation}: {f.message}",
                             file=f.path or "", line=str(f.line or 1))
        if fails(f, fail_on):
            fail = ET.SubElement(case, "failure", message=f.message, type=f.outcome)
            fail.text = (f"{f.severity}: {f.kind} {f.outcome} in {f.article} "
                         f"line {f.line}\nkey: {f.key}")
        else:
            out = ET.SubElement(case, "system-out")
            why = (f"acknowledged: {f.note or ''}" if f.acknowledged else "nothing to fail"
                   if f.severity == "ok" else why_not_gating(f) if not f.gating else
                   f"{f.severity} does not fail the gate at --fail-on {fail_on}")
            out.text = f"{f.severity}: {f.outcome}, {why}\nkey: {f.key}"
    ET.indent(suites)
    body = ET.tostring(suites, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def old_sarif(findings: Sequence[Finding], version: str) -> str:
    rules = [{"id": k, "name": k, "shortDescription": {"text": v},
              "defaultConfiguration": {"level": "warning" if k == "partition" else "error"}}
             for k, v in SARIF_RULES.items()]
    doc = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "claims", "version": version, "rules": rules}},
            "results": [_sarif_result(f) for f in findings],
        }],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def old_json(findings: Sequence[Finding]) -> str:
    counts = dict.fromkeys(("error", "warning", "ok"), 0)
    for f in findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    head = json.dumps(counts, ensure_ascii=False)
    if not findings:
        return f'{{\n  "summary": {head},\n  "findings": []\n}}\n'
    encode = json.JSONEncoder(ensure_ascii=False).encode
    lines = ",\n    ".join(encode(finding_dict(f)) for f in findings)
    return f'{{\n  "summary": {head},\n  "findings": [\n    {lines}\n  ]\n}}\n'


def old_text(findings: Sequence[Finding]) -> str:
    out = []
    for f in findings:
        where = f"{f.path or f.article or '?'}:{f.line or 1}"
        ack = f" (acknowledged: {f.note})" if f.acknowledged else ""
        if not f.gating and f.severity != "ok":
            ack += f" ({f.confidence or 'no'} confidence proposal: not gating)"
        out.append(clean_for_terminal(
            f"{where}: {f.severity}: {f.kind} {f.outcome}: {f.message} [{f.key}]{ack}") + "\n")
    counts = dict.fromkeys(("error", "warning", "ok"), 0)
    for f in findings:
        counts[f.severity] += 1
    acked = sum(1 for f in findings if f.acknowledged)
    tail = f" ({acked} acknowledged)" if acked else ""
    summ = f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['ok']} ok{tail}"
    return "".join(out) + (summ if findings else "No relations to check.") + "\n"


def old_gate(findings: Sequence[Finding], fail_on: str) -> int:
    levels = {"error": ("error",), "warning": ("error", "warning"), "never": ()}[fail_on]
    return int(any(f.severity in levels and not f.acknowledged and f.gating for f in findings))


# -- strategies: hostile text where article and user text goes ------------------------------

# Lone surrogates left out: no database can store them, so no finding carries one.
texts = st.text(
    st.sampled_from(list("ab <>&\"'\r\n\t\x00\x1b[]%:,\u202e\u200b\u2028é≤—"))
    | st.characters(blacklist_categories=("Cs",)),
    max_size=15,
)
OUTCOMES = {"consistent": "ok", "incomplete": "warning", "contradiction": "error",
            "conflict": "error"}
bounds = st.none() | st.floats(allow_nan=False, allow_infinity=False) | st.integers(-5, 5)


@st.composite
def findings(draw: st.DrawFn) -> Finding:
    outcome = draw(st.sampled_from(list(OUTCOMES)))
    acked = draw(st.booleans())
    figs = tuple(FindingFigure(draw(st.integers(1, 9)), draw(st.integers(1, 9)), draw(texts),
                               draw(st.sampled_from(["total", "part", "a", "b"])))
                 for _ in range(draw(st.integers(0, 3))))
    return Finding(
        key=f"{draw(st.sampled_from(['partition', 'bound', 'same']))}:{draw(texts)}",
        relation=draw(st.integers(1, 10**6)), kind=draw(st.sampled_from(["partition", "same"])),
        outcome=outcome, severity=OUTCOMES[outcome],
        origin=draw(st.sampled_from(["inferred", "manual"])), message=draw(texts),
        figures=figs, rule=draw(st.none() | texts),
        remainder=draw(st.none() | st.builds(Interval, bounds, bounds)),
        acknowledged=acked, note=draw(texts | st.none()) if acked else None,
        article=draw(st.none() | texts), path=draw(st.none() | texts | st.just("/abs/a b.txt")),
        line=draw(st.none() | st.integers(0, 10**5)),
        confidence=draw(st.sampled_from([None, "high", "medium", "low"])),
        gating=draw(st.booleans()),
    )


reports = st.lists(findings(), max_size=5)


@settings(max_examples=300)
@given(reports)
def test_every_format_is_byte_identical_to_the_whole_document(fs: list[Finding]) -> None:
    assert CheckFormat.junit.render(fs) == render_junit(fs) == old_junit(fs)
    assert render_sarif(fs, "9.9") == old_sarif(fs, "9.9")
    assert CheckFormat.json.render(fs) == old_json(fs)
    assert CheckFormat.text.render(fs) == old_text(fs)


@settings(max_examples=200)
@given(reports)
def test_head_body_tail_stream_in_one_pass(fs: list[Finding]) -> None:
    """The gate's way: render the body while counting, then the head from the counts."""
    for fmt in CheckFormat:
        tally = Tally()
        body = "".join(fmt.body(tally.counted(iter(fs))))
        assert fmt.head(tally) + body + fmt.tail(tally) == fmt.render(fs)


@given(reports, st.sampled_from(["error", "warning", "never"]))
def test_tally_counts_and_gate(fs: list[Finding], fail_on: str) -> None:
    tally = Tally.of(fs)
    assert tally.total == len(fs)
    assert tally.acknowledged == sum(f.acknowledged for f in fs)
    assert tally.failing == sum(1 for f in fs if fails(f, "error"))
    assert tally.exit_code(fail_on) == gate_exit_code(fs, fail_on) == old_gate(fs, fail_on)
    assert summary_line(tally) == summary_line(fs)


def test_tally_rejects_an_unknown_level() -> None:
    with pytest.raises(ValueError, match="^fail_on must be one of error, warning, never, "
                                         "not 'info'$"):
        Tally().exit_code("info")


def test_empty_reports() -> None:
    tally = Tally()
    assert CheckFormat.text.tail(tally) == "No relations to check.\n"
    assert CheckFormat.json.head(tally) == (
        '{\n  "summary": {"error": 0, "warning": 0, "ok": 0},\n  "findings": []\n}\n')
    assert CheckFormat.json.tail(tally) == ""
    assert CheckFormat.junit.head(tally) == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<testsuites name="claims check-consistency" tests="0" failures="0">\n'
        '  <testsuite name="check-consistency" tests="0" failures="0" errors="0" '
        'skipped="0" />\n</testsuites>\n')
    assert list(CheckFormat.github.body([])) == []


@settings(max_examples=500)
@given(texts | st.text(st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Zl", "Zp"))))
def test_printable_text_is_what_cleaning_leaves(text: str) -> None:
    """The text report skips cleaning printable lines: cleaning must not change them."""
    if text.isprintable():
        assert clean_for_terminal(text) == text

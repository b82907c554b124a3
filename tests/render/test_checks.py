"""check-consistency formats: exact JSON shape, GitHub commands, JUnit XML, valid SARIF."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from claims.core.model import Finding, FindingFigure, Interval
from claims.render import CheckFormat
from claims.render.checks import (
    gate_exit_code,
    render_github,
    render_json,
    render_junit,
    render_sarif,
    render_text,
)

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "sarif-2.1.0.json"


def finding(key: str = "partition:3f9a1c0d2b4e5f60", kind: str = "partition",
            outcome: str = "incomplete", severity: str = "warning", ack: bool = False,
            message: str = "76 + 96 + 5 = 177 of 188: 11 unaccounted",
            path: str | None = "seeds/seed-nato-oreshnik.txt") -> Finding:
    return Finding(
        key=key, relation=3, kind=kind, outcome=outcome, severity=severity, origin="inferred",
        message=message, figures=(FindingFigure(40, 16, "188", "total"),), rule="out-of",
        remainder=Interval(11.0, 11.0) if kind == "partition" else None, acknowledged=ack,
        note="reported as is" if ack else None, article="seed-nato-oreshnik.txt",
        path=path, line=29, confidence="high", gating=True,
    )


ALL = [
    finding(),
    finding("bound:00aa", "bound", "contradiction", "error", message="130 > 96: exceeds its bound"),
    finding("same:11bb", "same", "consistent", "ok", message="1,240 ~ some 1,200"),
    finding("same:22cc", "same", "conflict", "error", ack=True,
            message="at least 40 vs 31: conflict"),
]


def test_json_has_the_contract_shape() -> None:
    doc = json.loads(render_json(ALL))
    assert doc["summary"] == {"error": 2, "warning": 1, "ok": 1}
    assert doc["findings"][0] == {
        "key": "partition:3f9a1c0d2b4e5f60", "relation": 3, "kind": "partition",
        "outcome": "incomplete", "severity": "warning", "origin": "inferred",
        "confidence": "high", "gating": True,
        "acknowledged": False, "message": "76 + 96 + 5 = 177 of 188: 11 unaccounted",
        "remainder": {"low": 11, "high": 11},
        "figures": [{"id": 40, "claim": 16, "text": "188", "role": "total"}],
        "location": {"article": "seed-nato-oreshnik.txt",
                     "path": "seeds/seed-nato-oreshnik.txt", "line": 29},
        "rule": "out-of", "note": None,
    }
    assert '"remainder": {"low": 11, "high": 11}' in render_json(ALL)
    assert doc["findings"][1]["remainder"] is None
    assert doc["findings"][3]["note"] == "reported as is"


def test_open_remainder_is_null() -> None:
    f = Finding("p:1", 1, "partition", "incomplete", "warning", "inferred", "m", (),
                remainder=Interval(120000.0, None))
    assert json.loads(render_json([f]))["findings"][0]["remainder"] == {"low": 120000,
                                                                       "high": None}


def test_text_lines_and_summary() -> None:
    assert render_text(ALL[:2]) == (
        "seeds/seed-nato-oreshnik.txt:29: warning: partition incomplete: "
        "76 + 96 + 5 = 177 of 188: 11 unaccounted [partition:3f9a1c0d2b4e5f60]\n"
        "seeds/seed-nato-oreshnik.txt:29: error: bound contradiction: "
        "130 > 96: exceeds its bound [bound:00aa]\n"
        "1 error(s), 1 warning(s), 0 ok\n"
    )
    assert render_text([]) == "No relations to check.\n"
    assert render_text(ALL[3:]).endswith("(acknowledged: reported as is)\n"
                                         "1 error(s), 0 warning(s), 0 ok (1 acknowledged)\n")


def test_github_workflow_commands_escape_data_and_properties() -> None:
    out = render_github(ALL).splitlines()
    assert out[0] == (
        "::warning file=seeds/seed-nato-oreshnik.txt,line=29,"
        "title=partition incomplete (partition%3A3f9a1c0d2b4e5f60)::"
        "76 + 96 + 5 = 177 of 188: 11 unaccounted [high confidence]"
    )
    assert out[1].startswith("::error file=")
    assert out[2].startswith("::notice file=")
    assert out[3].startswith("::notice ") and out[3].endswith("(acknowledged: reported as is)")
    odd = finding(message="50% done\r\nnext: a,b", path="dir,x/a:b.txt")
    (line,) = render_github([odd]).splitlines()
    assert line == ("::warning file=dir%2Cx/a%3Ab.txt,line=29,"
                    "title=partition incomplete (partition%3A3f9a1c0d2b4e5f60)::"
                    "50%25 done%0D%0Anext: a,b [high confidence]")
    assert render_github([finding(path=None)]).startswith("::warning title=")


def test_github_says_why_a_medium_confidence_finding_does_not_gate() -> None:
    quiet = replace(finding(), confidence="medium", gating=False)
    assert render_github([quiet]) == (
        "::notice file=seeds/seed-nato-oreshnik.txt,line=29,"
        "title=partition incomplete (partition%3A3f9a1c0d2b4e5f60)::"
        "76 + 96 + 5 = 177 of 188: 11 unaccounted [medium confidence] "
        "(medium confidence proposal: not gating)\n")


def test_junit_fails_exactly_what_fails_the_gate_at_fail_on() -> None:
    root = ET.fromstring(render_junit(ALL, "error").split("\n", 1)[1])
    (suite,) = root
    assert (suite.get("tests"), suite.get("failures")) == ("4", "1")
    cases = suite.findall("testcase")
    assert cases[0].find("failure") is None
    assert cases[0].findtext("system-out") == (
        "warning: incomplete, warning does not fail the gate at --fail-on error\n"
        "key: partition:3f9a1c0d2b4e5f60")
    assert cases[1].find("failure").get("message") == "130 > 96: exceeds its bound"  # type: ignore[union-attr]
    quiet = replace(ALL[1], confidence="medium", gating=False)
    root = ET.fromstring(render_junit([quiet], "warning").split("\n", 1)[1])
    assert root[0].get("failures") == "0"
    assert root[0][0].findtext("system-out") == (
        "error: contradiction, medium confidence proposal: not gating\nkey: bound:00aa")


def test_junit_is_xml_with_failures_for_unacknowledged_problems() -> None:
    root = ET.fromstring(render_junit(ALL, "warning").split("\n", 1)[1])
    assert root.tag == "testsuites"
    (suite,) = root
    assert (suite.get("tests"), suite.get("failures")) == ("4", "2")
    cases = suite.findall("testcase")
    assert [c.get("classname") for c in cases] == [
        "claims.partition", "claims.bound", "claims.same", "claims.same"]
    assert cases[0].find("failure").get("type") == "incomplete"  # type: ignore[union-attr]
    assert cases[1].find("failure").get("message") == "130 > 96: exceeds its bound"  # type: ignore[union-attr]
    assert cases[2].find("failure") is None
    assert cases[3].find("failure") is None
    assert "reported as is" in (cases[3].findtext("system-out") or "")
    assert render_junit(ALL).startswith('<?xml version="1.0" encoding="UTF-8"?>\n')


def test_junit_escapes_markup() -> None:
    f = finding(message='<b> & "quotes"')
    root = ET.fromstring(render_junit([f], "warning").split("\n", 1)[1])
    assert root[0][0].find("failure").get("message") == '<b> & "quotes"'  # type: ignore[union-attr]


def test_sarif_validates_against_the_2_1_0_schema() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    doc = json.loads(render_sarif(ALL + [finding(path=None), finding(path="/abs/a b.txt")]))
    jsonschema.validate(doc, schema)
    run = doc["runs"][0]
    assert doc["version"] == "2.1.0" and doc["$schema"].endswith("sarif-2.1.0.json")
    assert run["tool"]["driver"]["name"] == "claims"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["partition", "bound", "same"]
    res = run["results"]
    assert [r["level"] for r in res[:4]] == ["warning", "error", "none", "error"]
    assert res[0]["ruleId"] == "partition"
    assert res[0]["message"]["text"] == "76 + 96 + 5 = 177 of 188: 11 unaccounted"
    assert res[0]["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "seeds/seed-nato-oreshnik.txt", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 29}}
    assert res[0]["partialFingerprints"] == {"claimsFindingKey/v1": "partition:3f9a1c0d2b4e5f60"}
    assert "suppressions" not in res[0]
    assert res[3]["suppressions"] == [{"kind": "external", "justification": "reported as is"}]
    assert "locations" not in res[4]
    assert res[5]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "file:///abs/a%20b.txt"}  # outside the base: absolute, no uriBaseId


@pytest.mark.parametrize(("fail_on", "findings", "code"), [
    ("error", ALL, 1), ("warning", ALL, 1), ("never", ALL, 0),
    ("error", [ALL[0], ALL[2], ALL[3]], 0), ("warning", [ALL[0]], 1),
    ("warning", [ALL[2], ALL[3]], 0), ("error", [], 0),
])
def test_gate(fail_on: str, findings: list[Finding], code: int) -> None:
    assert gate_exit_code(findings, fail_on) == code


def test_gate_rejects_unknown_level() -> None:
    with pytest.raises(ValueError):
        gate_exit_code(ALL, "info")


@pytest.mark.parametrize("fmt", list(CheckFormat))
def test_every_format_renders_the_contract_example(fmt: CheckFormat) -> None:
    out = fmt.render(ALL)
    assert out.endswith("\n") and "11 unaccounted" in out

"""check-consistency output: text, JSON, GitHub annotations, JUnit XML and SARIF.

Pure string builders (no rich, no I/O), so each format is tested byte for byte and CI
tools read exactly what DESIGN.md promises.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from typing import Any
from urllib.parse import quote

from claims.core.model import Finding, Interval
from claims.render.safe import clean_for_terminal

SEVERITIES = ("error", "warning", "ok")
FAIL_ON = {"error": ("error",), "warning": ("error", "warning"), "never": ()}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_RULES = {
    "partition": "Parts must add up to their total (incomplete: a remainder is unaccounted "
                 "for; contradiction: the parts exceed the total).",
    "bound": "A figure must not exceed the figure that contains it.",
    "same": "Two figures for one quantity must agree within their qualifiers.",
}


def _num(x: float | None) -> float | int | None:
    """11.0 → 11 so JSON shows counts as counts."""
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x


def _interval(iv: Interval | None) -> dict[str, Any] | None:
    return None if iv is None else {"low": _num(iv.low), "high": _num(iv.high)}


def summary(findings: Sequence[Finding]) -> dict[str, int]:
    counts = dict.fromkeys(SEVERITIES, 0)
    for f in findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    return counts


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "key": f.key, "relation": f.relation, "kind": f.kind, "outcome": f.outcome,
        "severity": f.severity, "origin": f.origin, "acknowledged": f.acknowledged,
        "message": f.message, "remainder": _interval(f.remainder),
        "figures": [{"id": g.id, "claim": g.claim, "text": g.text, "role": g.role}
                    for g in f.figures],
        "location": {"article": f.article, "path": f.path, "line": f.line},
        "rule": f.rule, "note": f.note,
    }


def render_json(findings: Sequence[Finding]) -> str:
    return "".join(iter_json(findings))


def iter_json(findings: Sequence[Finding]) -> Iterator[str]:
    """The report one finding a line, written as it is encoded.

    A million findings rendered as one string would double the gate's peak memory, and
    the indented encoder is pure Python; one compact line per finding is as easy to
    read, grep and diff.
    """
    head = json.dumps(summary(findings), ensure_ascii=False)
    if not findings:
        yield f'{{\n  "summary": {head},\n  "findings": []\n}}\n'
        return
    yield f'{{\n  "summary": {head},\n  "findings": ['
    sep = "\n    "
    encode = json.JSONEncoder(ensure_ascii=False).encode
    for f in findings:
        yield sep + encode(finding_dict(f))
        sep = ",\n    "
    yield "\n  ]\n}\n"


def summary_line(findings: Sequence[Finding]) -> str:
    c = summary(findings)
    acked = sum(1 for f in findings if f.acknowledged)
    tail = f" ({acked} acknowledged)" if acked else ""
    return f"{c['error']} error(s), {c['warning']} warning(s), {c['ok']} ok{tail}"


def render_text(findings: Sequence[Finding]) -> str:
    """One line per finding, `path:line:` first so editors and terminals can jump to it.

    Paths, figure texts and notes come from articles and users: each line is cleaned of
    escapes and controls so a hostile article cannot rewrite the terminal or the gate log.
    """
    return "".join(iter_text(findings))


def iter_text(findings: Sequence[Finding]) -> Iterator[str]:
    for f in findings:
        where = f"{f.path or f.article or '?'}:{f.line or 1}"
        ack = f" (acknowledged: {f.note})" if f.acknowledged else ""
        yield clean_for_terminal(
            f"{where}: {f.severity}: {f.kind} {f.outcome}: {f.message} [{f.key}]{ack}"
        ) + "\n"
    yield (summary_line(findings) if findings else "No relations to check.") + "\n"


# -- GitHub workflow commands ---------------------------------------------------------


def _gh_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(s: str) -> str:
    return _gh_data(s).replace(":", "%3A").replace(",", "%2C")


def _gh_command(f: Finding) -> str:
    if f.acknowledged or f.severity == "ok":
        return "notice"
    return "error" if f.severity == "error" else "warning"


def render_github(findings: Sequence[Finding]) -> str:
    """`::error file=…,line=…,title=…::message` lines; acknowledged findings are notices."""
    return "".join(iter_github(findings))


def iter_github(findings: Sequence[Finding]) -> Iterator[str]:
    for f in findings:
        props = []
        if f.path:
            props.append(f"file={_gh_prop(f.path)}")
            props.append(f"line={f.line or 1}")
        props.append(f"title={_gh_prop(f'{f.kind} {f.outcome} ({f.key})')}")
        msg = f.message + (f" (acknowledged: {f.note})" if f.acknowledged else "")
        yield f"::{_gh_command(f)} {','.join(props)}::{_gh_data(msg)}\n"


# -- JUnit XML ------------------------------------------------------------------------


def _fails(f: Finding) -> bool:
    return f.severity != "ok" and not f.acknowledged


def render_junit(findings: Sequence[Finding]) -> str:
    """One testcase per relation; unacknowledged warnings and errors are failures."""
    failing = sum(1 for f in findings if _fails(f))
    suites = ET.Element("testsuites", name="claims check-consistency",
                        tests=str(len(findings)), failures=str(failing))
    suite = ET.SubElement(suites, "testsuite", name="check-consistency",
                          tests=str(len(findings)), failures=str(failing), errors="0",
                          skipped="0")
    for f in findings:
        case = ET.SubElement(suite, "testcase", classname=f"claims.{f.kind}",
                             name=f"relation {f.relation}: {f.message}",
                             file=f.path or "", line=str(f.line or 1))
        if _fails(f):
            fail = ET.SubElement(case, "failure", message=f.message, type=f.outcome)
            fail.text = (f"{f.severity}: {f.kind} {f.outcome} in {f.article} "
                         f"line {f.line}\nkey: {f.key}")
        elif f.acknowledged:
            out = ET.SubElement(case, "system-out")
            out.text = f"{f.outcome}, acknowledged: {f.note or ''}\nkey: {f.key}"
    ET.indent(suites)
    body = ET.tostring(suites, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


# -- SARIF 2.1.0 ----------------------------------------------------------------------


def _uri(path: str) -> str:
    if "://" in path:
        return path
    if path.startswith("/"):
        return "file://" + quote(path)
    return quote(path.replace("\\", "/"))


_LEVEL = {"error": "error", "warning": "warning", "ok": "none"}


def _sarif_result(f: Finding) -> dict[str, Any]:
    res: dict[str, Any] = {
        "ruleId": f.kind,
        "kind": "pass" if f.severity == "ok" else "fail",
        "level": _LEVEL.get(f.severity, "note"),
        "message": {"text": f.message},
        "partialFingerprints": {"claimsFindingKey/v1": f.key},
        "properties": {"outcome": f.outcome, "relation": f.relation, "origin": f.origin,
                       "rule": f.rule, "article": f.article},
    }
    if f.path:
        res["locations"] = [{"physicalLocation": {
            "artifactLocation": {"uri": _uri(f.path)},
            "region": {"startLine": max(1, f.line or 1)},
        }}]
    if f.acknowledged:
        res["suppressions"] = [{"kind": "external", "justification": f.note or ""}]
    return res


def render_sarif(findings: Sequence[Finding], version: str | None = None) -> str:
    if version is None:
        from claims import __version__ as version
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


def gate_exit_code(findings: Sequence[Finding], fail_on: str) -> int:
    """1 when an unacknowledged finding reaches `fail_on` (error|warning|never), else 0."""
    if fail_on not in FAIL_ON:
        raise ValueError(f"fail_on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    levels = FAIL_ON[fail_on]
    return int(any(f.severity in levels and not f.acknowledged for f in findings))

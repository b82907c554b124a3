"""check-consistency output: text, JSON, GitHub annotations, JUnit XML and SARIF.

Pure string builders (no rich, no I/O), so each format is tested byte for byte and CI
tools read exactly what DESIGN.md promises.

Every format is a head, one body piece per finding, and a tail. Only the head and tail
depend on the counts (a `Tally`), so the gate renders findings as they stream from the
store and writes the head once the last one is counted; the `render_*` functions
assemble the same pieces for a list.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Sequence
from typing import Any
from urllib.parse import quote

from claims.core.model import Finding, Interval
from claims.core.reconcile.consistency import clean
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
    """11.0 → 11 so JSON shows counts as counts; float noise (242.00000000000003) gone."""
    if x is None:
        return None
    x = clean(float(x))
    return int(x) if x.is_integer() and abs(x) < 2**53 else x


def _interval(iv: Interval | None) -> dict[str, Any] | None:
    return None if iv is None else {"low": _num(iv.low), "high": _num(iv.high)}


def fails(f: Finding, fail_on: str) -> bool:
    """Whether `f` fails the gate at `fail_on`: unacknowledged, gating, and severe enough."""
    return f.gating and not f.acknowledged and f.severity in FAIL_ON[fail_on]


class Tally:
    """Counts by severity, of those acknowledged, and of those that cannot gate (not
    trusted, below --min-confidence), as findings pass by.

    The summary, the gate's exit code and JUnit's failure count need nothing more, so a
    streamed report keeps no finding. `fail_on` is the gate's threshold (JUnit failures).
    """

    __slots__ = ("acked", "counts", "fail_on", "quiet")

    def __init__(self, fail_on: str = "error") -> None:
        if fail_on not in FAIL_ON:
            raise ValueError(f"fail_on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
        self.fail_on = fail_on
        self.counts: dict[str, int] = dict.fromkeys(SEVERITIES, 0)
        self.acked: dict[str, int] = dict.fromkeys(SEVERITIES, 0)
        self.quiet: dict[str, int] = dict.fromkeys(SEVERITIES, 0)  # unacked, not gating

    @classmethod
    def of(cls, findings: Iterable[Finding], fail_on: str = "error") -> Tally:
        tally = cls(fail_on)
        for _ in tally.counted(findings):
            pass
        return tally

    def counted(self, findings: Iterable[Finding]) -> Iterator[Finding]:
        """The findings unchanged, each counted as it is handed on."""
        counts, acked, quiet = self.counts, self.acked, self.quiet
        for f in findings:
            counts[f.severity] = counts.get(f.severity, 0) + 1
            if f.acknowledged:
                acked[f.severity] = acked.get(f.severity, 0) + 1
            elif not f.gating:
                quiet[f.severity] = quiet.get(f.severity, 0) + 1
            yield f

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def acknowledged(self) -> int:
        return sum(self.acked.values())

    def open_at(self, severities: Iterable[str]) -> int:
        """Unacknowledged findings that can gate, at these severities."""
        return sum(self.counts.get(s, 0) - self.acked.get(s, 0) - self.quiet.get(s, 0)
                   for s in severities)

    @property
    def failing(self) -> int:
        """The findings that fail the gate at `fail_on` (JUnit failures)."""
        return self.open_at(FAIL_ON[self.fail_on])

    def exit_code(self, fail_on: str | None = None) -> int:
        """1 when a gating, unacknowledged finding reaches `fail_on`
        (error|warning|never; default: the tally's own), else 0."""
        fail_on = self.fail_on if fail_on is None else fail_on
        if fail_on not in FAIL_ON:
            raise ValueError(f"fail_on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
        return int(self.open_at(FAIL_ON[fail_on]) > 0)


def summary(findings: Iterable[Finding]) -> dict[str, int]:
    return Tally.of(findings).counts


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "key": f.key, "relation": f.relation, "kind": f.kind, "outcome": f.outcome,
        "severity": f.severity, "origin": f.origin, "confidence": f.confidence,
        "gating": f.gating, "acknowledged": f.acknowledged,
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
    tally = Tally.of(findings)
    yield json_head(tally)
    yield from iter_json_body(findings)
    yield json_tail(tally)


def json_head(tally: Tally) -> str:
    head = json.dumps(tally.counts, ensure_ascii=False)
    if not tally.total:
        return f'{{\n  "summary": {head},\n  "findings": []\n}}\n'
    return f'{{\n  "summary": {head},\n  "findings": ['


def iter_json_body(findings: Iterable[Finding]) -> Iterator[str]:
    sep = "\n    "
    encode = json.JSONEncoder(ensure_ascii=False).encode
    for f in findings:
        yield sep + encode(finding_dict(f))
        sep = ",\n    "


def json_tail(tally: Tally) -> str:
    return "\n  ]\n}\n" if tally.total else ""


def summary_line(findings: Sequence[Finding] | Tally) -> str:
    t = findings if isinstance(findings, Tally) else Tally.of(findings)
    c, acked = t.counts, t.acknowledged
    tail = f" ({acked} acknowledged)" if acked else ""
    return f"{c['error']} error(s), {c['warning']} warning(s), {c['ok']} ok{tail}"


def render_text(findings: Sequence[Finding]) -> str:
    """One line per finding, `path:line:` first so editors and terminals can jump to it.

    Paths, figure texts and notes come from articles and users: each line is cleaned of
    escapes and controls so a hostile article cannot rewrite the terminal or the gate log.
    """
    return "".join(iter_text(findings))


def iter_text(findings: Sequence[Finding]) -> Iterator[str]:
    yield from iter_text_body(findings)
    yield text_tail(Tally.of(findings))


def iter_text_body(findings: Iterable[Finding]) -> Iterator[str]:
    for f in findings:
        where = f"{f.path or f.article or '?'}:{f.line or 1}"
        ack = f" (acknowledged: {f.note})" if f.acknowledged else ""
        if not f.gating and f.severity != "ok":
            ack += f" ({why_not_gating(f)})"
        line = f"{where}: {f.severity}: {f.kind} {f.outcome}: {f.message} [{f.key}]{ack}"
        # Cleaning only removes characters `isprintable` rejects (controls, format and
        # separator characters, surrogates): a printable line, the usual case, is skipped.
        yield (line if line.isprintable() else clean_for_terminal(line)) + "\n"


def why_not_gating(f: Finding) -> str:
    """Why a finding cannot fail the gate, in the words the report prints."""
    conf = f.confidence or "no"
    return f"{conf} confidence proposal: not gating"


def text_tail(tally: Tally) -> str:
    return (summary_line(tally) if tally.total else "No relations to check.") + "\n"


# -- GitHub workflow commands ---------------------------------------------------------


def _gh_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(s: str) -> str:
    return _gh_data(s).replace(":", "%3A").replace(",", "%2C")


def _gh_command(f: Finding) -> str:
    if f.acknowledged or f.severity == "ok" or not f.gating:
        return "notice"
    return "error" if f.severity == "error" else "warning"


def render_github(findings: Sequence[Finding]) -> str:
    """`::error file=…,line=…,title=…::message` lines; acknowledged findings are notices."""
    return "".join(iter_github(findings))


def iter_github(findings: Iterable[Finding]) -> Iterator[str]:
    for f in findings:
        props = []
        if f.path:
            props.append(f"file={_gh_prop(f.path)}")
            props.append(f"line={f.line or 1}")
        props.append(f"title={_gh_prop(f'{f.kind} {f.outcome} ({f.key})')}")
        msg = f.message + (f" [{f.confidence} confidence]" if f.confidence else "")
        if f.acknowledged:
            msg += f" (acknowledged: {f.note})"
        if not f.gating and not f.acknowledged and f.severity != "ok":
            msg += f" ({why_not_gating(f)})"
        yield f"::{_gh_command(f)} {','.join(props)}::{_gh_data(msg)}\n"


# -- JUnit XML ------------------------------------------------------------------------


def render_junit(findings: Sequence[Finding], fail_on: str = "error") -> str:
    """One testcase per relation; the findings that fail the gate at `fail_on` are
    failures, the others pass and say why in `<system-out>`."""
    tally = Tally.of(findings, fail_on)
    return (junit_head(tally) + "".join(iter_junit_body(findings, fail_on))
            + junit_tail(tally))


_MARK = "\x00results\x00"  # stands for the findings while a frame is serialised


def _junit_document(tally: Tally, cases: int) -> str:
    suites = ET.Element("testsuites", name="claims check-consistency",
                        tests=str(tally.total), failures=str(tally.failing))
    suite = ET.SubElement(suites, "testsuite", name="check-consistency",
                          tests=str(tally.total), failures=str(tally.failing), errors="0",
                          skipped="0")
    for _ in range(cases):
        ET.SubElement(suite, _MARK)
    ET.indent(suites)
    body = ET.tostring(suites, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _junit_frame(tally: Tally) -> tuple[str, str]:
    """ElementTree's own document around one stand-in testcase, cut where it stands."""
    if not tally.total:
        return _junit_document(tally, 0), ""
    head, tail = _junit_document(tally, 1).split(f"<{_MARK} />")
    return head, tail


def junit_head(tally: Tally) -> str:
    return _junit_frame(tally)[0]


def junit_tail(tally: Tally) -> str:
    return _junit_frame(tally)[1]


def _junit_case(f: Finding, fail_on: str) -> ET.Element:
    case = ET.Element("testcase", classname=f"claims.{f.kind}",
                      name=f"relation {f.relation}: {f.message}",
                      file=f.path or "", line=str(f.line or 1))
    if fails(f, fail_on):
        fail = ET.SubElement(case, "failure", message=f.message, type=f.outcome)
        fail.text = (f"{f.severity}: {f.kind} {f.outcome} in {f.article} "
                     f"line {f.line}\nkey: {f.key}")
    else:
        out = ET.SubElement(case, "system-out")
        if f.acknowledged:
            why = f"acknowledged: {f.note or ''}"
        elif f.severity == "ok":
            why = "nothing to fail"
        elif not f.gating:
            why = why_not_gating(f)
        else:
            why = f"{f.severity} does not fail the gate at --fail-on {fail_on}"
        out.text = f"{f.severity}: {f.outcome}, {why}\nkey: {f.key}"
    return case


def iter_junit_body(findings: Iterable[Finding], fail_on: str = "error") -> Iterator[str]:
    """Each testcase as `ET.indent` lays it out at its depth in the whole document."""
    sep = ""
    for f in findings:
        case = _junit_case(f, fail_on)
        ET.indent(case, level=2)
        yield sep + ET.tostring(case, encoding="unicode")
        sep = "\n    "


# -- SARIF 2.1.0 ----------------------------------------------------------------------


def _artifact(path: str) -> dict[str, str]:
    """SARIF's artifactLocation: a relative path under `%SRCROOT%` (the checkout, which
    code-scanning tools resolve), an absolute one as a `file://` URI, a URL as it is."""
    if "://" in path:
        return {"uri": path}
    if path.startswith("/"):
        return {"uri": "file://" + quote(path)}
    return {"uri": quote(path.replace("\\", "/")), "uriBaseId": "%SRCROOT%"}


_LEVEL = {"error": "error", "warning": "warning", "ok": "none"}


def _sarif_result(f: Finding) -> dict[str, Any]:
    res: dict[str, Any] = {
        "ruleId": f.kind,
        "kind": "pass" if f.severity == "ok" else "fail",
        "level": _LEVEL.get(f.severity, "note") if f.gating else "note",
        "message": {"text": f.message},
        "partialFingerprints": {"claimsFindingKey/v1": f.key},
        "properties": {"outcome": f.outcome, "relation": f.relation, "origin": f.origin,
                       "rule": f.rule, "article": f.article, "confidence": f.confidence,
                       "gating": f.gating},
    }
    if f.path:
        res["locations"] = [{"physicalLocation": {
            "artifactLocation": _artifact(f.path),
            "region": {"startLine": max(1, f.line or 1)},
        }}]
    if f.acknowledged:
        res["suppressions"] = [{"kind": "external", "justification": f.note or ""}]
    return res


def render_sarif(findings: Sequence[Finding], version: str | None = None) -> str:
    """SARIF 2.1.0; a finding that cannot gate is a `note` (its confidence and gating
    are in `properties`)."""
    tally = Tally.of(findings)
    return (sarif_head(tally, version) + "".join(iter_sarif_body(findings))
            + sarif_tail(tally))


def _sarif_document(results: list[Any], version: str | None) -> str:
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
            "results": results,
        }],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _sarif_frame(version: str | None) -> tuple[str, str]:
    """The document around one stand-in result, cut where it stands."""
    head, tail = _sarif_document([_MARK], version).split(json.dumps(_MARK))
    return head, tail


_SARIF_INDENT = _sarif_frame("")[0].rsplit("\n", 1)[1]  # the results' depth in the document


def sarif_head(tally: Tally, version: str | None = None) -> str:
    return _sarif_frame(version)[0] if tally.total else _sarif_document([], version)


def sarif_tail(tally: Tally) -> str:
    return _sarif_frame("")[1] if tally.total else ""


def iter_sarif_body(findings: Iterable[Finding]) -> Iterator[str]:
    """Each result as the indenting encoder writes it at its depth in the document (JSON
    strings hold no raw newline, so indenting every line break is exact)."""
    newline = "\n" + _SARIF_INDENT
    sep = ""
    for f in findings:
        text = json.dumps(_sarif_result(f), ensure_ascii=False, indent=2)
        yield sep + text.replace("\n", newline)
        sep = "," + newline


def gate_exit_code(findings: Sequence[Finding], fail_on: str) -> int:
    """1 when a gating, unacknowledged finding reaches `fail_on`, else 0."""
    return Tally.of(findings, fail_on).exit_code()

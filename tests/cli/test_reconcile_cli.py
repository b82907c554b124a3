"""The gate and relation management of issue 13, through the command line: confidence and
gating in every format, `--min-confidence`, JUnit failures at `--fail-on`, `relate` never
twice, `relations delete`, `ack` of an unknown key, frame corrections, frames in JSON."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.cli.conftest import Invoke

COUNTIES = (
    "Storms killed 35 people across the state on Sunday, the governor said.\n"
    "At least 18 people died in Alden County, 9 in Brook County and 7 in Carver County, "
    "officials said.\n"
)
TWO_REPORTS = (
    "Floods killed 40 people in the north overnight, the agency said.\n"
    "The aid group said 52 people were killed in the north overnight.\n"
)


def _seed_findings(seeded: Invoke, *args: str) -> dict[str, object]:
    result = seeded("check-consistency", "--format", "json", "--fail-on", "never", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_the_seed_partition_is_a_high_confidence_gating_finding(seeded: Invoke) -> None:
    report = _seed_findings(seeded)
    part = next(f for f in report["findings"] if f["kind"] == "partition")  # type: ignore[attr-defined,index]
    assert (part["confidence"], part["gating"], part["rule"]) == ("high", True, "out-of")
    assert part["message"] == "76 + 96 + 5 = 177 of 188: 11 unaccounted"
    github = seeded("check-consistency", "--format", "github", "--fail-on", "warning")
    assert github.exit_code == 1
    assert github.stdout.splitlines()[0].startswith("::warning file=")
    assert "[high confidence]" in github.stdout.splitlines()[0]


def test_junit_fails_exactly_the_gating_findings_at_fail_on(seeded: Invoke) -> None:
    strict = seeded("check-consistency", "--format", "junit", "--fail-on", "warning")
    assert strict.exit_code == 1
    root = ET.fromstring(strict.stdout.split("\n", 1)[1])
    failures = [c.find("failure") for c in root.iter("testcase")
                if c.find("failure") is not None]
    assert [f.get("message") for f in failures] == [  # type: ignore[union-attr]
        "76 + 96 + 5 = 177 of 188: 11 unaccounted"]
    default = seeded("check-consistency", "--format", "junit")
    assert default.exit_code == 0
    root = ET.fromstring(default.stdout.split("\n", 1)[1])
    assert root.get("failures") == "0"
    outs = [c.findtext("system-out") for c in root.iter("testcase")]
    assert ("warning: incomplete, warning does not fail the gate at --fail-on error\n"
            "key: partition:") in "".join(o or "" for o in outs)


def test_a_high_confidence_conflict_gates_until_rejected(
    invoke: Invoke, tmp_path: Path
) -> None:
    art = tmp_path / "two.txt"
    art.write_text(TWO_REPORTS, encoding="utf-8")
    assert invoke("ingest", str(art), "--published", "2025-03-20").exit_code == 0
    report = json.loads(invoke("check-consistency", "--format", "json").stdout)
    (same,) = report["findings"]
    assert (same["kind"], same["outcome"], same["confidence"], same["gating"]) == (
        "same", "conflict", "high", True)
    assert invoke("check-consistency").exit_code == 1
    rid = str(same["relation"])
    # A reviewer who rejects it silences it; accepting it again makes it gate.
    said = invoke("relations", "reject", rid).stderr
    assert said == f"Relation {rid} is rejected (was proposed).\n"
    assert invoke("check-consistency").exit_code == 0
    said = invoke("relations", "reject", rid).stderr
    assert said == f"Relation {rid} was already rejected.\n"
    said = invoke("relations", "accept", rid).stderr
    assert said == f"Relation {rid} is accepted (was rejected).\n"
    assert invoke("check-consistency").exit_code == 1


def test_min_confidence_decides_which_proposals_gate(invoke: Invoke, tmp_path: Path) -> None:
    art = tmp_path / "towns.txt"
    art.write_text("Floods killed 12 people, the agency said.\n"
                   "In the town, 40 people died, the mayor said.\n", encoding="utf-8")
    assert invoke("ingest", str(art)).exit_code == 0
    report = json.loads(invoke("check-consistency", "--format", "json").stdout)
    (bound,) = report["findings"]
    assert (bound["kind"], bound["outcome"], bound["confidence"], bound["gating"]) == (
        "bound", "contradiction", "medium", False)
    text = invoke("check-consistency")
    assert text.exit_code == 0
    assert "(medium confidence proposal: not gating)" in text.stdout
    assert invoke("check-consistency", "--min-confidence", "medium").exit_code == 1
    assert invoke("check-consistency", "--min-confidence", "low").exit_code == 1


def test_relate_twice_adds_nothing(seeded: Invoke) -> None:
    first = seeded("relate", "bound", "5", "4")
    assert first.exit_code == 0
    assert first.stderr.startswith("Relation ")
    rid = first.stderr.split()[1].rstrip(":")
    again = seeded("relate", "bound", "5", "4")
    assert again.exit_code == 0
    assert again.stderr == (f"Relation {rid} already relates these figures (bound of figures "
                            "5 4, manual, accepted): nothing added.\n")
    listed = json.loads(seeded("relations", "--format", "json").stdout)
    assert sum(1 for r in listed if r["figures"] == [5, 4]) == 1


def test_relations_list_names_members_rule_confidence_and_evidence(seeded: Invoke) -> None:
    listed = json.loads(seeded("relations", "--format", "json").stdout)
    part = next(r for r in listed if r["kind"] == "partition")
    assert [m["text"] for m in part["members"]] == ["188", "76", "96", "five"]
    assert {m["article"] for m in part["members"]} == {"seed-nato-oreshnik.txt"}
    assert [m["role"] for m in part["members"]] == ["total", "part", "part", "part"]
    assert (part["rule"], part["confidence"]) == ("out-of", "high")
    assert part["evidence"][0] == "words: 76 out of a historic high of 188"
    table = seeded("relations")
    assert "out-of" in table.stdout and "high" in table.stdout


def test_a_declared_relation_can_be_deleted_and_it_is_recorded(seeded: Invoke) -> None:
    rid = seeded("relate", "bound", "5", "4").stderr.split()[1].rstrip(":")
    result = seeded("relations", "delete", rid, "--note", "wrong figures", "--reviewer", "ana")
    assert result.exit_code == 0
    assert result.stderr == f"Relation {rid} deleted (bound of figures 5 4).\n"
    assert all(str(r["id"]) != rid
               for r in json.loads(seeded("relations", "--format", "json").stdout))
    claim = json.loads(seeded("list", "--format", "json").stdout)
    owner = next(c["id"] for c in claim if any(f["id"] == 5 for f in c["figures"]))
    hist = json.loads(seeded("history", str(owner), "--format", "json").stdout)
    assert hist[-1]["note"] == f"relation {rid} deleted: bound of figures 5 4: wrong figures"
    proposed = json.loads(seeded("relations", "--format", "json").stdout)[0]
    refused = seeded("relations", "delete", str(proposed["id"]))
    assert refused.exit_code == 2
    assert "reject it instead" in refused.stderr


def test_ack_of_an_unknown_key_exits_2_naming_it(seeded: Invoke) -> None:
    result = seeded("ack", "partition:0000000000000000", "--note", "typo")
    assert result.exit_code == 2
    assert result.stderr == ("Error: no finding with key partition:0000000000000000 (keys are "
                             "listed by `claims check-consistency`)\n")
    key = next(f["key"] for f in _seed_findings(seeded)["findings"]  # type: ignore[attr-defined]
               if f["kind"] == "partition")
    assert seeded("ack", key, "--note", "as reported").exit_code == 0
    assert seeded("check-consistency", "--fail-on", "warning").exit_code == 0


def test_frames_are_in_list_json_and_show(invoke: Invoke, tmp_path: Path) -> None:
    art = tmp_path / "storm.txt"
    art.write_text(COUNTIES, encoding="utf-8")
    assert invoke("ingest", str(art), "--published", "2025-03-20").exit_code == 0
    rows = json.loads(invoke("list", "--format", "json").stdout)
    first = rows[0]["figures"][0]
    assert first["frame"] == {"event": "storm", "role": "killed", "actor": None,
                              "period": "2025-03-16", "place": "the state"}
    assert first["frame_words"] == {"event": "Storms", "role": "killed",
                                    "place": "across the state", "period": "on Sunday"}
    shown = invoke("show", str(rows[0]["id"]))
    assert "Frames" in shown.stdout and "2025-03-16" in shown.stdout


def test_correcting_a_frame_proposes_the_relations_again(invoke: Invoke, tmp_path: Path) -> None:
    art = tmp_path / "storm.txt"
    art.write_text(COUNTIES, encoding="utf-8")
    assert invoke("ingest", str(art), "--published", "2025-03-20").exit_code == 0
    (part,) = json.loads(invoke("relations", "--format", "json").stdout)
    assert part["figures"] == [1, 2, 3, 4]
    fixed = invoke("correct", "2", "--figure", "2", "--period", "2025-03-15", "--reviewer", "ana")
    assert fixed.exit_code == 0
    assert fixed.stderr.endswith("Relations proposed again: 0 kept, 1 added, 1 dropped.\n")
    (part,) = json.loads(invoke("relations", "--format", "json").stdout)
    assert part["figures"] == [1, 3, 4]  # another day's deaths are not part of Sunday's
    figure = json.loads(invoke("list", "--format", "json").stdout)[1]["figures"][0]
    assert figure["frame"]["period"] == "2025-03-15"
    assert figure["frame_words"]["period"] == "(reviewer)"
    assert invoke("correct", "2", "--period", "x").exit_code == 2


def test_reextract_keeps_a_reviewers_frame(invoke: Invoke, tmp_path: Path) -> None:
    art = tmp_path / "storm.txt"
    art.write_text(COUNTIES, encoding="utf-8")
    assert invoke("ingest", str(art), "--published", "2025-03-20").exit_code == 0
    assert invoke("correct", "2", "--figure", "2", "--period", "2025-03-15").exit_code == 0
    assert invoke("reextract").exit_code == 0
    figure = json.loads(invoke("list", "--format", "json").stdout)[1]["figures"][0]
    assert figure["frame"]["period"] == "2025-03-15"
    (part,) = json.loads(invoke("relations", "--format", "json").stdout)
    assert part["figures"] == [1, 3, 4]

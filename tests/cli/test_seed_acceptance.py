"""Issue 3's acceptance on the seed: who said what, as a new user would ask it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tests.cli.conftest import SEED, Invoke


def listed(invoke: Invoke, *args: str) -> list[dict]:
    result = invoke("list", "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def claim_with(rows: list[dict], fragment: str) -> dict:
    hits = [r for r in rows if fragment in r["text"]]
    assert len(hits) == 1, f"{fragment!r}: {len(hits)} claims"
    return hits[0]


@pytest.mark.parametrize(
    "query", ["ISW", "isw", "Institute for the Study of War", "Insitute for the Study of War"]
)
def test_isw_by_alias_case_and_typo(seeded: Invoke, query: str) -> None:
    rows = listed(seeded, "--source", query)
    assert len(rows) == 2
    assert {r["source"] for r in rows} == {"Institute for the Study of War"}
    assert rows[0]["text"].startswith("Recent reports from the Institute")
    assert rows[1]["text"].startswith("Reports from the Institute")


def test_putin_includes_he_cautioned(seeded: Invoke) -> None:
    rows = listed(seeded, "--source", "Putin")
    assert any(r["text"].startswith("He cautioned that Russia") for r in rows)
    assert {r["source"] for r in rows} == {"Vladimir Putin"}


def test_back_references_and_roles(seeded: Invoke) -> None:
    rows = listed(seeded)
    assert claim_with(rows, "235 square kilometers")["source"] == "Agentstvo"
    assert claim_with(rows, "Electric buses serving the city")["source"] == "Serhiy Nadal"
    assert claim_with(rows, "600 square kilometers")["source"] == "DeepState"
    kopanky = claim_with(rows, "Kopanky")
    assert "ministry" in kopanky["source"].lower()
    lost = claim_with(rows, "lost track of 96")
    downed = claim_with(rows, "successfully downing 76")
    assert "air force" in lost["source"].lower()
    assert lost["source_type"] == downed["source_type"] == "military"


def test_no_boilerplate_claims(seeded: Invoke) -> None:
    texts = " ".join(r["text"] for r in listed(seeded))
    assert "cookie" not in texts.lower()
    assert "Latest updates" not in texts


def test_figures_of_the_drone_claims(seeded: Invoke) -> None:
    rows = listed(seeded)
    figs = {f["text"]: f for r in rows for f in r["figures"]}
    assert (figs["188"]["value"], figs["188"]["qualifier"], figs["188"]["unit"]) == (
        188, "exact", "drone",
    )
    assert figs["more than ten"]["low"] == 10 and figs["more than ten"]["high"] is None
    assert figs["almost 235"]["qualifier"] == "nearly"
    text = SEED.read_text()
    for f in figs.values():
        assert text[f["start"] : f["end"]] == f["text"]


def test_sources_registry(seeded: Invoke) -> None:
    result = seeded("sources", "--format", "json")
    assert result.exit_code == 0
    sources = {s["name"]: s for s in json.loads(result.stdout)}
    assert "ISW" in sources["Institute for the Study of War"]["aliases"]
    assert sources["Institute for the Study of War"]["type"] == "think_tank"
    assert sources["Institute for the Study of War"]["claims"] == 2
    for name in ("Vladimir Putin", "DeepState", "Agentstvo"):
        assert name in sources
    assert any("air force" in n.lower() for n in sources)


def test_unknown_source_exits_2_with_suggestions(seeded: Invoke) -> None:
    result = seeded("list", "--source", "Pentagon")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Error: unknown source 'Pentagon'")
    assert len(result.stderr.strip().splitlines()) == 1


def test_ingest_twice_adds_nothing_and_says_so(seeded: Invoke) -> None:
    before = listed(seeded)
    result = seeded("ingest", str(SEED))
    assert result.exit_code == 0
    assert "0 new, 1 unchanged" in result.stderr
    assert listed(seeded) == before


def test_show_claim_in_context(seeded: Invoke) -> None:
    rows = listed(seeded)
    target = claim_with(rows, "lost track of 96")
    result = seeded("show", str(target["id"]))
    assert result.exit_code == 0
    out = result.stdout
    assert "lost track of 96" in out
    assert "military" in out
    assert "[96, 96]" in out
    # the relation's short cells never wrap, and its evidence is one line under the
    # table: at 80 columns nothing is cut to "partiti…" or folded a word a line
    lines = out.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= 80
    row = next(line for line in lines if "out-of" in line)
    assert row.split("│")[2:8] == [" partition ", " 3 2 4 5 ", " inferred ", " proposed ",
                                   " out-of ", " high       "]
    assert any(line.startswith("Relation ") and " evidence: words: 76 out of a historic"
               in line for line in lines)


@pytest.mark.parametrize("bad", ["abc", "-1", "0", "99999999999999999999999", ""])
def test_show_bad_ids_exit_2(seeded: Invoke, bad: str) -> None:
    result = seeded("show", bad)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ")
    assert len(result.stderr.strip().splitlines()) == 1


def test_show_missing_id(seeded: Invoke) -> None:
    result = seeded("show", "4242")
    assert result.exit_code == 2
    assert result.stderr == "Error: no claim with id 4242\n"


def test_extract_stdin_json_offsets(invoke: Invoke) -> None:
    text = "The ministry said 40 people died. Police said about 1,200 were evacuated.\n"
    result = invoke("extract", "-", "--format", "json", input=text)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["article"] == "stdin-" + hashlib.sha256(text.encode()).hexdigest()[:8]
    figures = [f for c in data["claims"] for f in c["figures"]]
    assert [(f["text"], f["value"]) for f in figures] == [("40", 40), ("about 1,200", 1200)]
    for f in figures:
        assert text[f["start"] : f["end"]] == f["text"]


def test_extract_stores_nothing(invoke: Invoke, tmp_path: Path) -> None:
    assert invoke("extract", str(SEED)).exit_code == 0
    assert not (tmp_path / "claims.db").exists()  # not even an empty database


def test_list_csv_has_header_and_rows(seeded: Invoke) -> None:
    result = seeded("list", "--format", "csv", "--source", "ISW")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("id,key,article,text,start,end,source,source_type,cue,status")
    assert len(lines) == 3


def test_search_escapes_like_wildcards(seeded: Invoke) -> None:
    assert listed(seeded, "--search", "%") == []
    assert listed(seeded, "--search", "_") == []
    assert len(listed(seeded, "--search", "Kopanky")) == 1


def test_unreadable_file_in_a_batch(invoke: Invoke, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x00garbage\x00\x00")
    result = invoke("ingest", str(bad), str(SEED))
    assert result.exit_code == 2
    assert "bad.txt" in result.stderr
    assert "1 new" in result.stderr
    assert len(json.loads(invoke("list", "--format", "json").stdout)) > 30


def test_check_consistency_on_seed(seeded: Invoke) -> None:
    result = seeded("check-consistency", "--format", "json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["summary"] == {"error": 0, "warning": 1, "ok": 2}
    part = next(f for f in report["findings"] if f["kind"] == "partition")
    assert part["outcome"] == "incomplete"
    assert part["remainder"] == {"low": 11, "high": 11}
    assert part["message"] == "76 + 96 + 5 = 177 of 188: 11 unaccounted"
    assert part["location"]["line"] == 29
    assert seeded("check-consistency", "--fail-on", "warning").exit_code == 1
    assert seeded("check-consistency", "--fail-on", "error").exit_code == 0

"""`via` through ingest, list, show, JSON, CSV, dump and load; `--source` resolution.

The articles are short texts written for these tests.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from tests.cli.conftest import Invoke

WIRE = ("Front update\n"
        "Kestrel Radio, citing the Borland Institute, said 400 square kilometres were taken.\n"
        "The Borland Institute said 12 villages were shelled.\n")


def ingest(invoke: Invoke, tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = invoke("ingest", str(path))
    assert result.exit_code == 0, result.output


def listed(invoke: Invoke, *args: str) -> list[dict]:
    """The attributed claims `list --format json` prints (the headline has no source)."""
    result = invoke("list", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return [r for r in json.loads(result.stdout) if r["source"] is not None]


def flat(text: str) -> str:
    """Terminal output with table borders and line wrapping removed."""
    return " ".join(re.sub(r"[│┃┏┓┗┛━─┡┩└┘┌┐├┤┼╇╈┳┻╋|]", " ", text).split())


def test_via_is_stored_listed_and_exported(invoke: Invoke, tmp_path: Path) -> None:
    ingest(invoke, tmp_path, "wire.txt", WIRE)
    rows = listed(invoke)
    assert [(r["source"], r["via"]) for r in rows] == [
        ("Kestrel Radio", ["Borland Institute"]), ("Borland Institute", [])]
    # the institute's own claim and the one it is the origin of
    found = listed(invoke, "--source", "Borland Institute")
    assert [(r["source"], r["via"]) for r in found] == [
        ("Kestrel Radio", ["Borland Institute"]), ("Borland Institute", [])]
    table = invoke("list", "--source", "Borland Institute")
    assert table.exit_code == 0
    assert "(via" in flat(table.stdout)  # the cell wraps: its text is tested below
    csv_rows = list(csv.DictReader(io.StringIO(invoke("list", "--format", "csv").stdout)))
    assert [r["via"] for r in csv_rows] == ["", "Borland Institute", ""]
    shown = invoke("show", str(rows[0]["id"]))
    assert shown.exit_code == 0
    assert "Via: Borland Institute (origin first)" in flat(shown.stdout)


def test_a_chain_of_two_is_joined_by_semicolons_in_csv(invoke: Invoke, tmp_path: Path) -> None:
    ingest(invoke, tmp_path, "chain.txt", (
        "Front update\nVardia claims to control 400 square kilometres, Kestrel Radio "
        "reported, citing the Borland Institute.\n"))
    row = listed(invoke)[0]
    assert (row["source"], row["via"]) == ("Kestrel Radio", ["Vardia", "Borland Institute"])
    csv_rows = list(csv.DictReader(io.StringIO(invoke("list", "--format", "csv").stdout)))
    assert csv_rows[1]["via"] == "Vardia; Borland Institute"


def test_extract_json_carries_via(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text(WIRE, encoding="utf-8")
    out = json.loads(invoke("extract", str(path), "--format", "json").stdout)
    assert [c["via"] for c in out["claims"]] == [[], ["Borland Institute"], []]
    assert {"Kestrel Radio", "Borland Institute"} <= {s["name"] for s in out["sources"]}


def test_dump_and_load_carry_via(invoke: Invoke, tmp_path: Path) -> None:
    ingest(invoke, tmp_path, "wire.txt", WIRE)
    dump = invoke("dump", "-")
    assert dump.exit_code == 0
    assert '"type":"via"' in dump.stdout
    other = tmp_path / "other.db"
    (tmp_path / "wire.jsonl").write_text(dump.stdout, encoding="utf-8")
    assert invoke("--db", str(other), "load", str(tmp_path / "wire.jsonl")).exit_code == 0
    again = invoke("--db", str(other), "dump", "-")
    assert again.stdout == dump.stdout  # lossless, ids and chains kept
    rows = json.loads(invoke("--db", str(other), "list", "--format", "json").stdout)
    assert rows[1]["via"] == ["Borland Institute"]


# ----------------------------------------------------------------------- --source
PEOPLE = ("Council vote\n"
          "Mara Holt said taxes would rise by 2%.\n"
          "Ben Holt said they would fall by 1%.\n")


def test_a_shared_surname_is_ambiguous_and_lists_the_candidates(
        invoke: Invoke, tmp_path: Path) -> None:
    ingest(invoke, tmp_path, "vote.txt", PEOPLE)
    result = invoke("list", "--source", "Holt")
    assert result.exit_code == 2
    assert "ambiguous source 'Holt'" in result.stderr
    assert "Ben Holt" in result.stderr and "Mara Holt" in result.stderr
    assert [r["source"] for r in listed(invoke, "--source", "Mara Holt")] == ["Mara Holt"]


@pytest.mark.parametrize("query", ["defence ministry", "defense ministry",
                                   "the Russian Defence Ministry", "russian defense ministry"])
def test_a_contained_name_and_either_spelling_find_the_source(
        invoke: Invoke, tmp_path: Path, query: str) -> None:
    ingest(invoke, tmp_path, "strike.txt", (
        "Strike\nThe Russian defense ministry said 40 drones were shot down.\n"))
    rows = listed(invoke, "--source", query)
    assert [r["source"] for r in rows] == ["Russian defense ministry"]


def test_an_alias_two_sources_share_after_load_is_ambiguous(
        invoke: Invoke, tmp_path: Path) -> None:
    """Two desks call different bodies "BMG": after `load` the alias is held twice, and
    `--source BMG` names both instead of failing as unknown."""
    ingest(invoke, tmp_path, "a.txt", "Report\nThe Borland Monitoring Group (BMG) said 12 "
                                      "villages were shelled.\n")
    dump = invoke("dump", "-").stdout
    other = tmp_path / "other.db"
    ingest_other = tmp_path / "b.txt"
    ingest_other.write_text("Report\nThe Baltic Media Guild (BMG) said 3 reporters were "
                            "hurt.\n", encoding="utf-8")
    assert invoke("--db", str(other), "ingest", str(ingest_other)).exit_code == 0
    (tmp_path / "a.jsonl").write_text(dump, encoding="utf-8")
    assert invoke("--db", str(other), "load", str(tmp_path / "a.jsonl")).exit_code == 0
    result = invoke("--db", str(other), "list", "--source", "BMG")
    assert result.exit_code == 2
    assert "ambiguous source 'BMG'" in result.stderr
    assert "Baltic Media Guild" in result.stderr and "Borland Monitoring Group" in result.stderr


def test_the_table_marks_a_claim_found_through_its_chain() -> None:
    from claims.records import ClaimRecord
    from claims.render.tables import source_cell

    record = ClaimRecord(1, 1, "a.txt", "…", 0, 1, "Kestrel Radio", "media", "said",
                         "unverified", 1, via=("Vardia", "Borland Institute"))
    assert source_cell(record) == "Kestrel Radio (via Vardia; Borland Institute)"
    assert source_cell(ClaimRecord(1, 1, "a.txt", "…", 0, 1, None, None, None, "unverified",
                                   1)) == "—"


CHAIN_ONLY = ("Front update\n"
              "Kestrel Radio, citing the Borland Institute, said 400 square kilometres were "
              "taken.\n"
              "The Vantor Group said 12 villages were shelled.\n")


def test_prune_keeps_a_source_named_only_in_a_chain(invoke: Invoke, tmp_path: Path) -> None:
    ingest(invoke, tmp_path, "wire.txt", CHAIN_ONLY)
    assert [(r["source"], r["via"]) for r in listed(invoke)][0] == (
        "Kestrel Radio", ["Borland Institute"])
    result = invoke("sources", "prune", "--dry-run")
    assert result.exit_code == 0
    assert "Borland Institute" not in result.stderr  # it has no claim of its own, but a chain


def test_split_puts_a_chain_link_back_on_the_source_it_undoes(invoke: Invoke,
                                                             tmp_path: Path) -> None:
    ingest(invoke, tmp_path, "wire.txt", CHAIN_ONLY)
    assert invoke("sources", "merge", "Vantor Group", "Borland Institute").exit_code == 0
    assert [(r["source"], r["via"]) for r in listed(invoke)] == [
        ("Kestrel Radio", ["Vantor Group"]), ("Vantor Group", [])]
    split = invoke("sources", "split", "Vantor Group")
    assert split.exit_code == 0, split.stderr
    assert [(r["source"], r["via"]) for r in listed(invoke)] == [
        ("Kestrel Radio", ["Borland Institute"]), ("Vantor Group", [])]


def test_a_reviewer_reattribution_replaces_the_chain(invoke: Invoke, tmp_path: Path) -> None:
    ingest(invoke, tmp_path, "wire.txt", WIRE)
    relayed = listed(invoke)[0]
    assert (relayed["source"], relayed["via"]) == ("Kestrel Radio", ["Borland Institute"])
    cid = str(relayed["id"])
    result = invoke("correct", cid, "--source", "Borland Institute", "--reviewer", "ana")
    assert result.exit_code == 0, result.output
    row = listed(invoke, "--source", "Borland Institute")[0]
    assert (row["id"], row["source"], row["via"]) == (relayed["id"], "Borland Institute", [])
    assert listed(invoke, "--source", "Kestrel Radio") == []  # not even through a chain
    last = json.loads(invoke("history", cid, "--format", "json").stdout)[-1]
    assert (last["kind"], last["note"]) == (
        "correction", "re-attributed: Kestrel Radio (via Borland Institute) → Borland Institute")


def test_split_after_load_merge_finds_the_chain_under_its_new_claim_id(
    invoke: Invoke, tmp_path: Path
) -> None:
    """A merge's record names the chain links it re-pointed by claim id; loaded into a
    database that numbers claims differently, split must still find them."""
    ingest(invoke, tmp_path, "wire.txt", CHAIN_ONLY)
    assert invoke("sources", "merge", "Vantor Group", "Borland Institute").exit_code == 0
    dump = tmp_path / "desk.json"
    assert invoke("dump", str(dump)).exit_code == 0
    other = str(tmp_path / "other.db")
    (tmp_path / "first.txt").write_text("The Calder Observer said 3 bridges were closed.\n")
    assert invoke("--db", other, "ingest", str(tmp_path / "first.txt")).exit_code == 0
    loaded = invoke("--db", other, "load", str(dump))
    assert loaded.exit_code == 0, loaded.output
    split = invoke("--db", other, "sources", "split", "Vantor Group")
    assert split.exit_code == 0, split.stderr
    rows = json.loads(invoke("--db", other, "list", "--format", "json").stdout)
    assert [(r["source"], r["via"]) for r in rows if r["source"]] == [
        ("Calder Observer", []), ("Kestrel Radio", ["Borland Institute"]),
        ("Vantor Group", [])]

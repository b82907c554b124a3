"""`claims dump`/`load`/`export`/`import` through the CLI: exit codes, streams, contents."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from typer.testing import CliRunner

from claims.cli import app
from claims.config import resolve_db
from claims.store import open_store
from claims.store.import_verdicts import read_rows
from claims.store.snapshot import KINDS
from tests.store.test_snapshot import TEXT_A, populate

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "seed-nato-oreshnik.txt"

runner = CliRunner()


def run(*args: str, input: str | None = None) -> Any:
    return runner.invoke(app, list(args), input=input)


def counts(db: str | None = None) -> dict[str, int]:
    with open_store(resolve_db(db)) as store, store.read() as conn:
        return {k: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for k, t in KINDS.items()}


@pytest.fixture
def desk() -> None:
    """The default database (CLAIMS_DB) with two articles, history, a relation, an ack."""
    with open_store(resolve_db(None)) as store:
        populate(store)


def claim_ids() -> list[int]:
    return [c["id"] for c in json.loads(run("list", "--format", "json").stdout)]


# --- dump / load ---------------------------------------------------------------------------


def test_dump_load_dump_is_byte_identical(desk: None, tmp_path: Path) -> None:
    result = run("dump", "snap.jsonl")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    text = Path("snap.jsonl").read_text(encoding="utf-8")
    assert result.stderr == f"Dumped {text.count(chr(10)) - 1} records to snap.jsonl.\n"
    assert run("dump", "-").stdout == text

    other = str(tmp_path / "other.db")
    loaded = run("--db", other, "load", "snap.jsonl")
    assert loaded.exit_code == 0, loaded.stderr
    assert loaded.stderr == (
        "Loaded 2 articles, 1 source, 2 aliases, 3 claims, 4 figures, 2 relations, "
        "5 members, 1 ack, 3 verdicts, 2 duplicates, 2 bodies, 3 snapshots.\n"
    )
    assert run("--db", other, "dump", "-").stdout == text
    assert counts(other) == counts()


def test_load_from_stdin_and_merge_again_adds_nothing(desk: None, tmp_path: Path) -> None:
    text = run("dump", "-").stdout
    other = str(tmp_path / "other.db")
    assert run("--db", other, "load", "-", input=text).exit_code == 0
    again = run("--db", other, "load", "-", input=text)
    assert again.exit_code == 0
    assert again.stderr.startswith("Loaded nothing new; ")
    assert "records already present." in again.stderr
    assert run("--db", other, "dump", "-").stdout == text


def test_corrupt_line_exits_2_naming_file_and_line_and_loads_nothing(
    desk: None, tmp_path: Path
) -> None:
    lines = run("dump", "-").stdout.split("\n")
    lines[3] = lines[3][:-5]  # a truncated record
    Path("bad.jsonl").write_text("\n".join(lines), encoding="utf-8")
    other = str(tmp_path / "other.db")
    run("--db", other, "load", "-", input="\n".join(lines[:2]))  # one article already there
    before = counts(other)
    result = run("--db", other, "load", "bad.jsonl")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: bad.jsonl:4: not JSON (")
    assert result.stdout == ""
    assert counts(other) == before


def test_load_missing_file_is_an_input_error() -> None:
    result = run("load", "nope.jsonl")
    assert result.exit_code == 2
    assert result.stderr == "Error: cannot read nope.jsonl: No such file or directory\n"


def test_dump_into_missing_folder_is_an_input_error(desk: None) -> None:
    result = run("dump", "no/such/dir/snap.jsonl")
    assert result.exit_code == 2
    assert result.stderr == "Error: folder does not exist: no/such/dir\n"


# --- export --------------------------------------------------------------------------------


def test_export_json_and_jsonl_match_list(desk: None) -> None:
    listed = json.loads(run("list", "--format", "json").stdout)
    assert json.loads(run("export", "--format", "json").stdout) == listed
    lines = run("export", "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == listed


def test_export_csv_has_header_and_one_row_per_claim(desk: None) -> None:
    result = run("export", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["id", "key", "article", "text", "start", "end", "source", "source_type",
                       "cue", "status", "version", "figures", "via"]
    assert [int(r[0]) for r in rows[1:]] == claim_ids()
    assert json.loads(rows[1][11])[0]["text"] == "188"
    assert all(re.fullmatch(r"claim:[0-9a-f]{16}", r[1]) for r in rows[1:])


def test_export_filters_like_list(desk: None) -> None:
    out = json.loads(run("export", "--status", "refuted").stdout)
    assert [c["status"] for c in out] == ["refuted"]
    out = json.loads(run("export", "--source", "MoD", "--article", "a.txt").stdout)
    assert [c["text"] for c in out] == [TEXT_A[: TEXT_A.index(".") + 1]]
    bad = run("export", "--source", "Nobody At All Zzz")
    assert bad.exit_code == 2 and bad.stderr.startswith("Error: unknown source 'Nobody At All Zzz'")


PERSON_OR_ORG = {
    "type": "object",
    "required": ["@type", "name"],
    "properties": {"@type": {"enum": ["Person", "Organization"]}, "name": {"type": "string",
                                                                          "minLength": 1}},
}
DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
DESK = ("--review-url", "https://desk.example/checks/{id}", "--organization", "Example Checks")
CLAIMREVIEW_SCHEMA = {
    "type": "object",
    # Google Fact Check: required url, claimReviewed, reviewRating.alternateName;
    # recommended author, datePublished, itemReviewed (+ Claim author/datePublished/appearance)
    "required": ["@context", "@type", "url", "claimReviewed", "reviewRating", "author",
                 "datePublished", "itemReviewed"],
    "properties": {
        "@context": {"const": "https://schema.org"},
        "@type": {"const": "ClaimReview"},
        "url": {"type": "string", "pattern": "^https?://"},
        "claimReviewed": {"type": "string", "minLength": 1},
        "author": PERSON_OR_ORG,
        "datePublished": DATE,
        "itemReviewed": {
            "type": "object",
            "required": ["@type", "author", "datePublished", "appearance"],
            "properties": {
                "@type": {"const": "Claim"},
                "author": PERSON_OR_ORG,
                "datePublished": DATE,
                "appearance": {"type": "array", "minItems": 1, "items": {
                    "type": "object", "required": ["@type", "url"],
                    "properties": {"url": {"type": "string", "pattern": "^https?://"}}}},
            },
        },
        "reviewRating": {
            "type": "object",
            "required": ["@type", "alternateName"],
            "properties": {"@type": {"const": "Rating"}, "alternateName": {"type": "string"}},
            "if": {"properties": {"alternateName": {"enum": ["Disputed", "Unverifiable"]}}},
            "then": {"not": {"anyOf": [{"required": ["ratingValue"]},
                                       {"required": ["bestRating"]},
                                       {"required": ["worstRating"]}]}},
            "else": {
                "required": ["ratingValue", "bestRating", "worstRating"],
                "properties": {"ratingValue": {"type": "integer", "minimum": 1, "maximum": 5},
                               "bestRating": {"const": 5}, "worstRating": {"const": 1}},
            },
        },
    },
}


def test_export_claimreview_follows_the_fact_check_markup(desk: None) -> None:
    ids = claim_ids()
    assert run("verify", str(ids[1]), "--status", "unverifiable", "--reviewer", "cy").exit_code == 0
    result = run("export", "--format", "claimreview", "--allow-incomplete")
    assert result.exit_code == 0, result.stderr
    reviews = json.loads(result.stdout)
    # claim 1 disputed (A, linked by `same` to B's 190), claim 2 unverifiable, claim 3 refuted
    assert [r["reviewRating"]["alternateName"] for r in reviews] == [
        "Disputed", "Unverifiable", "False"]
    for review in reviews[:2]:
        jsonschema.validate(review, CLAIMREVIEW_SCHEMA)
    disputed = reviews[0]
    assert disputed["reviewRating"]["ratingExplanation"] == (
        "Claimed by Ministry of Defence; other sources disagree."
    )
    assert disputed["author"] == {"@type": "Person", "name": "bo"}
    assert disputed["itemReviewed"]["author"] == {"@type": "Organization",
                                                  "name": "Ministry of Defence"}
    assert disputed["itemReviewed"]["appearance"] == [{
        "@type": "NewsArticle", "url": "https://news.example/a", "headline": "Drones",
        "publisher": {"@type": "Organization", "name": "Example News"},
        "datePublished": "2026-11-20"}]
    assert "url" not in reviews[2]  # article b.txt has no url: give --review-url
    with_url = json.loads(run("export", "--format", "claimreview", "--review-url",
                              "https://desk.example/checks/{id}", "--organization",
                              "Example Checks").stdout)
    for review in with_url:
        assert review["author"] == {"@type": "Organization", "name": "Example Checks"}
    refuted = with_url[2]
    assert refuted["url"] == f"https://desk.example/checks/{ids[2]}"
    assert refuted["reviewRating"] == {"@type": "Rating", "alternateName": "False",
                                       "name": "False", "ratingValue": 1, "bestRating": 5,
                                       "worstRating": 1}


def test_claimreview_names_conflicting_sources(desk: None) -> None:
    """A disputed claim whose `same`-linked figure disagrees names that figure's source."""
    ids = claim_ids()
    assert run("verify", str(ids[2]), "--status", "in_review", "--reviewer", "x").exit_code == 0
    with open_store(resolve_db(None)) as store, store.write() as conn:
        from claims.store.tables import claim, source

        sid = conn.execute(source.insert().values(name="Example Analysts", type="think_tank")
                           ).inserted_primary_key[0]
        conn.execute(claim.update().where(claim.c.id == ids[2]).values(source_id=sid))
    reviews = json.loads(run("export", "--format", "claimreview", *DESK).stdout)
    assert [r["reviewRating"].get("ratingExplanation") for r in reviews] == [
        "Sources disagree: Ministry of Defence, Example Analysts."]


def test_export_claimreview_of_nothing_is_an_empty_array() -> None:
    assert run("ingest", str(SEED)).exit_code == 0  # no claim has a final verdict
    result = run("export", "--format", "claimreview", *DESK)
    assert (result.exit_code, result.stdout) == (0, "[]\n")


# --- import --------------------------------------------------------------------------------


def _edit_csv(text: str, edits: dict[int, dict[str, str]]) -> str:
    rows = list(csv.DictReader(io.StringIO(text)))
    fields = list(rows[0]) + ["note"]
    out = io.StringIO()
    writer = csv.DictWriter(out, fields, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({**row, "note": "", **edits.get(int(row["id"]), {})})
    return out.getvalue()


def history(cid: int) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = json.loads(run("history", str(cid), "--format", "json").stdout)
    return result


def test_import_edited_csv_records_verdicts(desk: None) -> None:
    ids = claim_ids()
    exported = run("export", "--format", "csv").stdout
    edited = _edit_csv(exported, {ids[1]: {"status": "false", "note": "no such count"}})
    Path("sheet.csv").write_text(edited, encoding="utf-8")
    result = run("import", "sheet.csv", "--reviewer", "dee")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        f"Claim {ids[1]}: unverified → refuted (version 2)\n"
        "Recorded 1 verdict; 2 rows unchanged.\n"
    )
    last = history(ids[1])[-1]
    assert (last["reviewer"], last["from"], last["to"], last["note"], last["version"]) == (
        "dee", "unverified", "refuted", "no such count", 2)
    again = run("import", "sheet.csv", "--reviewer", "dee")
    assert again.stderr == "Recorded 0 verdicts; 3 rows unchanged.\n"


def test_import_bad_status_names_the_line_and_records_nothing(desk: None) -> None:
    ids = claim_ids()
    exported = run("export", "--format", "csv").stdout
    edited = _edit_csv(exported, {ids[1]: {"status": "supported"}, ids[2]: {"status": "maybe"}})
    Path("sheet.csv").write_text(edited, encoding="utf-8")
    before = [history(i) for i in ids]
    result = run("import", "sheet.csv")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: sheet.csv:4: unknown status 'maybe'")
    assert [history(i) for i in ids] == before


def test_import_stale_export_is_a_conflict(desk: None) -> None:
    ids = claim_ids()
    exported = run("export", "--format", "csv").stdout
    assert run("verify", str(ids[1]), "--status", "in_review", "--reviewer", "x").exit_code == 0
    edited = _edit_csv(exported, {ids[0]: {"status": "supported"},
                                  ids[1]: {"status": "supported"}})
    Path("sheet.csv").write_text(edited, encoding="utf-8")
    result = run("import", "sheet.csv", "--reviewer", "dee")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: sheet.csv:3: claim {ids[1]} is at version 2 (in_review), the file has "
        "version 1; export again\n"
        "Error: nothing recorded: 1 of 3 rows of sheet.csv has a problem\n"
    )
    assert [v["reviewer"] for v in history(ids[0])] == ["ana", "bo"]


def test_import_json_export(desk: None) -> None:
    ids = claim_ids()
    claims = json.loads(run("export", "--format", "json").stdout)
    claims[2]["status"] = "supported"
    Path("edit.json").write_text(json.dumps(claims, indent=2), encoding="utf-8")
    result = run("import", "edit.json", "--reviewer", "eve")
    assert result.exit_code == 0, result.stderr
    assert history(ids[2])[-1]["to"] == "supported"
    claims[0]["status"] = "nope"
    Path("bad.json").write_text(json.dumps(claims, indent=2), encoding="utf-8")
    bad = run("import", "bad.json", "--reviewer", "eve")
    assert bad.exit_code == 2
    assert bad.stderr.startswith("Error: bad.json:2: unknown status 'nope'")


def test_import_unknown_claim_and_missing_status(desk: None) -> None:
    Path("s.csv").write_text("id,article,text,status\n999,a.txt,Hi.,supported\n1,a.txt,x,\n",
                             encoding="utf-8")
    result = run("import", "s.csv")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: s.csv:2: no claim with id 999\n"
        "Error: s.csv:3: missing status\n"
        "Error: nothing recorded: 2 of 2 rows of s.csv have problems\n")


# --- the real seed, through the CLI ----------------------------------------------------------


def test_seed_round_trip_through_the_cli(tmp_path: Path) -> None:
    ingested = run("ingest", str(SEED), "--url", "https://news.example/seed",
                   "--publisher", "Example News", "--published", "2026-11-21")
    assert ingested.exit_code == 0, ingested.stderr
    ids = claim_ids()
    assert ids
    assert run("verify", str(ids[0]), "--status", "supported", "--reviewer", "ana").exit_code == 0
    text = run("dump", "-").stdout
    other = str(tmp_path / "other.db")
    assert run("--db", other, "load", "-", input=text).exit_code == 0
    assert run("--db", other, "dump", "-").stdout == text
    reviews = json.loads(run("--db", other, "export", "--format", "claimreview", *DESK).stdout)
    assert len(reviews) == 1
    jsonschema.validate(reviews[0], CLAIMREVIEW_SCHEMA)


def test_seed_merge_into_a_desk_that_ingested_it_too(tmp_path: Path) -> None:
    """Two desks ingest the same article; one's snapshot adds only its verdict to the other."""
    args = (str(SEED), "--published", "2026-11-21")
    assert run("ingest", *args).exit_code == 0
    ids = claim_ids()
    assert run("verify", str(ids[-1]), "--status", "refuted", "--reviewer", "ana").exit_code == 0
    text = run("dump", "-").stdout
    other = str(tmp_path / "other.db")
    assert run("--db", other, "ingest", *args).exit_code == 0
    before = counts(other)
    result = run("--db", other, "load", "-", input=text)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("Loaded 1 verdict; ")
    assert counts(other) == {**before, "verdict": 1}
    assert run("--db", other, "load", "-", input=text).stderr.startswith("Loaded nothing new; ")
    history_other = json.loads(run("--db", other, "history", str(ids[-1]), "--format",
                                   "json").stdout)
    assert [(h["reviewer"], h["to"], h["version"]) for h in history_other] == [
        ("ana", "refuted", 2)]


# --- parsers -------------------------------------------------------------------------------

# csv.writer leaves a bare "\r" unquoted under a "\n" terminator: not a parser case.
cell = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"),
               max_size=12)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 10**6), cell, cell), min_size=1, max_size=6),
       st.sampled_from([",", ";", "\t"]))
def test_read_rows_csv_gives_each_row_and_its_first_line(
    rows: list[tuple[int, str, str]], delimiter: str
) -> None:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(["ID", "status", "note"])
    writer.writerows(rows)
    text = out.getvalue()
    parsed = read_rows(text, name="x.csv")
    kept = [r for r in rows if any(str(v).strip() for v in r)]
    assert [(int(d["id"]), d["status"], d["note"]) for _, d in parsed] == kept
    lines = text.split("\n")
    for line, d in parsed:
        assert lines[line - 1].startswith(d["id"] + delimiter)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.fixed_dictionaries({"id": st.integers(1, 999), "status": cell}),
                max_size=5), st.integers(0, 4))
def test_read_rows_json_array_reports_the_line_of_each_object(
    rows: list[dict[str, Any]], indent: int
) -> None:
    text = json.dumps(rows, indent=indent or None)
    parsed = read_rows(text, name="x.json")
    assert [d for _, d in parsed] == rows
    # one line for all, or "[" then 4 lines per object ({, two keys, })
    assert [line for line, _ in parsed] == [1 if not indent else 2 + 4 * i
                                            for i in range(len(rows))]

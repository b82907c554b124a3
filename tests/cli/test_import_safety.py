"""`claims import` never records a verdict on the wrong claim, reports every problem in
one run, and CSV is safe in a spreadsheet (issue 15)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.config import resolve_db
from claims.render.spreadsheet import FORMULA_STARTS, protect, unprotect
from claims.store import open_store
from claims.store.tables import claim
from tests.cli.test_interchange import SEED, claim_ids, desk, history, run  # noqa: F401

Rows = list[dict[str, str]]


def sheet(db: str | None = None, *extra: str) -> Rows:
    args = ("--db", db) if db else ()
    text = run(*args, "export", "--format", "csv", *extra).stdout
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def save(rows: Rows, path: str = "sheet.csv", drop: tuple[str, ...] = (),
         encoding: str = "utf-8") -> str:
    fields = [f for f in dict.fromkeys(k for row in rows for k in row) if f not in drop]
    out = io.StringIO()
    writer = csv.DictWriter(out, fields, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    Path(path).write_text(out.getvalue(), encoding=encoding)
    return path


def histories(db: str | None = None) -> list[Any]:
    args = ("--db", db) if db else ()
    return [json.loads(run(*args, "history", str(i), "--format", "json").stdout)
            for i in (1, 2, 3)]


@pytest.fixture
def other(tmp_path: Path) -> str:
    """Database B: another desk's work, whose claims 1-3 are unrelated to A's."""
    db = str(tmp_path / "b.db")
    assert run("--db", db, "ingest", str(SEED)).exit_code == 0
    return db


# --- the wrong database -------------------------------------------------------------------


@pytest.mark.parametrize("drop", [(), ("key",)], ids=["keyed", "without-key"])
def test_a_sheet_from_database_a_records_nothing_on_database_b(
    desk: None, other: str, drop: tuple[str, ...],  # noqa: F811
) -> None:
    rows = sheet()
    for row in rows:
        row["status"] = "supported"
    path = save(rows, drop=drop)
    before = histories(other)
    result = run("--db", other, "import", path, "--reviewer", "eve")
    assert (result.exit_code, result.stdout) == (2, "")
    lines = result.stderr.splitlines()
    assert [line.split(": ")[1] for line in lines[:-1]] == [
        "sheet.csv:2", "sheet.csv:3", "sheet.csv:4"]
    if drop:
        assert lines[0] == ("Error: sheet.csv:2: id 1, article and text do not all match "
                            "claim 1 here (seed-nato-oreshnik.txt); without a key column all "
                            "three must agree")
    else:
        assert lines[0] == (f"Error: sheet.csv:2: key {rows[0]['key']} matches no claim here, "
                            "not claim 1 (was the file exported from another database?)")
    assert lines[-1] == "Error: nothing recorded: 3 of 3 rows of sheet.csv have problems"
    assert histories(other) == before


def test_a_key_that_names_another_claim_is_an_error(desk: None) -> None:  # noqa: F811
    rows = sheet()
    rows[1]["id"], rows[2]["id"] = rows[2]["id"], rows[1]["id"]  # ids swapped by hand
    rows[1]["status"] = "misleading"
    before = histories()
    result = run("import", save(rows))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[:2] == [
        f"Error: sheet.csv:3: key {rows[1]['key']} is claim 2, not claim 3 (was the file "
        "exported from another database?)",
        f"Error: sheet.csv:4: key {rows[2]['key']} is claim 3, not claim 2 (was the file "
        "exported from another database?)"]
    assert histories() == before


def test_without_a_key_id_article_and_text_must_agree(desk: None) -> None:  # noqa: F811
    rows = sheet()
    rows[1]["status"] = "misleading"
    rows[1]["text"] = "  " + rows[1]["text"].replace(" ", "  ") + " "  # re-spaced: same text
    result = run("import", save(rows, drop=("key",)), "--reviewer", "eve")
    assert result.exit_code == 0, result.stderr
    assert histories()[1][-1]["to"] == "misleading"
    bare = "id,status\n2,supported\n"  # a hand-made sheet: id alone could be any claim
    Path("bare.csv").write_text(bare, encoding="utf-8")
    result = run("import", "bare.csv")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "Error: bare.csv:2: no key, so the row needs its article and text as exported "
        "(id alone could name another claim); export again")


def test_keys_survive_reextraction_of_unchanged_text(desk: None) -> None:  # noqa: F811
    before = {r["text"]: r["key"] for r in sheet()}
    assert run("reextract", "--force").exit_code == 0
    after = {r["text"]: r["key"] for r in sheet()}
    assert {t: k for t, k in after.items() if t in before} == {
        t: k for t, k in before.items() if t in after}
    assert set(before) & set(after)


# --- every problem in one run --------------------------------------------------------------


def test_every_problem_is_reported_and_input_errors_outrank_conflicts(
    desk: None,  # noqa: F811
) -> None:
    rows = sheet()
    assert run("verify", "2", "--status", "in_review", "--reviewer", "x").exit_code == 0
    rows[0]["status"] = "maybe"          # line 2: bad status
    rows[1]["status"] = "supported"      # line 3: stale (claim 2 moved on)
    rows[2]["key"] = "claim:0000000000000000"  # line 4: wrong key
    rows[2]["status"] = "supported"
    before = histories()
    result = run("import", save(rows))
    assert result.exit_code == 2
    assert [line.split(": ")[1] for line in result.stderr.splitlines()] == [
        "sheet.csv:2", "sheet.csv:3", "sheet.csv:4", "nothing recorded"]
    assert histories() == before
    rows[0]["status"], rows[2]["key"] = "disputed", sheet()[2]["key"]
    stale = run("import", save(rows))
    assert stale.exit_code == 1  # only the stale row is left: a conflict
    assert histories() == before


def test_skip_conflicts_records_the_good_rows_and_lists_the_rest(
    desk: None,  # noqa: F811
) -> None:
    rows = sheet()
    assert run("verify", "2", "--status", "in_review", "--reviewer", "x").exit_code == 0
    rows[1]["status"] = "supported"  # stale
    rows[2]["status"] = "misleading"  # good
    result = run("import", save(rows), "--skip-conflicts", "--reviewer", "eve")
    assert result.exit_code == 1  # what was skipped still shows in the exit status
    assert result.stderr == (
        "Claim 3: refuted → misleading (version 3)\n"
        "Skipped sheet.csv:3: claim 2 is at version 2 (in_review), the file has version 1; "
        "export again\n"
        "Recorded 1 verdict; 1 row unchanged; 1 row skipped.\n")
    assert histories()[2][-1]["to"] == "misleading"


def test_an_edited_column_import_does_not_apply_is_reported(desk: None) -> None:  # noqa: F811
    rows = sheet()
    rows[1]["text"] = "The ministry said 200 drones were launched."
    rows[1]["status"] = "refuted"
    rows[2]["source"] = "Someone Else"
    for row in rows:
        row["comment"] = "checked"
    result = run("import", save(rows), "--reviewer", "eve")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[:3] == [
        "Warning: sheet.csv: column 'comment' is not imported (import reads id, key, status, "
        "note and version)",
        "Warning: sheet.csv:3: text differs from claim 2's and is not imported (the claim's "
        "text is not changed); only status and note are",
        "Warning: sheet.csv:4: source differs from claim 3's and is not imported (re-attribute "
        "with `claims correct 3 --source`); only status and note are"]
    assert histories()[1][-1]["to"] == "refuted"


# --- CSV in a spreadsheet -------------------------------------------------------------------


@given(st.text(max_size=20))
def test_protect_round_trips_and_never_starts_a_formula(cell: str) -> None:
    assert unprotect(protect(cell)) == cell
    assert not protect(cell).startswith(FORMULA_STARTS)


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x.example\",\"y\")", "+1 said 5",
                                  "-5 degrees, the ministry said", "@SUM(A1)", "\tTabbed",
                                  "'=already marked", "'Tis 5 ships, he said"])
def test_formula_cells_are_marked_and_import_takes_the_mark_off(
    desk: None, text: str,  # noqa: F811
) -> None:
    with open_store(resolve_db(None)) as store, store.write() as conn:
        conn.execute(claim.update().where(claim.c.id == 2).values(text=text))
    rows = sheet()
    assert rows[1]["text"] == (("'" + text) if text.lstrip("'")[0] in "=+-@\t" else text)
    rows[1]["status"] = "misleading"
    result = run("import", save(rows), "--reviewer", "eve")
    assert result.exit_code == 0, result.stderr
    assert "Warning" not in result.stderr  # the text read back is the stored text
    assert histories()[1][-1]["to"] == "misleading"


def test_bom_for_excel_and_encodings_on_import(desk: None) -> None:  # noqa: F811
    exported = run("export", "--format", "csv", "--bom").stdout
    assert exported.startswith("\ufeffid,key,")
    assert not run("export", "--format", "csv").stdout.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(exported.removeprefix("\ufeff"))))
    rows[1]["status"] = "misleading"
    rows[1]["note"] = "Zahlen geprüft – “ok”"  # what cp1252 can hold
    save(rows[:2], "win.csv", encoding="cp1252")  # claim 3's text has U+2028: not in cp1252
    offset = Path("win.csv").read_bytes().index(b"\xfc")
    result = run("import", "win.csv", "--reviewer", "eve")
    assert result.exit_code == 2
    assert result.stderr == (f"Error: cannot read win.csv: not utf-8 text (byte 0xfc at offset "
                             f"{offset}); pass --encoding (Excel on Windows saves cp1252)\n")
    result = run("import", "win.csv", "--encoding", "cp1252", "--reviewer", "eve")
    assert result.exit_code == 0, result.stderr
    assert histories()[1][-1]["note"] == "Zahlen geprüft – “ok”"
    rows = sheet(None, "--bom")
    rows[1]["status"] = "supported"
    save(rows, "bom.csv", encoding="utf-8-sig")
    assert run("import", "bom.csv", "--reviewer", "eve").exit_code == 0
    assert histories()[1][-1]["to"] == "supported"
    assert run("import", "win.csv", "--encoding", "klingon").stderr == (
        "Error: unknown --encoding 'klingon' (e.g. utf-8, cp1252)\n")


def test_import_on_postgresql_matches_and_locks_the_claims(pg_database: str) -> None:
    assert run("--db", pg_database, "db", "upgrade").exit_code == 0
    assert run("--db", pg_database, "ingest", str(SEED)).exit_code == 0
    rows = sheet(pg_database)
    rows[0]["status"] = "supported"
    rows[1]["key"] = "claim:0000000000000000"
    rows[1]["status"] = "refuted"
    result = run("--db", pg_database, "import", save(rows), "--reviewer", "eve")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: sheet.csv:3: key claim:0000000000000000 matches "
                                    "no claim here, not claim ")
    result = run("--db", pg_database, "import", save(rows), "--reviewer", "eve",
                 "--skip-conflicts")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"Claim {rows[0]['id']}: unverified → supported (version 2)")

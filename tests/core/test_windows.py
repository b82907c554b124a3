"""A sentence far beyond any real one is read in bounded windows: every figure and every
character is still found, and the extraction says which sentence was windowed."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from claims.cli import app
from claims.core.extraction import extract
from claims.core.text.documents import make_document
from claims.core.text.segmentation import segment
from claims.core.windows import MAX_SENTENCE, window_sentences, window_spans

PLACES = ("Arden", "Belmor", "Corvin", "Dalby")


def run_on(n: int) -> str:
    """One sentence of `n` clauses, a figure each, and no full stop."""
    return "Officials said " + "; ".join(
        f"{10 + i} homes flooded in {PLACES[i % 4]}" for i in range(n)) + "\n"


def test_short_sentences_are_left_alone() -> None:
    x = extract(make_document("Police said 40 homes flooded in Arden.\n", "a.txt"))
    assert x.notes == ()
    assert [c.text for c in x.claims] == ["Police said 40 homes flooded in Arden."]


def test_a_long_sentence_is_read_in_windows_and_nothing_is_lost() -> None:
    text = run_on(400)  # about 11,000 characters
    x = extract(make_document(text, "dump.txt"))
    spans = window_spans(text.rstrip("\n"))
    assert x.notes == (f"the sentence at line 1 is {len(text) - 1:,} characters long: "
                       f"read in {len(spans)} windows of at most {MAX_SENTENCE:,}",)
    assert len(spans) == 6 and all(b - a <= MAX_SENTENCE for a, b in spans)
    figures = [f for c in x.claims for f in c.figures]
    assert [f.value for f in figures] == [float(10 + i) for i in range(400)]
    assert all(text[f.start : f.end] == f.text for f in figures)
    assert all(text[c.start : c.end] == c.text and len(c.text) <= MAX_SENTENCE
               for c in x.claims)
    assert [c.sentence for c in x.claims] == sorted({c.sentence for c in x.claims})
    # every window was cut after a clause mark, so every clause is whole in one claim
    assert sum(c.text.count("homes flooded") for c in x.claims) == 400


@given(st.text(alphabet="ab ,;", min_size=0, max_size=300), st.integers(5, 60))
def test_windows_cover_the_text_exactly_once(text: str, limit: int) -> None:
    spans = window_spans(text, limit)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a < b <= a + limit for a, b in spans[:-1])
    assert all(spans[k][1] == spans[k + 1][0] for k in range(len(spans) - 1))


def test_extract_warns_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_text(run_on(400))
    result = CliRunner().invoke(app, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert f"Warning: {path}: the sentence at line 1 is " in result.stderr
    assert "read in 6 windows of at most 2,000" in result.stderr
    out = json.loads(result.stdout)
    assert sum(len(c["figures"]) for c in out["claims"]) == 400


def test_ingest_warns_naming_the_file_and_stores_every_figure(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    path = tmp_path / "in" / "dump.txt"
    path.write_text(run_on(400))
    db = str(tmp_path / "w.db")
    result = CliRunner().invoke(app, ["--db", db, "ingest", str(tmp_path / "in"), "--jobs", "0"])
    assert result.exit_code == 0, result.output
    assert "Warning: " in result.stderr and "dump.txt: the sentence at line 1 is 11,323 " \
        "characters long: read in 6 windows of at most 2,000" in result.stderr
    listed = CliRunner().invoke(app, ["--db", db, "list", "--format", "json", "--limit", "0"])
    assert sum(len(c["figures"]) for c in json.loads(listed.stdout)) == 400


def test_each_windowed_sentence_is_named_by_its_own_line() -> None:
    text = "Title\n\n" + ("word, " * 500 + "end.\n\n") * 3
    _, notes = window_sentences(segment(text), text)
    assert [n.split(" is ")[0] for n in notes] == [
        "the sentence at line 3", "the sentence at line 5", "the sentence at line 7"]

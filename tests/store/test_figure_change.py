"""`figure.change` end to end: stored on each backend, dumped and loaded, shown, exported,
and brought up to date by re-extraction."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from claims.cli import app
from claims.config import DbTarget, resolve_db
from claims.core.extraction import EXTRACTOR_VERSION, extract
from claims.core.model import Extraction
from claims.core.text.documents import make_document
from claims.store import Store, open_store, upgrade
from claims.store.ingest import save_extraction
from claims.store.reextract import reextract_articles
from claims.store.snapshot import dump, load
from claims.store.tables import figure

TEXT = (
    "The statistics office said exports fell 7% to 410,000 tonnes, down from 441,000.\n\n"
    "Consumer prices rose 0.4% in May, the bank said.\n"
)
EXPECTED = [("7%", "down"), ("410,000", None), ("441,000", None), ("0.4%", "up")]


def _extraction() -> Extraction:
    return extract(make_document(TEXT, "trade.txt"))


def _stored(store: Store) -> list[tuple[str, str | None]]:
    with store.read() as conn:
        rows = conn.execute(select(figure.c.text, figure.c.change).order_by(figure.c.id))
        return [(r.text, r.change) for r in rows]


def _dump(store: Store) -> str:
    out = io.StringIO()
    dump(store, out)
    return out.getvalue()


def test_extraction_gives_change_to_the_change_only() -> None:
    figures = [f for c in _extraction().claims for f in c.figures]
    assert [(f.text, f.change) for f in figures] == EXPECTED


def test_change_is_stored_and_dumped_on_each_backend(store: Store, backend: DbTarget) -> None:
    """SQLite and PostgreSQL store the same changes; a dump carries them byte for byte."""
    save_extraction(store, _extraction(), origin="trade.txt")
    assert _stored(store) == EXPECTED
    snapshot = _dump(store)
    figures = [json.loads(line) for line in snapshot.splitlines() if '"type":"figure"' in line]
    assert [f["change"] for f in figures] == ["down", None, None, "up"]
    upgrade(backend)
    with open_store(backend) as target:
        load(target, snapshot.split("\n"), name="snap.jsonl")
        assert _stored(target) == EXPECTED
        assert _dump(target) == snapshot


def test_dump_older_than_0004_loads_with_null_change(store: Store, tmp_path: Path) -> None:
    save_extraction(store, _extraction(), origin="trade.txt")
    old = []
    for line in _dump(store).rstrip("\n").split("\n"):
        record = json.loads(line)
        if record["type"] == "claims-dump":
            record["schema"] = "0003"
        record.pop("change", None)
        old.append(json.dumps(record))
    other = open_store(resolve_db(str(tmp_path / "other.db")))
    try:
        load(other, old, name="old.jsonl")
        assert _stored(other) == [(text, None) for text, _ in EXPECTED]
    finally:
        other.close()


def test_reextract_brings_stored_figures_to_the_new_units_and_change(store: Store) -> None:
    """Rows written by an extractor that knew no direction and no spaced symbol are
    rewritten in place by the current one."""
    old = _extraction()
    claims = tuple(
        replace(c, figures=tuple(replace(f, change=None, unit=None) for f in c.figures))
        for c in old.claims
    )
    save_extraction(store, replace(old, claims=claims, extractor_version="4"), origin="t.txt")
    assert _stored(store) == [(text, None) for text, _ in EXPECTED]
    result = reextract_articles(store)
    assert len(result.articles) == 1
    assert _stored(store) == EXPECTED
    with store.read() as conn:
        units = conn.execute(select(figure.c.unit).order_by(figure.c.id)).scalars().all()
    assert units == ["percent", "tonne", "tonne", "percent"]
    assert reextract_articles(store, version=EXTRACTOR_VERSION).articles == ()


@pytest.fixture
def trade_file(tmp_path: Path) -> Path:
    path = tmp_path / "trade.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_cli_extract_show_and_export_carry_change(trade_file: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(app, ["extract", "-", "--format", "json"], input=TEXT)
    assert out.exit_code == 0, out.output
    doc = json.loads(out.stdout)
    got = [(f["text"], f["change"]) for c in doc["claims"] for f in c["figures"]]
    assert got == EXPECTED
    assert runner.invoke(app, ["ingest", str(trade_file)]).exit_code == 0
    shown = runner.invoke(app, ["show", "1"], env={"COLUMNS": "160"})
    assert shown.exit_code == 0, shown.output
    header = next(line for line in shown.stdout.splitlines() if "qualifier" in line)
    assert "change" in header
    down_row = next(line for line in shown.stdout.splitlines() if "7%" in line)
    assert "down" in down_row
    exported = runner.invoke(app, ["export", "--format", "json"])
    assert exported.exit_code == 0, exported.output
    rows = json.loads(exported.stdout)
    assert [f["change"] for c in rows for f in c["figures"]] == ["down", None, None, "up"]
    csv_out = runner.invoke(app, ["export", "--format", "csv"])
    assert csv_out.exit_code == 0
    assert '""change"": ""down""' in csv_out.stdout

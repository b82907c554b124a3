"""`python -m claims.bench` builds its corpora and writes its report (no timing asserted:
speed regressions are the benchmark's to catch, never a unit test's)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from claims.bench import QUICK, Config, growth_exponent, main, run
from claims.bench_archive import DENSE_DATE, DENSE_SENTENCES, dense_reports, write_batches
from claims.bench_corpus import articles, insert_figure_corpus, write_articles
from claims.bench_longdoc import exponent, shape_text
from claims.bench_report import report
from claims.config import resolve_db
from claims.core.extraction import extract
from claims.core.text.documents import make_document
from claims.store import open_store


def test_articles_are_deterministic_and_varied() -> None:
    first, again = list(articles(30, seed=3)), list(articles(30, seed=3))
    assert first == again
    assert first != list(articles(30, seed=4))
    assert [a.name for a in first[:2]] == ["bench-000000.txt", "bench-000001.txt"]
    assert first[0].published == "2026-01-01"
    x = extract(make_document(first[0].text, first[0].name))
    assert len(x.claims) >= 5
    assert len({s.name for s in x.sources}) >= 3
    assert {str(f.qualifier) for a in first[:10] for c in extract(
        make_document(a.text, a.name)).claims for f in c.figures} >= {"exact", "range"}


def test_write_articles_makes_one_folder_a_day(tmp_path: Path) -> None:
    days, size = write_articles(tmp_path, 90, 1)
    assert [(d.name, day, len(list(d.iterdir()))) for d, day in days] == [
        ("2026-01-01", "2026-01-01", 40), ("2026-01-02", "2026-01-02", 40),
        ("2026-01-03", "2026-01-03", 10)]
    assert size == sum(p.stat().st_size for d, _ in days for p in d.iterdir())
    bigger, _ = write_articles(tmp_path / "big", 90, 1, per_day=60)
    assert [len(list(d.iterdir())) for d, _ in bigger] == [60, 30]


def test_figure_corpus_has_the_shape_of_an_ingested_one(tmp_path: Path) -> None:
    path = tmp_path / "rows.db"
    open_store(resolve_db(str(path))).close()
    counts = insert_figure_corpus(str(path), 400, seed=1)
    # 10 articles of 20 claims of 2 figures; per 10 figures a partition and a bound,
    # and a `same` with the previous article from the second article on.
    assert counts == {"articles": 10, "claims": 200, "figures": 400, "relations": 116,
                      "members": 4 * 3 + 4 * 2 + 9 * 4 * 7}
    with sqlite3.connect(path) as conn:
        kinds = dict(conn.execute("SELECT kind, count(*) FROM relation GROUP BY kind").fetchall())
        line_ok = conn.execute(
            "SELECT count(*) FROM figure f JOIN claim c ON c.id = f.claim_id JOIN article a "
            "ON a.id = c.article_id WHERE substr(a.text, f.start + 1, f.\"end\" - f.start) "
            "= f.text").fetchone()[0]
    assert kinds == {"partition": 40, "bound": 40, "same": 36}
    assert line_ok == 400  # spans point at the figure text inside the article


def test_growth_exponent() -> None:
    assert growth_exponent([10, 100, 1000], [1.0, 10.0, 100.0]) == pytest.approx(1.0)
    assert growth_exponent([10, 100], [1.0, 100.0]) == pytest.approx(2.0)
    assert growth_exponent([10], [1.0]) is None


def test_a_tiny_run_reports_every_figure(tmp_path: Path) -> None:
    cfg = Config(articles=42, per_day=40, dense=4, dense_batch=2, repeats=1, read_figures=400,
                 scaling=(200, 400), long_sizes=(3_000, 100_000, 150_000))
    result = run(cfg, tmp_path)
    assert set(result) == {"machine", "config", "startup", "ingest", "dense", "read",
                           "consistency", "interchange", "targets", "long"}
    long = result["long"]
    assert set(long["shapes"]) == {"lines", "paragraph", "sentence", "html"}
    assert [len(s["rows"]) for s in long["shapes"].values()] == [3, 3, 3, 3]
    assert long["ordinary_mb_s"] == result["ingest"]["extract_only_mb_s"]
    assert set(result["startup"]) == {"python_pass_s", "version_s", "version_ratio", "help_s",
                                      "help_ratio"}
    assert {"mb_s", "claims_s", "io_floor_mb_s", "extract_only_mb_s", "run_peak_mb",
            "run_mb_s", "net_mb_s", "run_fixed_s", "first_day_s", "first_day_jobs0_s",
            "jobs"} <= set(result["ingest"])
    assert result["ingest"]["articles"] == 42 and len(result["ingest"]["run_mb_s"]) == 2
    for section in (result["ingest"]["month"], result["dense"]):
        assert section["batches"] == 2 and section["claims"] > 0
        assert {"seconds", "mb_s", "claims_s", "main_mb", "worker_mb", "wal_mb",
                "db_mb"} <= set(section["first"])
        assert section["main_mb"] > 10 and section["wal_mb"] >= 0
    assert result["dense"]["reports"] == 4 and "0" in result["dense"]["jobs"]
    assert result["dense"]["jobs"]["0"]["speedup"] == 1.0
    assert {"claims_s", "vs_python"} <= set(result["read"]["list"])
    assert {"list", "list_json", "show", "source", "claim_id", "database"} <= set(result["read"])
    assert [r["figures"] for r in result["consistency"]["scaling"]] == [200, 400]
    assert {"dump_mb_s", "load_mb_s", "rows"} <= set(result["interchange"])
    # the month's and the dense archive's; long documents: 4 exponents, lines and
    # paragraph against ordinary articles, html against lines, peak memory
    assert len(result["targets"]) == 7 + 4 + 1 + 4 + 4 + 2 + 1 + 1
    # a target whose baseline is not installed (sqlite-utils is a bench extra) is n/a
    baselines_missing = any("sqlite-utils not found" in n for n in result["read"]["notes"])
    for t in result["targets"]:
        assert t["met"] in ((True, False, None) if baselines_missing else (True, False)), t
    table = report(result)
    assert "claims --version" in table and "targets" in table and "growth exponent" in table
    assert "net of each run's fixed cost" in table and "with --jobs 0" in table
    assert "dense archive (4 reports, one date)" in table and "speed-up by --jobs" in table
    assert "long documents (`claims extract FILE --format json`" in table
    assert "long html: speed / the same text as lines" in table
    json.dumps(result)  # what --json writes


def test_long_documents_have_their_shape_and_size() -> None:
    for shape in ("lines", "paragraph", "sentence", "html"):
        name, text = shape_text(shape, 50_000, seed=2)
        assert (name, text) == shape_text(shape, 50_000, seed=2)
        assert 50_000 <= len(text.encode()) <= 50_200, shape
    lines = shape_text("lines", 50_000)[1].splitlines()
    assert all(line.endswith(".") and " said " in line for line in lines)
    assert "\n" not in shape_text("paragraph", 50_000)[1].rstrip("\n")
    sentence = shape_text("sentence", 50_000)[1]
    assert "." not in sentence and sentence.count(" in district ") > 1000
    html = shape_text("html", 50_000)[1]
    assert html.count("<p>") > 800 and html.startswith("<!DOCTYPE html>")
    assert exponent([(1e5, 1.0), (1e6, 10.0)]) == pytest.approx(1.0)
    assert exponent([(1e5, 1.0)]) is None


def test_quick_is_small() -> None:
    assert QUICK.articles < Config().articles and max(QUICK.scaling) < 100_000
    assert QUICK.dense < Config().dense


def test_dense_reports_are_deterministic_and_have_the_issue_shape(tmp_path: Path) -> None:
    first = list(dense_reports(3, seed=2))
    assert first == list(dense_reports(3, seed=2)) and first != list(dense_reports(3, seed=3))
    lines = first[0].text.splitlines()
    assert lines[:2] == ["Situation report 1", ""] and len(lines) == 2 + DENSE_SENTENCES
    assert {a.published for a in first} == {DENSE_DATE}
    body = " ".join(a.text for a in dense_reports(20, seed=2))
    for word in ("According to", "were counted overnight", "were hit on day", "Zone"):
        assert word in body
    assert all(name in body for name in ("DeepState", "Agentstvo", "police", "officials"))
    batches = write_batches(tmp_path, dense_reports(5, seed=2), 2)
    assert [(d.name, day, len(list(d.iterdir()))) for d, day, _ in batches] == [
        ("batch-001", DENSE_DATE, 2), ("batch-002", DENSE_DATE, 2), ("batch-003", DENSE_DATE, 1)]
    assert sum(size for *_, size in batches) == sum(
        p.stat().st_size for d, _, _ in batches for p in d.iterdir())


def test_main_rejects_a_bad_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--articles", "many"])
    assert info.value.code == 2
    assert "invalid int value: 'many'" in capsys.readouterr().err

"""Parallel ingest: worker processes extract, this process stores, in input order, so
the database is the same whatever `jobs` is."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from concurrent.futures import BrokenExecutor, Executor, Future, ThreadPoolExecutor
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims import pipeline
from claims.bench_corpus import articles
from claims.config import DbTarget, resolve_db
from claims.core.model import Extraction
from claims.inputs import ArticleInput, InputFailure
from claims.pipeline import Extractor, Provenance, analyse, ingest_all
from claims.records import IngestOutcome
from claims.store import open_store

TABLES = ("article", "source", "source_alias", "claim", "figure", "relation",
          "relation_member", "claim_duplicate")


def corpus(n: int) -> list[ArticleInput]:
    return [ArticleInput(origin=a.name, name=a.name, text=a.text) for a in articles(n, 3)]


def contents(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the tables ingest writes, timestamps left out."""
    with closing(sqlite3.connect(path)) as conn:
        out = {}
        for table in TABLES:
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")
                    if r[1] not in ("ingested_at", "created_at")]
            out[table] = conn.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY 1, 2")\
                .fetchall()
    return out


def run(tmp_path: Path, name: str, items: list[ArticleInput | InputFailure], jobs: int,
        ) -> tuple[pipeline.IngestSummary, list[str], Path]:
    target: DbTarget = resolve_db(str(tmp_path / name))
    seen: list[str] = []
    with open_store(target) as store:
        summary = ingest_all(store, items, jobs=jobs,
                             on_item=lambda origin, _: seen.append(origin))
    assert target.path is not None
    return summary, seen, Path(target.path)


def test_workers_store_exactly_what_one_process_stores(tmp_path: Path) -> None:
    items: list[ArticleInput | InputFailure] = [*corpus(Extractor.POOL_AFTER + 6)]
    items.insert(5, InputFailure(origin="bad.txt", message="bad.txt: cannot read"))
    items.insert(9, items[2])  # the same text again: unchanged, in its place
    one, seen_one, db_one = run(tmp_path, "one.db", items, jobs=0)
    two, seen_two, db_two = run(tmp_path, "two.db", items, jobs=2)
    assert seen_one == seen_two == [i.origin for i in items]
    assert (one.new, one.unchanged, one.failed) == (two.new, two.unchanged, two.failed) == (
        Extractor.POOL_AFTER + 6, 1, 1)
    assert (one.claims, one.figures, one.relations) == (two.claims, two.figures, two.relations)
    assert one.claims > 100
    assert contents(db_one) == contents(db_two)


def test_the_pool_starts_only_for_a_batch_worth_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[int] = []
    real = pipeline._start_pool

    def counting(jobs: int) -> Executor:
        started.append(jobs)
        return real(jobs)

    monkeypatch.setattr(pipeline, "_start_pool", counting)
    items = corpus(Extractor.POOL_AFTER + 1)
    run(tmp_path, "few.db", [*items[:-1]], jobs=2)
    assert started == []  # POOL_AFTER new articles: extracted here
    run(tmp_path, "no-jobs.db", [*items], jobs=0)
    assert started == []
    summary, _, _ = run(tmp_path, "many.db", [*items], jobs=3)
    assert started == [3]
    assert summary.new == len(items)


class _Broken(Executor):
    """A pool whose workers have all died."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        future.set_exception(BrokenExecutor("a worker died"))
        return future


def test_a_dead_pool_falls_back_to_extracting_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "_start_pool", lambda jobs: _Broken())
    items = corpus(Extractor.POOL_AFTER + 4)
    summary, seen, _ = run(tmp_path, "broken.db", [*items], jobs=1)
    assert (summary.new, summary.failed, seen) == (len(items), 0, [i.origin for i in items])


KINDS = st.lists(st.sampled_from(["new", "stored", "failure"]), max_size=80)


@settings(max_examples=60, deadline=None)
@given(kinds=KINDS, jobs=st.integers(0, 3))
def test_results_come_back_in_input_order_each_extracted_once(
    kinds: list[str], jobs: int
) -> None:
    calls: list[str] = []

    def fake_analyse(item: ArticleInput, meta: Provenance | None = None) -> Extraction:
        calls.append(item.origin)
        return item.origin  # type: ignore[return-value]

    stream: list[tuple[ArticleInput | InputFailure, IngestOutcome | None]] = []
    for i, kind in enumerate(kinds):
        origin = f"{kind}-{i}"
        if kind == "failure":
            stream.append((InputFailure(origin=origin, message=origin), None))
        else:
            stored = IngestOutcome(i, origin, False, 0, 0, 0) if kind == "stored" else None
            stream.append((ArticleInput(origin=origin, name=origin, text="x"), stored))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline, "analyse", fake_analyse)
        mp.setattr(pipeline, "_start_pool", lambda n: ThreadPoolExecutor(n))
        with Extractor(Provenance(), jobs) as extractor:
            out = list(extractor.run(stream))
    assert [item.origin for item, _ in out] == [item.origin for item, _ in stream]
    for (item, stored), (_, result) in zip(stream, out, strict=True):
        if isinstance(item, InputFailure):
            assert result is None
        elif stored is not None:
            assert result is stored
        else:
            assert result == item.origin
    assert sorted(calls) == sorted(i.origin for i, s in stream
                                   if isinstance(i, ArticleInput) and s is None)


def test_worker_extraction_equals_extraction_here() -> None:
    item = corpus(1)[0]
    with pipeline._start_pool(1) as pool:
        assert pool.submit(analyse, item, Provenance()).result() == analyse(item)


def test_jobs_cannot_be_negative(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from claims.cli import app

    (tmp_path / "a.txt").write_text("The ministry said 12 people died.\n")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.txt"), "--jobs", "-1"])
    assert result.exit_code == 2
    assert "Invalid value for '--jobs' / '-j': -1 is not in the range x>=0." in result.stderr


def test_default_jobs_leave_a_cpu_to_the_storing_process(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for cpus, jobs in ((1, 0), (2, 1), (4, 3), (32, 8)):
        monkeypatch.setattr(os, "sched_getaffinity", lambda _, n=cpus: set(range(n)))
        assert pipeline.default_jobs() == jobs

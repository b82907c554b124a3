"""A long ingest keeps SQLite's write-ahead log small: no read stays open across
articles (which would stop every checkpoint), and the log is truncated at the end."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from claims import pipeline
from claims.config import resolve_db
from claims.inputs import ArticleInput, InputFailure
from claims.pipeline import ingest_all
from claims.records import IngestOutcome
from claims.store import open_store

TOWNS = ("Arden", "Belmor", "Corvin", "Dalby", "Eastwick", "Fenmoor", "Galton", "Hollis")


def small_articles(n: int) -> list[ArticleInput]:
    """`n` distinct three-sentence articles (a source, a figure, a partition each)."""
    out = []
    for i in range(n):
        town = TOWNS[i % len(TOWNS)]
        text = (f"Storm report {i}\n\n"
                f"The fire service said {100 + i} homes were damaged in {town} on day {i}.\n"
                f"Of the {50 + i} people evacuated, {20 + i % 7} were children and "
                f"{10 + i % 5} were elderly, police said.\n"
                f"Roads around {town} reopened in the evening.\n")
        out.append(ArticleInput(origin=f"s{i}.txt", name=f"s{i}.txt", text=text))
    return out


def test_the_wal_stays_bounded_and_is_truncated_at_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "CHECKPOINT_EVERY", 20)
    target = resolve_db(str(tmp_path / "w.db"))
    wal = Path(f"{target.path}-wal")
    sizes: list[int] = []

    def seen(_: str, outcome: IngestOutcome | InputFailure) -> None:
        assert isinstance(outcome, IngestOutcome) and outcome.new
        sizes.append(wal.stat().st_size)

    items: list[ArticleInput | InputFailure] = [*small_articles(300)]
    with open_store(target) as store:
        summary = ingest_all(store, items, jobs=0, on_item=seen)
        assert summary.new == 300 and summary.failed == 0
        assert wal.stat().st_size == 0  # truncated while the store is still open
    assert len(sizes) == 300
    # the log is reused after each checkpoint: about 20 articles' pages, 2 MB here (a
    # read held across articles made it grow with all 300 articles, to 27 MB)
    assert max(sizes) < 4_000_000, max(sizes)


def test_checkpoint_is_harmless_on_an_empty_or_busy_database(tmp_path: Path) -> None:
    target = resolve_db(str(tmp_path / "c.db"))
    with open_store(target) as store:
        store.checkpoint()
        store.checkpoint(truncate=True)
        with store.read() as conn:  # another reader: TRUNCATE gives up, no error
            conn.exec_driver_sql("SELECT count(*) FROM claim").all()
            store.checkpoint(truncate=True)
    assert os.path.exists(target.path or "")


def test_only_ingest_commits_without_waiting_for_the_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ingest writes with synchronous=NORMAL (a re-run restores what a power loss
    undoes); every other write, and the pooled connection after an ingest, stays FULL."""
    from claims.store import ingest

    target = resolve_db(str(tmp_path / "d.db"))
    seen: list[int] = []
    real = ingest._save

    def spy(conn: object, *args: object, **kwargs: object) -> object:
        seen.append(conn.exec_driver_sql("PRAGMA synchronous").scalar_one())  # type: ignore[attr-defined]
        return real(conn, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ingest, "_save", spy)
    with open_store(target) as store:
        with store.write() as conn:
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar_one() == 2  # FULL
        assert ingest_all(store, [*small_articles(2)], jobs=0).new == 2
        with store.write() as conn:
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar_one() == 2
        with store.write(durable=False) as conn:
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar_one() == 1  # NORMAL
        with store.read() as conn:
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar_one() == 2
    assert seen == [1, 1]


def test_a_failed_reset_never_hides_the_error_nor_leaves_a_relaxed_connection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If `synchronous=FULL` cannot be restored after a durable-later transaction, the
    transaction's own error is the one raised, and the connection leaves the pool."""
    from claims.store import engine

    real = engine._pragma

    def failing_reset(conn: Any, setting: str) -> None:
        if setting == "synchronous=FULL":
            raise RuntimeError("reset failed")
        real(conn, setting)

    with open_store(resolve_db(str(tmp_path / "r.db"))) as store:
        monkeypatch.setattr(engine, "_pragma", failing_reset)
        with pytest.raises(ValueError, match="the article's own failure"), \
                store.write(durable=False):
            raise ValueError("the article's own failure")
        with pytest.raises(RuntimeError, match="reset failed"), store.write(durable=False):
            pass
        monkeypatch.setattr(engine, "_pragma", real)
        with store.write() as conn:  # whichever connection the pool gives: never relaxed
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar_one() == 2

"""Archive-scale corpora for `python -m claims.bench`: a dense backlog and a daily month.

Both are deterministic for a seed and go through the real `claims ingest`, batch by
batch, so the benchmark shows whether a batch costs more as the archive grows:

- `dense_reports(n, seed)`: daily situation reports, each "Situation report N", a blank
  line, then 100 sentences of three shapes, ten sources, eight units and seven
  qualifiers. Few words, many numbers: the worst case for anything that compares a new
  claim with every earlier claim of its source. Ingested as batches of 100 under one
  publication date, as a desk ingests a backlog.
- `month(days, per_day, seed)`: the news-like articles of `bench_corpus.articles`,
  `per_day` a day with a date per day.
"""

from __future__ import annotations

import contextlib
import os
import random
import sqlite3
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claims.bench_corpus import SyntheticArticle, articles

DENSE_SOURCES = (
    "the Institute for the Study of War", "Ukraine's air force", "the defence ministry",
    "DeepState", "Agentstvo", "the regional governor", "Mayor Ivan Petrenko",
    "the United Nations", "police", "officials",
)
DENSE_UNITS = ("drones", "missiles", "people", "homes", "square kilometres", "battles",
               "villages", "tonnes")
DENSE_QUALIFIERS = ("", "more than ", "almost ", "about ", "at least ", "nearly ",
                    "fewer than ")
DENSE_SENTENCES = 100
DENSE_DATE = "2024-11-26"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def dense_sentence(rng: random.Random) -> str:
    """One sentence of the three shapes the issue describes."""
    who = rng.choice(DENSE_SOURCES)
    unit = rng.choice(DENSE_UNITS)
    q = rng.choice(DENSE_QUALIFIERS)
    n, m = rng.randint(100, 5000), rng.randint(1, 2000)
    shape = rng.randrange(3)
    if shape == 0:
        return (f"{_capital(who)} said {q}{n} {unit} were hit on day {rng.randint(1, 30)}, "
                f"and {m} more were reported later.")
    if shape == 1:
        return (f"According to {who}, {q}{n} {unit} were recorded in the district of "
                f"Zone{rng.randint(1, 40)}.")
    return (f"{_capital(q)}{n} {unit} were counted overnight, {who} reported, of which "
            f"{m} were confirmed.")


def dense_reports(n: int, seed: int = 1) -> Iterator[SyntheticArticle]:
    """`n` situation reports of 100 sentences, one a line, the same for the same seed."""
    rng = random.Random(seed)
    for i in range(1, n + 1):
        body = "\n".join(dense_sentence(rng) for _ in range(DENSE_SENTENCES))
        yield SyntheticArticle(name=f"report-{i:05d}.txt",
                               text=f"Situation report {i}\n\n{body}\n",
                               published=DENSE_DATE)


def month(days: int, per_day: int, seed: int = 1) -> Iterator[SyntheticArticle]:
    """`days` × `per_day` news-like articles, a publication date per day."""
    return articles(days * per_day, seed, per_day)


def write_batches(
    root: Path, docs: Iterator[SyntheticArticle], per_batch: int
) -> list[tuple[Path, str, int]]:
    """The articles as files, `per_batch` to a folder: (folder, date, bytes) per batch.

    A batch's date is its first article's (one date for the dense corpus, the day for
    the month)."""
    batches: list[tuple[Path, str, int]] = []
    for k, doc in enumerate(docs):
        if k % per_batch == 0:
            folder = root / f"batch-{k // per_batch + 1:03d}"
            folder.mkdir(parents=True, exist_ok=True)
            batches.append((folder, doc.published, 0))
        folder, day, size = batches[-1]
        data = doc.text.encode()
        (folder / doc.name).write_bytes(data)
        batches[-1] = (folder, day, size + len(data))
    return batches


# -- one batch, watched ---------------------------------------------------------------


@dataclass(frozen=True)
class BatchRun:
    """One `claims ingest` of a batch: wall seconds, the storing process's peak resident
    set, the largest worker's, and the largest write-ahead log seen during the run and
    left after it (MB)."""

    seconds: float
    main_mb: float
    worker_mb: float
    wal_mb: float
    wal_after_mb: float


def _hwm_mb(pid: int) -> float | None:
    """A process's peak resident set so far (VmHWM), or None once it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        return None
    return None


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def watch_run(cmd: list[str], wal: Path, every: float = 0.05) -> BatchRun:
    """Run `cmd`, sampling the peak resident set of it and of each of its children
    (workers are separate processes with their own memory) and the size of `wal`.

    A worker's peak is its VmHWM as last sampled before it exits (its final 50 ms may be
    missed); the storing process's comes from `wait4` when it is the largest of all,
    else from its own VmHWM as sampled. The child's stderr goes to a file: a full pipe
    would stop it.
    """
    workers: dict[int, float] = {}
    main_seen = 0.0
    wal_max = 0.0
    with tempfile.TemporaryFile() as err:  # a file, not a pipe: a full pipe would block
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            main_seen = max(main_seen, _hwm_mb(proc.pid) or 0.0)
            for child in _children(proc.pid):
                mb = _hwm_mb(child)
                if mb is not None:
                    workers[child] = max(workers.get(child, 0.0), mb)
            with contextlib.suppress(OSError):
                wal_max = max(wal_max, wal.stat().st_size / 1e6)
            time.sleep(every)
        seconds = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            err.seek(0)
            detail = err.read().decode(errors="replace").strip()[-500:]
            raise RuntimeError(f"{' '.join(cmd)} exited {code}: {detail}")
    after = wal.stat().st_size / 1e6 if wal.exists() else 0.0
    # wait4's ru_maxrss covers the child's reaped children too (the largest of them
    # all): it is the storing process's own peak only when it beats every worker's
    both = usage.ru_maxrss / 1024
    worker = max(workers.values(), default=0.0)
    main = both if both > worker + 1 else main_seen
    return BatchRun(seconds, main, worker, max(wal_max, after), after)


# -- the sections ---------------------------------------------------------------------


def _claims_in(db: Path) -> int:
    if not db.exists():
        return 0
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return int(conn.execute("SELECT count(*) FROM claim").fetchone()[0])


def ingest_batches(
    exe: list[str], batches: list[tuple[Path, str, int]], db: Path, jobs: int | None = None
) -> list[dict[str, float]]:
    """One `claims ingest BATCH/ --published DATE` per batch into `db`, each watched."""
    runs = []
    wal = Path(f"{db}-wal")
    for folder, day, size in batches:
        before = _claims_in(db)
        cmd = [*exe, "--db", str(db), "ingest", str(folder), "--published", day]
        if jobs is not None:
            cmd += ["--jobs", str(jobs)]
        r = watch_run(cmd, wal)
        claims = _claims_in(db) - before
        runs.append({
            "seconds": round(r.seconds, 3), "mb": size / 1e6, "claims": claims,
            "mb_s": size / 1e6 / r.seconds, "claims_s": claims / r.seconds,
            "main_mb": round(r.main_mb, 1), "worker_mb": round(r.worker_mb, 1),
            "wal_mb": round(r.wal_mb, 2), "wal_after_mb": round(r.wal_after_mb, 2),
            "db_mb": round(db.stat().st_size / 1e6, 1),
        })
    return runs


def summarise(runs: list[dict[str, float]]) -> dict[str, Any]:
    """First against last batch, and the worst of every batch."""
    first, last = runs[0], runs[-1]
    seconds = sum(r["seconds"] for r in runs)
    mb = sum(r["mb"] for r in runs)
    return {
        "batches": len(runs), "seconds": seconds, "mb": mb, "mb_s": mb / seconds,
        "claims": sum(r["claims"] for r in runs),
        "claims_s": sum(r["claims"] for r in runs) / seconds,
        "first": first, "last": last, "last_vs_first": last["mb_s"] / first["mb_s"],
        "main_mb": max(r["main_mb"] for r in runs),
        "worker_mb": max(r["worker_mb"] for r in runs),
        "wal_mb": max(r["wal_mb"] for r in runs), "db_mb": last["db_mb"],
        "runs": runs,
    }


def extract_alone(folder: Path, published: str) -> float:
    """MB/s of the extractor alone, in this process, on the files of one batch."""
    from claims.core.extraction import extract
    from claims.core.text.documents import make_document

    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.iterdir())]
    start = time.perf_counter()
    for name, text in texts:
        extract(make_document(text, name, published=published))
    seconds = time.perf_counter() - start
    return sum(len(t.encode()) for _, t in texts) / 1e6 / seconds


def jobs_scaling(
    exe: list[str], batch: tuple[Path, str, int], work: Path, jobs: list[int]
) -> dict[str, Any]:
    """The same batch into a fresh database with each `--jobs` value: MB/s and speed-up
    over `--jobs 0` (extraction in the storing process)."""
    rates: dict[str, Any] = {}
    for n in jobs:
        db = work / f"jobs-{n}.db"
        run = ingest_batches(exe, [batch], db, jobs=n)[0]
        rates[str(n)] = {"mb_s": run["mb_s"], "seconds": run["seconds"],
                         "main_mb": run["main_mb"], "worker_mb": run["worker_mb"]}
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    base = rates[str(jobs[0])]["mb_s"]
    for r in rates.values():
        r["speedup"] = r["mb_s"] / base
    return rates


def bench_dense(
    exe: list[str], work: Path, reports: int, per_batch: int, seed: int, jobs: list[int]
) -> dict[str, Any]:
    """The dense archive: `reports` situation reports, `per_batch` to a `claims ingest`,
    all under one date; then the extractor alone, and `--jobs N`, on the first batch."""
    batches = write_batches(work / "dense", dense_reports(reports, seed), per_batch)
    out = summarise(ingest_batches(exe, batches, work / "dense.db"))
    out["reports"] = reports
    out["extract_only_mb_s"] = extract_alone(batches[0][0], batches[0][1])
    out["jobs"] = jobs_scaling(exe, batches[0], work, jobs)
    out["jobs0_vs_extract"] = out["jobs"]["0"]["mb_s"] / out["extract_only_mb_s"]
    return out


def jobs_to_try() -> list[int]:
    """`--jobs` values for the scaling rows: 0 (one process), 1, 2, and one per CPU."""
    n = os.cpu_count() or 1
    return sorted({0, 1, 2, n})

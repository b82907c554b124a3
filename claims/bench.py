"""`python -m claims.bench`: how fast `claims` is, as ratios to baselines timed in the same run.

Absolute seconds depend on the machine and on whatever else it is doing, so every figure
comes with a baseline measured minutes apart on the same box: a bare `python -c pass`
for start-up, the `sqlite3` shell and `sqlite-utils query` for reads, reading and
splitting the same text for ingest. Each timing is the median of several runs of the
real console script in a subprocess; peak memory is the child's own `ru_maxrss`.

Example:

    python -m claims.bench --quick
    python -m claims.bench --json bench.json
    python -m claims.bench --articles 1000 --dense 300 --keep /tmp/b
    python -m claims.bench --articles 400 --dense 0 --long 100000,400000,1500000
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from claims.bench_archive import (
    bench_dense,
    extract_alone,
    ingest_batches,
    jobs_to_try,
    summarise,
)
from claims.bench_corpus import (
    insert_figure_corpus,
    read_and_split,
    write_articles,
)
from claims.bench_longdoc import SIZES as LONG_SIZES
from claims.bench_longdoc import bench_long
from claims.bench_report import report, verdicts
from claims.pipeline import default_jobs


@dataclass(frozen=True)
class Config:
    articles: int = 6000  # the month: 30 days through the real `claims ingest`
    per_day: int = 200  # articles per `claims ingest DAY/ --published DAY` run
    dense: int = 1000  # situation reports of the dense archive (0: no such section)
    dense_batch: int = 100  # reports per `claims ingest` of the dense archive
    repeats: int = 5
    read_figures: int = 200_000  # the large database for list/show: 100k claims
    scaling: tuple[int, ...] = (10_000, 100_000, 1_000_000)  # figures, rows written directly
    long_sizes: tuple[int, ...] = LONG_SIZES  # bytes of each long document (() leaves it out)
    seed: int = 1


QUICK = Config(articles=80, per_day=40, dense=60, dense_batch=20, repeats=3,
               read_figures=20_000, scaling=(5_000, 20_000, 50_000),
               long_sizes=(10_000, 100_000, 200_000))



@dataclass
class Timing:
    """Median wall time (s) over the runs and the largest peak RSS (MB) seen."""

    seconds: float
    peak_mb: float
    runs: list[float] = field(default_factory=list)


# -- running things -------------------------------------------------------------------------


def claims_exe() -> list[str]:
    """The installed console script next to this interpreter, else `python -m claims`."""
    script = Path(sys.executable).parent / "claims"
    return [str(script)] if script.exists() else [sys.executable, "-m", "claims"]


def run_once(cmd: Sequence[str], *, ok: Sequence[int] = (0,)) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process; its output is discarded."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(cmd), stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in ok:
            err.seek(0)
            detail = err.read().decode(errors="replace").strip()[-500:]
            raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {detail}")
    return elapsed, usage.ru_maxrss / 1024


def measure(
    cmd: Sequence[str], repeats: int, *, ok: Sequence[int] = (0,),
    before: Callable[[], None] | None = None,
) -> Timing:
    runs: list[float] = []
    peak = 0.0
    for _ in range(repeats):
        if before is not None:
            before()
        seconds, mb = run_once(cmd, ok=ok)
        runs.append(seconds)
        peak = max(peak, mb)
    return Timing(statistics.median(runs), peak, runs)


def median_in_process(fn: Callable[[], object], repeats: int) -> float:
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def growth_exponent(sizes: Sequence[int], seconds: Sequence[float]) -> float | None:
    """Least-squares slope of log(time) on log(size): 1 is linear, 2 quadratic."""
    pts = [(math.log(n), math.log(t)) for n, t in zip(sizes, seconds, strict=True) if t > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    var = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / var if var else None


def machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text()
                      .splitlines() if line.startswith("MemTotal"))
    except (OSError, StopIteration, ValueError):
        mem_kb = 0
    return {
        "nproc": os.cpu_count(), "cpu": cpu, "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(), "load_average": [round(x, 2) for x in os.getloadavg()],
    }


# -- the sections ----------------------------------------------------------------------------


def bench_startup(cfg: Config) -> dict[str, Any]:
    base = measure([sys.executable, "-c", "pass"], cfg.repeats * 2)
    version = measure([*claims_exe(), "--version"], cfg.repeats * 2)
    helps = measure([*claims_exe(), "--help"], cfg.repeats * 2)
    return {
        "python_pass_s": base.seconds,
        "version_s": version.seconds, "version_ratio": version.seconds / base.seconds,
        "help_s": helps.seconds, "help_ratio": helps.seconds / base.seconds,
    }


def bench_ingest(cfg: Config, db: Path, work: Path) -> dict[str, Any]:
    """The month: one `claims ingest DIR --published DAY` per day of articles, as a
    desk would, each watched (time, peak memory of the storing process and of the
    largest worker, largest write-ahead log).

    The fixed cost of a run (start-up, opening the store) is timed on an empty folder,
    so the report can give the rate net of it too. The first day is also ingested
    with `--jobs 0` (extraction in the storing process) into a scratch database, the
    rate to hold against the extractor alone.
    """
    days, size = write_articles(work / "articles", cfg.articles, cfg.seed, cfg.per_day)
    dirs = [d for d, _ in days]
    floor = median_in_process(lambda: read_and_split(dirs), cfg.repeats)
    empty = work / "empty"
    empty.mkdir(exist_ok=True)
    fixed = measure([*claims_exe(), "--db", str(work / "fixed.db"), "ingest", str(empty)],
                    cfg.repeats).seconds
    batches = [(d, day, sum(p.stat().st_size for p in d.iterdir())) for d, day in days]
    serial_db = work / "serial.db"
    serial = ingest_batches(claims_exe(), batches[:1], serial_db, jobs=0)[0]
    for suffix in ("", "-wal", "-shm"):
        Path(f"{serial_db}{suffix}").unlink(missing_ok=True)
    month = summarise(ingest_batches(claims_exe(), batches, db))
    runs = month["runs"]
    seconds = month["seconds"]
    with sqlite3.connect(db) as conn:
        n_claims, n_figures, n_relations = (
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("claim", "figure", "relation")
        )
    extract_mb_s = extract_alone(batches[0][0], batches[0][1])
    net = seconds - fixed * len(runs)
    return {
        "articles": cfg.articles, "days": len(days), "mb": size / 1e6, "claims": n_claims,
        "figures": n_figures, "relations": n_relations, "seconds": seconds,
        "mb_s": size / 1e6 / seconds, "claims_s": n_claims / seconds,
        "net_mb_s": size / 1e6 / net if net > 0 else None,
        "run_fixed_s": fixed, "jobs": default_jobs(),
        "first_day_jobs0_s": serial["seconds"], "first_day_s": runs[0]["seconds"],
        "jobs0_mb_s": serial["mb_s"], "jobs0_vs_extract": serial["mb_s"] / extract_mb_s,
        "io_floor_mb_s": size / 1e6 / floor,
        "extract_only_mb_s": extract_mb_s,
        "run_peak_mb": [r["main_mb"] for r in runs],
        "run_mb_s": [round(r["mb_s"], 4) for r in runs],
        "month": month,
    }


LIST_SQL = (
    "SELECT c.id, a.name, c.text, c.start, c.\"end\", s.name, s.type, c.cue, c.status, "
    "c.version, f.id, f.text, f.value, f.low, f.high, f.qualifier, f.unit, f.metric FROM "
    "(SELECT * FROM claim WHERE source_id = (SELECT id FROM source WHERE name = '{source}') "
    "AND dismissed IS 0 AND superseded IS NULL ORDER BY article_id, seq LIMIT 20) AS c "
    "JOIN article a ON a.id = c.article_id LEFT JOIN source s ON s.id = c.source_id "
    "LEFT JOIN figure f ON f.claim_id = c.id ORDER BY c.article_id, c.seq, f.seq"
)
SHOW_SQL = (
    "SELECT c.*, a.name, a.origin, a.text, s.name, s.type, f.* FROM claim c "
    "JOIN article a ON a.id = c.article_id LEFT JOIN source s ON s.id = c.source_id "
    "LEFT JOIN figure f ON f.claim_id = c.id WHERE c.id = {claim_id} ORDER BY f.seq"
)


def _pick(db: Path) -> tuple[str, int]:
    """The source with most claims (a realistic `--source`) and a middle claim with figures."""
    with sqlite3.connect(db) as conn:
        source = conn.execute(
            "SELECT s.name FROM claim c JOIN source s ON s.id = c.source_id "
            "GROUP BY s.id ORDER BY count(*) DESC, s.name LIMIT 1").fetchone()[0]
        claim_id = conn.execute(
            "SELECT claim_id FROM figure ORDER BY claim_id LIMIT 1 OFFSET "
            "(SELECT count(*) / 2 FROM figure)").fetchone()[0]
    return str(source), int(claim_id)


def bench_read(cfg: Config, db: Path, base_s: float) -> dict[str, Any]:
    source, claim_id = _pick(db)
    exe = [*claims_exe(), "--db", str(db)]
    out: dict[str, Any] = {"source": source, "claim_id": claim_id, "notes": []}
    cmds: dict[str, dict[str, list[str] | None]] = {
        "list": {"claims": [*exe, "list", "--source", source, "--limit", "20"]},
        "list_json": {"claims": [*exe, "list", "--source", source, "--limit", "20",
                                 "--format", "json"]},
        "show": {"claims": [*exe, "show", str(claim_id)]},
    }
    sql = {"list": LIST_SQL.format(source=source.replace("'", "''")),
           "show": SHOW_SQL.format(claim_id=claim_id)}
    sqlite3_cli = shutil.which("sqlite3")
    utils = Path(sys.executable).parent / "sqlite-utils"
    utils_cmd = str(utils) if utils.exists() else shutil.which("sqlite-utils")
    if sqlite3_cli is None:
        out["notes"].append("sqlite3 shell not found: its baseline is skipped "
                            "(apt-get install -y sqlite3)")
    if utils_cmd is None:
        out["notes"].append("sqlite-utils not found: pip install 'claim-tracker[bench]'")
    for name in ("list", "show"):
        q = sql[name]
        cmds[name]["sqlite3"] = [sqlite3_cli, str(db), q] if sqlite3_cli else None
        cmds[name]["sqlite_utils"] = [utils_cmd, "query", str(db), q] if utils_cmd else None
    for name, variants in cmds.items():
        row: dict[str, Any] = {}
        for who, cmd in variants.items():
            if cmd is not None:
                row[f"{who}_s"] = measure(cmd, cfg.repeats).seconds
        mine = row["claims_s"]
        row["vs_python"] = mine / base_s
        base = cmds.get(name.removesuffix("_json"), {})
        for who in ("sqlite3", "sqlite_utils"):
            other = row.get(f"{who}_s")
            if other is None and base.get(who) is not None:
                other = out.get(name.removesuffix("_json"), {}).get(f"{who}_s")
            if other:
                row[f"vs_{who}"] = mine / other
        out[name] = row
    return out


def bench_consistency(cfg: Config, corpus: Path, large: Path, work: Path) -> dict[str, Any]:
    exe = claims_exe()
    check = ["check-consistency", "--fail-on", "never"]
    ingested = measure([*exe, "--db", str(corpus), *check], cfg.repeats)
    big = measure([*exe, "--db", str(large), *check], cfg.repeats)
    empty_db = work / "empty.db"
    run_once([*exe, "--db", str(empty_db), "db", "upgrade"])  # reading creates nothing
    fixed = measure([*exe, "--db", str(empty_db), *check], cfg.repeats)
    rows: list[dict[str, Any]] = []
    for n in cfg.scaling:
        build_start = time.perf_counter()
        path, counts = build_rows(work, f"figures-{n}.db", n, cfg.seed)
        build_s = time.perf_counter() - build_start
        t = measure([*exe, "--db", str(path), *check], max(1, cfg.repeats - 2))
        rows.append({"figures": counts["figures"], "relations": counts["relations"],
                     "seconds": t.seconds, "in_process_s": _check_in_process(path),
                     "peak_mb": t.peak_mb, "build_s": build_s})
        path.unlink()
    return {
        "ingested_s": ingested.seconds, "ingested_peak_mb": ingested.peak_mb,
        "large_s": big.seconds, "large_peak_mb": big.peak_mb,
        "fixed_s": fixed.seconds, "scaling": rows,
        "exponent": growth_exponent([r["figures"] for r in rows],
                                    [r["in_process_s"] for r in rows]),
    }


def _check_in_process(path: Path) -> float:
    """Load, check and render in this process, as the gate does (streamed, relation by
    relation): the part that grows with the data, without the start-up that dominates
    small sizes (the growth exponent is fitted on this)."""
    from claims.config import resolve_db
    from claims.core.reconcile.consistency import iter_check
    from claims.render import CheckFormat
    from claims.render.checks import Tally
    from claims.store import open_store
    from claims.store.relations import iter_check_groups, load_acks

    with open_store(resolve_db(str(path))) as store:
        start = time.perf_counter()
        tally = Tally()
        findings = tally.counted(iter_check(iter_check_groups(store), load_acks(store)))
        for _ in CheckFormat.text.body(findings):
            pass
        CheckFormat.text.tail(tally)
        return time.perf_counter() - start


def bench_interchange(cfg: Config, db: Path, work: Path) -> dict[str, Any]:
    exe = claims_exe()
    snap = work / "snapshot.jsonl"
    dump = measure([*exe, "--db", str(db), "dump", str(snap)], cfg.repeats)
    size = snap.stat().st_size
    with snap.open("rb") as fh:
        lines = sum(1 for _ in fh)
    target = work / "loaded.db"

    def fresh() -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)

    load = measure([*exe, "--db", str(target), "load", str(snap)], cfg.repeats, before=fresh)
    return {
        "snapshot_mb": size / 1e6, "rows": lines,
        "dump_s": dump.seconds, "dump_mb_s": size / 1e6 / dump.seconds,
        "dump_rows_s": lines / dump.seconds,
        "load_s": load.seconds, "load_mb_s": size / 1e6 / load.seconds,
        "load_rows_s": lines / load.seconds,
    }


# -- the whole run, the verdicts, the table -----------------------------------------------


def build_rows(work: Path, name: str, n_figures: int, seed: int) -> tuple[Path, dict[str, int]]:
    """A migrated database (made by `claims` itself) filled with rows written directly."""
    path = work / name
    run_once([*claims_exe(), "--db", str(path), "db", "upgrade"])
    return path, insert_figure_corpus(str(path), n_figures, seed)


def run(cfg: Config, work: Path) -> dict[str, Any]:
    """Every section on corpora built under `work`; a JSON-ready dict of the figures."""
    result: dict[str, Any] = {"machine": machine(), "config": asdict(cfg)}
    result["startup"] = bench_startup(cfg)
    corpus = work / "corpus.db"
    result["ingest"] = bench_ingest(cfg, corpus, work)
    if cfg.dense:
        result["dense"] = bench_dense(claims_exe(), work, cfg.dense, cfg.dense_batch,
                                      cfg.seed, jobs_to_try())
    if cfg.long_sizes:
        result["long"] = bench_long(run_once, claims_exe(), work / "long", cfg.long_sizes,
                                    seed=cfg.seed)
        result["long"]["ordinary_mb_s"] = result["ingest"]["extract_only_mb_s"]
    large, counts = build_rows(work, "large.db", cfg.read_figures, cfg.seed)
    result["read"] = bench_read(cfg, large, result["startup"]["python_pass_s"])
    result["read"]["database"] = counts
    result["consistency"] = bench_consistency(cfg, corpus, large, work)
    result["interchange"] = bench_interchange(cfg, corpus, work)
    result["machine"]["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    result["targets"] = verdicts(result)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claims.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, help=f"corpus size (default {Config.articles})")
    parser.add_argument("--quick", action="store_true", help="a small run (under a minute)")
    parser.add_argument("--per-day", type=int, help="articles per daily ingest run "
                        f"(default {Config.per_day})")
    parser.add_argument("--dense", type=int, help="situation reports of the dense archive "
                        f"(default {Config.dense}; 0 leaves the section out)")
    parser.add_argument("--dense-batch", type=int, help="reports per ingest of the dense "
                        f"archive (default {Config.dense_batch})")
    parser.add_argument("--repeats", type=int, help="runs per timing (the median is kept)")
    parser.add_argument("--scaling", help="figure counts for check-consistency, comma-separated")
    parser.add_argument("--long", help="sizes in bytes of the long documents, comma-separated "
                        "(default 10 KB to 4 MB; 0 leaves the section out)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--keep", metavar="DIR", help="build the corpus in DIR and keep it")
    args = parser.parse_args(argv)
    cfg = QUICK if args.quick else Config()
    changes: dict[str, Any] = {"seed": args.seed}
    if args.articles is not None:
        changes["articles"] = args.articles
    if args.repeats is not None:
        changes["repeats"] = args.repeats
    if args.per_day is not None:
        changes["per_day"] = args.per_day
    if args.dense is not None:
        changes["dense"] = args.dense
    if args.dense_batch is not None:
        changes["dense_batch"] = args.dense_batch
    if args.scaling:
        changes["scaling"] = tuple(int(n) for n in args.scaling.split(","))
    if args.long is not None:
        changes["long_sizes"] = tuple(n for n in (int(x) for x in args.long.split(",")) if n)
    cfg = dataclasses.replace(cfg, **changes)
    if args.keep:
        work = Path(args.keep)
        work.mkdir(parents=True, exist_ok=True)
        result = run(cfg, work)
    else:
        with tempfile.TemporaryDirectory(prefix="claims-bench-") as tmp:
            result = run(cfg, Path(tmp))
    sys.stdout.write(report(result))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

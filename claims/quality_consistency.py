"""`python -m claims.quality consistency DIR`: what `check-consistency` says about a folder
of real articles, per 100 articles.

It ingests DIR as `claims ingest DIR` does (a temporary SQLite database unless `--db`
is given), checks every relation not rejected, and prints relations proposed and
findings per 100 articles by rule, kind, confidence and severity, and how many findings
fail the default gate (`--fail-on error`, `--min-confidence high`) and the strict one
(`--fail-on warning`). `--sample N --seed S` prints N proposed relations drawn at random
(with their figures and claims) for judging by hand: to the terminal only, since corpus
text must not be kept.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

PER = 100


def measure(folder: Path, db_url: str | None = None, jobs: int | None = None) -> dict[str, Any]:
    """Ingest `folder` and count relations and findings (see the module docstring)."""
    from claims.config import resolve_db
    from claims.pipeline import default_jobs, ingest_all
    from claims.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(resolve_db(db_url or f"{tmp}/quality.db", env={}))
        try:
            from claims.inputs import iter_inputs

            summary = ingest_all(store, iter_inputs([str(folder)]),
                                 jobs=default_jobs() if jobs is None else jobs)
            return _counts(store, summary.new + summary.unchanged)
        finally:
            store.close()


def _counts(store: Any, articles: int) -> dict[str, Any]:
    from claims.core.reconcile.consistency import iter_check
    from claims.render.checks import fails
    from claims.store.relations import iter_check_groups, list_relations, load_acks

    rels = list_relations(store)
    proposed = Counter((r.rule or "-", r.kind, r.confidence or "-") for r in rels
                       if r.origin == "inferred")
    findings = list(iter_check(iter_check_groups(store), load_acks(store), "high"))
    by = Counter((f.rule or "-", f.kind, f.confidence or "-", f.severity) for f in findings)
    gate = sum(fails(f, "error") for f in findings)
    strict = sum(fails(f, "warning") for f in findings)
    summary = Counter(f.severity for f in findings)

    def per(n: int) -> float:
        return round(PER * n / articles, 2) if articles else 0.0

    return {
        "articles": articles,
        "relations": sum(proposed.values()),
        "relations_per_100": per(sum(proposed.values())),
        "relations_by_rule": {"/".join(k): v for k, v in sorted(proposed.items())},
        "summary": {s: summary.get(s, 0) for s in ("error", "warning", "ok")},
        "findings_by_rule": {"/".join(k): v for k, v in sorted(by.items())},
        "gating_default": gate,
        "gating_default_per_100": per(gate),
        "gating_warning": strict,
        "gating_warning_per_100": per(strict),
    }


def sample(store_url: str, n: int, seed: int) -> list[dict[str, Any]]:
    """`n` proposed relations drawn with `random.Random(seed)`, with each member's text
    and claim, for judging by hand (never written to a file by this tool)."""
    from claims.config import resolve_db
    from claims.store import open_store
    from claims.store.relation_review import relation_records

    store = open_store(resolve_db(store_url, env={}))
    try:
        recs = [r for r in relation_records(store) if r.relation.origin == "inferred"]
        picked = random.Random(seed).sample(recs, min(n, len(recs)))
        out = []
        for r in picked:
            from claims.store.queries import get_claim

            members = []
            for m in r.members:
                detail = get_claim(store, m.claim_id) if m.claim_id is not None else None
                members.append({"role": m.role, "text": m.text, "article": m.article,
                                "claim": detail.claim.text if detail else None})
            out.append({"id": r.relation.id, "kind": r.relation.kind, "rule": r.relation.rule,
                        "confidence": r.relation.confidence,
                        "evidence": list(r.relation.evidence), "members": members})
        return out
    finally:
        store.close()


def _table(report: dict[str, Any]) -> str:
    lines = [f"articles: {report['articles']}",
             f"relations proposed: {report['relations']} "
             f"({report['relations_per_100']} per 100 articles)"]
    for k, v in report["relations_by_rule"].items():
        lines.append(f"  {k:40} {v:6} {PER * v / max(1, report['articles']):8.2f}/100")
    s = report["summary"]
    lines.append(f"findings: {s['error']} error, {s['warning']} warning, {s['ok']} ok")
    for k, v in report["findings_by_rule"].items():
        lines.append(f"  {k:48} {v:6} {PER * v / max(1, report['articles']):8.2f}/100")
    lines.append(f"failing the default gate: {report['gating_default']} "
                 f"({report['gating_default_per_100']} per 100 articles)")
    lines.append(f"failing --fail-on warning: {report['gating_warning']} "
                 f"({report['gating_warning_per_100']} per 100 articles)")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m claims.quality consistency",
                                 description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--db", help="keep the database here (a path or SQLAlchemy URL)")
    ap.add_argument("--jobs", type=int, help="extraction workers (default: as ingest)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--sample", type=int, default=0, help="print N proposed relations")
    ap.add_argument("--seed", type=int, default=13)
    a = ap.parse_args(argv)
    if not a.folder.is_dir():
        print(f"Error: {a.folder} is not a folder", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        url = a.db or f"{tmp}/quality.db"
        report = measure(a.folder, url, a.jobs)
        drawn = sample(url, a.sample, a.seed) if a.sample else []
    if a.json:
        print(json.dumps({**report, "sample": drawn}, indent=1, ensure_ascii=False))
        return 0
    sys.stdout.write(_table(report))
    for d in drawn:
        print(f"\n#{d['id']} {d['kind']} {d['rule']} {d['confidence']} {d['evidence']}")
        for m in d["members"]:
            print(f"  [{m['role']}] {m['text']!r} ({m['article']}): {m['claim']}")
    return 0

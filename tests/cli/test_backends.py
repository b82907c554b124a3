"""SQLite and PostgreSQL give the same answers to the same commands (issue 7)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import SEED, Invoke

SECOND = Path(__file__).resolve().parents[1] / "data" / "unseen" / "halvorsen-earnings.txt"


def without_ids(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for r in rows:
        r = {k: v for k, v in r.items() if k != "id"}
        r["figures"] = [{k: v for k, v in f.items() if k != "id"} for f in r["figures"]]
        out.append(r)
    return out


def run_all(invoke: Invoke, url: str) -> dict[str, Any]:
    if url.startswith("postgresql"):
        assert invoke("--db", url, "db", "upgrade").exit_code == 0
    for path in (SEED, SECOND):
        result = invoke("--db", url, "ingest", str(path))
        assert result.exit_code == 0, result.stderr
    listing = invoke("--db", url, "list", "--format", "json")
    sources = invoke("--db", url, "sources", "--format", "json")
    check = invoke("--db", url, "check-consistency", "--format", "json", "--fail-on", "never")
    report = json.loads(check.stdout)
    stats = json.loads(invoke("--db", url, "stats", "--format", "json").stdout)
    cut = invoke("--db", url, "list", "--limit", "7")
    found = invoke("--db", url, "list", "--format", "json", "--search", "UKRAINE’S drones",
                   "--value", "188")
    return {
        "claims": without_ids(json.loads(listing.stdout)),
        "stats": {k: list(v.items()) for k, v in stats.items()},  # in order
        "cut": cut.stderr,
        "found": [c["text"] for c in json.loads(found.stdout)],
        "sources": json.loads(sources.stdout),
        "findings": sorted((f["key"], f["outcome"], f["message"]) for f in report["findings"]),
    }


@pytest.mark.usefixtures("pg_url")
def test_sqlite_and_postgresql_agree(invoke: Invoke, tmp_path: Path, pg_database: str) -> None:
    on_sqlite = run_all(invoke, str(tmp_path / "a.db"))
    on_postgres = run_all(invoke, pg_database)
    assert len(on_sqlite["claims"]) > 40
    assert on_sqlite["claims"] == on_postgres["claims"]
    assert on_sqlite["sources"] == on_postgres["sources"]
    assert on_sqlite["stats"] == on_postgres["stats"]
    assert on_sqlite["cut"] == on_postgres["cut"] == (
        f"7 of {len(on_sqlite['claims'])} shown; --limit 0 for all\n")
    assert on_sqlite["findings"] == on_postgres["findings"]
    assert on_sqlite["found"] == on_postgres["found"] and len(on_sqlite["found"]) == 1


def test_postgresql_behind_asks_for_db_upgrade(invoke: Invoke, pg_database: str) -> None:
    result = invoke("--db", pg_database, "list")
    assert result.exit_code == 2
    assert "claims db upgrade" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.usefixtures("pg_url")
def test_cross_article_proposals_agree(invoke: Invoke, tmp_path: Path, pg_database: str) -> None:
    """The candidate lookup of cross-article `same` (stored blocks and place words, a
    LIKE per word) finds the same pairs on both backends."""
    from claims.bench_corpus import write_articles

    (first, day1), (second, day2) = write_articles(tmp_path / "bench", 60, seed=5, per_day=30)[0]
    relations, across = {}, {}
    for url in (str(tmp_path / "same.db"), pg_database):
        if url.startswith("postgresql"):
            assert invoke("--db", url, "db", "upgrade").exit_code == 0
        assert invoke("--db", url, "ingest", str(first), "--published", day1).exit_code == 0
        listed = json.loads(invoke("--db", url, "list", "--format", "json").stdout)
        last_of_day1 = max(f["id"] for c in listed for f in c["figures"])
        assert invoke("--db", url, "ingest", str(second), "--published", day2).exit_code == 0
        rows = json.loads(invoke("--db", url, "relations", "--format", "json").stdout)
        relations[url] = sorted((r["kind"], tuple(r["figures"]), r["rule"]) for r in rows)
        across[url] = [r for r in rows if r["kind"] == "same"
                       and min(r["figures"]) <= last_of_day1 < max(r["figures"])]
    on_sqlite, on_postgres = relations.values()
    assert len(list(across.values())[0]) > 5  # day 2's figures paired with day 1's
    assert on_sqlite == on_postgres

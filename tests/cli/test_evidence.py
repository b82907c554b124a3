"""`verify --snapshot`, `evidence show` and `evidence check` against a loopback web server:
snapshots outlive their pages, checks see changes and deaths, bodies are stored once."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select, text

from claims.config import resolve_db
from claims.store import open_store
from claims.store.tables import evidence_body, evidence_snapshot
from tests.cli.conftest import Invoke
from tests.loopback import Site, serve

pytest.importorskip("httpx")

REPORT = """<!DOCTYPE html><html><head><title>Air force update</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About us</a></nav>
<article><h1>Overnight attack</h1>
<p>The air force said that 76 of the 188 drones launched overnight were shot down by air
defence units across eleven regions of the country.</p>
<p>Another 96 drones were lost from radar, most likely to electronic warfare, and five
flew on towards the northern border, the statement added.</p>
</article><footer>Copyright the ministry. Cookie settings.</footer></body></html>"""

STATEMENT = "A plain-text statement: 188 drones were launched overnight.\n"


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # table cells unwrapped, so phrases can be found


@pytest.fixture
def site() -> Iterator[Site]:
    with serve() as s:
        yield s


def sha(data: str | bytes) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


def shown(invoke: Invoke, claim_id: int) -> list[dict[str, Any]]:
    result = invoke("evidence", "show", str(claim_id), "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def rows(table: str) -> int:
    with open_store(resolve_db(None)) as store, store.read() as conn:
        t = {"body": evidence_body, "snapshot": evidence_snapshot}[table]
        return int(conn.execute(select(func.count()).select_from(t)).scalar_one())


def verify(invoke: Invoke, claim_id: int, *urls: str, snapshot: bool = True) -> Any:
    args = ["verify", str(claim_id), "--status", "supported", "--reviewer", "ana"]
    for url in urls:
        args += ["--evidence", url]
    return invoke(*args, *(["--snapshot"] if snapshot else []))


def test_snapshot_keeps_the_page_after_it_is_deleted(seeded: Invoke, site: Site) -> None:
    url = site.publish("/report", REPORT)
    result = verify(seeded, 16, url)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "Claim 16: unverified → supported (version 2)\n"
    site.delete("/report")
    assert site.get("/report") is None
    items = shown(seeded, 16)
    snap = items[0]["snapshot"]
    assert [set(i) for i in items] == [{"url", "snapshot"}]
    assert set(snap) == {"retrieved_at", "final_url", "status", "content_type", "sha256", "text"}
    assert items[0]["url"] == url and snap["final_url"] == url
    assert (snap["status"], snap["content_type"]) == (200, "text/html; charset=utf-8")
    assert snap["sha256"] == sha(REPORT) and re.fullmatch("[0-9a-f]{64}", snap["sha256"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", snap["retrieved_at"])
    assert "76 of the 188 drones launched overnight were shot down" in snap["text"]
    assert "Another 96 drones were lost from radar" in snap["text"]
    assert "Cookie settings" not in snap["text"]  # trafilatura keeps the article only
    table = seeded("evidence", "show", "16")
    assert table.exit_code == 0
    flat = " ".join(table.stdout.split())
    assert "The air force said that 76 of the 188" in flat and snap["retrieved_at"] in flat
    assert f"sha256 │ {sha(REPORT)}" in flat
    # the verdict's history still lists only links, as before
    history = json.loads(seeded("history", "16", "--format", "json").stdout)
    assert history[-1]["evidence"] == [url]


def test_check_unchanged_then_changed_and_gone(seeded: Invoke, site: Site) -> None:
    a = site.publish("/a", REPORT)
    b = site.publish("/b.txt", STATEMENT, "text/plain; charset=utf-8")
    assert verify(seeded, 16, a).exit_code == 0
    assert verify(seeded, 17, b, a).exit_code == 0
    ok = seeded("evidence", "check")
    assert ok.exit_code == 0, ok.stdout
    lines = ok.stdout.splitlines()
    assert lines[0].startswith(f"unchanged: {a}: same body as archived ")
    assert lines[0].endswith("(claims 16, 17)")
    assert lines[1].startswith(f"unchanged: {b}: ") and lines[1].endswith("(claim 17)")
    assert lines[2] == "2 pages: 2 unchanged, 0 changed, 0 gone"
    assert ok.stderr == "Checking 2 archived pages...\n"

    site.publish("/a", REPORT.replace("76 of the 188", "77 of the 188"))
    site.delete("/b.txt")
    bad = seeded("evidence", "check")
    assert bad.exit_code == 1
    lines = bad.stdout.splitlines()
    new_sha = sha(REPORT.replace("76 of the 188", "77 of the 188"))
    assert re.fullmatch(
        rf"changed: {re.escape(a)}: sha256 {sha(REPORT)[:12]}… → {new_sha[:12]}… since "
        r"\S+Z; text changed \(claims 16, 17\)",
        lines[0],
    )
    assert re.fullmatch(rf"gone: {re.escape(b)}: HTTP 404 \(archived \S+Z\) \(claim 17\)", lines[1])
    assert lines[2] == "2 pages: 0 unchanged, 1 changed, 1 gone"

    as_json = seeded("evidence", "check", "--format", "json")
    assert as_json.exit_code == 1
    data = json.loads(as_json.stdout)
    assert data["summary"] == {"unchanged": 0, "changed": 1, "gone": 1}
    assert data["updated"] is None
    first, second = data["pages"]
    assert (first["url"], first["state"], first["claims"]) == (a, "changed", [16, 17])
    assert first["stored"]["sha256"] == sha(REPORT) and first["now"]["sha256"] == new_sha
    assert first["text_changed"] is True and first["reason"] is None
    assert (second["state"], second["now"], second["reason"]) == ("gone", None, "HTTP 404")

    github = seeded("evidence", "check", "--format", "github")
    assert github.exit_code == 1
    assert github.stdout.splitlines() == [
        f"::warning title=evidence changed (claims 16%2C 17)::{a}: sha256 "
        f"{sha(REPORT)[:12]}… → {new_sha[:12]}… since "
        + first["stored"]["retrieved_at"] + "; text changed",
        f"::error title=evidence gone (claim 17)::{b}: HTTP 404 (archived "
        + second["stored"]["retrieved_at"] + ")",
    ]
    # a check never replaces what is stored
    assert shown(seeded, 16)[0]["snapshot"]["sha256"] == sha(REPORT)
    assert rows("snapshot") == 3


def test_update_records_a_new_snapshot_beside_the_old(seeded: Invoke, site: Site) -> None:
    a = site.publish("/a", REPORT)
    gone = site.publish("/gone", STATEMENT, "text/plain")
    assert verify(seeded, 16, a, gone).exit_code == 0
    assert verify(seeded, 17, a).exit_code == 0
    changed = REPORT.replace("five", "six")
    site.publish("/a", changed)
    site.delete("/gone")
    result = seeded("evidence", "check", "--update", "--format", "json")
    assert result.exit_code == 1  # this run still reports the change
    assert json.loads(result.stdout)["updated"] == 2  # one per citing verdict
    assert result.stderr.endswith("Recorded 2 new snapshots; the old ones are kept.\n")
    assert rows("snapshot") == 5 and rows("body") == 3
    items = {i["url"]: i["snapshot"] for i in shown(seeded, 16)}
    assert items[a]["sha256"] == sha(changed) and "six flew on" in items[a]["text"]
    assert items[gone]["sha256"] == sha(STATEMENT)  # a gone page keeps its snapshot
    with open_store(resolve_db(None)) as store, store.read() as conn:
        kept = conn.execute(
            text("SELECT sha256 FROM evidence_snapshot WHERE url = :u ORDER BY id"), {"u": a}
        ).scalars().all()
    assert kept == [sha(REPORT), sha(REPORT), sha(changed), sha(changed)]
    again = seeded("evidence", "check")
    assert again.exit_code == 1
    assert [line.split(":")[0] for line in again.stdout.splitlines()[:2]] == ["unchanged", "gone"]
    site.publish("/gone", STATEMENT, "text/plain")
    assert seeded("evidence", "check").exit_code == 0


def test_failed_fetch_keeps_the_verdict_and_the_link(seeded: Invoke, site: Site) -> None:
    missing = site.url("/nowhere")
    refused = "http://127.0.0.1:9/closed"  # the discard port: nothing listens on loopback
    result = verify(seeded, 16, missing, refused)
    assert result.exit_code == 0
    warnings = result.stderr.splitlines()[:2]
    assert warnings[0] == (
        f"Warning: no snapshot of {missing}: HTTP 404; the link is kept without one"
    )
    assert warnings[1].startswith(f"Warning: no snapshot of {refused}: could not connect: ")
    assert result.stderr.splitlines()[2] == "Claim 16: unverified → supported (version 2)"
    assert shown(seeded, 16) == [
        {"url": missing, "snapshot": None},
        {"url": refused, "snapshot": None},
    ]
    history = json.loads(seeded("history", "16", "--format", "json").stdout)
    assert history[-1]["evidence"] == [missing, refused]
    assert rows("snapshot") == 0
    check = seeded("evidence", "check")
    assert (check.exit_code, check.stdout) == (0, "No archived evidence to check.\n")


def test_one_body_cited_twice_is_stored_once(seeded: Invoke, site: Site) -> None:
    first = site.publish("/statement", STATEMENT, "text/plain")
    mirror = site.publish("/mirror", STATEMENT, "text/plain")
    assert verify(seeded, 16, first).exit_code == 0
    assert verify(seeded, 17, first, mirror).exit_code == 0
    assert rows("body") == 1 and rows("snapshot") == 3
    assert shown(seeded, 17)[1]["snapshot"]["text"] == STATEMENT
    assert site.hits["/statement"] == 2  # each verify fetches once


def test_redirect_is_followed_and_a_pdf_is_kept_by_hash(seeded: Invoke, site: Site) -> None:
    pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"
    target = site.publish("/file.pdf", pdf, "application/pdf")
    moved = site.redirect("/old", "/file.pdf")
    assert verify(seeded, 16, moved).exit_code == 0
    snap = shown(seeded, 16)[0]["snapshot"]
    assert (snap["final_url"], snap["status"]) == (target, 200)
    assert (snap["content_type"], snap["sha256"], snap["text"]) == (
        "application/pdf", sha(pdf), None)
    table = seeded("evidence", "show", "16")
    assert "(no text: application/pdf)" in " ".join(table.stdout.split())


def test_without_snapshot_nothing_is_fetched(seeded: Invoke, site: Site) -> None:
    url = site.publish("/a", REPORT)
    assert verify(seeded, 16, url, snapshot=False).exit_code == 0
    assert site.hits.get("/a", 0) == 0
    assert shown(seeded, 16) == [{"url": url, "snapshot": None}]
    result = seeded("verify", "16", "--status", "refuted", "--snapshot")
    assert (result.exit_code, result.stderr) == (2, "Error: --snapshot needs --evidence URL\n")


def test_evidence_show_unknown_claim_and_no_links(seeded: Invoke) -> None:
    result = seeded("evidence", "show", "999")
    assert (result.exit_code, result.stderr) == (2, "Error: no claim with id 999\n")
    empty = seeded("evidence", "show", "16")
    assert (empty.exit_code, empty.stdout, empty.stderr) == (
        0, "", "Claim 16 has no evidence links.\n")
    assert shown(seeded, 16) == []


def test_propagated_verdicts_carry_the_snapshot(invoke: Invoke, site: Site) -> None:
    from claims.store.duplicates import link_duplicates
    from claims.store.ingest import save_extraction
    from tests.store.test_workflow import extraction_a, extraction_b

    with open_store(resolve_db(None)) as store:  # claims 2 and 5 are duplicates
        for x in (extraction_a(), extraction_b()):
            link_duplicates(store, save_extraction(store, x, origin=x.document.name).article_id)
    url = site.publish("/a", REPORT)
    result = invoke("verify", "2", "--status", "refuted", "--evidence", url, "--snapshot",
                    "--propagate", "--reviewer", "bo")
    assert result.exit_code == 0, result.stderr
    assert shown(invoke, 5)[0]["snapshot"]["sha256"] == sha(REPORT)
    assert rows("snapshot") == 2 and rows("body") == 1
    assert site.hits["/a"] == 1


def test_nightly_job_exit_codes_through_the_installed_command(seeded: Invoke, site: Site) -> None:
    """As a CI job runs it: the `claims` entry point, exit 0 then 1 when a page is gone."""
    import subprocess
    import sys
    from pathlib import Path

    claims = str(Path(sys.executable).parent / "claims")
    url = site.publish("/a", STATEMENT, "text/plain")
    assert verify(seeded, 16, url).exit_code == 0
    ok = subprocess.run([claims, "evidence", "check", "--format", "github"],
                        capture_output=True, text=True, timeout=120, check=False)
    assert (ok.returncode, ok.stdout) == (0, "")
    site.delete("/a")
    gone = subprocess.run([claims, "evidence", "check", "--format", "github"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert gone.returncode == 1
    assert gone.stdout.startswith(f"::error title=evidence gone (claim 16)::{url}: HTTP 404")

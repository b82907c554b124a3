"""`claims ingest URL` against a local HTTP server: only the article body becomes claims."""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.cli.conftest import Invoke

PAGES = Path(__file__).resolve().parents[1] / "data" / "hostile"


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    handler = functools.partial(Quiet, directory=str(PAGES))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_ingest_stores_only_the_body(invoke: Invoke, site: str) -> None:
    result = invoke("ingest", f"{site}/article.html")
    assert result.exit_code == 0, result.stderr
    assert "1 new" in result.stderr
    rows = json.loads(invoke("list", "--format", "json").stdout)
    texts = [r["text"] for r in rows]
    assert any("more than 40 drones" in t for t in texts)
    assert any("120,000 households" in t for t in texts)
    joined = " ".join(texts).lower()
    for junk in ("cookie", "home", "related stories", "all rights reserved", "privacy"):
        assert junk not in joined
    assert rows[0]["article"] == "Drone strikes hit power grid"
    grid = next(r for r in rows if "grid operator" in r["text"])
    assert "grid operator" in (grid["source"] or "").lower()


def test_url_ingest_records_provenance(invoke: Invoke, site: str) -> None:
    assert invoke("ingest", f"{site}/article.html").exit_code == 0
    dump = invoke("dump", "-")
    article = next(
        json.loads(line) for line in dump.stdout.splitlines() if '"type":"article"' in line
    )
    assert article["url"] == f"{site}/article.html"
    assert article["publisher"] == "The Daily Ledger"
    assert article["published"].startswith("2026-11-20")


def test_url_not_found_is_reported_by_name(invoke: Invoke, site: str) -> None:
    result = invoke("ingest", f"{site}/missing.html")
    assert result.exit_code == 2
    assert "missing.html" in result.stderr and "404" in result.stderr

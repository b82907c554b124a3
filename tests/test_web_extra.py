"""The `web` extra really gives URL and HTML ingest its extractor (issue 15).

`claims.html_text` falls back to a stdlib parser when trafilatura cannot be imported,
which is right when the extra is not installed and wrong when it is: a fresh
`pip install 'claim-tracker[web]'` once pulled an lxml under which trafilatura failed to
import, and every page went through the fallback without a word. The `test` extra
installs what `web` promises, so here a broken extractor fails the suite.
"""

from __future__ import annotations

import importlib
import re
import tomllib
from pathlib import Path

import pytest

from claims import html_text
from tests.test_inputs import ARTICLE_HTML, BODY

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[\[<>=!~; ]", r, maxsplit=1)[0].lower().replace("_", "-")
            for r in requirements}


def test_the_test_extra_installs_everything_the_web_extra_promises() -> None:
    extras = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"][
        "optional-dependencies"]
    assert _names(extras["web"]) <= _names(extras["test"])


def test_the_web_extractor_imports() -> None:
    module = importlib.import_module("trafilatura")  # not importorskip: it must load
    assert callable(module.bare_extraction)


def test_html_pages_go_through_trafilatura_not_the_fallback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_fallback(html: str) -> tuple[str, None, None, None]:
        raise AssertionError("the stdlib fallback ran: trafilatura did not load")

    monkeypatch.setattr(html_text, "fallback_html_to_text", no_fallback)
    body, title, publisher, published = html_text.html_article(ARTICLE_HTML.decode())
    assert body == BODY
    assert (title, publisher, published) == (
        "Drone strikes hit power grid", "The Daily Ledger", "2026-11-20")

"""`claims report`: Markdown and HTML on the seed, filters, files, and hostile text; the
HTML is also opened in a real headless browser (tests/browser.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import Browser, find_browser
from tests.cli.conftest import Invoke

ELEVEN = "76 + 96 + 5 = 177 of 188: 11 unaccounted"
HOSTILE = (
    "Hostile page\n\n"
    "The ministry said that <script>alert(1)</script> 300 drones were launched on Monday.\n\n"
    "Analysts said <img src=x onerror=\"document.title='pwned'\"> 40 missiles *hit* "
    "[targets](javascript:alert(2)).\n\n"
    "Officials said <script>document.title='pwned';document.body.dataset.pwned=1</script> "
    "12 sites were hit.\n"
)
# (claim, status, reviewer, note, evidence) on the seed (claims 1-39) and the hostile
# article ingested after it (claims 40-43)
VERDICTS = [
    ("16", "supported", "ana", "Matches the <b>air force</b> post", "https://example.org/af?a=1&b=2"),
    ("17", "refuted", "bo", "Radar logs say otherwise", "javascript:document.title='pwned'"),
    ("41", "disputed", "<i>cy</i>", "<script>document.title='pwned'</script>", None),
    ("42", "misleading", "ana", "Half true", None),
]


@pytest.fixture
def one_verdict(seeded: Invoke) -> Invoke:
    result = seeded("verify", "16", "--status", "supported", "--reviewer", "ana",
                    "--note", "Matches the air force's post")
    assert result.exit_code == 0, result.stderr
    return seeded


@pytest.fixture
def hostile_desk(seeded: Invoke) -> Invoke:
    assert seeded("ingest", "-", input=HOSTILE).exit_code == 0
    for cid, status, who, note, link in VERDICTS:
        args = ["verify", cid, "--status", status, "--reviewer", who, "--note", note]
        result = seeded(*args, *(["--evidence", link] if link else []))
        assert result.exit_code == 0, result.stderr
    return seeded


def test_markdown_on_the_seed_shows_the_finding_and_the_verdict(one_verdict: Invoke) -> None:
    result = one_verdict("report")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("# Claims report\n\nGenerated ")
    assert "| supported | 1 |\n" in out and "| unverified | 38 |\n" in out
    assert "| **total** | **39** |\n" in out
    assert "Findings: 0 error, 1 warning, 2 ok.\n" in out
    assert "### Findings that fail the gate\n\nNone: `claims check-consistency` passes.\n" in out
    summary = out.split("### Other findings to review\n\n", 1)[1].split("\n\n", 1)[0]
    assert re.fullmatch(
        rf"- warning: partition incomplete: {re.escape(ELEVEN)} \(seed-nato-oreshnik\.txt, "
        r"line 29; `partition:[0-9a-f]{16}`\)",
        summary,
    )
    claim = out.split("### Claim 16: supported\n\n", 1)[1].split("\n### ", 1)[0]
    lines = claim.splitlines()
    assert lines[0].startswith("> Ukraine’s military reported successfully downing 76")
    assert re.fullmatch(r"- Verdict: supported by ana, \S+Z \(version 2\)", lines[3])
    assert lines[4] == "- Note: Matches the air force's post"
    assert f"- Finding: warning: partition incomplete: {ELEVEN}" in lines
    assert "- Figures: 76 drone (exact, drones downed); 188 drone (exact, drones launched)" in lines
    assert "## seed-nato-oreshnik.txt\n" in out
    assert result.stderr == ""


def test_filters_narrow_the_claims_not_the_findings(one_verdict: Invoke) -> None:
    result = one_verdict("report", "--status", "true", "--article", "seed-nato-oreshnik.txt")
    assert result.exit_code == 0
    assert re.findall(r"^### Claim (\d+)", result.stdout, flags=re.M) == ["16"]
    assert "; article seed-nato-oreshnik.txt, status supported.\n" in result.stdout
    assert ELEVEN in result.stdout.split("## seed-nato-oreshnik.txt")[0]
    nothing = one_verdict("report", "--status", "refuted")
    assert nothing.exit_code == 0 and "No claims match.\n" in nothing.stdout
    assert nothing.stderr == "No claims match.\n"
    bad = one_verdict("report", "--status", "nonsense")
    assert bad.exit_code == 2 and bad.stderr.startswith("Error: unknown status 'nonsense'")


def test_output_file_and_bad_folder(one_verdict: Invoke, tmp_path: Path) -> None:
    result = one_verdict("report", "--format", "html", "-o", "report.html")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "Wrote report.html (39 claims).\n"
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>\n") and page.endswith("</html>\n")
    assert ELEVEN in page and "<script" not in page and "http://" not in page
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []
    missing = one_verdict("report", "-o", "nowhere/report.md")
    assert (missing.exit_code, missing.stderr) == (2, "Error: folder does not exist: nowhere\n")


def test_hostile_text_is_inert_in_markdown(hostile_desk: Invoke) -> None:
    out = hostile_desk("report", "--article", "2").stdout
    assert re.findall(r"(?<!\\)<", out) == []  # every < is escaped: no raw HTML
    assert r"\<script\>alert(1)\</script\>" in out
    assert r"\*hit\* \[targets\](javascript:alert(2))" in out
    assert "- Verdict: disputed by \\<i\\>cy\\</i\\>" in out


# -- in a real browser ------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = find_browser()
    if executable is None:
        pytest.skip(
            "no Chromium or Chrome found on PATH (Debian: apt-get install chromium; "
            "or set CLAIMS_BROWSER)"
        )
    opened = Browser(executable)
    try:
        yield opened
    finally:
        opened.close()


def test_browser_would_see_a_script_run(browser: Browser, tmp_path: Path) -> None:
    """The harness detects execution: the same payload, unescaped, does run."""
    control = tmp_path / "control.html"
    control.write_text(
        "<!DOCTYPE html><title>clean</title><p>x</p>"
        "<script>document.title='pwned';alert(1)</script>"
    )
    browser.load(control.as_uri())
    assert browser.evaluate("document.title") == "pwned"
    assert [d["params"]["message"] for d in browser.dialogs()] == ["1"]


def test_html_report_in_a_browser(hostile_desk: Invoke, browser: Browser, tmp_path: Path) -> None:
    result = hostile_desk("report", "--format", "html", "-o", "report.html")
    assert result.exit_code == 0, result.stderr
    browser.call("Network.enable", session=True)
    browser.load((tmp_path / "report.html").as_uri())
    requests = [e["params"]["request"]["url"] for e in browser.events
                if e.get("method") == "Network.requestWillBeSent"]
    assert requests == [(tmp_path / "report.html").as_uri()]  # nothing else is loaded
    assert browser.dialogs() == []
    assert browser.evaluate("document.title") == "Claims report"
    assert browser.evaluate("document.body.dataset.pwned === undefined") is True
    assert browser.evaluate("document.scripts.length") == 0
    assert browser.evaluate("document.images.length") == 0
    assert browser.evaluate(
        "[...document.links].map(a => a.href).filter(h => !h.startsWith('file:'))"
    ) == ["https://example.org/af?a=1&b=2"]
    text = browser.evaluate("document.body.innerText")  # rendered, visible text only
    assert ELEVEN in text
    assert "The ministry said that <script>alert(1)</script> 300 drones" in text
    assert "Analysts said <img src=x onerror=\"document.title='pwned'\"> 40 missiles" in text
    assert browser.evaluate("getComputedStyle(document.querySelector('#findings-review'))"
                            ".display") != "none"
    for cid, status, who, note, link in VERDICTS:
        section = f"#claim-{cid}"
        verdict = browser.evaluate(f"document.querySelector('{section} .verdict').innerText")
        assert verdict.startswith(f"{status} by {who}, "), verdict
        assert browser.evaluate(f"document.querySelector('{section} .note').innerText") == note
        assert browser.evaluate(f"document.querySelector('{section} .status').innerText") == status
        box = browser.evaluate(
            f"(r => [r.width, r.height])(document.querySelector('{section} .verdict')"
            ".getBoundingClientRect())"
        )
        assert box[0] > 0 and box[1] > 0
        if link:
            assert link in browser.evaluate(
                f"document.querySelector('{section} .evidence').innerText")
    assert browser.evaluate("document.querySelectorAll('section.claim').length") == 43

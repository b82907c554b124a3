"""Hostile inputs end to end: bad files are named and skipped, odd text never reaches the
terminal raw, bad arguments are one line and exit 2, and the database is left alone.

The text fixtures live in tests/data/hostile/; binary ones (NUL bytes, legacy encodings, a
sparse 25 MB file, a FIFO, a symlink loop) are generated per test by `bad_inputs`.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import sqlite3
from pathlib import Path

import pytest

from claims.config import DbTarget
from tests.cli.conftest import Invoke

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"
GOOD = "The ministry said 40 people died in the flood.\n"
GOOD2 = "Officials said 12 bridges were damaged.\n"
TABLES = ("article", "claim", "figure", "source", "source_alias", "verdict", "relation")

# What a terminal would obey or hide: ESC/C0 (newline and tab aside), DEL, C1, bidi
# controls, zero-width characters, lone surrogates.
BANNED = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff"
    "\ud800-\udfff]"
)


def row_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES
                if t in names}


def assert_clean(*outputs: str) -> None:
    for out in outputs:
        found = BANNED.findall(out)
        assert not found, f"terminal controls in output: {found!r}"


def one_error_line(stderr: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("Error: "), stderr
    assert "Traceback" not in stderr
    return lines[0]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "claims.db"  # CLAIMS_DB, set by the autouse fixture


# --- bad input files: each named once, the batch goes on, exit 2 ------------------------


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return path.name


def _huge(path: Path) -> str:
    with path.open("wb") as handle:
        handle.truncate(25_300_000)  # sparse: nothing is read, `stat` decides
    return path.name


def _fifo(path: Path) -> str:
    os.mkfifo(path)
    return path.name


def _loop(path: Path) -> str:
    os.symlink(path.name, path)
    return path.name


BAD_INPUTS = {
    "empty.txt": (lambda p: _write(p, b""), "empty file; nothing to read"),
    "whitespace.txt": (lambda p: _write(p, b" \n\t\r\n "), "empty file; nothing to read"),
    "nul-head.txt": (
        lambda p: _write(p, b"The ministry said\x00 40 people died.\n"),
        "binary file (NUL bytes); pass a text, Markdown or HTML file",
    ),
    "image.txt": (
        lambda p: _write(p, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        "binary file (NUL bytes); pass a text, Markdown or HTML file",
    ),
    "controls.txt": (
        lambda p: _write(p, bytes(range(1, 32)) * 10),
        "binary file; pass a text, Markdown or HTML file",
    ),
    "latin1.txt": (
        lambda p: _write(p, "Café officials said 40 died.".encode("latin-1")),
        "not UTF-8 text (byte 0xe9 at offset 3); convert it with iconv -f LATIN1 -t UTF-8",
    ),
    "cp1252.txt": (
        lambda p: _write(p, "“The ministry” said 40 died.".encode("cp1252")),
        "not UTF-8 text (byte 0x93 at offset 0); convert it with iconv -f CP1252 -t UTF-8",
    ),
    "utf16-no-bom.txt": (
        lambda p: _write(p, "The ministry said 40 died.".encode("utf-16-le")),
        "binary file (NUL bytes); pass a text, Markdown or HTML file",
    ),
    "broken-utf16.txt": (
        lambda p: _write(p, codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00"),
        "not valid utf-16-le text (byte 0x00 at offset 6)",
    ),
    "huge.txt": (_huge, "too large: 25.3 MB > 20 MB limit; split it"),
    "fifo.txt": (_fifo, "not a regular file (a FIFO); pass a text, Markdown or HTML file"),
    "loop.txt": (_loop, "symlink loop; fix or remove the link"),
    "missing.txt": (lambda p: p.name, "no such file or directory; check the path"),
    "evil\x1b]0;owned\x07\u202e.txt": (
        lambda p: p.name,
        "evil.txt: no such file or directory; check the path",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_file_is_named_and_the_batch_goes_on(
    invoke: Invoke, tmp_path: Path, db: Path, name: str
) -> None:
    make, problem = BAD_INPUTS[name]
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "z.txt").write_text(GOOD2)
    bad = make(tmp_path / name)
    result = invoke("ingest", "a.txt", bad, "z.txt")
    assert result.exit_code == 2
    shown = problem if problem.startswith("evil") else f"{bad}: {problem}"
    assert result.stderr.splitlines() == [
        f"Error: {shown}",
        "No publication date found for a.txt, z.txt: compared with articles of any date; "
        "give one with --published or `claims articles edit NAME --published YYYY-MM-DD`.",
        "Articles: 2 new, 0 unchanged, 1 failed, 2 claims, 2 figures, 2 new sources",
    ]
    assert result.stdout == ""
    assert_clean(result.stderr)
    assert row_counts(db)["article"] == 2


def test_dev_null_and_a_folder_passed_to_extract(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("ingest", os.devnull)
    assert (result.exit_code, result.stderr.splitlines()[0]) == (
        2, f"Error: {os.devnull}: empty file; nothing to read"
    )
    (tmp_path / "folder").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / "folder" / name).write_text(GOOD)
    result = invoke("extract", "folder")
    assert result.exit_code == 2
    assert one_error_line(result.stderr) == (
        "Error: folder: extract takes exactly one article (2 found)"
    )


def test_extract_of_a_bad_file_is_one_line(invoke: Invoke, tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_bytes("Café".encode("latin-1"))
    result = invoke("extract", "x.txt")
    assert result.exit_code == 2
    assert one_error_line(result.stderr) == (
        "Error: x.txt: not UTF-8 text (byte 0xe9 at offset 3); "
        "convert it with iconv -f LATIN1 -t UTF-8"
    )


def as_nobody() -> list[str]:
    """`runuser -u nobody -- python`, or a skip where that cannot run `claims`."""
    import shutil
    import subprocess
    import sys

    if os.geteuid() != 0 or shutil.which("runuser") is None:
        pytest.skip("needs root and runuser to run a command as nobody")
    cmd = ["runuser", "-u", "nobody", "--", sys.executable, "-c", "import claims"]
    if subprocess.run(cmd, capture_output=True, check=False, timeout=60).returncode != 0:
        pytest.skip("nobody cannot run this Python or import claims")
    return cmd[:5]


def test_unreadable_file_as_an_unprivileged_user(tmp_path: Path) -> None:
    import shutil
    import subprocess

    nobody = as_nobody()
    work = Path("/tmp") / f"claims-unreadable-{os.getpid()}"
    work.mkdir(mode=0o777, exist_ok=True)
    try:
        secret = work / "secret.txt"
        secret.write_text(GOOD)
        secret.chmod(0o600)
        ok = work / "ok.txt"
        ok.write_text(GOOD2)
        ok.chmod(0o644)
        env = {"PATH": os.environ["PATH"], "CLAIMS_DB": str(work / "c.db"), "HOME": str(work)}
        proc = subprocess.run(
            [*nobody, "-m", "claims", "ingest", str(secret), str(ok)],
            capture_output=True, text=True, cwd=work, env=env, timeout=120, check=False,
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.splitlines()[0] == (
        f"Error: {secret}: permission denied; check its permissions (ls -l)"
    )
    assert "1 new" in proc.stderr.splitlines()[1]


# --- odd but readable text: stored exactly, shown clean ---------------------------------


def _generated(tmp_path: Path) -> dict[str, str]:
    """Readable files that are better generated than committed."""
    nul_tail = GOOD + ("Filler sentence number one. " * 400) + "\nOfficials said 12\x00 fell.\n"
    (tmp_path / "nul-tail.txt").write_bytes(nul_tail.encode())
    (tmp_path / "utf16-bom.txt").write_bytes(codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le"))
    (tmp_path / "long-line.txt").write_text(
        "The ministry said 40 people died. " * 3000 + "\n", encoding="utf-8"
    )
    return {"nul-tail.txt": nul_tail, "utf16-bom.txt": GOOD}


READABLE = [
    "ansi-bidi.txt", "control-chars.txt", "markup.txt", "emoji-combining.txt", "crlf.txt",
    "malformed.html", "article.html", "nul-tail.txt", "utf16-bom.txt", "long-line.txt",
]


@pytest.mark.parametrize("name", READABLE)
def test_hostile_text_is_stored_and_every_view_is_clean(
    invoke: Invoke, tmp_path: Path, name: str
) -> None:
    _generated(tmp_path)
    path = str(HOSTILE / name) if (HOSTILE / name).exists() else name
    result = invoke("ingest", path)
    assert result.exit_code == 0, result.stderr
    assert_clean(result.stdout, result.stderr)
    rows = json.loads(invoke("list", "--format", "json").stdout)
    assert rows, "the fixture should yield claims"
    views = [
        invoke("list"), invoke("sources"), invoke("stats"), invoke("extract", path),
        invoke("check-consistency", "--fail-on", "never"),
        *(invoke("show", str(r["id"])) for r in rows[:5]),
        *(invoke("history", str(r["id"])) for r in rows[:2]),
    ]
    for view in views:
        assert view.exit_code == 0, view.stderr
        assert_clean(view.stdout, view.stderr)


def test_json_keeps_hostile_text_exact_and_spans_valid(invoke: Invoke) -> None:
    path = HOSTILE / "ansi-bidi.txt"
    assert invoke("ingest", str(path)).exit_code == 0
    text = path.read_text(encoding="utf-8")
    rows = json.loads(invoke("list", "--format", "json").stdout)
    assert any("\x1b[1m40\x1b[0m" in r["text"] for r in rows)
    assert any("\u202e" in r["text"] for r in rows)
    for r in rows:
        assert text[r["start"] : r["end"]] == r["text"]
        for f in r["figures"]:
            assert text[f["start"] : f["end"]] == f["text"]


def test_markup_in_articles_prints_literally(invoke: Invoke) -> None:
    assert invoke("ingest", str(HOSTILE / "markup.txt")).exit_code == 0
    shown = invoke("show", "1")
    assert shown.exit_code == 0
    assert "The [bold red]ministry[/bold red] said [/x] 40 people died." in shown.stdout
    assert ":warning:" in invoke("show", "2").stdout


def test_nul_after_the_sniffed_head_becomes_a_replacement_character(
    invoke: Invoke, tmp_path: Path
) -> None:
    expected = _generated(tmp_path)["nul-tail.txt"]
    assert invoke("ingest", "nul-tail.txt").exit_code == 0
    rows = json.loads(invoke("list", "--format", "json").stdout)
    stored = [r for r in rows if "fell" in r["text"]]
    assert [r["text"] for r in stored] == ["Officials said 12\ufffd fell."]
    start = expected.index("Officials said 12")
    assert (stored[0]["start"], stored[0]["end"]) == (start, start + 24)


def test_user_text_in_messages_is_clean(seeded: Invoke) -> None:
    result = seeded("sources", "alias", "ISW", "I\x1b[2JS\u202eW two")
    assert_clean(result.stdout, result.stderr)
    result = seeded("list", "--source", "\x1b]0;owned\x07[bold]x[/bold]\u200b")
    assert result.exit_code == 2
    assert_clean(result.stderr)
    assert "Traceback" not in result.stderr


# --- arguments: one line, exit 2, nothing changed ----------------------------------------

BAD_ARGS = [
    (("show", "abc"), "Error: claim id must be a positive whole number, not 'abc'"),
    (("show", ""), "Error: claim id must be a positive whole number, not ''"),
    (("show", "--", "-5"), "Error: claim id must be a positive whole number, not '-5'"),
    (("show", "１２"), "Error: claim id must be a positive whole number, not '１２'"),
    (("show", "0"), "Error: no claim with id 0"),
    (("show", "99999999999999999999999"), "Error: no claim with id 99999999999999999999999"),
    (("history", "1e3"), "Error: claim id must be a positive whole number, not '1e3'"),
    (("verify", "1", "--status", "nope"), None),
    (("verify", "1", "--status", "supported", "--expect-version", "-1"), None),
    (("list", "--status", "bogus"), None),
    (("list", "--format", "xml"), None),
    (("list", "--limit", "-1"), None),
    (("list", "--limit", "ten"), None),
    (("list", "--limit", "99999999999999999999999"),
     "Error: a number given is too large (the largest id or count is 9223372036854775807)"),
    (("list", "--article", "99999999999999999999999"),
     "Error: unknown article '99999999999999999999999'; `claims articles` lists the articles"),
    (("list", "--source", ""), "Error: unknown source ''; see `claims sources`"),
    (("list", "--source", "%"), "Error: unknown source '%'; see `claims sources`"),
    (("relations", "accept", "x"), None),
    (("check-consistency", "--fail-on", "sometimes"), None),
    (("check-consistency", "--format", "yaml"), None),
    (("no-such-command",), None),
    (("ingest",), None),
    (("list", "--no-such-option"), None),
]


@pytest.mark.parametrize(("args", "expected"), BAD_ARGS, ids=lambda v: repr(v)[:40])
def test_bad_argument_is_one_line_and_exit_2(
    seeded: Invoke, db: Path, args: tuple[str, ...], expected: str | None
) -> None:
    before = row_counts(db)
    result = seeded(*args)
    assert result.exit_code == 2, result.stderr
    line = one_error_line(result.stderr)
    if expected is not None:
        assert line == expected
    assert result.stdout == ""
    assert row_counts(db) == before


@pytest.mark.parametrize(
    "query", ["%", "_", "\\", "'; DROP TABLE claim; --", "\" OR 1=1 --", "[/x]\x1b[2J"]
)
def test_search_metacharacters_match_literally(seeded: Invoke, db: Path, query: str) -> None:
    before = row_counts(db)
    result = seeded("list", "--search", query, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == []  # the seed contains none of these strings
    assert row_counts(db) == before


def test_like_wildcards_are_escaped(invoke: Invoke, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "The ministry said 40% of homes were hit.\nOfficials said 12 bridges fell.\n"
    )
    assert invoke("ingest", "a.txt").exit_code == 0
    texts = [r["text"] for r in json.loads(invoke("list", "--search", "%", "--format",
                                                  "json").stdout)]
    assert texts == ["The ministry said 40% of homes were hit."]
    assert json.loads(invoke("list", "--search", "1_", "--format", "json").stdout) == []


def test_nul_after_the_head_is_ingested_identically_on_every_backend(
    invoke: Invoke, tmp_path: Path, backend: DbTarget
) -> None:
    """PostgreSQL cannot store NUL in text; inputs replace it, so both backends agree."""
    url = backend.url
    expected = _generated(tmp_path)["nul-tail.txt"].replace("\x00", "\ufffd")
    assert invoke("--db", url, "db", "upgrade").exit_code == 0
    result = invoke("--db", url, "ingest", "nul-tail.txt")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(invoke("--db", url, "list", "--format", "json").stdout)
    assert [(r["text"], r["start"]) for r in rows if "fell" in r["text"]] == [
        ("Officials said 12\ufffd fell.", expected.index("Officials said 12"))
    ]
    for r in rows:
        assert expected[r["start"] : r["end"]] == r["text"]


def test_check_consistency_text_is_clean_and_json_exact() -> None:
    from claims.core.model import Finding, FindingFigure
    from claims.render.checks import render_json, render_text

    finding = Finding(
        key="partition:abc", relation=1, kind="partition", outcome="incomplete",
        severity="warning", origin="inferred", message="\x1b[2J76 + 96 of \u202e188",
        figures=(FindingFigure(1, 1, "188\x1b]0;x\x07", "total"),), acknowledged=True,
        note="ok\x1b[8m hidden\nsecond line", article="a.txt", path="evil\x1b[31m.txt", line=3,
    )
    assert render_text([finding]) == (
        "evil.txt:3: warning: partition incomplete: 76 + 96 of 188 [partition:abc]"
        " (acknowledged: ok hidden second line)\n"
        "0 error(s), 1 warning(s), 0 ok (1 acknowledged)\n"
    )
    doc = json.loads(render_json([finding]))
    assert doc["findings"][0]["message"] == "\x1b[2J76 + 96 of \u202e188"
    assert doc["findings"][0]["location"]["path"] == "evil\x1b[31m.txt"


# --- the guard: unexpected errors anywhere are one line and exit 3 -------------------------


def test_unexpected_error_in_a_group_command_is_one_line_exit_3(
    seeded: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claims.store import relations

    def boom(*_: object, **__: object) -> None:
        raise RuntimeError("disk\x1b[2J on fire\nsecond line")

    for name in dir(relations):
        if name.startswith("set_") or name in ("accept_relation", "set_relation_state"):
            monkeypatch.setattr(relations, name, boom)
    monkeypatch.setattr(relations, "iter_check_groups", boom)
    result = seeded("check-consistency")
    assert result.exit_code == 3
    assert one_error_line(result.stderr) == (
        "Error: unexpected RuntimeError: disk on fire second line "
        "(run with --debug for the traceback)"
    )
    debug = seeded("--debug", "check-consistency")
    assert debug.exit_code == 3
    assert "Traceback (most recent call last)" in debug.stderr
    assert debug.stderr.splitlines()[-1].startswith("Error: unexpected RuntimeError")


def test_callbacks_and_parameter_errors_are_guarded(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from claims.cli.base import STATE, make_app
    from claims.errors import NotFound

    monkeypatch.setattr(STATE, "debug", False)

    app = make_app("test app")
    sub = make_app("group", no_args_is_help=False)
    app.add_typer(sub, name="grp")

    @app.callback()
    def root() -> None:
        """Root."""

    @sub.callback(invoke_without_command=True)
    def grp() -> None:
        """A group whose callback fails."""
        raise ValueError("callback broke")

    @app.command("nf")
    def nf() -> None:
        """Raises a ClaimsError."""
        raise NotFound("no thing with id 7")

    runner = CliRunner()
    result = runner.invoke(app, ["grp"])
    assert result.exit_code == 3
    assert result.stderr == (
        "Error: unexpected ValueError: callback broke (run with --debug for the traceback)\n"
    )
    result = runner.invoke(app, ["nf"])
    assert (result.exit_code, result.stderr) == (2, "Error: no thing with id 7\n")


def test_driver_errors_that_escape_the_store_are_translated(
    seeded: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claims.store.verdicts as verdicts

    def locked(*_: object, **__: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(verdicts, "record_verdicts", locked)
    result = seeded("verify", "1", "--status", "supported")
    assert result.exit_code == 3
    assert one_error_line(result.stderr).startswith("Error: database is busy: ")

"""iter_inputs: every kind of input becomes an article or one named, actionable failure."""

from __future__ import annotations

import codecs
import hashlib
import http.server
import io
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claims.inputs as inputs
from claims.html_text import fallback_html_to_text
from claims.inputs import ArticleInput, InputFailure, iter_inputs

HOSTILE = Path(__file__).resolve().parent / "data" / "hostile"
ARTICLE_HTML = (HOSTILE / "article.html").read_bytes()
BODY = (
    "Drone strikes hit power grid\n"
    "The regional administration said that more than 40 drones were launched overnight "
    "against energy facilities in the north of the country.\n"
    "According to the grid operator, about 120,000 households lost power for several hours "
    "before repair crews restored most connections by the morning.\n"
    "The air force reported that 35 of the drones were shot down and that five others were "
    "lost to electronic warfare, without hitting their targets."
)
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def one(args: list[str], **kwargs: object) -> ArticleInput | InputFailure:
    items = list(iter_inputs(args, **kwargs))  # type: ignore[arg-type]
    assert len(items) == 1, items
    return items[0]


def write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


# --- files ---------------------------------------------------------------------------


def test_text_file_keeps_text_exactly() -> None:
    path = str(HOSTILE / "ansi-bidi.txt")
    item = one([path])
    assert item == ArticleInput(
        origin=path, name="ansi-bidi.txt", text=(HOSTILE / "ansi-bidi.txt").read_text("utf-8")
    )
    assert isinstance(item, ArticleInput)
    assert "\x1b]0;owned\x07" in item.text and "\u202e" in item.text


def test_newlines_are_normalised() -> None:
    item = one([str(HOSTILE / "crlf.txt")])
    assert isinstance(item, ArticleInput)
    assert item.text == "Windows line one\nline two\nline three\n"


def test_unknown_extension_named_explicitly_is_read_as_text() -> None:
    item = one([str(HOSTILE / "notes.log")])
    assert isinstance(item, ArticleInput)
    assert item.name == "notes.log"
    assert item.text == "A log file is read as text when named explicitly.\n"


def test_whitespace_only_file_is_empty() -> None:
    path = str(HOSTILE / "whitespace-only.txt")
    assert one([path]) == InputFailure(path, f"{path}: empty file; nothing to read")


def test_dev_null_is_empty() -> None:
    assert one(["/dev/null"]) == InputFailure("/dev/null", "/dev/null: empty file; nothing to read")


@pytest.mark.parametrize(
    ("prefix", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
def test_bom_decides_the_encoding_and_is_removed(tmp_path: Path, prefix: bytes, codec: str) -> None:
    text = "Kyiv said 40 drones \u2014 \u00e9t\u00e9 \U0001f600\r\nline 2\n"
    path = write(tmp_path / "bom.txt", prefix + text.encode(codec))
    item = one([path])
    assert isinstance(item, ArticleInput)
    assert item.text == "Kyiv said 40 drones \u2014 \u00e9t\u00e9 \U0001f600\nline 2\n"


def test_latin1_is_refused_with_an_iconv_hint(tmp_path: Path) -> None:
    path = write(tmp_path / "latin.txt", "Caf\u00e9 owner said 12.".encode("latin-1"))
    assert one([path]) == InputFailure(
        path,
        f"{path}: not UTF-8 text (byte 0xe9 at offset 3); convert it with iconv -f LATIN1 -t UTF-8",
    )


def test_cp1252_quotes_suggest_cp1252(tmp_path: Path) -> None:
    path = write(tmp_path / "win.txt", "He said \u201cten\u201d.".encode("cp1252"))
    assert one([path]) == InputFailure(
        path,
        f"{path}: not UTF-8 text (byte 0x93 at offset 8); convert it with iconv -f CP1252 -t UTF-8",
    )


def test_broken_utf16_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "odd.txt", codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00")
    assert one([path]) == InputFailure(
        path, f"{path}: not valid utf-16-le text (byte 0x00 at offset 6)"
    )


def test_nul_bytes_mean_binary(tmp_path: Path) -> None:
    path = write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert one([path]) == InputFailure(
        path, f"{path}: binary file (NUL bytes); pass a text, Markdown or HTML file"
    )


def test_mostly_control_bytes_mean_binary(tmp_path: Path) -> None:
    path = write(tmp_path / "blob.md", bytes(range(1, 32)) * 10 + b"some text")
    assert one([path]) == InputFailure(
        path, f"{path}: binary file; pass a text, Markdown or HTML file"
    )


def test_too_large_file(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", b"x" * 25_300_000)
    assert one([path]) == InputFailure(path, f"{path}: too large: 25.3 MB > 20 MB limit; split it")


def test_max_bytes_is_a_parameter(tmp_path: Path) -> None:
    path = write(tmp_path / "small.txt", b"x" * 11)
    assert one([path], max_bytes=10) == InputFailure(
        path, f"{path}: too large: 11 B > 10 B limit; split it"
    )
    assert isinstance(one([path], max_bytes=11), ArticleInput)


@pytest.mark.skipif(not Path("/proc/cpuinfo").exists(), reason="needs Linux /proc")
def test_file_larger_than_its_reported_size_stops_at_the_limit() -> None:
    assert one(["/proc/cpuinfo"], max_bytes=10) == InputFailure(  # stat says 0 bytes
        "/proc/cpuinfo", "/proc/cpuinfo: too large: more than the 10 B limit; split it"
    )


def test_missing_path() -> None:
    assert one(["no/such.txt"]) == InputFailure(
        "no/such.txt", "no/such.txt: no such file or directory; check the path"
    )


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    started = time.monotonic()
    assert one([str(fifo)]) == InputFailure(
        str(fifo), f"{fifo}: not a regular file (a FIFO); pass a text, Markdown or HTML file"
    )
    assert time.monotonic() - started < 1


def test_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        assert one([str(path)]) == InputFailure(
            str(path), f"{path}: not a regular file (a socket); pass a text, Markdown or HTML file"
        )


def test_device_is_refused() -> None:
    assert one(["/dev/zero"]) == InputFailure(
        "/dev/zero", "/dev/zero: not a regular file (a device); pass a text, Markdown or HTML file"
    )


def test_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    path = str(tmp_path / "a.txt")
    assert one([path]) == InputFailure(path, f"{path}: symlink loop; fix or remove the link")


@pytest.mark.skipif(IS_ROOT, reason="root reads files whatever their mode")
def test_permission_denied_for_real(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("text")
    path.chmod(0)
    assert one([str(path)]) == InputFailure(
        str(path), f"{path}: permission denied; check its permissions (ls -l)"
    )


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "secret.txt", b"text")

    def deny(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(inputs.os, "open", deny)
    assert one([path]) == InputFailure(
        path, f"{path}: permission denied; check its permissions (ls -l)"
    )


def test_mixed_batch_reports_bad_items_and_keeps_the_rest(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", b"Good text.")
    items = list(iter_inputs([good, "missing.txt", str(HOSTILE / "whitespace-only.txt"), good]))
    assert [type(item).__name__ for item in items] == [
        "ArticleInput",
        "InputFailure",
        "InputFailure",
        "ArticleInput",
    ]


# --- folders -------------------------------------------------------------------------


def test_folder_is_walked_sorted_with_known_extensions_and_no_hidden_entries() -> None:
    tree = str(HOSTILE / "tree")
    items = list(iter_inputs([tree]))
    assert [(item.origin, getattr(item, "name", None)) for item in items] == [
        (os.path.join(tree, "D.MARKDOWN"), "D.MARKDOWN"),
        (os.path.join(tree, "a.txt"), "a.txt"),
        (os.path.join(tree, "b.md"), "b.md"),
        (os.path.join(tree, "sub", "c.htm"), "c.htm"),
    ]
    html = items[3]
    assert isinstance(html, ArticleInput)
    assert (html.text, html.title) == ("Third body.", "Third")


def test_folder_is_expanded_lazily(tmp_path: Path) -> None:
    for index in range(3):
        (tmp_path / f"{index}.txt").write_text(f"article {index}")
    stream = iter_inputs([str(tmp_path)])
    first = next(stream)
    (tmp_path / "2.txt").unlink()  # removed after the walk started: never listed eagerly
    assert isinstance(first, ArticleInput) and first.text == "article 0"
    assert [item.origin for item in stream] == [
        "1.txt",  # stored relative to the working directory (tmp_path)
        str(tmp_path / "2.txt"),  # a failure names the path as typed
    ]


def test_folder_symlink_back_to_a_parent_is_a_loop(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("text")
    (tmp_path / "sub" / "up").symlink_to(tmp_path)
    items = list(iter_inputs([str(tmp_path)]))
    up = str(tmp_path / "sub" / "up")
    assert items[1:] == [InputFailure(up, f"{up}: symlink loop (links back to a parent folder)")]


def test_looping_and_broken_links_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "gone.bin").symlink_to(tmp_path / "missing.bin")
    loop, gone = str(tmp_path / "loop"), str(tmp_path / "gone.txt")
    assert list(iter_inputs([str(tmp_path)])) == [
        InputFailure(gone, f"{gone}: no such file or directory; check the path"),
        InputFailure(loop, f"{loop}: symlink loop; fix or remove the link"),
    ]


def test_too_deep_folders(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    (deep / "x.txt").write_text("deep")
    c = str(deep)
    assert list(iter_inputs([str(tmp_path)], max_depth=2)) == [
        InputFailure(c, f"{c}: folders nested too deeply; pass a shallower folder")
    ]
    assert len(list(iter_inputs([str(tmp_path)], max_depth=3))) == 1


def test_unreadable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def deny(path: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(inputs.os, "scandir", deny)
    assert one([str(tmp_path)]) == InputFailure(
        str(tmp_path), f"{tmp_path}: permission denied; check its permissions (ls -l)"
    )


def test_folder_with_unreadable_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("text")

    def deny(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(inputs.os, "open", deny)
    assert [item.message for item in iter_inputs([str(tmp_path)])] == [  # type: ignore[union-attr]
        f"{tmp_path / name}: permission denied; check its permissions (ls -l)"
        for name in ("a.txt", "b.txt")
    ]


# --- stdin ---------------------------------------------------------------------------


def test_stdin() -> None:
    item = one(["-"], stdin=io.BytesIO(b"\xef\xbb\xbfPiped text\r\n"))
    digest = hashlib.sha256(b"Piped text\n").hexdigest()
    assert item == ArticleInput(origin="-", name=f"stdin-{digest[:8]}", text="Piped text\n")


def test_stdin_empty_and_too_large() -> None:
    assert one(["-"], stdin=io.BytesIO(b" \n")) == InputFailure(
        "-", "stdin: empty input; nothing to read"
    )
    assert one(["-"], stdin=io.BytesIO(b"x" * 2000), max_bytes=1500) == InputFailure(
        "-", "stdin: too large: more than the 1.5 kB limit; split it"
    )


def test_stdin_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)  # e.g. started by a daemon with stdin closed
    assert one(["-"]) == InputFailure("-", "stdin: not available; pass a file instead of -")


def test_stdin_html_is_sniffed() -> None:
    item = one(["-"], stdin=io.BytesIO(ARTICLE_HTML))
    assert isinstance(item, ArticleInput)
    digest = hashlib.sha256(BODY.encode()).hexdigest()
    assert (item.name, item.text, item.title) == (
        f"stdin-{digest[:8]}", BODY, "Drone strikes hit power grid")


@given(st.binary(max_size=400))
def test_any_bytes_give_an_article_or_one_line_failure(data: bytes) -> None:
    item = one(["-"], stdin=io.BytesIO(data))
    if isinstance(item, InputFailure):
        assert item.message.startswith("stdin: ") and "\n" not in item.message
    else:
        assert item.text.strip() and "\r" not in item.text


readable = st.text(
    alphabet=st.characters(
        categories=["L", "M", "N", "P", "S", "Zs", "Cf"], include_characters="\n\r\t"
    ),
    min_size=1,
).filter(lambda text: text.strip() and not text.lstrip().startswith("<"))


@given(readable, st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_text_round_trips_except_newlines(text: str, codec: str) -> None:
    item = one(["-"], stdin=io.BytesIO(text.encode(codec)))
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    if codec == "utf-8" and text.startswith("\ufeff"):
        expected = expected[1:]  # a leading U+FEFF in UTF-8 is the BOM
    name = "stdin-" + hashlib.sha256(expected.encode()).hexdigest()[:8]
    assert item == ArticleInput(origin="-", name=name, text=expected)


def test_origin_under_the_working_directory_is_stored_relative(tmp_path: Path) -> None:
    (tmp_path / "desk" / "articles").mkdir(parents=True)
    path = tmp_path / "desk" / "articles" / "a.txt"
    path.write_text("The ministry said 40 people died.")
    os.chdir(tmp_path / "desk")
    for typed in (str(path), "articles/a.txt", "./articles/a.txt", "../desk/articles/a.txt"):
        item = one([typed])
        assert isinstance(item, ArticleInput)
        assert (item.origin, item.name) == ("articles/a.txt", "a.txt")
    folder = one([str(tmp_path / "desk" / "articles")])
    assert isinstance(folder, ArticleInput) and folder.origin == "articles/a.txt"
    os.chdir(tmp_path / "desk" / "articles")
    outside = one(["../../desk/articles/a.txt"])
    assert isinstance(outside, ArticleInput) and outside.origin == "a.txt"
    os.chdir(tmp_path)
    (tmp_path / "other").mkdir()
    os.chdir(tmp_path / "other")
    for typed in (str(path), "../desk/articles/a.txt"):  # not under the working directory
        item = one([typed])
        assert isinstance(item, ArticleInput) and item.origin == typed


def test_stored_origin_sees_through_a_symlinked_working_directory(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("x")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    os.chdir(tmp_path / "link")
    assert inputs.stored_origin(str(tmp_path / "real" / "a.txt")) == "a.txt"
    assert inputs.stored_origin(str(tmp_path / "link" / "a.txt")) == "a.txt"
    assert inputs.stored_origin("https://example.org/a.txt") == "https://example.org/a.txt"
    assert inputs.stored_origin("-") == "-"


# --- HTML ----------------------------------------------------------------------------


def test_html_file_keeps_only_the_article_with_metadata() -> None:
    path = str(HOSTILE / "article.html")
    assert one([path]) == ArticleInput(
        origin=path,
        name="article.html",
        text=BODY,
        title="Drone strikes hit power grid",
        publisher="The Daily Ledger",
        published="2026-11-20",
    )


def test_stdlib_fallback_gives_the_same_article() -> None:
    assert fallback_html_to_text(ARTICLE_HTML.decode()) == (
        BODY,
        "Drone strikes hit power grid",
        "The Daily Ledger",
        "2026-11-20",
    )


def test_without_trafilatura_the_fallback_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import now raises ImportError
    path = write(tmp_path / "page.htm", ARTICLE_HTML)
    item = one([path])
    assert isinstance(item, ArticleInput)
    assert (item.text, item.publisher) == (BODY, "The Daily Ledger")


def test_a_page_too_large_for_trafilatura_takes_the_stdlib_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Refuses:
        def bare_extraction(self, *_: object, **__: object) -> None:
            raise AssertionError("trafilatura must not read a page this large")

    monkeypatch.setitem(sys.modules, "trafilatura", Refuses())
    monkeypatch.setattr("claims.html_text.TRAFILATURA_MAX", 100)
    item = one([write(tmp_path / "page.htm", ARTICLE_HTML)])
    assert isinstance(item, ArticleInput)
    assert (item.text, item.publisher) == (BODY, "The Daily Ledger")


def test_fallback_without_article_element_uses_the_body() -> None:
    html = (
        "<html><body><div class='site-nav'>Home | World</div>"
        "<div><a href='/'>Politics</a> | <a href='/w'>World news</a></div><div id='content'>"
        "<h2>Title &amp; more</h2><p>First   paragraph<br>second line.</p></div>"
        "<div role='contentinfo'>(c) Site</div><script>x()</script></body></html>"
    )
    assert fallback_html_to_text(html) == (
        "Title & more\nFirst paragraph\nsecond line.",
        None,
        None,
        None,
    )


def test_html_without_article_text(tmp_path: Path) -> None:
    path = write(
        tmp_path / "empty.html", b"<html><body><script>var a = 1;</script><img src=x></body></html>"
    )
    assert one([path]) == InputFailure(path, f"{path}: no article text found in the HTML")


def test_markup_that_crashes_trafilatura_falls_back(tmp_path: Path) -> None:
    path = write(tmp_path / "svg.html", b"<svg><title></title><p>")  # htmldate AssertionError
    assert one([path]) == InputFailure(path, f"{path}: no article text found in the HTML")


def test_html_meta_charset_is_honoured(tmp_path: Path) -> None:
    html = (
        "<html><head><meta charset='windows-1252'></head><body><article><p>Caf\u00e9 \u201c12\u201d"
    )
    path = write(tmp_path / "legacy.html", (html + "</p></article></body></html>").encode("cp1252"))
    item = one([path])
    assert isinstance(item, ArticleInput)
    assert item.text == "Caf\u00e9 \u201c12\u201d"


def test_network_libraries_are_imported_lazily() -> None:
    code = (
        "import sys, claims.inputs as i; list(i.iter_inputs(['tests/data/hostile/crlf.txt']));"
        " print(sorted(set(sys.modules) & {'httpx', 'trafilatura', 'rich', 'sqlalchemy'}))"
    )
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
    )
    assert result.stdout == "[]\n"


# --- URLs against a local server -----------------------------------------------------


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send(self, status: int, body: bytes, content_type: str, length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        if path == "/news/drone-strikes":
            self.send(200, ARTICLE_HTML, "text/html; charset=utf-8")
        elif path == "/news/untitled/":
            self.send(200, b"<html><body><p>No title here.</p></body></html>", "text/html")
        elif path == "/plain.txt":
            self.send(
                200, "Caf\u00e9 line\r\nnext".encode("latin-1"), "text/plain; charset=latin-1"
            )
        elif path == "/undeclared.txt":
            self.send(200, "Caf\u00e9".encode("latin-1"), "text/plain")
        elif path.startswith("/hop/"):
            hops = int(path.rsplit("/", 1)[1])
            self.send_response(302)
            target = "/news/drone-strikes" if hops == 0 else f"/hop/{hops - 1}"
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/image.png":
            self.send(200, b"\x89PNG\r\n", "image/png")
        elif path == "/big":
            self.send(200, b"<p>" + b"x" * 5000 + b"</p>", "text/html")
        elif path == "/big-unannounced":
            self.send(200, b"<p>" + b"x" * 5000 + b"</p>", "text/html", length=False)
        elif path == "/slow":
            time.sleep(1.5)
            self.send(200, b"late", "text/plain")
        else:
            self.send(404, b"not found", "text/plain")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.handle_error = lambda request, client_address: None  # type: ignore[method-assign]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ):
        monkeypatch.delenv(name, raising=False)


def test_url_article_keeps_only_the_body(server: str) -> None:
    url = f"{server}/news/drone-strikes"
    assert one([url]) == ArticleInput(
        origin=url,
        name="Drone strikes hit power grid",
        text=BODY,
        title="Drone strikes hit power grid",
        url=url,
        publisher="The Daily Ledger",
        published="2026-11-20",
    )


def test_url_without_title_is_named_by_its_last_segment(server: str) -> None:
    item = one([f"{server}/news/untitled/"])
    assert isinstance(item, ArticleInput)
    assert (item.name, item.text, item.title) == ("untitled", "No title here.", None)


def test_url_redirects_are_followed_up_to_five(server: str) -> None:
    item = one([f"{server}/hop/4"])
    assert isinstance(item, ArticleInput)
    assert (item.origin, item.url, item.text) == (
        f"{server}/hop/4",
        f"{server}/news/drone-strikes",
        BODY,
    )
    url = f"{server}/hop/5"
    assert one([url]) == InputFailure(url, f"{url}: too many redirects (more than 5)")


def test_url_plain_text_uses_the_declared_charset(server: str) -> None:
    url = f"{server}/plain.txt"
    assert one([url]) == ArticleInput(
        origin=url, name="plain.txt", text="Caf\u00e9 line\nnext", url=url
    )


def test_url_undeclared_legacy_text_is_refused(server: str) -> None:
    url = f"{server}/undeclared.txt"
    assert one([url]) == InputFailure(
        url,
        f"{url}: not UTF-8 text (byte 0xe9 at offset 3); convert it with iconv -f LATIN1 -t UTF-8",
    )


def test_url_http_error(server: str) -> None:
    url = f"{server}/missing"
    assert one([url]) == InputFailure(url, f"{url}: HTTP 404")


def test_url_wrong_content_type(server: str) -> None:
    url = f"{server}/image.png"
    assert one([url]) == InputFailure(
        url, f"{url}: unsupported content type image/png; pass an HTML or text page"
    )


def test_url_too_large(server: str) -> None:
    url = f"{server}/big"
    assert one([url], max_bytes=1000) == InputFailure(
        url, f"{url}: too large: 5 kB > 1 kB limit; split it"
    )
    url = f"{server}/big-unannounced"
    assert one([url], max_bytes=1000) == InputFailure(
        url, f"{url}: too large: more than the 1 kB limit; split it"
    )


def test_url_timeout(server: str) -> None:
    url = f"{server}/slow"
    started = time.monotonic()
    assert one([url], timeout=0.3) == InputFailure(url, f"{url}: timed out after 0.3 s")
    assert time.monotonic() - started < 1.2


def test_url_connection_refused() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/x"
    assert one([url]) == InputFailure(
        url, f"{url}: could not connect: [Errno 111] Connection refused"
    )


def test_url_without_httpx(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "httpx", None)
    url = "https://example.invalid/a"
    assert one([url]) == InputFailure(
        url, f"{url}: reading URLs needs httpx; pip install 'claim-tracker[web]'"
    )

"""Turn what the user names (paths, folders, stdin, URLs) into decoded article texts.

This is shell code: it reads files and the network, and it reports every problem as an
`InputFailure` (one line naming the item, what is wrong and what to do) instead of raising,
so a batch keeps going past a bad item (DESIGN.md, exit codes).

Stored text is kept exact apart from removing a BOM, normalising newlines to ``\\n`` and
replacing a NUL past the first 8 KiB (where it does not mean "binary") by U+FFFD
(PostgreSQL cannot store NUL in text; replacing it everywhere keeps the backends identical).
Control characters, bidi overrides and zero-width characters stay in the text, because
claim and figure spans are offsets into it and the article must stay quotable verbatim.
Making text safe to show is the renderer's job (`claims.render.safe`).

httpx and trafilatura are optional (`pip install 'claim-tracker[web]'`) and imported only
when a URL or an HTML document is read.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import stat
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import BinaryIO
from urllib.parse import unquote, urlsplit

from claims import http_fetch
from claims.core.text.dateline import dateline_date
from claims.http_fetch import WEB_EXTRA_HINT, content_type, meta_charset

TEXT_EXTENSIONS = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
HTML_EXTENSIONS = frozenset({".html", ".htm"})
URL_CONTENT_TYPES = frozenset({"text/html", "text/plain", "application/xhtml+xml"})
MAX_REDIRECTS = 5
SNIFF_BYTES = 8192
READ_CHUNK = 1 << 20
BINARY_CONTROL_RATIO = 0.1
USER_AGENT = "claims/0.1 (fact-checking; +https://pypi.org/project/claim-tracker)"
FORMAT_HINT = "pass a text, Markdown or HTML file"
NUL_REPLACEMENT = "\ufffd"
STDIN = "-"
STDIN_PREFIX = "stdin-"


@dataclass(frozen=True)
class ArticleInput:
    """One readable article: `origin` is the path (relative to the current directory when
    it is under it: `stored_origin`), the URL, or `-` for stdin; `name` is what lists
    show: the file name, the page title, or `stdin-` and the first 8 hex digits of the
    text's SHA-256 (a `--title` replaces a stdin name later)."""

    origin: str
    name: str
    text: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class InputFailure:
    """An item that could not be read; `message` is one line that starts with its name."""

    origin: str
    message: str


InputItem = ArticleInput | InputFailure


def iter_inputs(
    args: Sequence[str],
    *,
    stdin: BinaryIO | None = None,
    max_bytes: int = 20_000_000,
    timeout: float = 10.0,
    max_depth: int = 32,
) -> Iterator[InputItem]:
    """Yield one item per file, per file found in a folder, per URL and for ``-``.

    A generator all the way down, so a huge folder streams instead of being listed first.
    """
    for arg in args:
        if arg == "-":
            yield _read_stdin(stdin, max_bytes)
        elif arg.lower().startswith(("http://", "https://")):
            yield _fetch_url(arg, max_bytes=max_bytes, timeout=timeout)
        else:
            yield from _iter_path(arg, max_bytes=max_bytes, max_depth=max_depth)


def stored_origin(path: str) -> str:
    """A file's origin as stored: relative to the current directory when it is under it.

    The origin is the path CI annotations and SARIF report. An absolute path typed on a
    desk's machine (`/home/ana/desk/articles/a.txt`) means nothing on a CI runner, while
    `articles/a.txt` does wherever the repository is checked out. A path outside the
    current directory (or a URL, or `-`) is kept as given; `./a.txt` becomes `a.txt`.
    """
    if path == STDIN or "://" in path:
        return path
    try:
        cwd = os.getcwd()
        tries = [(cwd, os.path.abspath(path))]
        # a symlinked working directory: compare real folders (the file's own link kept)
        folder, leaf = os.path.split(os.path.abspath(path))
        tries.append((os.path.realpath(cwd), os.path.join(os.path.realpath(folder), leaf)))
        for base, target in tries:
            rel = os.path.relpath(target, base)
            if rel != os.curdir and rel != os.pardir and not rel.startswith(os.pardir + os.sep):
                return rel
    except (OSError, ValueError):  # no working directory, another drive
        pass
    return path


# --- files and folders ---------------------------------------------------------------


def _iter_path(path: str, *, max_bytes: int, max_depth: int) -> Iterator[InputItem]:
    try:
        st = os.stat(path)
    except OSError as exc:
        yield InputFailure(path, f"{path}: {_os_problem(exc)}")
        return
    if stat.S_ISDIR(st.st_mode):
        yield from _walk(path, max_bytes=max_bytes, depth_left=max_depth, ancestors=())
    else:
        yield _read_file(path, max_bytes=max_bytes)


def _walk(
    folder: str, *, max_bytes: int, depth_left: int, ancestors: tuple[tuple[int, int], ...]
) -> Iterator[InputItem]:
    """Depth-first in name order; a folder's listing is held, never the whole tree's."""
    try:
        st = os.stat(folder)
    except OSError as exc:  # removed or changed since it was listed
        yield InputFailure(folder, f"{folder}: {_os_problem(exc)}")
        return
    ident = (st.st_dev, st.st_ino)
    if ident in ancestors:
        yield InputFailure(folder, f"{folder}: symlink loop (links back to a parent folder)")
        return
    if depth_left < 0:
        message = f"{folder}: folders nested too deeply; pass a shallower folder"
        yield InputFailure(folder, message)
        return
    try:
        with os.scandir(folder) as it:
            names = sorted(entry.name for entry in it if not entry.name.startswith("."))
    except OSError as exc:
        yield InputFailure(folder, f"{folder}: {_os_problem(exc)}")
        return
    for name in names:
        path = os.path.join(folder, name)
        wanted = os.path.splitext(name)[1].lower() in TEXT_EXTENSIONS
        try:
            child = os.stat(path)
        except OSError as exc:
            if wanted or exc.errno == errno.ELOOP:
                yield InputFailure(path, f"{path}: {_os_problem(exc)}")
            continue
        if stat.S_ISDIR(child.st_mode):
            yield from _walk(
                path,
                max_bytes=max_bytes,
                depth_left=depth_left - 1,
                ancestors=(*ancestors, ident),
            )
        elif wanted:
            yield _read_file(path, max_bytes=max_bytes)


def _read_file(path: str, *, max_bytes: int) -> InputItem:
    name = os.path.basename(os.path.normpath(path))
    try:
        data = _read_regular(path, max_bytes)
    except _Unreadable as exc:
        return InputFailure(path, f"{path}: {exc}")
    except OSError as exc:
        return InputFailure(path, f"{path}: {_os_problem(exc)}")
    is_html = os.path.splitext(name)[1].lower() in HTML_EXTENSIONS
    item = _to_article(data, origin=path, name=name, is_html=is_html, url=None, charset=None)
    if isinstance(item, ArticleInput):  # failures keep naming the path as typed
        return replace(item, origin=stored_origin(path))
    return item


class _Unreadable(Exception):
    """Internal: the file exists but is not something we read (message is the problem)."""


def _read_regular(path: str, max_bytes: int) -> bytes:
    """Open without following into FIFOs or devices, so a FIFO can never block us."""
    before = os.stat(path)
    if not stat.S_ISREG(before.st_mode):
        if _is_devnull(before):
            return b""
        raise _Unreadable(f"not a regular file ({_file_kind(before.st_mode)}); {FORMAT_HINT}")
    if before.st_size > max_bytes:
        raise _Unreadable(_too_large(before.st_size, max_bytes))
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # swapped after stat()
            raise _Unreadable(f"not a regular file; {FORMAT_HINT}")
        data = _read_capped(handle, max_bytes)
    if len(data) > max_bytes:  # grew since stat(), or a file system that reports size 0
        raise _Unreadable(_too_large(None, max_bytes))
    return data


def _read_capped(stream: BinaryIO, max_bytes: int) -> bytes:
    """At most max_bytes + 1 bytes, in chunks: read(n) would allocate all n bytes up front."""
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes:
        chunk = stream.read(min(READ_CHUNK, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _is_devnull(st: os.stat_result) -> bool:
    try:
        null = os.stat(os.devnull)
    except OSError:
        return False
    return stat.S_ISCHR(st.st_mode) and st.st_rdev == null.st_rdev


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def _os_problem(exc: OSError) -> str:
    code = exc.errno
    if code == errno.ENOENT:
        return "no such file or directory; check the path"
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied; check its permissions (ls -l)"
    if code == errno.ELOOP:
        return "symlink loop; fix or remove the link"
    if code == errno.ENAMETOOLONG:
        return "path too long"
    reason = (exc.strerror or type(exc).__name__).lower()
    return f"cannot read: {reason}"


def _read_stdin(stdin: BinaryIO | None, max_bytes: int) -> InputItem:
    stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
    if stream is None:
        return InputFailure("-", "stdin: not available; pass a file instead of -")
    try:
        data = _read_capped(stream, max_bytes)
    except OSError as exc:
        return InputFailure("-", f"stdin: {_os_problem(exc)}")
    if len(data) > max_bytes:
        return InputFailure("-", f"stdin: {_too_large(None, max_bytes)}")
    is_html = _looks_like_html(data)
    return _to_article(data, origin=STDIN, name="stdin", is_html=is_html, url=None, charset=None)


def _looks_like_html(data: bytes) -> bool:
    """Only stdin is sniffed: files say what they are by their extension."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


# --- decoding ------------------------------------------------------------------------


def _to_article(
    data: bytes, *, origin: str, name: str, is_html: bool, url: str | None, charset: str | None
) -> InputItem:
    label = "stdin" if origin == "-" else origin
    text = _decode(data, charset=charset, html=is_html)
    if isinstance(text, _Problem):
        return InputFailure(origin, f"{label}: {text.message}")
    empty = "empty input" if origin == "-" else "empty file"
    if not text.strip():
        return InputFailure(origin, f"{label}: {empty}; nothing to read")
    if not is_html:
        if origin.lower().endswith((".md", ".markdown")):
            from claims.core.text.documents import markdown_to_text

            text = markdown_to_text(text)
        if origin == STDIN:
            name = stdin_name(text)
        return ArticleInput(
            origin=origin, name=name, text=text, url=url, published=dateline_date(text)
        )
    from claims.html_text import html_article

    body, title, publisher, published = html_article(text, url=url)
    published = published or dateline_date(body)
    if not body.strip():
        return InputFailure(origin, f"{label}: no article text found in the HTML")
    if origin == STDIN:
        name = stdin_name(body)
    return ArticleInput(
        origin=origin,
        name=(title or name) if url else name,
        text=body,
        title=title,
        url=url,
        publisher=publisher,
        published=published,
    )


def stdin_name(text: str) -> str:
    """`stdin-` and the first 8 hex digits of the SHA-256 the stored text gets
    (`make_document` hashes the text with newlines normalised), so two stdin articles
    never share a name and the name finds the article again."""
    clean = text.replace("\r\n", "\n").replace("\r", "\n")
    return STDIN_PREFIX + hashlib.sha256(clean.encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class _Problem:
    message: str


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_NEWLINES = re.compile(r"\r\n?")


def _decode(data: bytes, *, charset: str | None = None, html: bool = False) -> str | _Problem:
    """BOM, else a declared charset (HTTP header or HTML meta), else strict UTF-8.

    Guessing a legacy encoding silently is how mojibake gets into a fact-checking record,
    so undeclared non-UTF-8 bytes are refused with an iconv hint instead.
    """
    encoding, skip = "utf-8", 0
    for bom, name in _BOMS:
        if data.startswith(bom):
            encoding, skip = name, len(bom)
            break
    else:
        if b"\x00" in data[:SNIFF_BYTES]:
            return _Problem(f"binary file (NUL bytes); {FORMAT_HINT}")
        if charset is None and html:
            charset = meta_charset(data)
        if charset is not None:
            try:
                encoding = codecs.lookup(charset).name
            except LookupError:
                return _Problem(f"unknown charset {charset!r}; convert it to UTF-8")
    try:
        text = data[skip:].decode(encoding)
    except UnicodeDecodeError as exc:
        where = f"byte 0x{data[skip + exc.start]:02x} at offset {skip + exc.start}"
        if encoding != "utf-8":
            return _Problem(f"not valid {encoding} text ({where})")
        if not skip and _mostly_control(data[:SNIFF_BYTES].decode("latin-1")):
            return _Problem(f"binary file; {FORMAT_HINT}")
        source = "CP1252" if any(0x80 <= b <= 0x9F for b in data) else "LATIN1"
        return _Problem(f"not UTF-8 text ({where}); convert it with iconv -f {source} -t UTF-8")
    if "\x00" in text[:SNIFF_BYTES] or _mostly_control(text[:SNIFF_BYTES]):
        return _Problem(f"binary file; {FORMAT_HINT}")
    # A stray NUL past the sniffed head: PostgreSQL cannot store it in text, so it becomes
    # U+FFFD on every backend (one character for one: spans are unchanged).
    return _NEWLINES.sub("\n", text).replace("\x00", NUL_REPLACEMENT)


def _mostly_control(sample: str) -> bool:
    if not sample:
        return False
    controls = sum(
        1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f\x1b") or ch == "\x7f"
    )
    return controls / len(sample) > BINARY_CONTROL_RATIO


def _too_large(size: int | None, limit: int) -> str:
    if size is None:  # streamed: only known to pass the limit
        return f"too large: more than the {_human_size(limit)} limit; split it"
    return f"too large: {_human_size(size)} > {_human_size(limit)} limit; split it"


def _human_size(n: int) -> str:
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} B"


# --- URLs ----------------------------------------------------------------------------


def _fetch_url(url: str, *, max_bytes: int, timeout: float) -> InputItem:
    def accept(headers: Mapping[str, str]) -> None:
        """An article is an HTML or text page, and a declared size over the cap is
        refused before any of the body is read."""
        media_type, _ = content_type(headers.get("content-type", ""))
        if media_type not in URL_CONTENT_TYPES:
            shown = media_type or "none given"
            raise _Unreadable(f"unsupported content type {shown}; pass an HTML or text page")
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise _Unreadable(_too_large(int(declared), max_bytes))

    try:
        got = http_fetch.get(url, timeout=timeout, max_bytes=max_bytes,
                             max_redirects=MAX_REDIRECTS, user_agent=USER_AGENT, accept=accept)
    except http_fetch.HttpxMissing:
        return InputFailure(url, f"{url}: reading URLs needs httpx; {WEB_EXTRA_HINT}")
    except http_fetch.TooLarge:
        return InputFailure(url, f"{url}: {_too_large(None, max_bytes)}")
    except (_Unreadable, http_fetch.FetchError) as exc:
        return InputFailure(url, f"{url}: {exc}")
    if got.status >= 400:
        return InputFailure(url, f"{url}: HTTP {got.status}")
    media_type, charset = content_type(got.content_type)
    is_html = media_type != "text/plain"
    return _to_article(
        got.body, origin=url, name=_url_name(url), is_html=is_html, url=got.final_url,
        charset=charset,
    )


def _url_name(url: str) -> str:
    parts = urlsplit(url)
    segment = unquote(parts.path.rstrip("/").rpartition("/")[2])
    return segment or parts.hostname or url

"""A web server on 127.0.0.1 whose pages a test can publish, change and delete.

Evidence is fetched over real HTTP (httpx, redirects, status codes), so tests run a real
server, on loopback only, in a thread of the test process.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    location: str | None = None  # for a redirect


class Site:
    """Paths → pages; a path that is not published answers 404."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.pages: dict[str, Page] = {}
        self.hits: dict[str, int] = {}
        self.lock = threading.Lock()

    def url(self, path: str) -> str:
        return self.base + path

    def publish(self, path: str, body: str | bytes, content_type: str | None = None) -> str:
        data = body.encode() if isinstance(body, str) else body
        with self.lock:
            self.pages[path] = Page(data, content_type or "text/html; charset=utf-8")
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 301) -> str:
        with self.lock:
            self.pages[path] = Page(b"", "text/plain", status, location=to)
        return self.url(path)

    def fail(self, path: str, status: int) -> str:
        with self.lock:
            self.pages[path] = Page(b"<h1>error</h1>", "text/html", status)
        return self.url(path)

    def delete(self, path: str) -> None:
        with self.lock:
            self.pages.pop(path, None)

    def get(self, path: str) -> Page | None:
        with self.lock:
            self.hits[path] = self.hits.get(path, 0) + 1
            return self.pages.get(path)


@contextmanager
def serve() -> Iterator[Site]:
    holder: list[Site] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            page = holder[0].get(self.path)
            if page is None:
                page = Page(b"<h1>not found</h1>", "text/html", 404)
            self.send_response(page.status)
            self.send_header("Content-Type", page.content_type)
            self.send_header("Content-Length", str(len(page.body)))
            if page.location is not None:
                self.send_header("Location", page.location)
            self.end_headers()
            self.wfile.write(page.body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    holder.append(Site(f"http://127.0.0.1:{server.server_address[1]}"))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield holder[0]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)

"""A static file server for the built site on 127.0.0.1, compressing as a static host would.

Used by the benchmarks and the quality gates: gzip for text types when the
client accepts it, ``Content-Length`` always, the language's 404 page for a
missing path, and the headers of the site's ``_headers`` file (its ``/*``
block, as Netlify and Cloudflare Pages read it). Not for production.
"""

from __future__ import annotations

import gzip
import mimetypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = ("text/", "application/json", "application/javascript", "application/xml", "image/svg+xml")


@lru_cache(maxsize=4096)
def _gzipped(path: Path, mtime: float) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


def site_headers(root: Path) -> list[tuple[str, str]]:
    """The ``/*`` block of ``root/_headers``: indented ``Name: value`` lines under a ``/*`` line."""
    path = root / "_headers"
    if not path.is_file():
        return []
    out: list[tuple[str, str]] = []
    block = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line[0].isspace():
            block = line.strip()
        elif block == "/*" and ":" in line:
            name, _, value = line.strip().partition(":")
            out.append((name.strip(), value.strip()))
    return out


def make_handler(root: Path) -> type[BaseHTTPRequestHandler]:
    root = root.resolve()
    headers = site_headers(root)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def _resolve(self) -> tuple[Path | None, int]:
            path = unquote(urlsplit(self.path).path)
            target = (root / path.lstrip("/")).resolve()
            if not target.is_relative_to(root):
                return None, 404
            if target.is_dir():
                if not path.endswith("/"):
                    return target, 301
                target = target / "index.html"
            if target.is_file():
                return target, 200
            lang_404 = root / path.lstrip("/").split("/")[0] / "404.html"
            return (lang_404 if lang_404.is_file() else root / "404.html"), 404

        def do_HEAD(self) -> None:
            self._serve(body=False)

        def do_GET(self) -> None:
            self._serve(body=True)

        def _serve(self, body: bool) -> None:
            target, status = self._resolve()
            if status == 301:
                self.send_response(301)
                self.send_header("Location", urlsplit(self.path).path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if target is None or not target.is_file():
                self.send_error(404)
                return
            ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
                ctype += "; charset=utf-8"
            data = target.read_bytes()
            encoding = None
            if "gzip" in self.headers.get("Accept-Encoding", "") and ctype.startswith(COMPRESSIBLE):
                data, encoding = _gzipped(target, target.stat().st_mtime), "gzip"
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "max-age=600")
            # LinkChecker throttles every host to a few requests a second unless the host
            # answers with this header; this server runs on 127.0.0.1 for our own crawls only.
            self.send_header("LinkChecker", "unthrottled")
            for name, value in headers:
                self.send_header(name, value)
            if encoding:
                self.send_header("Content-Encoding", encoding)
                self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            if body:
                self.wfile.write(data)

    return Handler


@contextmanager
def serve(root: Path, port: int = 0) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 for the duration of the block; yields the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", port), make_handler(root))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()

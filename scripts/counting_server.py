"""A local server for the benchmarks that counts the bytes it sends, per path.

faqsite.devserver's handler (gzip, the site's _headers), as a static host
serves the site; scripts/bench_search.py and scripts/bench_engines.py measure
what a page view or a first search downloads with it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

from faqsite.devserver import make_handler


class Wire:
    """Bytes the server sent (headers and body, compressed as sent), per path, in order.

    Counted by the server, so that requests of workers (Material's, Pagefind's)
    count like the page's own; one browser context runs at a time.
    """

    def __init__(self) -> None:
        self.sent: list[tuple[str, int]] = []
        self.lock = threading.Lock()

    def mark(self) -> int:
        with self.lock:
            return len(self.sent)

    def total(self, since: int, pattern: re.Pattern[str] | None = None) -> int:
        """Bytes sent since ``since`` for paths matching ``pattern``, each path once (as a cache would)."""
        with self.lock:
            sent = dict(reversed(self.sent[since:]))  # the first response of each path
        return sum(n for path, n in sent.items() if pattern is None or pattern.search(path))


class _Counter:
    """A response stream that counts what is written to it."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.count = 0

    def write(self, data: bytes) -> int:
        self.count += len(data)
        return int(self.stream.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


@contextmanager
def serve(root: Path) -> Iterator[tuple[str, Wire]]:
    """faqsite.devserver's server (gzip, the site's _headers) on 127.0.0.1, counting the bytes it sends."""
    wire = Wire()
    base: Any = make_handler(root)

    class Counting(base):  # type: ignore[misc]
        counter: _Counter

        def setup(self) -> None:
            super().setup()
            self.counter = _Counter(self.wfile)  # type: ignore[has-type]  # set by the base class's setup()
            self.wfile = self.counter

        def handle_one_request(self) -> None:
            self.counter.count = 0
            super().handle_one_request()
            if getattr(self, "command", None) and self.counter.count:
                with wire.lock:
                    wire.sent.append((self.path, self.counter.count))

    server = ThreadingHTTPServer(("127.0.0.1", 0), Counting)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", wire
    finally:
        server.shutdown()
        server.server_close()

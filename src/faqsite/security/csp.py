"""The Content-Security-Policy of every page: a ``<meta>`` first in its head, and a headers file.

Scripts come from the site only; the theme's few inline scripts run because
their hashes are listed (each page's own, found with a parser); no plugins
(``object-src 'none'``), no ``<base>`` elsewhere, no form submission. Styles
come from the site, plus the ``style`` attributes the sanitizer lets through
(a table column's alignment). Images may be ``data:`` URIs (the theme's icons).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from html.parser import HTMLParser

# The directives a <meta> policy can carry (frame-ancestors, report-uri and sandbox cannot).
DIRECTIVES: dict[str, list[str]] = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "media-src": ["'self'"],
    "frame-src": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'none'"],
}
HEADER_ONLY = {"frame-ancestors": ["'none'"]}
# In the header only: the search engine (Pagefind) compiles its WebAssembly in its own worker, whose
# policy is that of its response (a worker does not inherit the page's <meta> policy). Pages never
# compile WebAssembly, so their <meta> policy does not allow it; 'wasm-unsafe-eval' allows no eval()
# of JavaScript.
HEADER_ONLY_SCRIPT = ["'wasm-unsafe-eval'"]
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


def script_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(hashes: Iterable[str], *, header: bool = False) -> str:
    directives = {**DIRECTIVES, **(HEADER_ONLY if header else {})}
    extra = HEADER_ONLY_SCRIPT if header else []
    directives["script-src"] = [*directives["script-src"], *extra, *sorted(set(hashes))]
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


class _Head(HTMLParser):
    """Where the policy goes (after the head's start tag, or after its charset declaration), and the
    source of every inline script the browser would run."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.head_end: tuple[int, int] | None = None
        self.charset_end: tuple[int, int] | None = None
        self.scripts: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "head" and self.head_end is None:
            line, col = self.getpos()
            self.head_end = (line, col + len(self.get_starttag_text() or ""))
        if tag == "meta" and "charset" in found and self.head_end is not None and self.charset_end is None:
            line, col = self.getpos()
            self.charset_end = (line, col + len(self.get_starttag_text() or ""))
        if tag == "script" and "src" not in found and (found.get("type") or "").strip().lower() in SCRIPT_TYPES:
            self._script = []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None


def with_policy(html: str) -> tuple[str, list[str]]:
    """``html`` with its policy as the first element of its head, and the hashes of its inline scripts.

    A page without a ``<head>`` is returned unchanged (nothing of ours is written without one).
    """
    parser = _Head()
    parser.feed(html)
    parser.close()
    if parser.head_end is None:
        return html, []
    hashes = [script_hash(source) for source in parser.scripts]
    line, col = parser.charset_end or parser.head_end
    lines = html.splitlines(keepends=True)
    offset = sum(len(text) for text in lines[: line - 1]) + col
    meta = f'\n<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
    return html[:offset] + meta + html[offset:], hashes


def headers_file(hashes: Iterable[str]) -> str:
    """A ``_headers`` file (Netlify, Cloudflare Pages) with the policy for every path of the site."""
    return f"/*\n  Content-Security-Policy: {policy(hashes, header=True)}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n"

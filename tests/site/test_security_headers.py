"""Every HTML page carries the site's Content-Security-Policy first in its head, allowing exactly its own
inline scripts; the headers file repeats the policy for hosts that read one."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from bs4 import BeautifulSoup

from tests.conftest import BuiltSite

POLICY = 'meta[http-equiv="Content-Security-Policy"]'


def html_pages(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


def directives(policy: str) -> dict[str, list[str]]:
    out = {}
    for part in policy.split(";"):
        name, *values = part.split()
        out[name] = values
    return out


def inline_script_hashes(soup: BeautifulSoup) -> set[str]:
    found = set()
    for script in soup.find_all("script"):
        if script.get("src") or (script.get("type") or "text/javascript") not in ("text/javascript", "module"):
            continue
        digest = hashlib.sha256((script.string or "").encode("utf-8")).digest()
        found.add("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    return found


def test_every_page_has_the_policy_before_any_script(site: BuiltSite) -> None:
    pages = html_pages(site.root)
    assert len(pages) > 10
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        metas = soup.select(POLICY)
        assert len(metas) == 1, page
        meta = metas[0]
        assert meta.parent is not None and meta.parent.name == "head", page
        before = [el.name for el in meta.find_all_previous(True) if el.name not in ("html", "head")]
        assert before in ([], ["meta"]), f"{page}: the policy comes after {before}"
        policy = directives(str(meta["content"]))
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"], page
        assert policy["form-action"] == ["'none'"] and policy["default-src"] == ["'self'"], page
        assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"], page
        allowed = {v for v in policy["script-src"] if v.startswith("'sha256-")}
        assert allowed == inline_script_hashes(soup), f"{page}: the hashes are not exactly its inline scripts"


def test_headers_file_allows_the_scripts_of_every_page(site: BuiltSite) -> None:
    text = (site.root / "_headers").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "/*"
    header = next(
        line.strip().removeprefix("Content-Security-Policy:").strip()
        for line in lines
        if "Content-Security-Policy:" in line
    )
    policy = directives(header)
    assert policy["frame-ancestors"] == ["'none'"]
    every = set().union(
        *(
            inline_script_hashes(BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser"))
            for p in html_pages(site.root)
        )
    )
    assert {v for v in policy["script-src"] if v.startswith("'sha256-")} == every


def test_only_the_header_policy_lets_the_search_worker_compile_webassembly(site: BuiltSite) -> None:
    """Pagefind compiles WebAssembly in its worker, under the worker's response policy (_headers); the
    pages' own <meta> policy never allows it."""
    headers = (site.root / "_headers").read_text(encoding="utf-8")
    assert "'wasm-unsafe-eval'" in headers and "'unsafe-eval'" not in headers.replace("'wasm-unsafe-eval'", "")
    page = BeautifulSoup((site.root / "faq/2021-s1/issue-3/index.html").read_text(encoding="utf-8"), "html.parser")
    meta = page.select_one('meta[http-equiv="Content-Security-Policy"]')
    assert meta is not None and "wasm" not in str(meta["content"])

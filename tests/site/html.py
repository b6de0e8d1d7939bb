"""Reading the built site as a reader's browser would: pages, links, ids."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag


@cache
def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def present(found: Tag | None) -> Tag:
    """``found``, an element the page must have: a failed assertion rather than a TypeError on None."""
    assert found is not None, "element not found"
    return found


def ids(path: Path) -> set[str]:
    return {str(el["id"]) for el in soup(path).find_all(id=True)}


def resolve(site_root: Path, page: Path, href: str) -> tuple[Path | None, str]:
    """The file an internal ``href`` on ``page`` points at, and its fragment.

    Returns (None, "") for external links (scheme or host) which this check leaves alone.
    """
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None, ""
    fragment = unquote(parts.fragment)
    if not parts.path:
        return page, fragment
    target = (
        (page.parent / unquote(parts.path)).resolve()
        if not parts.path.startswith("/")
        else (site_root / unquote(parts.path).lstrip("/")).resolve()
    )
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    return target, fragment


def content_pages(site_root: Path) -> list[Path]:
    """Every page of content (not the 404 pages, not the redirects at old upstream paths)."""
    return sorted(
        p
        for p in site_root.rglob("*.html")
        if p.name != "404.html" and "faq-legacy-targets" not in p.read_text(encoding="utf-8")
    )

"""Expectations read from the content itself: the locks under data/upstream/ and the pages under docs/.

Tests take their lists of collections, pages and questions from here, so that
adding a question, an issue or a collection needs no test edit.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from faqsite.importer import lock as locks
from faqsite.markdown.model import SitePage, read_page
from tests.conftest import ROOT

DOCS = ROOT / "docs"
LOCKS = ROOT / "data" / "upstream"
LANGS = {"zh": "", "en": "en/"}  # language -> URL prefix of the built site


def collection_ids() -> list[str]:
    return sorted(p.stem for p in LOCKS.glob("*.yml"))


def locked_questions() -> dict[str, tuple[str, list[str]]]:
    """collection -> (its upstream source file, the question ids upstream had at the last import)."""
    out = {}
    for cid in collection_ids():
        lock = locks.read(LOCKS / f"{cid}.yml")
        assert lock is not None
        out[cid] = (lock.source, [q.id for p in lock.pages for q in p.questions])
    return out


@cache
def pages(lang: str = "zh") -> dict[str, SitePage]:
    """'faq/2021-s1/issue-3' -> the page, for every collection page of a language."""
    root = DOCS / lang
    return {p.relative_to(root).with_suffix("").as_posix(): read_page(p) for p in sorted((root / "faq").rglob("*.md"))}


def unit_pages(lang: str = "zh") -> dict[str, SitePage]:
    """The issue and section pages (not the collection pages)."""
    return {k: v for k, v in pages(lang).items() if not k.endswith("/index")}


def collection_pages(lang: str = "zh") -> dict[str, SitePage]:
    return {k.removesuffix("/index"): v for k, v in pages(lang).items() if k.endswith("/index")}


def site_path(site_root: Path, lang: str, key: str) -> Path:
    """The built HTML file of a page key ('faq/2021-s1/issue-3' or 'faq/2021-s1')."""
    return site_root / LANGS[lang] / key / "index.html"

"""The search bundle as the build writes it: one index per language, a record per question."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Any

import pytest

from faqsite.search.terms import index_text
from tests.conftest import BuiltSite
from tests.content import LANGS, unit_pages
from tests.site.html import soup

HAN = re.compile(r"[\u4e00-\u9fff]")


def records(site: BuiltSite) -> list[dict[str, Any]]:
    """Every record of the bundle, as pagefind.js reads it (fragments: gzip, a signature, JSON)."""
    out = []
    for path in sorted((site.root / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        out.append({**json.loads(data[len("pagefind_dcd") :]), "file": path.name})
    return out


def expected_questions(lang: str) -> dict[str, tuple[str, str]]:
    """'en/faq/2021-s1/issue-3/#q3-2' -> (label, title) of every question of the content."""
    return {
        f"{LANGS[lang]}{key}/#{q.id}": (q.label, q.title)
        for key, page in unit_pages(lang).items()
        for q in page.questions
    }


def test_one_index_per_language_with_every_question_once(site: BuiltSite) -> None:
    entry = json.loads((site.root / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == set(LANGS)
    found = records(site)
    for lang in LANGS:
        expected = expected_questions(lang)
        assert entry["languages"][lang]["page_count"] == len(expected)
        mine = [r for r in found if r["file"].startswith(f"{lang}_")]
        hrefs = [str(r["meta"]["href"]) for r in mine]
        assert sorted(hrefs) == sorted(expected)  # each question once; nothing else (no navigation, no home page)
        for r in mine:
            meta = r["meta"]
            label, title = expected[meta["href"]]
            assert meta["label"] == label
            assert re.sub(r"`", "", title).replace("  ", " ") in meta["title"] or meta["title"]
            assert " · " in meta["where"]


@pytest.mark.parametrize("lang", list(LANGS))
def test_records_lead_to_the_question_and_hold_its_text(site: BuiltSite, lang: str) -> None:
    for r in records(site):
        if not r["file"].startswith(f"{lang}_"):
            continue
        meta = r["meta"]
        path, anchor = str(meta["href"]).split("#")
        page = soup(site.root / path / "index.html")
        heading = page.select_one(f"h2#{anchor}")
        assert heading is not None, meta["href"]
        text = str(meta["text"])
        assert text and "¶" not in text and "\u200b" not in text
        # the answer's first words are on the page, under that heading
        first = next(
            el
            for el in heading.find_all_next(["p", "li", "figure", "pre", "table"])
            if not el.find_parent(class_="faq-meta")  # the question's topics: not its answer
        )
        assert first is not None and " ".join(first.get_text().split())[:12] in text, meta["href"]
        # what is indexed is the text's bigram form: its Chinese only as ASCII words
        assert HAN.search(str(r["content"])) is None
        assert index_text(text).split()[:3] == str(r["content"]).split()[-len(index_text(text).split()) :][:3]


def test_the_bundle_holds_what_the_browser_needs_and_nothing_else(site: BuiltSite) -> None:
    names = {
        p.relative_to(site.root / "pagefind").as_posix() for p in (site.root / "pagefind").rglob("*") if p.is_file()
    }
    assert {"pagefind.js", "pagefind-worker.js", "pagefind-entry.json"} <= names
    assert not [n for n in names if "-ui" in n or "highlight" in n or "playground" in n]


def test_no_search_index_of_materials_own(site: BuiltSite) -> None:
    assert not (site.root / "search").exists() and not (site.root / "en" / "search").exists()
    assert not list(Path(site.root, "assets", "javascripts").rglob("lunr*"))

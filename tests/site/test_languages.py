"""Both languages on every page: lang, hreflang alternates, switch targets, search index, 404, sitemap."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.conftest import BuiltSite
from tests.site.html import content_pages, present, resolve, soup

SITE_URL = "https://paddleclas-faq.example.org/"
HAN = re.compile(r"[\u4e00-\u9fff]")


def lang_of(site: BuiltSite, page: Path) -> str:
    return "en" if page.relative_to(site.root).parts[0] == "en" else "zh"


def neutral(site: BuiltSite, page: Path) -> str:
    rel = page.relative_to(site.root).as_posix()
    return rel.removeprefix("en/").removesuffix("index.html")


def test_every_page_declares_its_language(site: BuiltSite) -> None:
    pages = [*content_pages(site.root), site.root / "404.html", site.root / "en/404.html"]
    wrong = [p for p in pages if present(soup(p).html)["lang"] != lang_of(site, p)]
    assert wrong == []


def test_hreflang_alternates_are_in_the_sitemap_not_in_the_head(site: BuiltSite) -> None:
    """Material fetches "sitemap.xml" next to every alternate link of a page's head: twin pages there
    would be a failed request on every page (see test_sitemap_lists_the_alternates)."""
    for page in content_pages(site.root):
        assert soup(page).select("head link[rel=alternate][hreflang]") == [], page


def test_language_switch_leads_to_the_twin_page(site: BuiltSite) -> None:
    for page in content_pages(site.root):
        switch = {str(a["hreflang"]): a for a in soup(page).select("a.md-select__link[hreflang]")}
        assert set(switch) == {"zh", "en"}
        for lang, a in switch.items():
            target, _ = resolve(site.root, page, str(a["href"]))
            assert target is not None and target.exists()
            assert lang_of(site, target) == lang and neutral(site, target) == neutral(site, page)


@pytest.mark.parametrize(
    ("path", "lang", "words"), [("404.html", "zh", "页面不存在"), ("en/404.html", "en", "page not found")]
)
def test_404_page_in_each_language(site: BuiltSite, path: str, lang: str, words: str) -> None:
    s = soup(site.root / path)
    assert s.html is not None and s.html["lang"] == lang
    assert words in present(s.select_one("article h1")).get_text()
    assert "404" in present(s.title).get_text() and words in present(s.title).get_text()  # the tab says so
    home = s.select_one("article li a")
    assert home is not None and home["href"] == ("/" if lang == "zh" else "/en/")


def test_sitemap_lists_the_alternates(site: BuiltSite) -> None:
    """Every page with its twins and x-default (the default language's), absolute as search engines want."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ElementTree.parse(site.root / "sitemap.xml").getroot()
    urls = root.findall("s:url", ns)
    assert len(urls) == len(content_pages(site.root))
    for url in urls:
        loc = url.findtext("s:loc", namespaces=ns) or ""
        alternates = {a.get("hreflang"): a.get("href") for a in url.findall("x:link", ns)}
        path = loc.removeprefix(SITE_URL).removeprefix("en/")
        assert alternates == {"zh": SITE_URL + path, "en": SITE_URL + "en/" + path, "x-default": SITE_URL + path}


def test_each_language_root_has_the_sitemap_of_its_pages(site: BuiltSite) -> None:
    """Material asks for sitemap.xml next to the page's feed link: /en/sitemap.xml on English pages."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    english = ElementTree.parse(site.root / "en/sitemap.xml").getroot()
    locs = [u.findtext("s:loc", namespaces=ns) or "" for u in english.findall("s:url", ns)]
    pages = [p for p in content_pages(site.root) if lang_of(site, p) == "en"]
    assert len(locs) == len(pages) and all(loc.startswith(SITE_URL + "en/") for loc in locs)


COPY_LINK = {
    "zh": ("复制链接", "已复制链接", "本问题的链接"),
    "en": ("Copy link", "Link copied", "Link to this question"),
}


def test_copy_link_buttons_speak_the_page_language(site: BuiltSite) -> None:
    """The button, what it announces and the fallback field's name, in the page's language; and no
    permalink sign (¶) on any heading: the button replaced it on questions, other headings have none."""
    seen: dict[str, set[tuple[str, str, str]]] = {"zh": set(), "en": set()}
    for page in content_pages(site.root):
        assert soup(page).select("a.headerlink") == [], page
        for button in soup(page).select("button.faq-share__button"):
            label = button.get_text(" ", strip=True)
            seen[lang_of(site, page)].add((label, str(button["data-copied"]), str(button["data-field"])))
    assert seen == {lang: {strings} for lang, strings in COPY_LINK.items()}


ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def test_dates_read_in_one_format_per_language(site: BuiltSite) -> None:
    """Readers see dates as their language writes them ("2021 年 2 月 3 日", "February 3, 2021"), never ISO."""
    for page in content_pages(site.root):
        article = present(soup(page).select_one("article"))
        for time in article.select("time"):
            shown = time.get_text(strip=True)
            assert not ISO_DATE.search(shown), (page, shown)
            assert bool(HAN.search(shown)) == (lang_of(site, page) == "zh"), (page, shown)

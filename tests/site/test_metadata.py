"""Feeds and page metadata: Atom per language, robots.txt, canonical URLs, descriptions, Open Graph."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from tests.conftest import BuiltSite
from tests.site.html import content_pages, present, resolve, soup

SITE_URL = "https://paddleclas-faq.example.org/"
ATOM = "{http://www.w3.org/2005/Atom}"


def dated_units(lang: str) -> list[tuple[str, str]]:
    """(ISO date, page key) of every dated issue of every collection, newest first (from docs/)."""
    from faqsite.mkdocs_plugin.catalog import natural_key
    from tests.content import unit_pages

    units = [(str(p.meta["date"]), key) for key, p in unit_pages(lang).items() if p.meta.get("date")]
    return sorted(units, key=lambda u: (u[0], natural_key(u[1])), reverse=True)


@pytest.mark.parametrize(("path", "prefix"), [("feed.xml", ""), ("en/feed.xml", "en/")])
def test_atom_feed_per_language_dated_by_publication(site: BuiltSite, path: str, prefix: str) -> None:
    feed = ElementTree.parse(site.root / path).getroot()
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    expected = dated_units("en" if prefix else "zh")
    assert [e.findtext(f"{ATOM}published", "")[:10] for e in entries] == [d for d, _ in expected]
    from tests.content import unit_pages

    for entry, (_, key) in zip(entries, expected, strict=True):
        entry_link = entry.find(f"{ATOM}link")
        assert entry_link is not None
        href = entry_link.get("href", "")
        assert href == f"{SITE_URL}{prefix}{key}/"
        assert (site.root / prefix / key / "index.html").exists()
        first = unit_pages("en" if prefix else "zh")[key].questions[0].label
        assert f"{first}:" in entry.findtext(f"{ATOM}summary", "")
    # autodiscovery by a relative link (Material fetches sitemap.xml next to it: it stays on this host)
    home = site.root / prefix / "index.html"
    link = soup(home).select_one("head link[type='application/atom+xml']")
    assert link is not None
    target, _ = resolve(site.root, home, str(link["href"]))
    assert target == site.root / prefix / "feed.xml"


def test_robots_txt_points_to_the_sitemap(site: BuiltSite) -> None:
    text = (site.root / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in text and f"Sitemap: {SITE_URL}sitemap.xml" in text


def test_every_page_has_canonical_url_description_and_open_graph(site: BuiltSite) -> None:
    descriptions = {}
    for page in content_pages(site.root):
        head = present(soup(page).head)
        rel = page.relative_to(site.root).as_posix().removesuffix("index.html")
        canonical = head.select_one("link[rel=canonical]")
        assert canonical is not None and canonical["href"] == SITE_URL + rel
        description = str(present(head.select_one("meta[name=description]"))["content"])
        assert 20 <= len(description) <= 160, (rel, description)
        descriptions[rel] = description
        og = {str(m["property"]): str(m["content"]) for m in head.select("meta[property]")}
        assert og["og:url"] == SITE_URL + rel
        assert og["og:description"] == description
        assert og["og:locale"] == ("en_US" if rel.startswith("en/") else "zh_CN")
        assert og["og:title"]
    # each description comes from the page's own content
    assert len(set(descriptions.values())) == len(descriptions)
    assert descriptions["faq/2021-s1/issue-3/"].startswith("Q3.1: 双（多）分支结构")
    assert descriptions["en/faq/2021-s1/issue-4/"].startswith("Q4.1: ")


def test_issue_pages_are_articles_with_their_date(site: BuiltSite) -> None:
    head = present(soup(site.root / "faq/2021-s1/issue-3/index.html").head)
    assert present(head.select_one("meta[property='og:type']"))["content"] == "article"
    assert present(head.select_one("meta[property='article:published_time']"))["content"] == "2021-01-21"

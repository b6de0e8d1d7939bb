"""What paper gets: the site's name and the page's address above every page's content (shown only in
print, by faq.css; tests/browser/test_print.py looks at it printed)."""

from __future__ import annotations

from tests.conftest import BuiltSite
from tests.site.html import content_pages, present, soup


def test_every_page_carries_its_name_and_address_for_paper(site: BuiltSite) -> None:
    for page in content_pages(site.root):
        html = soup(page)
        header = present(html.select_one("article .faq-print-header"))
        site_name = present(html.select_one("meta[property='og:site_name']"))["content"]
        canonical = present(html.select_one("link[rel=canonical]"))["href"]
        assert present(header.select_one(".faq-print-header__site")).get_text(strip=True) == site_name, page
        assert present(header.select_one(".faq-print-header__url")).get_text(strip=True) == canonical, page
        assert "faq-print-only" in header.get_attribute_list("class"), page

"""Each language's search box finds that language's pages only."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser


def search(page: Page, query: str) -> list[str]:
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.press_sequentially(query, delay=30)  # as a person types
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    return [str(a.get_attribute("href")) for a in page.locator(".md-search-result__item > a").all()]


@pytest.mark.parametrize(
    ("start", "query", "expected_path"),
    [
        ("/en/faq/2021-s1/issue-1/", "Docker", "/en/faq/2021-s1/issue-1/"),
        ("/en/", "RepVGG", "/en/faq/2021-s1/issue-3/"),
        ("/faq/2021-s1/issue-1/", "docker", "/faq/2021-s1/issue-1/"),
        ("/", "RepVGG", "/faq/2021-s1/issue-3/"),
    ],
)
def test_results_stay_in_the_current_language(
    page: Page, base_url: str, start: str, query: str, expected_path: str
) -> None:
    page.goto(base_url + start, wait_until="networkidle")
    hrefs = search(page, query)
    assert hrefs
    paths = [re.sub(r"^https?://[^/]+", "", h).split("#")[0].split("?")[0] for h in hrefs]
    english = start.startswith("/en/")
    assert all(p.startswith("/en/") == english for p in paths), paths
    assert expected_path in paths

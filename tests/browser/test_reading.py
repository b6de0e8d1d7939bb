"""What only a browser shows: a permalink lands on its question, nothing leaves the site."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/", "/faq/2021-s1/", "/faq/2021-s1/issue-3/", "/en/", "/en/faq/2021-s1/issue-4/"])
def test_page_loads_without_errors_or_third_party_requests(page: Page, base_url: str, path: str) -> None:
    page.goto(base_url + path, wait_until="networkidle")
    recorder = page.recorder  # type: ignore[attr-defined]
    assert recorder.errors == []
    hosts = {urlsplit(u).netloc for u in recorder.requests if urlsplit(u).scheme in ("http", "https")}
    assert hosts == {urlsplit(base_url).netloc}


def test_question_permalink_scrolls_to_the_question(page: Page, base_url: str) -> None:
    page.goto(base_url + "/faq/2021-s1/issue-3/#q3-4", wait_until="networkidle")
    heading = page.locator("h2#q3-4")
    expect(heading).to_be_in_viewport()
    expect(heading).to_contain_text("Q3.4")
    # the other end of the page is not in view
    expect(page.locator("h2#q3-1")).not_to_be_in_viewport()

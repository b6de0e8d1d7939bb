"""The language switch keeps page and question."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        ("/faq/2021-s1/issue-3/#q3-2", "/en/faq/2021-s1/issue-3/#q3-2"),
        ("/en/faq/2021-s1/issue-4/#q4-3", "/faq/2021-s1/issue-4/#q4-3"),
        ("/faq/2021-s1/", "/en/faq/2021-s1/"),
        ("/en/", "/"),
    ],
)
def test_switching_language_keeps_page_and_question(page: Page, base_url: str, start: str, expected: str) -> None:
    page.goto(base_url + start, wait_until="networkidle")
    target_lang = "en" if not start.startswith("/en/") else "zh"
    page.locator(".md-header .md-select > button").hover()
    page.locator(f"a.md-select__link[hreflang={target_lang}]").click()
    page.wait_for_load_state("networkidle")
    assert page.url == base_url + expected
    assert page.evaluate("document.documentElement.lang") == target_lang
    if "#" in expected:
        expect(page.locator(expected[expected.index("#") :])).to_be_in_viewport()


def test_switch_follows_a_question_chosen_on_the_page(page: Page, base_url: str) -> None:
    page.goto(base_url + "/faq/2021-s1/issue-5/", wait_until="networkidle")
    page.locator(".md-sidebar--secondary a[href='#q5-4']").click()
    page.locator(".md-header .md-select > button").hover()
    page.locator("a.md-select__link[hreflang=en]").click()
    page.wait_for_load_state("networkidle")
    assert page.url == base_url + "/en/faq/2021-s1/issue-5/#q5-4"
    expect(page.locator("h2#q5-4")).to_contain_text("Q5.4")


@pytest.mark.parametrize(
    ("start", "twin"),
    [("/faq/2021-s1/issue-3/", "/en/faq/2021-s1/issue-3/"), ("/en/faq/2021-s1/issue-3/", "/faq/2021-s1/issue-3/")],
)
@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_switch_follows_the_reader_who_scrolled(
    request: pytest.FixtureRequest, base_url: str, device: str, start: str, twin: str
) -> None:
    """Scrolled to Q3.4: Material writes #q3-4 into the address with replaceState, which fires no
    hashchange; the switch leads to the twin at that question, and back."""
    page: Page = request.getfixturevalue("phone" if device == "phone" else "page")
    page.goto(base_url + start, wait_until="networkidle")
    for here, there in ((start, twin), (twin, start)):
        page.locator("h2#q3-4").evaluate("h => h.scrollIntoView({block: 'start'})")
        page.mouse.wheel(0, 20)
        expect(page).to_have_url(base_url + here + "#q3-4")  # the address follows the reader
        page.locator(".md-header .md-select > button").hover()
        page.locator(f"a.md-select__link[hreflang={'zh' if there == '/faq/2021-s1/issue-3/' else 'en'}]").click()
        page.wait_for_load_state("networkidle")
        assert page.url == base_url + there + "#q3-4"
        expect(page.locator("h2#q3-4")).to_be_in_viewport()

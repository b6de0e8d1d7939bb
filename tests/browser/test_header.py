"""The site's name in the header fits: the full name where there is room, a short one on a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

NAMES = {"zh": ("图像分类常见问题", "图像分类常见问题"), "en": ("Image Classification FAQ", "PaddleClas FAQ")}


@pytest.mark.parametrize("lang", NAMES)
@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 900)], ids=["phone", "desktop"])
def test_the_header_shows_a_name_that_fits(browser: Browser, base_url: str, lang: str, width: int, height: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        page.goto(f"{base_url}/{'en/' if lang == 'en' else ''}faq/2021-s1/issue-3/", wait_until="networkidle")
        name = page.locator(".md-header__topic").first
        shown = name.evaluate(
            """(topic) => {
              const box = topic.querySelector(".md-ellipsis");
              const visible = [...box.children].filter((el) => getComputedStyle(el).display !== "none");
              return {
                text: visible.map((el) => el.textContent.trim()),
                cut: box.scrollWidth > box.clientWidth,
              };
            }"""
        )
        full, short = NAMES[lang]
        assert shown == {"text": [short if width < 480 else full], "cut": False}
    finally:
        context.close()

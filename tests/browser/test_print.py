"""A page on paper (Chromium's print media, and a PDF): the site's name and the page's address on top,
each question's address under its heading, no screen furniture, and no figure taller than half a page, so
that none leaves a large gap when it moves to the next one (faq.css, @media print)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

SITE_URL = "https://paddleclas-faq.example.org/"
PAGES = {"zh": "faq/2021-s1/issue-3/", "en": "en/faq/2021-s1/issue-3/"}
SITE_NAME = {"zh": "图像分类常见问题", "en": "Image Classification FAQ"}
# A4 at Chromium's default margins of 1 cm, in CSS pixels (96 per inch): what a printed page holds
A4_WIDTH, A4_HEIGHT = round((210 - 20) / 25.4 * 96), round((297 - 20) / 25.4 * 96)
SCREEN_ONLY = [
    ".md-header",
    ".md-search",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-footer",
    ".md-content__button",
    ".faq-share__button",
]
FIGURES = [
    "faq/2021-s1/issue-3/",
    "faq/2021-s1/issue-4/",
    "faq/2020-s1/issue-1/",
    "en/faq/2021-s1/issue-4/",
]
LOAD_IMAGES = (
    "Promise.all([...document.images].map((i) => { i.loading = 'eager'; return i.decode().catch(() => {}); }))"
)


@pytest.mark.parametrize("lang", PAGES)
def test_paper_shows_where_the_page_and_each_question_live(page: Page, base_url: str, lang: str) -> None:
    page.goto(f"{base_url}/{PAGES[lang]}", wait_until="networkidle")
    header = page.locator(".faq-print-header")
    expect(header).to_be_hidden()  # on screen

    page.emulate_media(media="print")
    expect(header).to_be_visible()
    expect(header).to_contain_text(SITE_NAME[lang])
    expect(header).to_contain_text(f"{SITE_URL}{PAGES[lang]}")
    shares = page.locator("article h2[id^=q] + .faq-share")
    assert shares.count() == 5
    for i in range(shares.count()):
        share = shares.nth(i)
        expect(share).to_be_visible()
        printed = share.evaluate("s => getComputedStyle(s, '::before').content")
        question = share.evaluate("s => s.previousElementSibling.id")
        assert printed == f'"{SITE_URL}{PAGES[lang]}#{question}"'
    for selector in SCREEN_ONLY:
        for i in range(page.locator(selector).count()):
            expect(page.locator(selector).nth(i)).to_be_hidden()

    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF-") and len(pdf) > 10_000


def test_no_figure_takes_more_than_half_a_printed_page(page: Page, base_url: str) -> None:
    page.set_viewport_size({"width": A4_WIDTH, "height": A4_HEIGHT})
    page.emulate_media(media="print")
    for path in FIGURES:
        page.goto(f"{base_url}/{path}", wait_until="networkidle")
        page.evaluate(LOAD_IMAGES)
        heights = page.locator("article figure").evaluate_all("fs => fs.map((f) => f.getBoundingClientRect().height)")
        assert heights and all(0 < h <= A4_HEIGHT / 2 for h in heights), (path, heights, A4_HEIGHT / 2)

"""Sharing a question: the copy-link button copies its permalink, says so to every reader, and shows the
link where the clipboard cannot be written (assets/javascripts/copy-link.js)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import Recorder

pytestmark = pytest.mark.browser

SITE_URL = "https://paddleclas-faq.example.org/"
PAGES = {"zh": "faq/2021-s1/issue-3/", "en": "en/faq/2021-s1/issue-3/"}
COPIED = {"zh": "已复制链接", "en": "Link copied"}
LABEL = {"zh": "复制链接", "en": "Copy link"}

# What a page served over plain http has (the Clipboard API needs a secure context), and what a browser
# that refuses the write does: the page's own code is left as it is.
NO_CLIPBOARD = "Object.defineProperty(Navigator.prototype, 'clipboard', { get() { return undefined; } });"
REFUSED = """
Object.defineProperty(Navigator.prototype, 'clipboard', {
  get() { return { writeText: () => Promise.reject(new DOMException('refused', 'NotAllowedError')) }; },
});
"""


@pytest.fixture
def clipboard_page(browser: Browser) -> Iterator[Page]:
    """A desktop page that may read the clipboard back (and write it), checked for CSP violations."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, permissions=["clipboard-read", "clipboard-write"]
    )
    page = context.new_page()
    recorder = Recorder(page)
    yield page
    context.close()
    assert recorder.violations == [], f"Content-Security-Policy violations: {recorder.violations}"


@pytest.mark.parametrize("lang", PAGES)
def test_copy_link_copies_the_permalink_and_says_so(clipboard_page: Page, base_url: str, lang: str) -> None:
    page = clipboard_page
    page.goto(f"{base_url}/{PAGES[lang]}", wait_until="networkidle")
    share = page.locator("h2#q3-2 + .faq-share")
    button = share.locator("button")
    status = share.locator("[role=status]")
    expect(button).to_have_text(LABEL[lang])
    expect(status).to_have_text("")  # the live region is there, empty, before anything is said
    button.click()
    expect(status).to_have_text(COPIED[lang])
    assert page.evaluate("navigator.clipboard.readText()") == f"{SITE_URL}{PAGES[lang]}#q3-2"

    # from the keyboard, another question
    other = page.locator("h2#q3-5 + .faq-share button")
    other.focus()
    page.keyboard.press("Enter")
    expect(page.locator("h2#q3-5 + .faq-share [role=status]")).to_have_text(COPIED[lang])
    assert page.evaluate("navigator.clipboard.readText()") == f"{SITE_URL}{PAGES[lang]}#q3-5"
    expect(page.locator(".faq-share__field")).to_have_count(0)


@pytest.mark.parametrize("lang", PAGES)
@pytest.mark.parametrize("clipboard", [NO_CLIPBOARD, REFUSED], ids=["no-clipboard", "refused"])
def test_without_a_clipboard_the_link_is_shown_selected(page: Page, base_url: str, lang: str, clipboard: str) -> None:
    page.add_init_script(clipboard)
    page.goto(f"{base_url}/{PAGES[lang]}", wait_until="networkidle")
    share = page.locator("h2#q3-2 + .faq-share")
    share.locator("button").click()
    field = share.locator("input.faq-share__field")
    expect(field).to_be_visible()
    expect(field).to_be_focused()
    expect(field).to_have_value(f"{SITE_URL}{PAGES[lang]}#q3-2")
    assert field.evaluate("f => [f.selectionStart, f.selectionEnd, f.value.length, f.readOnly]") == [
        0,
        len(f"{SITE_URL}{PAGES[lang]}#q3-2"),
        len(f"{SITE_URL}{PAGES[lang]}#q3-2"),
        True,
    ]
    expect(field).to_have_accessible_name("本问题的链接" if lang == "zh" else "Link to this question")
    expect(share.locator("[role=status]")).to_have_text(str(share.locator("button").get_attribute("data-failed")))


@pytest.mark.parametrize("lang", PAGES)
def test_every_question_shows_its_button_on_a_phone(phone: Page, base_url: str, lang: str) -> None:
    """Shown as the page loads (rendered with the page: no layout shift), not on hover or tap."""
    phone.goto(f"{base_url}/{PAGES[lang]}", wait_until="networkidle")
    headings = phone.locator("article h2[id^=q]")
    buttons = phone.locator("article h2[id^=q] + .faq-share > button.faq-share__button")
    expect(buttons).to_have_count(headings.count())
    for i in range(buttons.count()):
        buttons.nth(i).scroll_into_view_if_needed()
        expect(buttons.nth(i)).to_be_visible()
        expect(buttons.nth(i)).to_have_text(LABEL[lang])
        box = buttons.nth(i).bounding_box()
        assert box is not None and box["width"] >= 24 and box["height"] >= 20 and box["x"] >= 0, box

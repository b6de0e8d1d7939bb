"""Browser fixtures: the built site served on 127.0.0.1, driven in the system Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from faqsite.browser import CHROMIUM, CHROMIUM_ARGS


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found (expected Debian's chromium: run scripts/install-system-deps.sh)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


# Reports what the Content-Security-Policy blocks, in every document of the page, from its first script on.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (e) => {
  window.__faqCspViolation(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


class Recorder:
    """Console errors, page errors, the hosts of every request a page makes, and CSP violations."""

    def __init__(self, page: Page) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.violations: list[str] = []
        page.expose_function("__faqCspViolation", lambda message: self.violations.append(message))
        page.add_init_script(REPORT_CSP_VIOLATIONS)
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))


def recorded_page(browser: Browser, width: int, height: int) -> Iterator[Page]:
    """A page of that viewport; after the test, no Content-Security-Policy violation may have happened in it."""
    context = browser.new_context(viewport={"width": width, "height": height})
    p = context.new_page()
    recorder = Recorder(p)
    p.recorder = recorder  # type: ignore[attr-defined]
    yield p
    context.close()
    assert recorder.violations == [], f"Content-Security-Policy violations: {recorder.violations}"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A desktop page (1280 × 900), checked for Content-Security-Policy violations."""
    yield from recorded_page(browser, 1280, 900)


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A phone-sized page (390 × 844), checked for Content-Security-Policy violations as ``page`` is."""
    yield from recorded_page(browser, 390, 844)

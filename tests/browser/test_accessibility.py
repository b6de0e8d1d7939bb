"""axe-core finds nothing in the states a reader puts a page in, which `make audit` (the pages as loaded)
does not reach: the drawer opened from the keyboard on a phone, a copied link's status, the link shown
where the clipboard cannot be written."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "tools" / "audit" / "node_modules" / "axe-core" / "axe.min.js"
PAGE = "/faq/2021-s1/issue-3/"
RUN = """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
  .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)"""


@pytest.fixture(params=["light", "dark"])
def scheme(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def axe_phone(browser: Browser, scheme: str) -> Iterator[Page]:
    """A phone-sized page that may be given axe (a script the site's Content-Security-Policy rightly
    refuses: the other browser tests check the policy)."""
    if not AXE.exists():
        pytest.fail(f"{AXE.relative_to(ROOT)} not found (expected the npm tools of tools/audit: make node-tools)")
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        color_scheme=scheme,  # type: ignore[arg-type]
        bypass_csp=True,
        permissions=["clipboard-write"],
    )
    yield context.new_page()
    context.close()


def open_drawer(page: Page) -> None:
    page.locator("[data-faq-toggle='__drawer']").focus()
    page.keyboard.press("Enter")


def copy_link(page: Page) -> None:
    page.locator(".faq-share__button").first.click()
    page.locator(".faq-share__status").first.filter(has_text="链接").wait_for()


def no_clipboard(page: Page) -> None:
    page.evaluate("Object.defineProperty(Navigator.prototype, 'clipboard', { get() { return undefined; } })")
    page.locator(".faq-share__button").first.click()
    page.locator(".faq-share__field").wait_for()


def search_results(page: Page) -> None:
    page.locator("[data-faq-toggle='__search'], label.md-header__button[for='__search']").first.click()
    page.locator("input.md-search__input").fill("蒸馏")
    page.locator(".md-search-result__item mark").first.wait_for()


@pytest.mark.parametrize(
    "act",
    [open_drawer, copy_link, no_clipboard, search_results],
    ids=["drawer-open", "link-copied", "link-shown", "search-results"],
)
def test_axe_finds_nothing(axe_phone: Page, base_url: str, act: Callable[[Page], None]) -> None:
    page = axe_phone
    page.goto(base_url + PAGE, wait_until="networkidle")
    act(page)
    page.wait_for_timeout(400)  # transitions run out: axe reads colours as they end
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    assert page.evaluate(RUN) == []

"""The keyboard on a phone and a desktop: every Tab stop is something the reader sees, the menu and the
search open from the keyboard, and the focus goes in and comes back (assets/javascripts/keyboard.js,
faq.css)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

PAGES = {"zh": "/faq/2021-s1/issue-3/", "en": "/en/faq/2021-s1/issue-3/"}
MENU = "[data-faq-toggle='__drawer']"
SEARCH = "[data-faq-toggle='__search']"

# Why the focused element would not be seen, or "" when it is: it has a box, inside the viewport, visible,
# not transparent, and the topmost thing at the centre of its (first) box: a link that wraps has one box per
# line. Material's palette toggle is a radio input drawn as the label after it: that label must be seen.
UNSEEN = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return "";
  const shown = el.matches("input.md-option") ? el.nextElementSibling : el;
  const r = shown.getBoundingClientRect();
  if (!r.width || !r.height) return "no box";
  const first = [...shown.getClientRects()].find((b) => b.width && b.height) || r;
  if (r.right <= 0 || r.bottom <= 0 || r.left >= innerWidth || r.top >= innerHeight) return "off-screen";
  if (getComputedStyle(shown).visibility !== "visible") return "hidden";
  for (let e = shown; e; e = e.parentElement) {
    if (getComputedStyle(e).opacity === "0") return "transparent";
  }
  const x = Math.min(Math.max(first.left + first.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(first.top + first.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  return top && (top === shown || shown.contains(top)) ? "" : `covered by ${top ? top.outerHTML.slice(0, 80) : "nothing"}`;
}
"""
DESCRIBE = """
() => {
  const el = document.activeElement;
  const r = el.getBoundingClientRect();
  const attrs = ["class", "href", "for", "data-faq-toggle"].filter((a) => el.hasAttribute(a))
    .map((a) => `${a}="${el.getAttribute(a)}"`).join(" ");
  const text = el.textContent.trim().replace(/\\s+/g, " ").slice(0, 30);
  return `<${el.tagName.toLowerCase()} ${attrs}> ${text} at ${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`;
}
"""


def seen(page: Page, tries: int = 20) -> str:
    """ "" once the focused element is seen, else why not: asked again for up to 2 s, as a drawing's link has
    its box once the drawing has loaded and a menu or the skip link fade in. (Asked from Python: the page's
    Content-Security-Policy refuses the eval of wait_for_function.)"""
    why = ""
    for _ in range(tries):
        why = str(page.evaluate(UNSEEN))
        if not why:
            return ""
        page.wait_for_timeout(100)
    return why


def tab_stops(page: Page, limit: int = 200) -> list[tuple[str, str]]:
    """Tab from the top of the page to its end: (the focused element, why it is not seen or "") per stop."""
    stops: list[tuple[str, str]] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body || document.activeElement === null"):
            return stops
        stops.append((str(page.evaluate(DESCRIBE)), seen(page)))
    raise AssertionError(f"more than {limit} Tab stops: {stops[-3:]}")


@pytest.mark.parametrize("path", [*PAGES.values(), "/"], ids=[*PAGES, "home"])
@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_every_tab_stop_is_seen(request: pytest.FixtureRequest, base_url: str, path: str, device: str) -> None:
    """From the top of the page to its end, each Tab stop is seen: nothing in the closed drawer or search,
    nothing transparent (Material's hidden "back to top"), off-screen or under an overlay."""
    page: Page = request.getfixturevalue("phone" if device == "phone" else "page")
    page.goto(base_url + path, wait_until="networkidle")
    stops = tab_stops(page)
    unseen = [(what, why) for what, why in stops if why]
    assert unseen == [], "\n".join(f"{why}: {what}" for what, why in unseen)
    names = [what for what, _ in stops]
    menu = [i for i, what in enumerate(names) if 'data-faq-toggle="__drawer"' in what]
    if device == "phone":
        assert menu and menu[0] <= 2, names[:5]  # the skip link, then the menu
        assert any("faq-share__button" in what for what in names) == (path in PAGES.values())
        assert not any("md-nav__link" in what or "md-search__input" in what for what in names), names
    else:
        assert menu == []  # the navigation is on the page: no menu button
        assert any("md-search__input" in what for what in names)


@pytest.mark.parametrize("lang", PAGES)
def test_menu_opens_from_the_keyboard_and_gives_the_focus_back(phone: Page, base_url: str, lang: str) -> None:
    page = phone
    page.goto(base_url + PAGES[lang], wait_until="networkidle")
    menu = page.locator(MENU)
    for _ in range(3):
        page.keyboard.press("Tab")
        if menu.evaluate("el => el === document.activeElement"):
            break
    expect(menu).to_be_focused()
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_have_accessible_name("导航栏" if lang == "zh" else "Navigation")

    page.keyboard.press("Enter")
    expect(page.locator("#__drawer")).to_be_checked()
    expect(menu).to_have_attribute("aria-expanded", "true")
    drawer = page.locator(".md-sidebar--primary")
    assert drawer.evaluate("d => d.contains(document.activeElement)"), page.evaluate(DESCRIBE)
    assert seen(page) == "", page.evaluate(DESCRIBE)

    # through the open drawer: every stop is in it and seen, until the focus leaves it, which closes it
    inside = []
    for _ in range(40):
        inside.append((str(page.evaluate(DESCRIBE)), seen(page)))
        page.keyboard.press("Tab")
        if not drawer.evaluate("d => d.contains(document.activeElement)"):
            break
    assert [s for s in inside if s[1]] == []
    expect(page.locator("#__drawer")).not_to_be_checked()
    assert seen(page) == "", page.evaluate(DESCRIBE)

    # Escape: the open section first (the focus goes to its toggle, still in the drawer), then the drawer
    menu.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#__drawer")).to_be_checked()
    page.keyboard.press("Escape")
    assert drawer.evaluate("d => d.contains(document.activeElement)")
    assert seen(page) == "", page.evaluate(DESCRIBE)
    page.keyboard.press("Escape")
    expect(page.locator("#__drawer")).not_to_be_checked()
    expect(menu).to_be_focused()
    expect(menu).to_have_attribute("aria-expanded", "false")

    # closed by a tap on the overlay: the focus comes back too
    page.keyboard.press("Enter")
    expect(page.locator("#__drawer")).to_be_checked()
    page.locator("label.md-overlay").click(position={"x": 370, "y": 400})
    expect(page.locator("#__drawer")).not_to_be_checked()
    expect(menu).to_be_focused()


def test_a_section_of_the_drawer_opens_from_the_keyboard(phone: Page, base_url: str) -> None:
    page = phone
    page.goto(base_url + PAGES["zh"], wait_until="networkidle")
    page.locator(MENU).focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")  # up from the page's own section to the top of the navigation
    toggle = page.locator("label[for='__nav_3'][tabindex='0']")  # the topics: a section with its own page
    toggle.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#__nav_3")).to_be_checked()
    section = page.locator("nav[aria-labelledby='__nav_3_label']")
    assert section.evaluate("s => s.contains(document.activeElement)"), page.evaluate(DESCRIBE)
    assert seen(page) == ""
    page.keyboard.press("Escape")
    expect(toggle).to_be_focused()
    assert seen(page) == ""


@pytest.mark.parametrize("lang", PAGES)
def test_search_on_a_phone_opens_from_its_button_and_gives_the_focus_back(
    phone: Page, base_url: str, lang: str
) -> None:
    page = phone
    page.goto(base_url + PAGES[lang], wait_until="networkidle")
    box = page.locator("input.md-search__input")
    button = page.locator(SEARCH)
    expect(box).to_be_hidden()
    expect(button).to_have_accessible_name("搜索" if lang == "zh" else "Search")
    button.focus()
    page.keyboard.press("Enter")
    expect(box).to_be_focused()
    expect(box).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()
    expect(button).to_be_focused()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(box).to_be_hidden()

"""Hostile input to the search box: no JavaScript error, no markup from the query, sensible results."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Dialog, Page

from tests.browser.conftest import Recorder
from tests.browser.test_search import SearchBox

pytestmark = pytest.mark.browser

# (input, a question it must still find, or None when nothing sensible matches)
HOSTILE = [
    ("*", None),
    (":", None),
    ("~", None),
    ("^", None),
    ("+", None),
    ("-", None),
    ('"', None),
    ("\\", None),
    ("title:", None),
    ("batch_size~2^3", "2021-s1/q5-1"),
    ('"batch_size', "2021-s1/q5-1"),
    ("+-*batch_size", "2021-s1/q5-1"),
    ("docker:", "2021-s1/q1-3"),
    ("\\docker\\", "2021-s1/q1-3"),
    ("docker:*~^", "2021-s1/q1-3"),
    ("ｂａｔｃｈ＿ｓｉｚｅ", "2021-s1/q5-1"),  # full-width letters
    ("共享内存！？（）", "2021-s1/q1-3"),  # full-width punctuation
    ("位置编码🙂", "2021-s1/q4-3"),
    ("🙂🙂🙂", None),
    ("<script>alert(1)</script>", None),
    ('<img src=x onerror="window.__pwned=1">docker', None),  # every word is required: none has them all
    ("docker " + "共享内存" * 60 + "x" * 260, None),  # 500+ characters
]


class WatchedBox(SearchBox):
    """A search box and what its page reported: errors, console errors and warnings (its workers' too), dialogs."""

    def __init__(self, page: Page, errors: list[str]) -> None:
        super().__init__(page)
        self.errors = errors


def watch(page: Page) -> list[str]:
    """The log of what ``page`` reports from now on (to be read by a WatchedBox), dialogs dismissed."""
    errors: list[str] = []

    def on_dialog(d: Dialog) -> None:
        errors.append(f"dialog: {d.message}")
        d.dismiss()

    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    page.on(
        "worker",
        lambda w: w.on(
            "console",
            lambda m: errors.append(f"worker: {m.text}") if m.type in ("error", "warning") else None,
        ),
    )
    page.on("dialog", on_dialog)
    return errors


@pytest.fixture(scope="module")
def boxes(browser: Browser, base_url: str) -> Iterator[dict[str, WatchedBox]]:
    """A search page per language, shared by the module; each test clears its box and its error log."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened: dict[str, WatchedBox] = {}
    recorders = []
    for lang, path in (("zh", "/faq/2021-s1/issue-1/"), ("en", "/en/faq/2021-s1/issue-1/")):
        page = context.new_page()
        recorders.append(Recorder(page))
        errors = watch(page)
        page.goto(base_url + path, wait_until="load")
        opened[lang] = WatchedBox(page, errors)
    yield opened
    context.close()
    violations = [v for r in recorders for v in r.violations]
    assert violations == [], f"Content-Security-Policy violations: {violations}"


@pytest.fixture
def box(boxes: dict[str, WatchedBox], query: str) -> WatchedBox:
    chinese = any("\u4e00" <= ch <= "\u9fff" for ch in query)
    search = boxes["zh" if chinese else "en"]
    search.errors.clear()
    return search


@pytest.mark.parametrize(("query", "expected"), HOSTILE, ids=[repr(q[:24]) for q, _ in HOSTILE])
def test_hostile_query_is_harmless(box: WatchedBox, query: str, expected: str | None) -> None:
    box.clear()
    box.input.fill(query)  # pasted, not typed: the whole string at once
    box.settle()
    assert box.errors == []
    page = box.page
    assert page.evaluate("window.__pwned") is None
    injected = page.eval_on_selector_all(
        ".md-search-result script, .md-search-result img, .md-search-result iframe, .md-search-result [onerror]",
        "els => els.length",
    )
    assert injected == 0
    results = box.question_results()
    if expected is not None:
        assert expected in results[:5], results

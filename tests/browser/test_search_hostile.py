"""Hostile input to the search box: no JavaScript error, no markup from the query, sensible results."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

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
    ("text:docker", "2021-s1/q1-3"),
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


@pytest.fixture(scope="module")
def boxes(browser: Browser, base_url: str) -> Iterator[dict[str, SearchBox]]:
    """A search page per language, shared by the module; each test clears its box and its error log."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened: dict[str, SearchBox] = {}
    for lang, path in (("zh", "/faq/2021-s1/issue-1/"), ("en", "/en/faq/2021-s1/issue-1/")):
        page: Page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
        page.on(
            "console",
            lambda m, errors=errors: errors.append(m.text) if m.type in ("error", "warning") else None,
        )
        page.on(
            "worker",
            lambda w, errors=errors: w.on(
                "console",
                lambda m: errors.append(f"worker: {m.text}") if m.type in ("error", "warning") else None,
            ),
        )
        page.on("dialog", lambda d, errors=errors: (errors.append(f"dialog: {d.message}"), d.dismiss()))
        page.goto(base_url + path, wait_until="load")
        search = SearchBox(page)
        search.errors = errors  # type: ignore[attr-defined]
        opened[lang] = search
    yield opened
    context.close()


@pytest.fixture
def box(boxes: dict[str, SearchBox], query: str) -> SearchBox:
    chinese = any("\u4e00" <= ch <= "\u9fff" for ch in query)
    search = boxes["zh" if chinese else "en"]
    search.errors.clear()  # type: ignore[attr-defined]
    return search


@pytest.mark.parametrize(("query", "expected"), HOSTILE, ids=[repr(q[:24]) for q, _ in HOSTILE])
def test_hostile_query_is_harmless(box: SearchBox, query: str, expected: str | None) -> None:
    box.clear()
    box.input.fill(query)  # pasted, not typed: the whole string at once
    box.settle()
    assert box.errors == []  # type: ignore[attr-defined]
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

"""Search as readers use it: Chinese committed through an input method, English typed key by key.

The query set (data/search_queries.yml) holds words from the answers with the
questions that contain them; hit@5, the share of queries whose question is
among the first five question results, must reach 97% in each language.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Page

from tests.content import unit_pages

pytestmark = pytest.mark.browser

QUERIES = yaml.safe_load((Path(__file__).parent / "data" / "search_queries.yml").read_text(encoding="utf-8"))
START = {"zh": "/faq/2021-s1/issue-1/", "en": "/en/faq/2021-s1/issue-1/"}
HIT_AT_5 = 0.97


def questions(lang: str) -> dict[str, str]:
    """'2021-s1/Q3.2' -> title and answer as the reader reads them, for every question of every collection."""
    return {
        f"{key.split('/')[1]}/{q.label}": unicodedata.normalize("NFKC", f"{q.title}\n{q.body}").lower()
        for key, page in unit_pages(lang).items()
        for q in page.questions
    }


def result_key(label_key: str) -> str:
    """'2021-s1/Q3.2' -> '2021-s1/q3-2', the form :meth:`SearchBox.question_results` gives."""
    collection, label = label_key.split("/")
    return f"{collection}/{label.lower().replace('.', '-')}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_query_set_is_large_enough_and_true_to_the_content(lang: str) -> None:
    entries = QUERIES[lang]
    assert len(entries) >= {"zh": 50, "en": 30}[lang]
    text = questions(lang)
    titles = {label: t.split("\n", 1)[0] for label, t in text.items()}
    for e in entries:
        word = unicodedata.normalize("NFKC", e.get("appears_as", e["q"])).lower()
        assert e["expect"], e
        for label in e["expect"]:
            assert word in text[label], (e["q"], label)
        # every question that contains the word is expected
        assert sorted(e["expect"]) == sorted(label for label, t in text.items() if word in t), e["q"]
    answers_only = [
        e for e in entries if not all(e.get("appears_as", e["q"]).lower() in titles[label] for label in e["expect"])
    ]
    assert len(answers_only) >= 0.8 * len(entries)  # words from answers, not titles


class SearchBox:
    """The header search box of one page, driven as a person would."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.input = page.locator("input.md-search__input")
        page.locator("label.md-search__icon, .md-search__input").first.click()
        # the index loads on this first intent to search; then Material shows its placeholder
        self.idle = page.evaluate(
            "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"
        )
        page.wait_for_function(
            "idle => document.querySelector('.md-search-result__meta').textContent.trim() === idle",
            arg=self.idle.strip(),
        )
        self.cdp = page.context.new_cdp_session(page)

    def clear(self) -> None:
        self.input.fill("")
        self.page.wait_for_function(
            "idle => document.querySelector('.md-search-result__meta').textContent.trim() === idle",
            arg=self.idle.strip(),
        )

    def type(self, query: str) -> None:
        if re.search(r"[\u4e00-\u9fff]", query):
            # an input method: compose, then commit the words
            self.cdp.send("Input.imeSetComposition", {"text": "pinyin", "selectionStart": 6, "selectionEnd": 6})
            self.cdp.send("Input.insertText", {"text": query})
        else:
            self.input.press_sequentially(query, delay=15)
        self.page.wait_for_function(
            "idle => document.querySelector('.md-search-result__meta').textContent.trim() !== idle",
            arg=self.idle.strip(),
        )
        self.settle()

    def settle(self) -> None:
        """Wait until the results stop changing: the answer to the last keystroke has arrived."""
        self.page.wait_for_function(
            """() => {
                const html = document.querySelector('.md-search-result').innerHTML;
                const now = performance.now();
                if (window.__faqLast !== html) { window.__faqLast = html; window.__faqSince = now; return false; }
                return now - window.__faqSince > 300;
            }""",
            polling=50,
        )

    def question_results(self) -> list[str]:
        """Questions of the results, in the order shown, as collection and anchor ('2021-s1/q3-2')."""
        hrefs = self.page.eval_on_selector_all(".md-search-result__item a[href]", "els => els.map(a => a.href)")
        out = []
        for href in hrefs:
            m = re.search(r"/faq/(?P<collection>[^/]+)/[^/#?]+/(?:\?[^#]*)?#(?P<id>q[\d-]+)$", href)
            key = m and f"{m['collection']}/{m['id']}"
            if key and key not in out:
                out.append(key)
        return out


@pytest.fixture
def search_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_hit_at_5(search_page: Page, base_url: str, lang: str) -> None:
    search_page.goto(base_url + START[lang], wait_until="networkidle")
    box = SearchBox(search_page)
    misses = []
    for entry in QUERIES[lang]:
        box.clear()
        box.type(entry["q"])
        top5 = box.question_results()[:5]
        expected = {result_key(label) for label in entry["expect"]}
        if not expected & set(top5):
            misses.append(f"{entry['q']!r}: expected {sorted(expected)}, got {top5}")
    hits = len(QUERIES[lang]) - len(misses)
    rate = hits / len(QUERIES[lang])
    print(f"\nsearch hit@5 ({lang}): {hits}/{len(QUERIES[lang])} = {rate:.1%}", *misses, sep="\n  ")
    assert rate >= HIT_AT_5, "\n".join(misses)

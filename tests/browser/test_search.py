"""Search as readers use it: Chinese committed through an input method, English typed key by key.

The query set (data/search_queries.yml) holds words from the answers with the
questions that contain them; hit@5, the share of queries whose question is
among the first five question results, must reach 97% in each language, and
so must the hyphen and spacing variants (`variants`). The whole set is ranked
by the page's own search module (assets/javascripts/search.js, the function
the box calls); a sample typed into the box proves the box shows that same
ranking.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page

from tests.browser.conftest import Recorder
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


MIN_QUERIES = {"zh": 160, "en": 110}
MIN_PER_COLLECTION = {"zh": 20, "en": 14}  # queries with a question of the collection in `expect`


def reader_form(word: str) -> str:
    return unicodedata.normalize("NFKC", word).lower()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_query_set_is_large_enough_and_true_to_the_content(lang: str) -> None:
    """Enough queries, over every collection, each expecting exactly the questions that contain it.

    The `variants` (hyphen and spacing forms the text does not use) are not
    ranked here; only their truth is kept: `appears_as`, the text's form, is in
    every expected question, and every question containing it is expected.
    """
    entries = QUERIES[lang]
    assert len(entries) >= MIN_QUERIES[lang]
    text = questions(lang)
    titles = {label: t.split("\n", 1)[0] for label, t in text.items()}
    for e in entries:
        word = reader_form(e.get("appears_as", e["q"]))
        assert e["expect"], e
        for label in e["expect"]:
            assert word in text[label], (e["q"], label)
        # every question that contains the word is expected
        assert sorted(e["expect"]) == sorted(label for label, t in text.items() if word in t), e["q"]
    answers_only = [
        e for e in entries if not all(e.get("appears_as", e["q"]).lower() in titles[label] for label in e["expect"])
    ]
    assert len(answers_only) >= 0.8 * len(entries)  # words from answers, not titles
    # spread over the whole series: every collection of the content is the home of enough queries
    homes = Counter(collection for e in entries for collection in {label.split("/")[0] for label in e["expect"]})
    collections = sorted({label.split("/")[0] for label in text})
    thin = {c: homes[c] for c in collections if homes[c] < MIN_PER_COLLECTION[lang]}
    assert thin == {}, f"collections with fewer than {MIN_PER_COLLECTION[lang]} {lang} queries: {thin}"
    for v in variants(lang):
        form, variant = reader_form(v["appears_as"]), reader_form(v["q"])
        assert v["expect"] and form != variant, v
        assert not any(variant in t for t in text.values()), f"{v['q']!r} is in the text: not a variant"
        assert sorted(v["expect"]) == sorted(label for label, t in text.items() if form in t), v["q"]


class SearchBox:
    """The header search box of one page, driven as a person would."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.input = page.locator("input.md-search__input")
        page.locator("label.md-search__icon, .md-search__input").first.click()
        # the engine loads on this first intent to search; the box shows its placeholder until a query
        self.idle = str(page.locator("[data-md-component=search-result]").get_attribute("data-placeholder"))
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
        """Wait until the results stop changing: the engine is loaded and the answer to the last keystroke
        has arrived."""
        self.page.wait_for_function(
            """() => {
                const box = document.querySelector('.md-search-result');
                if (box.getAttribute('aria-busy') === 'true') return false;
                const html = box.innerHTML;
                const now = performance.now();
                if (window.__faqLast !== html) { window.__faqLast = html; window.__faqSince = now; return false; }
                return now - window.__faqSince > 300;
            }""",
            polling=50,
        )

    def all_results(self) -> list[str]:
        """Every question the box has for its query: "show more" pressed until the list is whole."""
        more = self.page.locator(".faq-search-more__button")
        while more.count():
            shown = self.page.locator(".md-search-result__item a").count()
            more.first.click()
            self.page.wait_for_function(
                "n => document.querySelectorAll('.md-search-result__item a').length > n", arg=shown
            )
        return self.question_results()

    def question_results(self) -> list[str]:
        """Questions of the results, in the order shown, as collection and anchor ('2021-s1/q3-2')."""
        hrefs = self.page.eval_on_selector_all(".md-search-result__item a[href]", "els => els.map(a => a.href)")
        return question_keys(hrefs)


@pytest.fixture
def search_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    recorder = Recorder(page)
    yield page
    context.close()
    assert recorder.violations == [], f"Content-Security-Policy violations: {recorder.violations}"


# The page's own search module, asked each query as the search box asks it: the
# ranking a reader sees, without waiting for the box to render each query.
ENGINE_RANKS = """async queries => {
    const src = document.querySelector("script[type=module][src*='javascripts/search.js']").src;
    const search = await import(src);
    const out = [];
    for (const q of queries) out.push((await search.search(q, 10)).map(r => r.href));
    return out;
}"""


def question_keys(hrefs: list[str]) -> list[str]:
    """Result links -> questions in order, as collection and anchor ('2021-s1/q3-2')."""
    out = []
    for href in hrefs:
        m = re.search(r"/faq/(?P<collection>[^/]+)/[^/#?]+/(?:\?[^#]*)?#(?P<id>q[\d-]+)$", href)
        key = m and f"{m['collection']}/{m['id']}"
        if key and key not in out:
            out.append(key)
    return out


def variants(lang: str) -> list[dict[str, Any]]:
    return [v for v in QUERIES.get("variants", []) if v["lang"] == lang]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_hit_at_5(search_page: Page, base_url: str, lang: str) -> None:
    search_page.goto(base_url + START[lang], wait_until="networkidle")
    entries = QUERIES[lang] + variants(lang)
    ranked = search_page.evaluate(ENGINE_RANKS, [e["q"] for e in entries])
    misses = []
    for entry, hrefs in zip(entries, ranked, strict=True):
        top5 = question_keys(hrefs)[:5]
        expected = {result_key(label) for label in entry["expect"]}
        if not expected & set(top5):
            misses.append(f"{entry['q']!r}: expected {sorted(expected)}, got {top5}")
    hits = len(entries) - len(misses)
    rate = hits / len(entries)
    print(f"\nsearch hit@5 ({lang}): {hits}/{len(entries)} = {rate:.1%}", *misses, sep="\n  ")
    assert rate >= HIT_AT_5, "\n".join(misses)


# a dozen queries spread over the set, typed into the box as a reader types them (the set can grow
# without the test growing: hit@5 above ranks every query)
SAMPLE = {lang: QUERIES[lang][:: max(1, len(QUERIES[lang]) // 12)] for lang in ("zh", "en")}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_box_shows_what_the_engine_ranks(search_page: Page, base_url: str, lang: str) -> None:
    """What hit@5 measured is what readers get: the box lists the engine's questions, in its order."""
    search_page.goto(base_url + START[lang], wait_until="networkidle")
    queries = [e["q"] for e in SAMPLE[lang]]
    ranked = search_page.evaluate(ENGINE_RANKS, queries)
    box = SearchBox(search_page)
    differ = []
    for query, hrefs in zip(queries, ranked, strict=True):
        box.clear()
        box.type(query)
        shown, engine = box.question_results()[:5], question_keys(hrefs)[:5]
        if not shown or shown != engine:
            differ.append(f"{query!r}: box {shown}, engine {engine}")
    assert len(queries) >= 5
    assert differ == []

"""Search as a reader meets it: nothing downloaded until asked, results a reader can judge, the words
marked where the result leads, the keyboard, and what a screen reader hears."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

from tests.browser.test_search import SearchBox

pytestmark = pytest.mark.browser

INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
# (page, query, a word of the query as the text writes it)
QUERIES = {
    "zh": ("/faq/2021-s1/issue-1/", "共享内存", "共享内存"),
    "en": ("/en/faq/2021-s1/issue-1/", "shared memory", "shared memory"),
}


def engine_requests(page: Page) -> list[str]:
    return [
        url for url in page.evaluate("performance.getEntriesByType('resource').map(e => e.name)") if "/pagefind/" in url
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_page_view_downloads_nothing_of_the_index_until_the_reader_searches(
    page: Page, base_url: str, lang: str
) -> None:
    path, query, _ = QUERIES[lang]
    page.goto(base_url + path, wait_until="networkidle")
    assert engine_requests(page) == []
    box = SearchBox(page)
    box.type(query)
    assert engine_requests(page), "results shown without the engine's files?"
    assert box.question_results()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_results_show_label_title_place_and_an_excerpt_with_the_words_marked(
    page: Page, base_url: str, lang: str
) -> None:
    path, query, form = QUERIES[lang]
    page.goto(base_url + path, wait_until="load")
    box = SearchBox(page)
    box.type(query)
    items = page.locator(".md-search-result__item:has(a)")
    assert items.count() >= 1
    for i in range(items.count()):
        item = items.nth(i)
        heading = item.locator("h1").inner_text()
        assert re.match(r"Q\d+(\.\d+)+ \S", heading), heading
        where = item.locator(".faq-search-where").inner_text()
        assert " · " in where, where  # collection · unit
        excerpt = item.locator(".faq-search-excerpt").inner_text()
        assert 0 < len(excerpt) <= 125, excerpt  # an excerpt, not the whole answer
        marks = [m.lower() for m in item.locator("mark").all_inner_texts()]
        assert any(m in form.lower() or form.lower().startswith(m) for m in marks), (heading, marks)
    shown = page.locator("[data-md-component=search-result]").inner_text()
    assert INVISIBLE.search(shown) is None  # what a reader copies is what they see
    status = page.locator(".md-search-result__meta")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    assert re.search(r"\d", status.inner_text())  # the count is announced


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_following_a_result_lands_on_the_question_with_the_words_marked(page: Page, base_url: str, lang: str) -> None:
    path, query, form = QUERIES[lang]
    page.goto(base_url + path, wait_until="load")
    box = SearchBox(page)
    box.type(query)
    link = page.locator(".md-search-result__item a").first
    target = str(link.get_attribute("href"))
    anchor = target.split("#", 1)[1]
    link.click()
    page.wait_for_url(re.compile(f"#{anchor}$"))
    page.wait_for_function("() => document.querySelector('mark[data-faq-hit]')")
    assert "?h=" not in page.url and "&h=" not in page.url  # the shared address stays clean
    marks = page.locator("mark[data-faq-hit]")
    assert any(form.lower().startswith(m.lower()) or m.lower() in form.lower() for m in marks.all_inner_texts())
    # every mark is in the question the result named: after its heading, before the next question's
    in_question = page.evaluate(
        """id => {
            const h = document.getElementById(id);
            const next = [...document.querySelectorAll('article h2')].find(x => h.compareDocumentPosition(x) & 4);
            return [...document.querySelectorAll('mark[data-faq-hit]')].every(m =>
                (h.compareDocumentPosition(m) & 4) && (!next || (m.compareDocumentPosition(next) & 4)));
        }""",
        anchor,
    )
    assert in_question
    assert page.locator(".faq-meta mark[data-faq-hit], .headerlink mark").count() == 0  # the answer, not around it


def test_the_keyboard_opens_moves_through_and_closes_search(page: Page, base_url: str) -> None:
    page.goto(base_url + "/en/faq/2021-s1/issue-1/", wait_until="load")
    toggle = page.locator("#__search")
    for key in ("/", "s", "f"):
        page.locator("body").press(key)
        assert toggle.is_checked()
        assert page.evaluate("document.activeElement.matches('[data-md-component=search-query]')")
        assert page.locator("input.md-search__input").input_value() == ""  # the key opened, not typed
        page.keyboard.press("Escape")
        assert not toggle.is_checked()
    page.locator("body").press("/")
    page.keyboard.type("docker", delay=20)
    page.wait_for_selector(".md-search-result__item a")
    page.keyboard.press("ArrowDown")
    first = page.locator(".md-search-result__item a").first
    assert page.evaluate("el => document.activeElement === el", first.element_handle())
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.matches('[data-md-component=search-query]')")
    href = str(first.get_attribute("href"))
    page.keyboard.press("Enter")  # Enter in the box opens the first result
    page.wait_for_url(re.compile("#" + href.split("#", 1)[1] + "$"))


def test_the_result_list_is_no_tab_stop_of_its_own(page: Page, base_url: str) -> None:
    page.goto(base_url + "/faq/2021-s1/issue-1/", wait_until="load")
    assert page.locator(".md-search__scrollwrap").get_attribute("tabindex") is None


CONTRACT = ["位置编码", "“重参数化”与 infer.py", "ＢＡＴＣＨ＿ＳＩＺＥ", "re-parameterization 的𠀀𠀁", "模"]


def test_the_browser_writes_a_query_as_the_build_writes_the_index(page: Page, base_url: str) -> None:
    """search.js's queryWords and faqsite.search.terms.index_text agree on every word of a text."""
    from faqsite.search.terms import index_text

    page.goto(base_url + "/faq/2021-s1/issue-1/", wait_until="load")
    for text in CONTRACT:
        query = page.evaluate(
            """async t => (await import(document.querySelector("script[type=module][src*='javascripts/search.js']").src))
                .queryWords(t).engine""",
            text,
        )
        indexed = index_text(text).split()
        for word in query.split():
            # a lone character is the prefix of its bigrams; a compound is found as Pagefind joins it
            assert word in indexed or any(w.startswith(word) for w in indexed) or word.replace("-", "") in indexed, (
                text,
                word,
                indexed,
            )

"""What readers type and what the text says, when they differ: each case finds every question that has it.

The defects of Material's stock search that made us own the query (a Chinese
word whose last piece was dropped, a part of a word, an identifier against a
stemmed index), and the forms readers type that the text writes another way
(hyphens, spaces, separators in identifiers, parts of paths).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from tests.browser.test_search import SearchBox, questions, result_key

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def boxes(browser: Browser, base_url: str) -> Iterator[dict[str, SearchBox]]:
    """A search page per language for the module: each query starts from a cleared box."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = {}
    for lang, path in (("zh", "/faq/2021-s1/issue-2/"), ("en", "/en/faq/2021-s1/issue-2/")):
        page = context.new_page()
        page.goto(base_url + path, wait_until="load")
        opened[lang] = SearchBox(page)
    yield opened
    context.close()


def results_for(box: SearchBox, query: str) -> list[str]:
    box.clear()
    box.type(query)
    return box.all_results()


def containing(lang: str, form: str) -> set[str]:
    """Questions whose title or answer has ``form``."""
    text = {result_key(label): t for label, t in questions(lang).items()}
    return {q for q, t in text.items() if form in t}


# (lang, what a reader types, the form the text uses): found when every question that has the text's
# form is among the results and, for Chinese, no question that has not
CASES = [
    ("zh", "位置编码", "位置编码"),  # Material dropped the last piece of a Chinese query: 位置*
    ("zh", "预处理", "预处理"),
    ("zh", "重参数", "重参数"),  # part of 重参数化
    ("zh", "batch_size", "batch_size"),  # an identifier against a stemmed index
    ("zh", "num_workers", "num_workers"),
    ("en", "num workers", "num_workers"),  # an identifier by its parts
    ("en", "predict.py", "predict.py"),  # a file name at the end of a path
    ("en", "reparameterization", "re-parameterization"),  # hyphen variants, both ways
    ("en", "pre-trained", "pretrained"),
    ("en", "finetune", "fine-tune"),
    ("en", "light weight", "lightweight"),  # a space the text does not have
]


@pytest.mark.parametrize(("lang", "query", "form"), CASES, ids=[c[1] for c in CASES])
def test_reader_forms_find_the_text_forms(boxes: dict[str, SearchBox], lang: str, query: str, form: str) -> None:
    expected = containing(lang, unicodedata.normalize("NFKC", form).lower())
    assert expected, f"{form!r} is not in the {lang} text"
    found = set(results_for(boxes[lang], query))
    assert expected <= found, f"missing: {sorted(expected - found)}"
    if lang == "zh" and not query.isascii():
        assert found <= expected, f"not containing {form!r}: {sorted(found - expected)}"


def test_results_link_to_question_anchors_with_label_and_title(boxes: dict[str, SearchBox]) -> None:
    box = boxes["zh"]
    box.clear()
    box.type("共享内存")
    first = box.page.locator(".md-search-result__item a[href*='2021-s1/issue-1/'][href$='#q1-3']").first
    assert re.search(r"/faq/2021-s1/issue-1/(\?h=[^#]*)?#q1-3$", str(first.get_attribute("href")))
    title = first.locator("h1").first.inner_text()
    assert title.startswith("Q1.3") and "docker" in title

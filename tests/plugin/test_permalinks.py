"""permalinks.with_copy_links: a copy-link button after each question's heading, with its permalink."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment

from faqsite.markdown.model import parse_page
from faqsite.mkdocs_plugin.permalinks import TEMPLATE, heading_end, permalink, with_copy_links

# a stand-in for overrides/partials/faq-copy-link.html: what the module gives the template
ENV = Environment(
    loader=DictLoader({TEMPLATE: '<div class="faq-share" data-permalink="{{ permalink }}">{{ id }}</div>\n'})
)
SITE = "https://faq.example.org/faq/2021-s1/issue-3/"
MARKDOWN = """# Issue 3

Intro.

## Q3.1: First? {#q3-1}

One.

## Notes

Not a question.

## Q3.2: Second? {#q3-2}

Two.
"""
QUESTIONS = parse_page(MARKDOWN, Path("docs/zh/faq/2021-s1/issue-3.md")).questions


def button(id_: str, base: str = SITE) -> str:
    return f'\n<div class="faq-share" data-permalink="{base}#{id_}">{id_}</div>'


Q31 = '<h2 id="q3-1">Q3.1: First?</h2>'
Q32 = '<h2 id="q3-2">Q3.2: Second?</h2>'
NOTES = '<h2 id="notes">Notes</h2><p>Not a question.</p>'
MARKED = '<h2 data-source-hash="ab12" id="q3-1">Q3.1: <code>a</code> <em>b</em></h2>'
NEAR = '<h2 id="q3-10">Q3.10: Not this one</h2><p>Ten.</p><h2 id="q3-1x">Nor this</h2>'


@pytest.mark.parametrize(
    ("html", "canonical", "expected"),
    [
        pytest.param(
            [Q31, "<p>One.</p>", NOTES, Q32, "<p>Two.</p>"],
            SITE,
            [Q31, button("q3-1"), "<p>One.</p>", NOTES, Q32, button("q3-2"), "<p>Two.</p>"],
            id="after-each-question-not-after-other-headings",
        ),
        pytest.param(
            [MARKED, "<p>One.</p>", Q32],
            SITE,
            [MARKED, button("q3-1"), "<p>One.</p>", Q32, button("q3-2")],
            id="other-attributes-and-markup-in-the-heading",
        ),
        pytest.param(
            [Q31, "<p>One.</p>"],
            None,
            [Q31, button("q3-1", base=""), "<p>One.</p>"],
            id="no-site-url-bare-anchor",
        ),
        pytest.param([NEAR], SITE, [NEAR], id="only-the-exact-ids"),
    ],
)
def test_buttons_follow_the_question_headings(html: list[str], canonical: str | None, expected: list[str]) -> None:
    out = with_copy_links("".join(html), QUESTIONS, canonical_url=canonical, env=ENV, config={})
    assert out == "".join(expected)


def test_the_model_names_the_questions() -> None:
    assert [q.id for q in QUESTIONS] == ["q3-1", "q3-2"]


def test_permalink_is_the_canonical_address_and_the_anchor() -> None:
    assert permalink(SITE, "q3-2") == SITE + "#q3-2"
    assert permalink(None, "q3-2") == "#q3-2"


def test_a_heading_not_on_the_page_has_no_end() -> None:
    assert heading_end('<h2 id="q3-1">Q3.1</h2>', "q3-2") is None
    assert heading_end('<h2 id="q3-1">Q3.1', "q3-1") is None

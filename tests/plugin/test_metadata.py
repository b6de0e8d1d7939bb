"""metadata.describe: a page's description from its rendered HTML."""

from __future__ import annotations

import pytest

from faqsite.mkdocs_plugin.metadata import MAX_CHARS, describe

PERMALINK = '<a class="headerlink" href="#{id}" title="Permanent link">¶</a>'


def h2(text: str, id_: str = "q") -> str:
    return f'<h2 id="{id_}">{text}{PERMALINK.format(id=id_)}</h2>'


LONG_Q1 = "Q1.1: What are the common metrics of image classification?"  # 58 characters: enough alone
LONG_Q2 = "Q1.2: How is the learning rate warmed up?"


@pytest.mark.parametrize(
    ("html", "description"),
    [
        pytest.param(
            f"<h1>Issue 1</h1>{h2(LONG_Q1, 'q1-1')}<p>Answer one.</p>{h2(LONG_Q2, 'q1-2')}<p>Answer two.</p>",
            f"{LONG_Q1} · {LONG_Q2}",
            id="questions-joined",
        ),
        pytest.param(
            f"<h1>Issue 2</h1><p>Intro.</p>{h2('Q2.1: Short?')}<p>The answer.</p>",
            "Q2.1: Short? Intro.",
            id="short-questions-then-first-paragraph",
        ),
        pytest.param(
            "<h1>About</h1><p></p><p>First   paragraph\n over two lines.</p><p>Second.</p>",
            "First paragraph over two lines.",
            id="no-question-first-non-empty-paragraph",
        ),
        pytest.param(
            f"<h1>T</h1>{h2('Notes on the site')}<p>Text.</p>",
            "Text.",
            id="h2-not-a-question",
        ),
        pytest.param(
            h2("Q1.1: Use <code>paddle.jit</code> with <a href='x'>a <em>link</em></a>?")
            + "<p>With <strong>bold <em>and</em></strong> &amp; <code>code</code>.</p>",
            "Q1.1: Use paddle.jit with a link? With bold and & code.",
            id="nested-tags-and-permalink",
        ),
        pytest.param("<h1>Empty</h1>", "", id="nothing"),
    ],
)
def test_describe(html: str, description: str) -> None:
    assert describe(html) == description


def test_permalink_text_is_left_out() -> None:
    assert "¶" not in describe(h2(LONG_Q1) + h2(LONG_Q2))


@pytest.mark.parametrize(
    ("paragraph", "description"),
    [
        ("a" * 160, "a" * 160),  # 160 characters: kept whole
        ("a" * 161, "a" * 159 + "…"),
        ("ab " * 60, ("ab " * 53).rstrip() + "…"),  # the cut falls after a space: none before the ellipsis
    ],
)
def test_cut_at_160_characters(paragraph: str, description: str) -> None:
    out = describe(f"<p>{paragraph}</p>")
    assert out == description
    assert len(out) <= MAX_CHARS


def test_many_questions_are_cut_too() -> None:
    out = describe("".join(h2(f"Q1.{n}: A question long enough to matter number {n}", f"q1-{n}") for n in range(1, 6)))
    assert len(out) == MAX_CHARS
    assert out.startswith("Q1.1: A question long enough to matter number 1 · Q1.2:")
    assert out.endswith("…")

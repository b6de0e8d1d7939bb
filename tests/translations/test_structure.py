"""Parity of each answer's structure, as data: a Chinese and an English answer, and what parity says of them.

The answers are read by the page model as the site renders them (Python-Markdown's
lists: none starts inside a paragraph, item blocks indented 4 columns a level), so
a defect the reader sees is a difference here even where CommonMark would agree.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from faqsite.markdown.model import parse_page
from faqsite.translations.parity import compare_pages
from tests.conftest import ROOT

ZH, EN = Path("docs/zh/faq/s/issue-1.md"), Path("docs/en/faq/s/issue-1.md")
HEAD = "# T\n\n## Q1.1: t {#q1-1}\n\n"  # the answer starts on line 5

FIGURE = "[![a](../../../images/faq/f.svg)](../../../images/faq/f.svg)\n/// caption\nc\n///"
FACTORS = "1. 参数量\n\n" + FIGURE + "\n\n2. 浮点运算\n3. 访存\n4. 并行度\n"
FACTORS_EN = "1. Parameters\n\n" + FIGURE + "\n\n2. FLOPs\n3. Memory access\n4. Parallelism\n"

# (id, Chinese answer, English answer, the structure problem or None)
CASES: list[tuple[str, str, str, str | None]] = [
    ("same", "甲。\n\n1. 乙\n2. 丙\n", "A.\n\n1. B\n2. C\n", None),
    ("tight-and-loose-items-alike", "1. 乙\n2. 丙\n", "1. B\n\n2. C\n", None),
    (
        "same-nesting-code-formula-table-figure",
        "1. 甲\n    * 子\n    * 子\n\n    ```python\n    x\n    ```\n\n```math\nx\n```\n\n| a |\n|---|\n| 1 |\n\n"
        + FIGURE
        + "\n",
        "1. A\n    * sub\n    * sub\n\n    ```python\n    x\n    ```\n\n```math\nx\n```\n\n| a |\n|---|\n| 1 |\n\n"
        + FIGURE
        + "\n",
        None,
    ),
    (
        # Q3.5 of 2021 Season 1 before the fix: the list right after the paragraph, item 1 read as its text
        "list-item-run-into-paragraph",
        "因素如下：\n" + FACTORS,
        "The factors:\n\n" + FACTORS_EN,
        "docs/en/faq/s/issue-1.md:7: q1-1: answer structure differs from docs/zh/faq/s/issue-1.md:8 "
        "(zh: figure, ordered list of 3 items from 2, end of the answer; "
        "en: ordered list of 1 item, figure, ordered list of 3 items from 2, end of the answer)",
    ),
    (
        "items-missing",
        "1. 甲\n2. 乙\n3. 丙\n",
        "1. A\n2. B\n3. C\n4. D\n",
        "docs/en/faq/s/issue-1.md:5: q1-1: answer structure differs from docs/zh/faq/s/issue-1.md:5 "
        "(zh: ordered list of 3 items, end of the answer; en: ordered list of 4 items, end of the answer)",
    ),
    (
        "nested-list-under-item-2",
        "1. 甲\n2. 乙\n    * 子一\n    * 子二\n3. 丙\n",
        "1. A\n2. B\n    * one\n    * two\n    * three\n3. C\n",
        "docs/en/faq/s/issue-1.md:7: q1-1: answer structure differs from docs/zh/faq/s/issue-1.md:7 "
        "(zh: unordered list of 2 items, end of item 2 of the ordered list of 3 items; "
        "en: unordered list of 3 items, end of item 2 of the ordered list of 3 items)",
    ),
    (
        "nested-list-not-nested",
        "1. 甲\n    * 子\n",
        "1. A\n\n* sub\n",
        "docs/en/faq/s/issue-1.md:5: q1-1: answer structure differs from docs/zh/faq/s/issue-1.md:6 "
        "(zh: unordered list of 1 item, end of item 1 of the ordered list of 1 item; "
        "en: end of item 1 of the ordered list of 1 item)",
    ),
    (
        "ordered-and-unordered",
        "1. 甲\n2. 乙\n",
        "* A\n* B\n",
        "docs/en/faq/s/issue-1.md:5: q1-1: answer structure differs from docs/zh/faq/s/issue-1.md:5 "
        "(zh: ordered list of 2 items, end of the answer; en: unordered list of 2 items, end of the answer)",
    ),
    (
        "start-number",
        "4. 甲\n5. 乙\n",
        "1. A\n2. B\n",
        "docs/en/faq/s/issue-1.md:5: q1-1: answer structure differs from docs/zh/faq/s/issue-1.md:5 "
        "(zh: ordered list of 2 items from 4, end of the answer; en: ordered list of 2 items, end of the answer)",
    ),
    (
        # 2022 Season 1 Q2.1.1 before the fix: a fence indented 3 under "1. " ends the list for Python-Markdown
        "code-block-out-of-its-item",
        "1. 代码：\n\n    ```python\n    x = 1\n    ```\n\n2. 下一步\n",
        "1. Code:\n\n   ```python\n   x = 1\n   ```\n\n2. Next\n",
        "docs/en/faq/s/issue-1.md:5: q1-1: answer structure differs from docs/zh/faq/s/issue-1.md:5 "
        "(zh: ordered list of 2 items, end of the answer; "
        "en: ordered list of 1 item, code block, ordered list of 1 item from 2, end of the answer)",
    ),
    (
        # a fence right after text: Python-Markdown shows the code inside the paragraph
        "code-block-run-into-paragraph",
        "示例如下：\n```\nx\n```\n",
        "For example:\n\n```\nx\n```\n",
        "docs/en/faq/s/issue-1.md:7: q1-1: answer structure differs from docs/zh/faq/s/issue-1.md:5 "
        "(zh: end of the answer; en: code block, end of the answer)",
    ),
    (
        "paragraph-split-in-two",
        "甲乙。\n\n```\nx\n```\n",
        "A.\n\nB.\n\n```\nx\n```\n",
        "docs/en/faq/s/issue-1.md:7: q1-1: answer structure differs from docs/zh/faq/s/issue-1.md:7 "
        "(zh: code block, end of the answer; en: paragraph, code block, end of the answer)",
    ),
    (
        "table-as-text",
        "| a | b |\n|---|---|\n| 1 | 2 |\n",
        "a b 1 2\n",
        "docs/en/faq/s/issue-1.md:5: q1-1: answer structure differs from docs/zh/faq/s/issue-1.md:5 "
        "(zh: table, end of the answer; en: paragraph, end of the answer)",
    ),
    (
        "formula-as-code",
        "```math\nx\n```\n",
        "```\nx\n```\n",
        "docs/en/faq/s/issue-1.md:5: q1-1: answer structure differs from docs/zh/faq/s/issue-1.md:5 "
        "(zh: formula, end of the answer; en: code block, end of the answer)",
    ),
    (
        "caption-lost",
        FIGURE + "\n",
        "[![a](../../../images/faq/f.svg)](../../../images/faq/f.svg)\n",
        "docs/en/faq/s/issue-1.md:5: q1-1: answer structure differs from docs/zh/faq/s/issue-1.md:5 "
        "(zh: figure, end of the answer; en: paragraph, end of the answer)",
    ),
    (
        "heading-level",
        "### 甲\n\n乙\n",
        "#### A\n\nB\n",
        "docs/en/faq/s/issue-1.md:5: q1-1: answer structure differs from docs/zh/faq/s/issue-1.md:5 "
        "(zh: level-3 heading, paragraph, end of the answer; en: level-4 heading, paragraph, end of the answer)",
    ),
    (
        "long-runs-shortened",
        "甲\n\n" + "\n\n".join(["乙"] * 5) + "\n",
        "A\n\n```\nx\n```\n\n" + "\n\n".join(["B"] * 5) + "\n",
        "docs/en/faq/s/issue-1.md:7: q1-1: answer structure differs from docs/zh/faq/s/issue-1.md:7 "
        "(zh: paragraph, paragraph, paragraph, …; en: code block, paragraph, paragraph, …)",
    ),
]


@pytest.mark.parametrize(("zh", "en", "expected"), [pytest.param(z, e, x, id=i) for i, z, e, x in CASES])
def test_answer_structure(zh: str, en: str, expected: str | None) -> None:
    problems = compare_pages(parse_page(HEAD + zh, ZH), parse_page(HEAD + en, EN))
    structure = [str(p) for p in problems if "answer structure" in p.message]
    assert structure == ([expected] if expected else [])


def test_every_committed_answer_is_compared_block_by_block() -> None:
    """The committed docs pass parity (test_parity.py); here, not vacuously: every answer has blocks."""
    from faqsite.markdown.model import read_page
    from faqsite.translations.parity import structure_difference
    from faqsite.translations.twins import twins

    compared = 0
    for twin in twins(ROOT / "docs"):
        zh, en = read_page(twin.source), read_page(twin.target)
        en_by_id = {q.id: q for q in en.questions}
        for q in zh.questions:
            assert q.blocks_in, f"{twin.source}:{q.line}: {q.id} has no blocks"
            assert structure_difference(q.blocks_in, en_by_id[q.id].blocks_in) is None
            compared += 1
    assert compared >= 138

"""Generated input for the fuzz tests: any text, and text shaped like an upstream FAQ file or a docs page.

FAQ-shaped text is built from the fragments the real files are made of
(headings of issues, parts, sections and questions, tables of contents, ``>>``
items, answer markers, fences, images, anchors, comments), mixed with random
text, long runs of the characters Markdown parsers and the spacing library
backtrack on, and every kind of line end.
"""

from __future__ import annotations

import os

from hypothesis import strategies as st

LONG = os.environ.get("HYPOTHESIS_PROFILE") == "long"
MAX_RUN = 4_000 if LONG else 400  # a run of one character or pair ("[" * n)

# Characters that matter to the parsers, the spacing and the id patterns, besides any character at all.
SPECIAL = (
    "[]()!*_`~<>{}#:=|\\\"'-+.&;/ \t\n\r"
    "中文问题答案第期目录写在前面：，。、（）【】　"
    "Q1234567890"
    "٣１²"  # digits that are not [0-9]
    "\x00\x0b\x0c\x85\u2028\u2029\ufeff\u200b"
)
ANY_CHAR = st.one_of(st.sampled_from(SPECIAL), st.characters(codec="utf-8"))
RUN_UNITS = ["[", "]", "*", "_", "`", "``a`", "![", "[](", "[a](", "中[a](", "<", "<a ", "<!--", "{", " {a", " ", "中a", "\\", ">", "> ", "- ", "|", "#", "\r", "\n"]

FAQ_FRAGMENTS = [
    "# 图像分类常见问题汇总 - 2021 第 1 季\n",
    "## 目录\n",
    "* [第 1 期](#第1期)(2021.01.05)\n",
    "* [第 2 期](#第2期)(2021.13.45)\n",
    "- [1. 理论篇](#1)\n",
    "## 写在前面\n",
    "## 第 1 期\n",
    "## 第 2 期\n",
    "## 第 ٣ 期\n",
    "## 近期更新\n",
    "## 1. 理论篇\n",
    "## 2、实战篇\n",
    "### 1.1 基础知识\n",
    "### Q1.1: 如何选择模型？\n",
    "### Q1.2 ResNet_vd 是什么\n",
    "### Q2.1：训练时显存不够怎么办\n",
    "#### Q1.1.1 学习率如何设置？\n",
    "### Q1.x: 坏的标签\n",
    "### Q١.١: 数字\n",
    "### Q" + "9" * 40 + ".1: 大数\n",
    ">>\n",
    "* Q: 什么是知识蒸馏？\n",
    "* A: 用大模型指导小模型。\n",
    "* A:\n    * 一点\n    * 两点\n",
    "**A**：PaddleClas 中提供了 SSLD 模型。\n",
    "**A**: answer\n",
    "```python\nprint('中文a')  # 注释a\n```\n",
    "```latex\nw_t+1 = w_t - v_t+1\n```\n",
    "    ```python\n    x = 1\n    ```\n",
    "~~~\n",
    "```\n",
    "![](../../images/faq/RepVGG.png)\n",
    "![RepVGG](../../images/faq/RepVGG.png)",
    '<div align="center">\n<img src="../../images/faq/RepVGG.png" width="400">\n</div>\n',
    '<img src="../../images/faq/Unknown.png">\n',
    "[链接](#第1期)",
    "[模型库](../models/models_intro.md)",
    "[外部](https://example.com/a_b)",
    '<a name="1"></a>\n',
    "<!-- 注释 -->\n",
    "<!--\n",
    "`code`",
    "``a`b``",
    "使用PaddleClas训练ResNet50模型",
    "（transforms）",
    "1. 列表\n2. 第二项\n",
    "| a | b |\n| - | - |\n| 1 | 2 |\n",
    "> 引用\n",
    "\n",
    "\r\n",
    "\r",
]

PAGE_FRAGMENTS = [
    "---\nseason: 2021-s1\nissue: 1\ndate: 2021-01-05\ntitle: 第 1 期\n---\n",
    "---\nseason: \"2021-s1\\n\"\ntitle: x\n---\n",
    "---\ndate: 2021-13-45\n---\n",
    "---\na: &x [1]\nb: *x\n---\n",
    "---\na: [\n---\n",
    "---\n- 1\n---\n",
    "# 第 1 期\n",
    "## Q1.1: 如何选择模型？ {#q1-1}\n",
    '## Q1.1: How to choose? {#q1-1 data-source-hash="0123abcd"}\n',
    "## Q1.2: 坏的 id {#q1-3}\n",
    "## Q1.1: 重复 {#q1-1}\n",
    "## 普通标题\n",
    "## 普通标题\n",
    "## a {:}\n",
    "## a { #x .y data-z='1' }\n",
    "[x](issue-2.md#q2-1)",
    "[x](#q1-1)",
    "[x](javascript:alert(1))",
    "![alt](../../../images/faq/repvgg.svg){ width=\"400\" loading=\"lazy\" }",
    "![](missing.png)",
    '<script>alert(1)</script>\n',
    '<img src=x onerror="alert(1)">\n',
    "*a*{: .b }",
    "```math\nx^2\n```\n",
]


def runs() -> st.SearchStrategy[str]:
    """A character or pair repeated: what a backtracking pattern chokes on."""
    return st.builds(lambda unit, n: unit * n, st.sampled_from(RUN_UNITS), st.integers(1, MAX_RUN))


def mixed(fragments: list[str]) -> st.SearchStrategy[str]:
    """Fragments, random text and runs, joined."""
    piece = st.one_of(
        st.sampled_from(fragments),
        st.text(ANY_CHAR, max_size=30),
        runs(),
    )
    return st.lists(piece, max_size=30).map("".join)


any_text = st.text(ANY_CHAR, max_size=400)
faq_text = mixed(FAQ_FRAGMENTS)
page_text = st.one_of(mixed(PAGE_FRAGMENTS + FAQ_FRAGMENTS), st.builds(str.__add__, st.sampled_from(PAGE_FRAGMENTS[:1]), mixed(PAGE_FRAGMENTS)))

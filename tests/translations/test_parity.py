"""Parity and freshness of the English edition, as data: each edit of a temporary docs copy and what it must report."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from faqsite.cli import run
from faqsite.translations.freshness import report
from faqsite.translations.parity import check_parity
from tests.conftest import ROOT

ISSUE3 = Path("faq/2021-s1/issue-3.md")


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    copy = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", copy)
    return copy


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_committed_docs_are_in_parity_and_fresh() -> None:
    assert [str(p) for p in check_parity(ROOT / "docs")] == []
    outdated, missing = report(ROOT / "docs")
    assert outdated == [] and missing == []


# (id, edit of the docs copy, expected parity problems as regexes)
PARITY_CASES: list[tuple[str, Callable[[Path], object], list[str]]] = [
    (
        "missing-page",
        lambda d: (d / "en" / ISSUE3).unlink(),
        [r"^.*docs/zh/faq/2021-s1/issue-3\.md:1: no English twin \(expected .*docs/en/faq/2021-s1/issue-3\.md\)$"],
    ),
    (
        "extra-page",
        lambda d: shutil.copy(d / "en" / ISSUE3, d / "en" / "faq/2021-s1/issue-6.md"),
        [r"docs/en/faq/2021-s1/issue-6\.md:1: English page without a Chinese original"],
    ),
    (
        "missing-question",
        lambda d: edit(d / "en" / ISSUE3, "## Q3.4:", "## Removed:"),
        [
            r"docs/en/faq/2021-s1/issue-3\.md:\d+: question q3-4 missing \(after q3-3, as in .*docs/zh/faq/2021-s1/issue-3\.md:\d+\)",
            # the orphaned answer now reads as part of Q3.3, whose figures no longer match
            r"docs/en/faq/2021-s1/issue-3\.md:48: q3-3: figures differ",
            r"docs/en/faq/2021-s1/issue-3\.md:48: q3-3: 2 links \(expected 1",
            r"docs/en/faq/2021-s1/issue-3\.md:\d+: q3-3: answer structure differs from .*docs/zh/faq/2021-s1/issue-3\.md:\d+"
            r" \(zh: end of the answer; en: level-2 heading, paragraph, figure, …\)$",
        ],
    ),
    (
        "changed-id",
        lambda d: edit(d / "en" / ISSUE3, "{#q3-2 ", "{#acnet "),
        [
            r"docs/en/faq/2021-s1/issue-3\.md:19: question Q3\.2 has id 'acnet' \(expected 'q3-2'\)",
            r"docs/en/faq/2021-s1/issue-3\.md:\d+: question q3-2 missing",
        ],
    ),
    (
        "missing-figure",
        lambda d: edit(
            d / "en" / ISSUE3, "(../../../images/faq/repvgg.svg)", "(../../../images/faq/acnet-training.svg)"
        ),
        [r"docs/en/faq/2021-s1/issue-3\.md:48: q3-3: missing figure repvgg\.svg \(expected \['repvgg\.svg'\]"],
    ),
    (
        "extra-code-block",
        lambda d: edit(d / "en" / ISSUE3, "## Q3.5:", "```\nx\n```\n\n## Q3.5:"),
        [
            r"docs/en/faq/2021-s1/issue-3\.md:\d+: q3-4: 1 code blocks \(expected 0",
            r"docs/en/faq/2021-s1/issue-3\.md:\d+: q3-4: answer structure differs .* \(zh: end of the answer; en: code block, end of the answer\)$",
        ],
    ),
    (
        # Q3.5's defect as first published: its list right after the paragraph, so that Python-Markdown
        # read item 1 as the paragraph's text and the Chinese list started at 2
        "list-run-into-paragraph",
        lambda d: edit(d / "zh" / ISSUE3, "可以参考以下几个方面：\n\n1. 参数量", "可以参考以下几个方面：\n1. 参数量"),
        [
            r"^\S*docs/en/faq/2021-s1/issue-3\.md:\d+: q3-5: answer structure differs from \S*docs/zh/faq/2021-s1/issue-3\.md:\d+"
            r" \(zh: figure, ordered list of 3 items from 2, end of the answer;"
            r" en: ordered list of 1 item, figure, ordered list of 3 items from 2, end of the answer\)$"
        ],
    ),
]


@pytest.mark.parametrize(("change", "expected"), [pytest.param(c, e, id=i) for i, c, e in PARITY_CASES])
def test_parity_reports_each_difference(
    docs: Path, change: Callable[[Path], object], expected: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    change(docs)
    problems = [str(p) for p in check_parity(docs)]
    assert len(problems) == len(expected), problems
    for pattern, problem in zip(expected, problems, strict=False):
        assert re.search(pattern, problem), problem
    assert run(["parity", "--docs", str(docs)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == len(expected) and all(re.match(r"^\S+\.md:\d+: ", line) for line in out)


def test_edited_chinese_question_marks_translation_outdated(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(docs / "zh" / ISSUE3, "RepVGG 是更为极端的 ACNet", "RepVGG 是比 ACNet 更为极端的形式")
    outdated, missing = report(docs)
    assert missing == []
    assert [re.sub(r"^.*?docs/", "docs/", str(p)) for p in outdated] == [
        re.sub(r"^.*?docs/", "docs/", str(outdated[0]))
    ]
    assert re.search(
        r"docs/en/faq/2021-s1/issue-3\.md:\d+: q3-4: translation outdated: translates version [0-9a-f]{8}, the Chinese question is now [0-9a-f]{8}",
        str(outdated[0]),
    )
    assert run(["freshness", "--docs", str(docs)]) == 1
    assert "q3-4: translation outdated" in capsys.readouterr().out
    # stamping after updating the translation makes it current again
    assert run(["stamp", str(docs / "en" / ISSUE3), "--id", "q3-4", "--docs", str(docs)]) == 0
    assert report(docs) == ([], [])


def test_missing_translation_is_reported(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(docs / "en" / ISSUE3, "## Q3.5:", "## Not a question:")
    outdated, missing = report(docs)
    assert outdated == []
    assert len(missing) == 1 and "q3-5: translation missing" in str(missing[0])
    assert run(["freshness", "--docs", str(docs)]) == 1


def test_glossary_is_data_with_the_core_terms() -> None:
    data = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))
    terms = {t["zh"]: t["en"] for t in data["terms"]}
    assert len(terms) >= 40
    for zh in ("期", "季", "结构重参数化", "归纳偏置", "蒸馏", "预训练模型", "过采样"):
        assert zh in terms


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("结构重参数化", "structural re-parameterization"),
        ("过采样", "oversampling"),
        ("归纳偏置", "inductive bias"),
        ("共享内存", "shared memory"),
    ],
)
def test_glossary_terms_are_used_in_the_translation(zh: str, en: str) -> None:
    """Where a Chinese page uses a glossary term, its English twin uses the glossary's English term."""
    data = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))
    assert {t["zh"]: t["en"] for t in data["terms"]}[zh].lower() == en
    for zh_page in (ROOT / "docs" / "zh").rglob("issue-*.md"):
        if zh in zh_page.read_text(encoding="utf-8"):
            en_page = ROOT / "docs" / "en" / zh_page.relative_to(ROOT / "docs" / "zh")
            assert en in en_page.read_text(encoding="utf-8").lower(), en_page

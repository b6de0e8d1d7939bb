"""Each shape and each known defect of the upstream files, as a small fixture: published around, with a warning."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from faqsite.cli import run
from tests.conftest import ROOT

FIGURES = ROOT / "data" / "figures.yml"
HEADING = re.compile(r"^## (Q[\d.]+): .* \{#(q[\d-]+)\}$", re.M)


def dated(source: str) -> str:
    """``source`` with a dated table of contents after its title (4 lines), so that only its own defect warns."""
    title, rest = source.split("\n", 1)
    entries = "".join(f"* [第 {n} 期](#{n})(2021.01.0{n})\n" for n in re.findall(r"^## 第 (\d+) 期", rest, re.M))
    return f"{title}\n\n## 目录\n\n{entries}{rest}"


# (id, source, warning expected on stderr (path:line: warning: …), {page: [labels]})
CASES = [
    (
        "label-gap",
        dated("# t\n\n## 第 1 期\n\n### Q1.1: 甲？\n\n答。\n\n### Q1.3: 丙？\n\n答。\n"),
        r"src\.md:13: warning: question label Q1\.3 out of sequence \(expected Q1\.2\); published as Q1\.3",
        {"issue-1.md": ["Q1.1", "Q1.3"]},
    ),
    (
        "empty-section",
        "# t\n\n## 1. 理论篇\n\n### 1.1 甲\n\n#### Q1.1.1 问？\n\n答。\n\n### 1.2 乙\n\n## 2. 实战篇\n\n### 2.1 丙\n\n#### Q2.1.1 问？\n\n答。\n",
        r"src\.md:11: warning: section 1\.2 has no questions; no page for it",
        {"part-1-1.md": ["Q1.1.1"], "part-2-1.md": ["Q2.1.1"]},
    ),
    (
        "empty-part",
        "# t\n\n## 1. 理论篇\n\n## 2. 实战篇\n\n### 2.1 丙\n\n#### Q2.1.1 问？\n\n答。\n",
        r"src\.md:3: warning: part 1 has no questions; no page for it",
        {"part-2-1.md": ["Q2.1.1"]},
    ),
    (
        "question-at-another-level",
        dated("# t\n\n## 第 1 期\n\n### Q1.1: 甲？\n\n答。\n\n## Q1.2: 乙？\n\n答。\n"),
        r"src\.md:13: warning: question Q1\.2 is a level-2 heading, its siblings level 3; published as a question",
        {"issue-1.md": ["Q1.1", "Q1.2"]},
    ),
    (
        "extra-section",
        dated("# t\n\n## 近期更新\n\n* 2022.01 新增第 1 期\n\n## 第 1 期\n\n### Q1.1: 甲？\n\n答。\n"),
        r"src\.md:7: warning: section '近期更新' is neither an issue nor a part .*; not published",
        {"issue-1.md": ["Q1.1"]},
    ),
    (
        "issues-numbered-from-2",
        dated("# t\n\n## 第 2 期\n\n### Q2.1: 甲？\n\n答。\n"),
        r"src\.md:7: warning: issue 2 out of sequence \(expected 1\); published as 2",
        {"issue-2.md": ["Q2.1"]},
    ),
    (
        "toc-without-dates",
        "# t\n\n## 目录\n\n* [第 1 期](#1)\n\n## 第 1 期\n\n### Q1.1: 甲？\n\n答。\n",
        r"src\.md:1: warning: no dates in the table of contents; issues published without a date",
        {"issue-1.md": ["Q1.1"]},
    ),
    (
        "html-block-with-several-images",
        dated(
            '# t\n\n## 第 1 期\n\n### Q1.1: 甲？\n\n答。\n\n<div align="center">\n<img src="../../images/faq/RepVGG.png" width="400">\n'
            '<img src="../../images/faq/ACNetReParams.png" width="400">\n</div>\n'
        ),
        r"src\.md:13: warning: HTML block with 2 image\(s\) and other markup; published as 2 figure\(s\)",
        {"issue-1.md": ["Q1.1"]},
    ),
    (
        "selected-questions",
        "# FAQ\n\n## 1. 三十问\n\n### 1.1 基础\n\n>>\n* Q: 甲\n* A: 甲的答案。\n\n"
        '<a name="tail"></a>\n>>\n* Q: 乙？\n* A:\n    * 一点\n    * 两点\n\n## 2. 使用问题\n\n>>\n* Q: 丙？\n* A: 见[乙](#tail)。\n',
        None,
        {"part-1-1.md": ["Q1.1.1", "Q1.1.2"], "part-2.md": ["Q2.1"]},
    ),
]


@pytest.mark.parametrize(("source", "warning", "pages"), [pytest.param(*c[1:], id=c[0]) for c in CASES])
def test_shape_is_published_with_its_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], source: str, warning: str | None, pages: dict[str, list[str]]
) -> None:
    src = tmp_path / "src.md"
    src.write_text(source, encoding="utf-8")
    args = ["import", str(src), "--collection", "selected" if "FAQ" in source else "2030-s1"]
    code = run([*args, "--docs", str(tmp_path / "docs"), "--data", str(tmp_path / "data"), "--figures", str(FIGURES)])
    err = capsys.readouterr().err
    assert code == 0, err
    warnings = [line for line in err.splitlines() if ": warning: " in line]
    if warning is None:
        assert warnings == []
    else:
        assert len(warnings) == 1 and re.search(warning, warnings[0]), err
    folder = next((tmp_path / "docs/zh/faq").iterdir())
    written = {p.name: [m[1] for m in HEADING.finditer(p.read_text(encoding="utf-8"))] for p in folder.glob("*.md")}
    assert written == {"index.md": [], **pages}


def test_selected_questions_keep_their_answers_and_anchors(tmp_path: Path) -> None:
    src = tmp_path / "src.md"
    src.write_text(CASES[-1][1], encoding="utf-8")
    args = ["import", str(src), "--collection", "selected", "--docs", str(tmp_path / "docs")]
    assert run([*args, "--data", str(tmp_path / "data"), "--figures", str(FIGURES)]) == 0
    folder = tmp_path / "docs/zh/faq/selected"
    assert "## Q1.1.2: 乙？ {#q1-1-2}\n\n* 一点\n* 两点" in (folder / "part-1-1.md").read_text(encoding="utf-8")
    assert "见[乙](part-1-1.md#q1-1-2)。" in (folder / "part-2.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("collection", "ok"),
    [
        ("2021-s1", True),
        ("selected-30", True),
        ("2021-s9\n", False),
        ("２０２１-s1", False),
        ("2021-S1", False),
        ("x_y", False),
    ],
)
def test_collection_ids(tmp_path: Path, capsys: pytest.CaptureFixture[str], collection: str, ok: bool) -> None:
    src = tmp_path / "src.md"
    src.write_text(CASES[0][1], encoding="utf-8")
    args = ["import", str(src), "--collection", collection, "--docs", str(tmp_path / "docs")]
    code = run([*args, "--data", str(tmp_path / "data"), "--figures", str(FIGURES)])
    assert (code == 0) == ok, capsys.readouterr().err
    if not ok:
        assert "collection id" in capsys.readouterr().err and not (tmp_path / "docs").exists()


def test_registry_entry_anywhere_works_and_a_malformed_one_is_located(tmp_path: Path) -> None:
    from faqsite.errors import SourceError
    from faqsite.importer.figures import load_registry

    text = FIGURES.read_text(encoding="utf-8")
    appended = tmp_path / "figures.yml"  # a figure appended after the insertions list
    appended.write_text(
        text + "  - upstream: New.png\n    file: new.png\n    width: 300\n"
        "    alt: {zh: 新图的替代文字, en: alt text of the new figure}\n    caption: {zh: 新图, en: New figure}\n",
        encoding="utf-8",
    )
    assert load_registry(appended).lookup("../../images/faq/New.png") is not None
    broken = tmp_path / "broken.yml"
    broken.write_text(text + "  - upstream: Broken.png\n    width: 300\n    alt: {zh: 甲}\n", encoding="utf-8")
    with pytest.raises(SourceError) as info:
        load_registry(broken)
    line = len(text.splitlines()) + 1
    assert [str(p) for p in info.value.problems] == [
        f"{broken.as_posix()}:{line}: figure entry has no 'file', 'caption' (expected upstream, file, width, alt, caption)"
    ]

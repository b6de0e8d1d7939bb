"""The importer end to end: both upstream layouts, the variant layouts, idempotence, bad input."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from faqsite.cli import run
from faqsite.importer.pipeline import ImportOptions, plan_import
from tests.conftest import ROOT
from tests.content import collection_ids, locked_questions

FIXTURES = Path(__file__).parent / "fixtures"
UPSTREAM = ROOT / "sources" / "upstream" / "docs" / "zh_CN" / "FAQ"
CURRENT = UPSTREAM / "faq_2021_s1.md"
LEGACY = ROOT / "tests" / "fixtures" / "faq_2021_s1.legacy.md"
FIGURES = ROOT / "data" / "figures.yml"
QUESTION_HEADING = re.compile(r"^## (Q[\d.]+): (.*) \{#(q[\d-]+)\}$", re.M)

# Answers whose content differs upstream between the two layouts (not just in form).
CONTENT_DIFFERS = {
    "Q1.3": "the legacy layout writes 8g, the current 8G",
    "Q2.4": "the legacy layout has an older answer",
    "Q5.1": "the legacy layout ends a sentence with a full-width stop after Latin text",
}


def pages_of(source: Path, tmp_path: Path, season: str = "2021-s1") -> dict[str, str]:
    """The pages a first import of ``source`` writes (file name -> text)."""
    result = plan_import(ImportOptions(collection=season, source=source, docs=tmp_path, data=tmp_path, figures=FIGURES))
    return {p.name: str(text) for p, text in result.files.items() if p.suffix == ".md"}


def import_args(source: Path | None, tmp_path: Path, collection: str = "2021-s1") -> list[str]:
    args = ["import", *([str(source)] if source else []), "--collection", collection]
    return [*args, "--docs", str(tmp_path / "docs"), "--data", str(tmp_path / "data"), "--figures", str(FIGURES)]


def answers(pages: dict[str, str]) -> dict[str, tuple[str, str, str]]:
    """label -> (id, title, answer) over all issue pages."""
    out = {}
    for name, text in pages.items():
        if name == "index.md":
            continue
        found = list(QUESTION_HEADING.finditer(text))
        for m, nxt in zip(found, [*found[1:], None], strict=False):
            out[m[1]] = (m[3], m[2], text[m.end() : nxt.start() if nxt else len(text)].strip())
    return out


def test_current_layout_gives_25_questions_on_5_dated_pages(tmp_path: Path) -> None:
    pages = pages_of(CURRENT, tmp_path)
    assert sorted(pages) == ["index.md", "issue-1.md", "issue-2.md", "issue-3.md", "issue-4.md", "issue-5.md"]
    assert len(answers(pages)) == 25
    dates = [re.search(r"^date: (.*)$", pages[f"issue-{i}.md"], re.M)[1] for i in range(1, 6)]  # type: ignore[index]
    assert dates == ["2021-01-05", "2021-01-14", "2021-01-21", "2021-01-28", "2021-02-03"]


def test_both_layouts_give_the_same_questions(tmp_path: Path) -> None:
    current = answers(pages_of(CURRENT, tmp_path / "a"))
    legacy = answers(pages_of(LEGACY, tmp_path / "b"))
    assert list(current) == list(legacy)
    for label in current:
        assert current[label][:2] == legacy[label][:2], label  # id and title
    same_answer = {label for label in current if current[label][2] == legacy[label][2]}
    assert set(current) - same_answer == set(CONTENT_DIFFERS)


def test_chinese_normalization_defects_of_issue_14(tmp_path: Path) -> None:
    """The four places a review of 2021 Season 1 found, as the importer now publishes them."""
    found = answers(pages_of(CURRENT, tmp_path))
    assert "准确率-FLOPS 曲线" in found["Q5.3"][2]  # a hyphen compound, not an option: no space before it
    assert "恒等映射、`1*1` 卷积、`3*3` 卷积" in found["Q3.3"][2]  # no stray space inside the code span
    assert found["Q4.5"][:2] == (  # the title normalized as the body, its id unchanged
        "q4-5",
        "ViT 为什么要增加一个 [CLS] 标志位？为什么将 [CLS] 标志位对应的向量作为整个序列的语义表示？",
    )
    assert "以下几个方面：\n\n1. 参数量" in found["Q3.5"][2]  # the list separated from the paragraph above


def test_both_layouts_give_the_same_structure(tmp_path: Path) -> None:
    def shape(text: str) -> list[str]:
        return [
            line.split(" ")[0] for line in text.splitlines() if line.startswith(("#", "![", "///", "```", "* ", "1. "))
        ]

    current = pages_of(CURRENT, tmp_path / "a")
    legacy = pages_of(LEGACY, tmp_path / "b")
    for name in ("issue-1.md", "issue-3.md", "issue-4.md", "issue-5.md"):
        assert shape(current[name]) == shape(legacy[name]), name


def test_normalized_output_parses_to_the_same_questions(tmp_path: Path) -> None:
    """Normalizing normalized text changes nothing: the pages, put back into a season file, import to themselves."""
    pages = pages_of(CURRENT, tmp_path / "first")
    season = ["# 图像分类常见问题汇总 - 2021 第 1 季", ""]
    for i in range(1, 6):
        body = pages[f"issue-{i}.md"].split("\n---\n", 1)[1]
        season += [
            f"## 第 {i} 期",
            "",
            QUESTION_HEADING.sub(lambda m: f"### {m[1]}: {m[2]}", body.split("\n", 3)[3]),
            "",
        ]
    again = tmp_path / "again.md"
    again.write_text("\n".join(season), encoding="utf-8")
    assert answers(pages_of(again, tmp_path / "second")) == answers(pages)


def test_import_is_idempotent(tmp_path: Path) -> None:
    assert run(import_args(CURRENT, tmp_path)) == 0
    folder = tmp_path / "docs" / "zh" / "faq" / "2021-s1"
    first = {p.name: p.read_bytes() for p in folder.iterdir()}
    mtimes = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    assert run(import_args(None, tmp_path)) == 0  # the source comes from the lock
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == first
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == mtimes  # not even rewritten


@pytest.mark.parametrize("collection", collection_ids())
def test_reimporting_a_committed_collection_changes_nothing(collection: str) -> None:
    """docs/ and data/upstream/ agree: the same upstream file merges into the committed pages as they are."""
    result = plan_import(ImportOptions(collection=collection, docs=ROOT / "docs", data=ROOT / "data"))
    assert result.files == {}
    assert [w for w in result.warnings if "removed upstream" in w.message] == []


def test_lock_holds_every_question_of_the_source() -> None:
    """Each lock lists exactly the questions its source file has (the source read again, now)."""
    from faqsite.importer.parse import parse_season, read_source

    for collection, (source, ids) in locked_questions().items():
        season, _ = parse_season(read_source(ROOT / source), source)
        assert ids == [q.anchor for u in season.units for q in u.questions], collection


def test_parts_layout_one_page_per_section(tmp_path: Path) -> None:
    pages = pages_of(FIXTURES / "parts_season.md", tmp_path, season="2020-s2")
    assert sorted(pages) == ["index.md", "part-1-1.md", "part-1-2.md", "part-2-1.md"]
    qs = answers(pages)
    assert {label: v[0] for label, v in qs.items()} == {
        "Q1.1.1": "q1-1-1",
        "Q1.1.2": "q1-1-2",
        "Q1.2.1": "q1-2-1",
        "Q2.1.1": "q2-1-1",
        "Q2.1.2": "q2-1-2",
    }
    assert qs["Q1.1.1"][1] == "PaddleClas 和 PaddleDetection 区别"
    assert (
        qs["Q1.1.2"][2]
        == "参见[模型库](https://github.com/PaddlePaddle/PaddleClas/blob/release/2.5/docs/zh_CN/models/models_intro.md)。"
    )
    assert "batch_size: 32  # 中文注释不变" in qs["Q2.1.1"][2]  # code block untouched
    assert qs["Q2.1.2"][2] == "在命令中指定 `-o Global.checkpoints=xxx` 即可，参见[第一部分](part-1-1.md)。"
    assert "part: '1.1'" in pages["part-1-1.md"] and "part_title: 理论篇" in pages["part-1-1.md"]
    assert "date:" not in pages["part-1-1.md"]  # the table of contents has no dates
    index = pages["index.md"]
    assert "我们收集整理了开源以来在 issues 和用户群中的常见问题" in index  # preface kept, normalized
    assert "内部备注" not in index


def test_parts_without_sections(tmp_path: Path) -> None:
    pages = pages_of(FIXTURES / "parts_flat.md", tmp_path, season="2022-s1")
    assert sorted(pages) == ["index.md", "part-1.md", "part-2.md"]
    qs = answers(pages)
    assert list(qs) == ["Q1.1", "Q1.2", "Q2.1"]
    assert qs["Q2.1"][1:] == ("如何构建检索库？", "使用 `python3 python/build_gallery.py` 构建。")


BAD_INPUTS = [
    pytest.param(None, r"missing\.md:0: file not found \(expected", id="missing-file"),
    pytest.param(
        b"# t\n\n## \xe7\xac\xac 1 \xe6\x9c\x9f\n\n### Q1.1: \xff\xfe\n",
        r"bad\.md:5: not UTF-8: byte 0xff",
        id="not-utf8",
    ),
    pytest.param(
        "# t\n\n## 第 1 期\n\n没有问题。\n", r"bad\.md:1: no questions found \(expected", id="no-questions-in-issue"
    ),
    pytest.param("# t\n\n正文。\n", r"bad\.md:1: no questions found \(expected", id="no-questions"),
    pytest.param(
        "# t\n\n## 第 1 期\n\n### Q1.1: a\n\nx\n\n### Q1.1: b\n\ny\n",
        r"bad\.md:9: question label Q1\.1 appears twice \(first at line 5\)",
        id="duplicate-label",
    ),
    pytest.param(
        "# t\n\n### Q1.1: a\n\nx\n", r"bad\.md:3: question Q1\.1 before any issue or part", id="question-before-issue"
    ),
    pytest.param(
        "# t\n\n## 第 1 期\n\n### Q2.1: a\n",
        r"bad\.md:5: question label Q2\.1 is not under issue 1 \(expected Q1\.N\)",
        id="label-in-wrong-issue",
    ),
    pytest.param(
        "# t\n\n## 第 1 期\n\n### Q1.1: a\n\n![](../../images/faq/Unknown.png)\n",
        r"bad\.md:7: image '\.\./\.\./images/faq/Unknown\.png' is not in the figure registry \(expected one of: ",
        id="unmapped-image",
    ),
    pytest.param(
        "# t\n\n## 第 1 期\n\n### Q1.x: a\n",
        r"bad\.md:5: malformed question heading 'Q1\.x: a' \(expected 'Qn\.m: title'\)",
        id="malformed-heading",
    ),
    pytest.param(
        "# t\n\n## 目录\n* [第1期](#1)(2021.13.45)\n\n## 第 1 期\n\n### Q1.1: a\n\nx\n",
        r"bad\.md:4: malformed date '2021\.13\.45'",
        id="malformed-date",
    ),
    pytest.param(
        "# t\n\n## 第 1 期\n\n### Q1.1: a\n\n见[别处](#nowhere)\n",
        r"bad\.md:7: link to unknown anchor '#nowhere'",
        id="unknown-anchor",
    ),
]


@pytest.mark.parametrize(("content", "error"), BAD_INPUTS)
def test_bad_input_reports_file_and_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | bytes | None, error: str
) -> None:
    source = tmp_path / ("missing.md" if content is None else "bad.md")
    if isinstance(content, bytes):
        source.write_bytes(content)
    elif content is not None:
        source.write_text(content, encoding="utf-8")
    docs = tmp_path / "docs"
    assert run(import_args(source, tmp_path)) == 1
    err = capsys.readouterr().err
    assert re.search(error, err), err
    assert all(re.match(r"^\S+:\d+: ", line) for line in err.splitlines())
    assert not docs.exists() and not (tmp_path / "data").exists()


def test_failed_import_keeps_previous_pages(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    assert run(import_args(CURRENT, tmp_path)) == 0
    before = {p: p.read_bytes() for p in tmp_path.rglob("*.*") if p.is_file()}
    broken = tmp_path / "faq.md"
    shutil.copy(CURRENT, broken)
    broken.write_text(broken.read_text(encoding="utf-8").replace("### Q5.3:", "### Q5.2:"), encoding="utf-8")
    assert run(import_args(broken, tmp_path)) == 1
    assert {p: p.read_bytes() for p in tmp_path.rglob("*.*") if p.is_file() and p != broken} == before
    assert not list(docs.rglob("*.tmp"))

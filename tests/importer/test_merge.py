"""Re-importing merges per question: base = the lock, ours = docs/, theirs = the new upstream file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from faqsite.cli import run
from tests.conftest import ROOT

FIGURES = ROOT / "data" / "figures.yml"
UPSTREAM = """# 图像分类常见问题汇总 - 2030 第 1 季

## 第 1 期

### Q1.1: 第一个问题？

第一个答案。

### Q1.2: 第二个问题？

第二个答案。

### Q1.3: 第三个问题？

第三个答案。
"""


class Repo:
    """A docs/ and data/ pair with one collection imported from ``source``."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.source = tmp / "faq_2030_s1.md"
        self.page = tmp / "docs/zh/faq/2030-s1/issue-1.md"
        self.lock = tmp / "data/upstream/2030-s1.yml"
        self.upstream(UPSTREAM)
        assert self.imp(str(self.source)) == 0  # the first import names the file; later ones read it from the lock

    def upstream(self, text: str) -> None:
        self.source.write_text(text, encoding="utf-8")

    def edit_upstream(self, old: str, new: str) -> None:
        self.upstream(self.source.read_text(encoding="utf-8").replace(old, new))

    def edit_here(self, old: str, new: str) -> None:
        text = self.page.read_text(encoding="utf-8")
        assert old in text
        self.page.write_text(text.replace(old, new), encoding="utf-8")

    def imp(self, *extra: str) -> int:
        args = [
            "import",
            *[e for e in extra if e.endswith(".md")],
            "--collection",
            "2030-s1",
            "--docs",
            str(self.tmp / "docs"),
            "--data",
            str(self.tmp / "data"),
        ]
        return run([*args, "--figures", str(FIGURES), *[e for e in extra if not e.endswith(".md")]])

    def text(self) -> str:
        return self.page.read_text(encoding="utf-8")

    def snapshot(self) -> dict[Path, bytes]:
        return {p: p.read_bytes() for p in self.tmp.rglob("*") if p.is_file() and p != self.source}


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return Repo(tmp_path)


def test_changed_only_upstream_is_applied(repo: Repo) -> None:
    repo.edit_upstream("第二个答案。", "第二个答案，上游改过。")
    assert repo.imp() == 0
    assert "第二个答案，上游改过。" in repo.text()
    assert "第二个答案，上游改过。" in repo.lock.read_text(encoding="utf-8")


def test_changed_only_here_is_kept(repo: Repo) -> None:
    repo.edit_here("第二个答案。", "第二个答案，本站改过。")
    before = repo.snapshot()
    assert repo.imp() == 0
    assert repo.snapshot() == before  # nothing to write: the local edit stands


def test_changed_on_both_sides_is_a_conflict_that_writes_nothing(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.edit_here("第二个答案。", "第二个答案，本站改过。")
    repo.edit_upstream("第二个答案。", "第二个答案，上游改过。")
    repo.edit_upstream("第三个答案。", "第三个答案，上游也改了。")  # an upstream-only change waits too
    before = repo.snapshot()
    capsys.readouterr()
    assert repo.imp() == 1
    err = capsys.readouterr().err
    assert re.search(r"docs/zh/faq/2030-s1/issue-1\.md:\d+: q1-2 changed here and changed upstream", err), err
    assert "-第二个答案，本站改过。" in err and "+第二个答案，上游改过。" in err  # both texts, as a diff
    assert repo.snapshot() == before


@pytest.mark.parametrize(("resolution", "expected"), [("--keep", "本站改过"), ("--take", "上游改过")])
def test_a_conflict_is_resolved_explicitly(repo: Repo, resolution: str, expected: str) -> None:
    repo.edit_here("第二个答案。", "第二个答案，本站改过。")
    repo.edit_upstream("第二个答案。", "第二个答案，上游改过。")
    assert repo.imp(resolution, "q1-2") == 0
    assert expected in repo.text()
    assert repo.imp() == 0  # resolved for good: upstream's text is now the base


def test_question_added_upstream_is_added_in_upstream_order(repo: Repo) -> None:
    repo.edit_upstream("### Q1.3:", "### Q1.4: 新问题？\n\n新答案。\n\n### Q1.3:")
    assert repo.imp() == 0
    labels = re.findall(r"^## (Q[\d.]+):", repo.text(), re.M)
    assert labels == ["Q1.1", "Q1.2", "Q1.4", "Q1.3"]


def test_question_removed_upstream_is_reported_and_kept(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    repo.upstream(UPSTREAM.split("### Q1.3:")[0])
    capsys.readouterr()
    assert repo.imp() == 0
    assert re.search(r"issue-1\.md:\d+: warning: q1-3 was removed upstream; kept here", capsys.readouterr().err)
    assert "## Q1.3:" in repo.text()


def test_question_added_here_survives_a_reimport(repo: Repo) -> None:
    repo.page.write_text(repo.text() + "\n## Q1.4: 本站新增？ {#q1-4}\n\n本站的答案。\n", encoding="utf-8")
    repo.edit_upstream("第一个答案。", "第一个答案，上游改过。")
    assert repo.imp() == 0
    assert "## Q1.4: 本站新增？ {#q1-4}" in repo.text() and "第一个答案，上游改过。" in repo.text()


def test_merged_chinese_change_marks_the_english_twin_outdated(repo: Repo) -> None:
    from faqsite.translations.freshness import report, stamp

    en = repo.tmp / "docs/en/faq/2030-s1/issue-1.md"
    en.parent.mkdir(parents=True)
    en.write_text(repo.text().replace("第", "No. "), encoding="utf-8")
    stamp(repo.tmp / "docs", en)
    assert report(repo.tmp / "docs") == ([], [])
    repo.edit_upstream("第二个答案。", "第二个答案，上游改过。")
    assert repo.imp() == 0
    outdated, missing = report(repo.tmp / "docs")
    assert [p.message.split(":")[0] for p in outdated] == ["q1-2"] and missing == []

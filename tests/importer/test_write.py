"""All or nothing across pages: the write transaction, its journal and recovery, where it may write, modes,
and pages a re-import no longer produces. (Killed at every step: tests/fuzz/test_kill_during_write.py.)"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from faqsite.cli import run
from faqsite.errors import SourceError
from faqsite.fileio import JOURNAL, recover, write_files
from tests.conftest import ROOT

FIGURES = ROOT / "data" / "figures.yml"


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_an_unfinished_journal_is_rolled_forward_and_leftovers_removed(tmp_path: Path) -> None:
    docs, data = tmp_path / "docs", tmp_path / "data"
    (docs / "zh").mkdir(parents=True)
    data.mkdir()
    (docs / "zh/a.md").write_text("old a", encoding="utf-8")
    (docs / "zh/gone.md").write_text("old", encoding="utf-8")
    # as a write killed after its journal and its first rename leaves things
    import hashlib

    staged_b = docs / "zh/.b.md.abcd1234.tmp"
    staged_b.write_text("new b", encoding="utf-8")
    (docs / "zh/a.md").write_text("new a", encoding="utf-8")
    stray = data / ".x.yml.zzzz9999.tmp"  # staged by a write killed before its journal
    stray.write_text("half", encoding="utf-8")
    digest = {t: hashlib.sha256(t.encode()).hexdigest() for t in ("new a", "new b")}
    journal = {
        "renames": [
            {"staged": str(docs.resolve() / "zh/.a.md.abcd0000.tmp"), "target": str(docs.resolve() / "zh/a.md"), "sha256": digest["new a"]},
            {"staged": str(staged_b.resolve()), "target": str(docs.resolve() / "zh/b.md"), "sha256": digest["new b"]},
        ],
        "removals": [str(docs.resolve() / "zh/gone.md")],
    }
    (docs / JOURNAL).write_text(json.dumps(journal), encoding="utf-8")
    done = recover((docs, data))
    assert sorted(p.name for p in done) == ["a.md", "b.md", "gone.md"]
    assert snapshot(tmp_path) == {"docs/zh/a.md": b"new a", "docs/zh/b.md": b"new b"}


@pytest.mark.parametrize(
    "journal",
    [
        "{",
        '{"renames": [{"staged": "/tmp/.x.abcd1234.tmp", "target": "/tmp/x", "sha256": "0"}], "removals": []}',
        '{"renames": [], "removals": ["/etc/passwd"]}',
        '{"renames": [{"staged": "DOCS/elsewhere.md", "target": "DOCS/a.md", "sha256": "0"}], "removals": []}',
    ],
    ids=["not-json", "target-outside", "removal-outside", "staged-not-ours"],
)
def test_a_journal_that_leads_elsewhere_is_refused_and_touches_nothing(tmp_path: Path, journal: str) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("a", encoding="utf-8")
    (docs / "elsewhere.md").write_text("e", encoding="utf-8")
    (docs / JOURNAL).write_text(journal.replace("DOCS", str(docs.resolve())), encoding="utf-8")
    before = snapshot(tmp_path)
    with pytest.raises(SourceError) as info:
        recover((docs, tmp_path / "data"))
    assert re.match(r"\S+:1: unfinished write cannot be completed: ", str(info.value.problems[0]))
    assert snapshot(tmp_path) == before


def test_new_files_get_the_umask_mode_and_existing_ones_keep_theirs(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    kept = docs / "kept.md"
    kept.write_text("old", encoding="utf-8")
    kept.chmod(0o640)
    old = os.umask(0o027)
    try:
        write_files({docs / "new.md": "new", kept: "changed"}, (docs,))
    finally:
        os.umask(old)
    assert (docs / "new.md").stat().st_mode & 0o777 == 0o666 & ~0o027
    assert kept.stat().st_mode & 0o777 == 0o640 and kept.read_text(encoding="utf-8") == "changed"
    assert sorted(p.name for p in docs.iterdir()) == ["kept.md", "new.md"]


def test_nothing_is_written_outside_docs_and_data(tmp_path: Path) -> None:
    docs, data = tmp_path / "docs", tmp_path / "data"
    docs.mkdir()
    outside = tmp_path / "README.md"
    linked = docs / "linked"
    linked.symlink_to(tmp_path, target_is_directory=True)  # a folder under docs/ that leads out of it
    for target in (outside, linked / "x.md", docs / ".." / "x.md"):
        with pytest.raises(SourceError) as info:
            write_files({docs / "fine.md": "x", target: "x"}, (docs, data))
        assert "will not write outside" in str(info.value)
    assert not (docs / "fine.md").exists() and not outside.exists() and not (tmp_path / "x.md").exists()


@pytest.mark.parametrize("page", ["README.md", "docs/zh/index.md", "docs/en/../../README.md", "docs/en/index.txt", "/dev/zero"])
def test_stamp_refuses_a_page_outside_docs_en(tmp_path: Path, capsys: pytest.CaptureFixture[str], page: str) -> None:
    readme = ROOT / "README.md"
    before = readme.read_bytes()
    target = page if page.startswith("/") else str(ROOT / page)
    assert run(["stamp", target, "--docs", str(ROOT / "docs")]) == 1
    assert re.search(r":0: (not an English page|file not found) \(expected ", capsys.readouterr().err)
    assert readme.read_bytes() == before


# --- pages a re-import no longer produces ------------------------------------------

TWO = "# t\n\n## 目录\n\n* [第 1 期](#1)(2021.01.05)\n* [第 2 期](#2)(2021.01.12)\n\n## 第 1 期\n\n### Q1.1: 甲？\n\n答。\n\n## 第 2 期\n\n### Q2.1: 乙？\n\n答。\n"
ONE = TWO.split("## 第 2 期")[0].replace("* [第 2 期](#2)(2021.01.12)\n", "")


def _import(tmp: Path, text: str, *more: str) -> int:
    source = tmp / "src.md"
    source.write_text(text, encoding="utf-8")
    args = ["import", str(source), "--collection", "2030-s1", "--docs", str(tmp / "docs"), "--data", str(tmp / "data")]
    return run([*args, "--figures", str(FIGURES), *more])


def test_a_page_upstream_dropped_is_removed_with_the_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "docs/zh/faq/2030-s1"
    assert _import(tmp_path, TWO) == 0
    (folder / "notes.md").write_text("# 我们的页\n", encoding="utf-8")  # a contributor's page: never the importer's to remove
    twin = tmp_path / "docs/en/faq/2030-s1/issue-2.md"
    twin.parent.mkdir(parents=True)
    twin.write_text("---\ntitle: Issue 2\n---\n", encoding="utf-8")
    capsys.readouterr()
    assert _import(tmp_path, ONE) == 0
    out, err = capsys.readouterr()
    assert sorted(p.name for p in folder.iterdir()) == ["index.md", "issue-1.md", "notes.md"]
    assert re.search(r"docs/zh/faq/2030-s1/issue-2\.md: removed \(upstream no longer has it\)", out), out
    assert re.search(r"docs/en/faq/2030-s1/issue-2\.md:1: warning: its Chinese page is removed", err), err
    assert twin.exists() and "q2-1 was removed upstream" not in err
    assert "issue-2.md" not in [p["page"] for p in __import__("yaml").safe_load((tmp_path / "data/upstream/2030-s1.yml").read_text(encoding="utf-8"))["pages"]]


def test_a_dropped_page_edited_here_is_kept_and_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "docs/zh/faq/2030-s1/issue-2.md"
    assert _import(tmp_path, TWO) == 0
    page.write_text(page.read_text(encoding="utf-8").replace("答。", "我们补充的答案。"), encoding="utf-8")
    capsys.readouterr()
    assert _import(tmp_path, ONE) == 1  # q2-1: changed here, removed upstream
    assert "q2-1 changed here and removed upstream" in capsys.readouterr().err
    assert _import(tmp_path, ONE, "--keep", "q2-1") == 0
    assert page.exists()
    assert re.search(r"issue-2\.md:1: warning: upstream no longer has this page; kept here because it was edited here", capsys.readouterr().err)

"""CONTRIBUTING.md as a contributor meets it: every task, with exactly the commands it gives, on a copy.

The test does what the prose asks (edit a page, copy a file) and runs the
commands of the section's code blocks as written, in order. While a task is
half done the documented check fails with the documented message; at the end
the checks, the strict build and the site tests pass on the copy. Every command
of the document is run, except the two that run the test suite itself.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.conftest import ROOT

pytestmark = pytest.mark.journey

DOCS = (ROOT / "CONTRIBUTING.md", ROOT / "CONTRIBUTING.zh.md")
# commands that run this test suite: what they promise is asserted at the end instead
SUITE = {"make test", "make test-fast"}


def commands(path: Path) -> dict[int, list[str]]:
    """Section number (0 before the first '## ') -> the commands of its ```sh blocks, comments removed."""
    out: dict[int, list[str]] = {}
    section = 0
    tokens = MarkdownIt("commonmark").parse(path.read_text(encoding="utf-8"))
    for tok in tokens:
        if tok.type == "heading_open" and tok.tag == "h2":
            section += 1
        elif tok.type == "fence" and tok.info.strip() == "sh":
            for line in tok.content.splitlines():
                command = re.sub(r"\s+#.*$", "", line).strip()
                if command:
                    out.setdefault(section, []).append(command)
    return out


class Copy:
    """The repository's tracked files in a temporary folder, sharing the project's virtual environment."""

    def __init__(self, root: Path) -> None:
        self.root = root
        listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
        for name in filter(None, listed.decode().split("\0")):
            src = ROOT / name
            if src.is_file():
                (root / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, root / name)
        (root / ".venv").symlink_to(ROOT / ".venv")
        # the shared environment is the installed one: make must not reinstall it from the copy
        installed = (ROOT / ".venv" / ".installed").stat()
        os.utime(root / "pyproject.toml", ns=(installed.st_atime_ns, installed.st_mtime_ns))
        self.ran: list[str] = []

    def run(self, command: str, expect: int = 0, says: str = "") -> str:
        env = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}  # as a contributor's shell
        proc = subprocess.run(["bash", "-c", command], cwd=self.root, capture_output=True, text=True, env=env)
        output = proc.stdout + proc.stderr
        assert (proc.returncode == 0) == (expect == 0), f"{command}: exit {proc.returncode}\n{output}"
        assert says in output, f"{command}: expected {says!r} in\n{output}"
        self.ran.append(command)
        return output

    def edit(self, rel: str, old: str, new: str) -> None:
        path = self.root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def append(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + text, encoding="utf-8")

    def serve(self, command: str) -> None:
        """`make serve` on a free port: it answers with the home page, then it is stopped."""
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        env = {**os.environ, "PORT": str(port)}
        proc = subprocess.Popen(["bash", "-c", f"exec {command}"], cwd=self.root, env=env, start_new_session=True)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/en/", timeout=2) as response:
                        assert response.status == 200
                        break
                except OSError:
                    assert time.monotonic() < deadline, "make serve did not answer within 60 s"
                    time.sleep(0.5)
        finally:
            os.killpg(proc.pid, 15)
            proc.wait(timeout=20)
        self.ran.append(command)


def test_both_languages_give_the_same_commands() -> None:
    assert commands(DOCS[0]) == commands(DOCS[1])


def test_every_task_of_contributing_ends_green(tmp_path: Path) -> None:
    repo = Copy(tmp_path / "repo")
    sections = commands(DOCS[0])

    def run_as_written(section: int) -> None:
        for command in sections[section]:
            repo.run(command)

    # Before you push: the checks, and the preview
    repo.run("make check")
    repo.serve(next(c for c in sections[0] if c.startswith("make serve")))

    # Fix an answer (a typo in Q3.5): the Chinese edit makes the English outdated until stamped
    repo.edit("docs/zh/faq/2021-s1/issue-3.md", "影响模型计算速度的因素有很多", "影响模型计算速度的因素很多")
    repo.run("make check", expect=1, says="q3-5: translation outdated")
    run_as_written(1)

    # Add a question (Q5.6) and a page (issue 6), in both languages
    for lang, title, answer in (
        ("zh", "如何查看训练日志？", "训练日志保存在输出目录下的 `train.log` 文件中，可以随时查看。"),
        ("en", "How do I read the training log?", "The training log is kept in `train.log` in the output folder."),
    ):
        repo.append(f"docs/{lang}/faq/2021-s1/issue-5.md", f"## Q5.6: {title} {{#q5-6}}\n\n{answer}\n")
    repo.run("make check", expect=1, says="question 2021-s1/issue-5#q5-6 has no topic")
    repo.append("data/topics.yml", "  2021-s1/issue-5#q5-6: [training]\n")  # questions: is the file's last key
    repo.run("make check", expect=1, says="q5-6: translation outdated")  # English not stamped yet
    issue_6 = {
        "zh": ("第 6 期", "如何导出推理模型？", "使用 `tools/export_model.py` 导出推理模型，再用预测脚本验证结果。"),
        "en": (
            "Issue 6",
            "How do I export an inference model?",
            "Export it with `tools/export_model.py`, then check it.",
        ),
    }

    def write_issue_6(lang: str) -> None:
        title, q, answer = issue_6[lang]
        (repo.root / f"docs/{lang}/faq/2021-s1/issue-6.md").write_text(
            f"---\nseason: 2021-s1\nissue: 6\ndate: 2021-02-10\ntitle: {title}\n---\n\n# {title}\n\n"
            f"## Q6.1: {q} {{#q6-1}}\n\n{answer}\n",
            encoding="utf-8",
        )

    write_issue_6("zh")
    repo.append("data/topics.yml", "  2021-s1/issue-6#q6-1: [deployment]\n")
    repo.run("make check", expect=1, says="q6-1: translation missing")
    write_issue_6("en")
    run_as_written(2)

    # Bring upstream changes in: one question changed upstream only, one here only, one on both sides
    source = "sources/upstream/docs/zh_CN/FAQ/faq_2021_s1.md"
    repo.edit(source, "ACNet 意为", "ACNet 意即")  # Q3.2 upstream: conflicts with the edit below
    repo.edit("docs/zh/faq/2021-s1/issue-3.md", "ACNet 意为", "ACNet 指的是")
    repo.edit(source, "另外，Plain 结构对于剪枝操作也更为友好。", "另外，Plain 结构对于剪枝操作同样更为友好。")  # Q3.1
    merge, resolve, first_import, *rest = sections[3]
    before = {p: p.read_bytes() for p in (repo.root / "docs").rglob("*.md")}
    repo.run(merge, expect=1, says="q3-2 changed here and changed upstream")
    assert {p: p.read_bytes() for p in (repo.root / "docs").rglob("*.md")} == before  # nothing written
    repo.run(resolve, says="from upstream: q3-1")
    assert "ACNet 指的是" in (repo.root / "docs/zh/faq/2021-s1/issue-3.md").read_text(encoding="utf-8")
    repo.run("make check", expect=1, says="q3-1: translation outdated")  # the merged change reached English
    # the stamp command of "Fix an answer", for Q3.1 (merged) and Q3.2 (edited here)
    repo.run(sections[1][0].replace("q3-5", "q3-1") + " --id q3-2")
    repo.run("make check")

    # ... and a new collection, imported once from its file, then translated
    new = repo.root / "path/to/faq_2023_s1.md"
    new.parent.mkdir(parents=True)
    new.write_text(
        "# 图像分类常见问题汇总 - 2023 第 1 季\n\n## 目录\n\n* [第 1 期](#1)(2023.03.01)\n\n"
        '<a name="1"></a>\n## 第 1 期\n\n### Q1.1: 新的一季有哪些变化？\n\n**A**：新的一季整理了训练、评估和部署中的常见问题。\n',
        encoding="utf-8",
    )
    repo.run(first_import, says="data/upstream/2023-s1.yml: written")
    repo.run("make check", expect=1, says="question 2023-s1/issue-1#q1-1 has no topic")
    repo.append("data/topics.yml", "  2023-s1/issue-1#q1-1: [paddleclas]\n")
    repo.run("make check", expect=1, says="q1-1: translation missing")
    for name, body in (
        ("index.md", "---\nseason: 2023-s1\ntitle: 2023 Season 1\n---\n\n# 2023 Season 1\n"),
        (
            "issue-1.md",
            "---\nseason: 2023-s1\nissue: 1\ndate: 2023-03-01\ntitle: Issue 1\n---\n\n# Issue 1\n\n"
            "## Q1.1: What is new this season? {#q1-1}\n\nThis season collects common questions on training, evaluation and deployment.\n",
        ),
    ):
        (repo.root / "docs/en/faq/2023-s1").mkdir(parents=True, exist_ok=True)
        (repo.root / "docs/en/faq/2023-s1" / name).write_text(body, encoding="utf-8")
    for command in rest:
        repo.run(command)

    # every command of the document ran (the suite's own commands: their promise is checked below)
    documented = {c for cs in sections.values() for c in cs} - SUITE
    assert documented <= set(repo.ran), documented - set(repo.ran)

    # what `make test` promises, on the copy: the strict build and the site tests over its content (not
    # the ones that build sites of their own to attack or compare engines: the content does not change them)
    repo.run(".venv/bin/faqsite build --site-dir site")
    own_builds = "linkchecker or engines or confinement or escaping or uncommitted"
    repo.run(f".venv/bin/python -m pytest tests/site -q -p no:cacheprovider -k 'not ({own_builds})'", says="passed")

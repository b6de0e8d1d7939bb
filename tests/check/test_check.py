"""Each rule of `faqsite check` with a small bad file (cases.yml), and the committed docs are clean."""

from __future__ import annotations

from pathlib import Path
from typing import TypedDict

import pytest
import yaml

from faqsite.cli import run
from tests.conftest import ROOT

DATA = yaml.safe_load((Path(__file__).parent / "cases.yml").read_text(encoding="utf-8"))
ZH = "zh/faq/2021-s1/issue-1.md"


class Case(TypedDict, total=False):
    """A case of cases.yml: edits of the good tree, and the lines the check must print."""

    id: str
    replace: dict[str, str]  # in the Chinese page ZH, old text: new text
    remove: list[str]  # files of the good tree left out
    add: dict[str, str]  # more files: path: content
    expect: list[str]


def tree(tmp: Path, case: Case) -> Path:
    docs = tmp / "docs"
    for rel, content in DATA["good"].items():
        text = str(content)
        if rel == ZH:
            for old, new in dict(case.get("replace") or {}).items():
                assert old in text, old
                text = text.replace(old, new)
        if rel in (case.get("remove") or []):
            continue
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(text, encoding="utf-8")
    for rel, content in (case.get("add") or {}).items():
        (docs / rel).write_text(content, encoding="utf-8")
    return docs


def test_good_tree_is_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", "--docs", str(tree(tmp_path, {}))]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("case", DATA["cases"], ids=[c["id"] for c in DATA["cases"]])
def test_rule(tmp_path: Path, case: Case, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    docs = tree(tmp_path, case)
    monkeypatch.chdir(tmp_path)
    before = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    code = run(["check", "--docs", "docs"])
    out = capsys.readouterr().out.splitlines()
    assert sorted(out) == sorted(f"docs/{line}" for line in case["expect"])
    assert code == (1 if case["expect"] else 0)
    assert {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()} == before  # nothing modified


def test_committed_docs_pass_the_check(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert run(["check"]) == 0, capsys.readouterr().out


def test_symbolic_links_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A link would publish what it points to (/proc/self/environ): files and folders, never read."""
    docs = tree(tmp_path, {})
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "env.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")  # would be a problem if read
    (docs / "assets").mkdir()
    (docs / "assets" / "env.txt").symlink_to("/proc/self/environ")
    (docs / "zh" / "linked").symlink_to(secret, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    assert run(["check", "--docs", "docs"]) == 1
    message = "a symbolic link, which would publish what it points to (expected a regular file or folder)"
    assert sorted(capsys.readouterr().out.splitlines()) == [
        f"docs/assets/env.txt:1: {message}",
        f"docs/zh/linked:1: {message}",
    ]

"""data/topics.yml held against the questions: each problem of cases.yml, as `faqsite check` prints it,
the same problems from the plugin's side, and the committed file is clean."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import TypedDict, cast

import pytest
import yaml
from mkdocs.config.defaults import MkDocsConfig

from faqsite.cli import run
from faqsite.markdown.model import read_page
from faqsite.mkdocs_plugin.catalog import Catalog, build_catalog
from faqsite.mkdocs_plugin.languages import Language
from faqsite.mkdocs_plugin.topic_pages import catalog_keys, load_topics
from faqsite.topics import DATA_FILE, page_keys, read
from tests.conftest import ROOT

HERE = Path(__file__).parent
DATA = yaml.safe_load((HERE / "cases.yml").read_text(encoding="utf-8"))
DOCS = yaml.safe_load((ROOT / "tests/check/cases.yml").read_text(encoding="utf-8"))["good"]  # one page, two questions
LANGS = [Language("zh", "简体中文", True), Language("en", "English", False)]


class Case(TypedDict):
    id: str
    replace: dict[str, str]  # in the good file, old text: new text
    expect: list[str]


def project(tmp: Path, case: Case | None = None) -> Path:
    """The docs tree of tests/check and a data/topics.yml beside it, edited as the case says."""
    for rel, content in DOCS.items():
        (tmp / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp / "docs" / rel).write_text(str(content), encoding="utf-8")
    text = str(DATA["good"])
    for old, new in (case["replace"] if case else {}).items():
        assert old in text, old
        text = text.replace(old, new)
    (tmp / DATA_FILE).parent.mkdir(parents=True, exist_ok=True)
    (tmp / DATA_FILE).write_text(text, encoding="utf-8")
    return tmp


def test_good_file_is_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project(tmp_path))
    assert run(["check", "--docs", "docs"]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("case", DATA["cases"], ids=[c["id"] for c in DATA["cases"]])
def test_problem(
    tmp_path: Path, case: Case, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project(tmp_path, case))
    code = run(["check", "--docs", "docs"])
    assert sorted(capsys.readouterr().out.splitlines()) == sorted(case["expect"])
    assert code == 1


def catalog_of(root: Path) -> Catalog:
    """The catalog the plugin builds of the tree: its collection and its page."""
    page = read_page(root / "docs/zh/faq/2021-s1/issue-1.md")
    return build_catalog(
        [("zh/faq/2021-s1/index.md", "faq/2021-s1/", {"season": "2021-s1", "title": "2021 第 1 季"}),
         ("zh/faq/2021-s1/issue-1.md", "faq/2021-s1/issue-1/", page.meta)],
        {"zh/faq/2021-s1/issue-1.md": [(q.label, q.title, q.id) for q in page.questions]},
    )  # fmt: skip


@pytest.mark.parametrize("case", DATA["cases"][:6], ids=[c["id"] for c in DATA["cases"][:6]])
def test_build_reports_what_the_check_reports(tmp_path: Path, case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    """The plugin holds the file against its catalog (the pages it builds): the same problems, the same lines."""
    root = project(tmp_path, case)
    monkeypatch.chdir(root)
    config = cast(MkDocsConfig, SimpleNamespace(config_file_path=str(root / "mkdocs.yml"), docs_dir=str(root / "docs")))
    _, problems = load_topics(config, catalog_of(root), LANGS[0], LANGS)
    assert sorted(str(p) for p in problems) == sorted(case["expect"])


def test_committed_file_gives_every_question_of_the_site_its_topics() -> None:
    root = ROOT / "docs/zh/faq"
    keys = page_keys([(p, read_page(p)) for p in root.rglob("*.md")], root)
    taxonomy, found = read(ROOT / DATA_FILE, ["zh", "en"])
    assert found == []
    assert set(taxonomy.questions) == set(keys) and len(keys) == len(set(keys))
    assert all(1 <= len(ids) <= 3 for ids in taxonomy.questions.values())
    assert {i for ids in taxonomy.questions.values() for i in ids} == {t.id for t in taxonomy.topics}
    assert 8 <= len(taxonomy.topics) <= 12


def test_plugin_keys_are_the_check_keys(tmp_path: Path) -> None:
    root = project(tmp_path)
    zh = root / "docs/zh/faq/2021-s1/issue-1.md"
    assert (
        catalog_keys(catalog_of(root))
        == page_keys([(zh, read_page(zh))], root / "docs/zh/faq")
        == [
            "2021-s1/issue-1#q1-1",
            "2021-s1/issue-1#q1-2",
        ]
    )

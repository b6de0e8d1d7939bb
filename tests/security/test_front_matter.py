"""Front matter is data, never code: a YAML tag that would run a command is refused by every reader of
a page (MkDocs' and ours), and the command does not run. (Front matter that renders is attacked with the
rest of the corpus, in test_redteam.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from faqsite.errors import SourceError
from faqsite.markdown.model import read_page
from tests.conftest import project_copy, run_build


def test_a_python_yaml_tag_is_refused_and_does_not_run(tmp_path: Path) -> None:
    sentinel = tmp_path / "pwned"
    page = tmp_path / "page.md"
    page.write_text(f'---\ntitle: !!python/object/apply:os.system ["touch {sentinel}"]\n---\n\n# Page\n', "utf-8")
    _, meta = get_data(page.read_text(encoding="utf-8"))
    assert meta == {}  # MkDocs keeps the text as the page and reads no front matter
    with pytest.raises(SourceError) as refused:
        read_page(page)
    assert [f"{p.path}:{p.line}" for p in refused.value.problems] == [f"{page}:2"]
    assert "front matter is malformed" in str(refused.value.problems[0])
    assert not sentinel.exists()


def test_the_build_refuses_it_by_name_without_a_traceback(tmp_path: Path) -> None:
    project = project_copy(tmp_path / "project")
    sentinel = tmp_path / "pwned"
    page = project / "docs/zh/faq/2021-s1/issue-2.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace("\ntitle: ", f'\ntitle: !!python/object/apply:os.system ["touch {sentinel}"]\nx: ', 1), "utf-8"
    )
    code, log = run_build(tmp_path / "site", project / "mkdocs.yml", project)
    assert code != 0
    assert "docs/zh/faq/2021-s1/issue-2.md:" in log and "front matter is malformed" in log, log
    assert "Traceback" not in log, log
    assert not sentinel.exists()

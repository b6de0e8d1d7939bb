"""The build writes inside the site directory only, and publishes nothing from outside the repository."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import project_copy, run_build

LOCK = "data/upstream/2021-s1.yml"
LEGACY = "- docs/zh_CN/faq_series/faq_2021_s1.md"


@pytest.mark.parametrize(
    ("path", "why"),
    [
        ("/tmp/x.md", "is absolute"),
        ("../../../../tmp/x.md", "leaves its folder"),
        ("docs/a/../../../x.md", "leaves its folder"),
        ("docs/x\\..\\..\\y.md", "holds characters a path in the site cannot"),
    ],
    ids=["absolute", "parent", "parent-inside", "backslash"],
)
def test_an_old_upstream_path_outside_the_site_stops_the_build(tmp_path: Path, path: str, why: str) -> None:
    project = project_copy(tmp_path / "project")
    lock = project / LOCK
    text = lock.read_text(encoding="utf-8")
    assert LEGACY in text
    lock.write_text(text.replace(LEGACY, f"- {path}"), "utf-8")  # plain YAML: backslashes as written
    line = next(
        n for n, t in enumerate(lock.read_text(encoding="utf-8").splitlines(), 1) if t.startswith("- ") and "x" in t
    )
    before = sorted(p.name for p in tmp_path.iterdir())
    code, log = run_build(tmp_path / "site", project / "mkdocs.yml", project)
    assert code != 0
    assert f"{LOCK}:{line}: old upstream path" in log and why in log, log
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "site") == before  # nothing written beside
    assert not Path("/tmp/x.html").exists() and not (tmp_path / "x.html").exists()


def test_a_symbolic_link_in_docs_stops_the_build(tmp_path: Path) -> None:
    project = project_copy(tmp_path / "project")
    (project / "docs/assets/env.txt").symlink_to("/proc/self/environ")
    code, log = run_build(tmp_path / "site", project / "mkdocs.yml", project)
    assert code != 0
    assert "docs/assets/env.txt: a symbolic link, which would publish what it points to" in log, log
    assert not (tmp_path / "site/assets/env.txt").exists()


def test_a_drawing_with_script_or_a_page_among_the_images_stops_the_build(tmp_path: Path) -> None:
    project = project_copy(tmp_path / "project")
    (project / "docs/images/faq/bad.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script>\n</svg>\n', encoding="utf-8"
    )
    (project / "docs/images/faq/page.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    code, log = run_build(tmp_path / "site", project / "mkdocs.yml", project)
    assert code != 0
    assert "docs/images/faq/bad.svg:2: <script> can run script in a drawing" in log, log
    assert "docs/images/faq/page.html: a file the site would publish as is in its own origin" in log, log
    assert not (tmp_path / "site/images/faq/page.html").exists()

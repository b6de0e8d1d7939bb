"""What the build does with translations: outdated ones get a notice, missing ones fail the build."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from tests.conftest import BuiltSite, build_site, project_copy, run_build


def test_edited_chinese_question_shows_notice_on_english_page(tmp_path: Path) -> None:
    project = project_copy(tmp_path / "project")
    zh = project / "docs/zh/faq/2021-s1/issue-3.md"
    zh.write_text(
        zh.read_text(encoding="utf-8").replace("RepVGG 是更为极端的 ACNet", "RepVGG 是比 ACNet 更为极端的形式"),
        encoding="utf-8",
    )
    site = build_site(tmp_path / "site", project / "mkdocs.yml", project)
    page = BeautifulSoup((site.root / "en/faq/2021-s1/issue-3/index.html").read_text(encoding="utf-8"), "html.parser")
    notices = page.select("article .faq-outdated")
    assert len(notices) == 1
    # right under the edited question's heading
    heading = notices[0].find_previous("h2")
    assert heading is not None and heading["id"] == "q3-4"
    assert "Chinese original has changed" in notices[0].get_text()
    link = notices[0].select_one("a[hreflang=zh]")
    assert link is not None and link["href"] == "../../../../faq/2021-s1/issue-3/#q3-4"
    # the other questions and the Chinese page carry no notice
    assert not BeautifulSoup(
        (site.root / "faq/2021-s1/issue-3/index.html").read_text(encoding="utf-8"), "html.parser"
    ).select(".faq-outdated")


def test_committed_site_has_no_outdated_notice(site: BuiltSite) -> None:
    root = site.root
    assert not [p for p in root.rglob("*.html") if "faq-outdated" in p.read_text(encoding="utf-8")]


def test_missing_translation_fails_the_build(tmp_path: Path) -> None:
    project = project_copy(tmp_path / "project")
    en = project / "docs/en/faq/2021-s1/issue-2.md"
    en.write_text(en.read_text(encoding="utf-8").split("## Q2.5:")[0], encoding="utf-8")
    code, log = run_build(tmp_path / "site", project / "mkdocs.yml", project)
    assert code != 0
    assert (
        "docs/en/faq/2021-s1/issue-2.md: q2-5: translation missing (the Chinese question is at docs/zh/faq/2021-s1/issue-2.md:"
        in log
    )


def test_preview_shows_missing_translations_as_notices(tmp_path: Path) -> None:
    """What `make serve` builds (not strict): a missing English question or page is a notice, not an abort."""
    project = project_copy(tmp_path / "project")
    en = project / "docs/en/faq/2021-s1/issue-2.md"
    en.write_text(en.read_text(encoding="utf-8").split("## Q2.5:")[0], encoding="utf-8")
    (project / "docs/en/faq/2021-s1/issue-5.md").unlink()
    code, log = run_build(tmp_path / "site", project / "mkdocs.yml", project, strict=False)
    assert code == 0, log
    assert "q2-5: translation missing" in log  # still said, for the author
    page = BeautifulSoup(
        (tmp_path / "site/en/faq/2021-s1/issue-2/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    notice = page.select_one("article .admonition.warning")
    assert notice is not None and "Not translated yet" in notice.get_text()
    link = notice.select_one("a[href$='#q2-5']")
    assert link is not None and str(link["href"]).startswith("../../../../faq/2021-s1/issue-2/")
    stand_in = tmp_path / "site/en/faq/2021-s1/issue-5/index.html"
    assert "no English translation yet" in stand_in.read_text(encoding="utf-8")
    chinese = (tmp_path / "site/faq/2021-s1/issue-5/index.html").read_text(encoding="utf-8")
    assert "no English translation yet" not in chinese and "第 5 期" in chinese  # the Chinese page stays itself

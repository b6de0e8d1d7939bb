"""Titles a pull request writes in front matter, or in a first heading, reach every place that prints them
(tab title, navigation, our lists on collection, home and all-questions pages) as text, never as markup."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from tests.conftest import build_site, project_copy

PAYLOAD = '<img src=x onerror="window.__pwned=1">'
HEADING = "<em>A</em> &lt;/title&gt;&lt;script&gt;window.__pwned=2&lt;/script&gt;"


def test_titles_are_escaped_on_every_page_that_lists_them(tmp_path: Path) -> None:
    project = project_copy(tmp_path / "project")
    for lang in ("zh", "en"):
        index = project / f"docs/{lang}/faq/2021-s1/index.md"
        index.write_text(
            index.read_text(encoding="utf-8").replace("nav_title: ", f"nav_title: '{PAYLOAD}' #", 1), "utf-8"
        )
        page = project / f"docs/{lang}/faq/2021-s1/issue-5.md"
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("\ntitle: ", f"\ntitle: '{PAYLOAD}' #", 1), "utf-8")
        # no front-matter title: the theme takes the first heading's text
        (project / f"docs/{lang}/untitled.md").write_text(f"# {HEADING}\n\nText.\n", encoding="utf-8")
    site = build_site(tmp_path / "site", project / "mkdocs.yml", project)
    for rel in ("untitled/", "en/untitled/"):
        soup = BeautifulSoup((site.root / rel / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert soup.select("script:not([src]):-soup-contains('__pwned')") == [], rel
        assert soup.title is not None and "</title><script>window.__pwned=2</script>" in soup.title.get_text(), rel
        assert any("window.__pwned=2" in a.get_text() for a in soup.select(".md-nav__link")), rel  # in the nav, as text
    for rel in ("", "faq/2021-s1/", "faq/2021-s1/issue-5/", "questions/", "en/", "en/faq/2021-s1/", "en/questions/"):
        html = (site.root / rel / "index.html").read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        ours = [soup.title, *soup.select("article"), *soup.select(".md-content section")]
        assert [img for part in ours if part for img in part.select("img[onerror]")] == [], rel
        shown = " ".join(part.get_text() for part in ours if part)
        assert "window.__pwned=1" in shown, rel  # the title is there, as text

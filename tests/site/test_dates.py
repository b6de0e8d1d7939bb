"""What changed and when: each page's and question's last change from the git history, in the page's
language, and the feeds' <updated> following it (faqsite.history, faqsite.mkdocs_plugin.dates).

Expectations come from git itself (``git log -1`` of a page, ``git log -L`` of a question's lines), for
the pages the work tree has not changed since the last commit: those are dated by the build.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from functools import cache
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.conftest import ROOT, BuiltSite, build_site, project_copy
from tests.content import LANGS, pages, site_path, unit_pages
from tests.site.html import present, soup

ATOM = "{http://www.w3.org/2005/Atom}"
SAMPLE = [key for key in sorted(unit_pages("zh")) if key.startswith("faq/2021-s1/")]  # every question of a season


def git(*args: str, cwd: Path = ROOT) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()


@cache
def history_usable() -> bool:
    """A full clone: a shallow one dates only what its history shows (tested in tests/history)."""
    try:
        return git("rev-parse", "--is-shallow-repository") == "false"
    except (OSError, subprocess.CalledProcessError):
        return False


def committed(path: Path) -> bool:
    """True when the work tree holds the page as last committed (an edited page is dated by the build)."""
    rel = path.relative_to(ROOT).as_posix()
    return bool(git("ls-files", "--", rel)) and not git("status", "--porcelain", "--", rel)


def shown(when: dt.datetime, lang: str) -> str:
    """A date as each language writes it on the site: "2021 年 1 月 5 日", "January 5, 2021"."""
    return f"{when.year} 年 {when.month} 月 {when.day} 日" if lang == "zh" else f"{when:%B} {when.day}, {when.year}"


def last_commit(path: Path, lines: tuple[int, int] | None = None) -> dt.datetime:
    """When git says the page (or lines ``start`` to ``end`` of it) last changed, along the first parents."""
    rel = path.relative_to(ROOT).as_posix()
    where = [f"-L{lines[0]},{lines[1]}:{rel}"] if lines else ["--", rel]
    out = git("log", "-1", "--first-parent", "--format=%cI", *where)
    return dt.datetime.fromisoformat(out.splitlines()[0])


def href(entry: ElementTree.Element) -> str:
    """The address an Atom entry links to."""
    link = entry.find(f"{ATOM}link")
    assert link is not None
    return link.get("href", "")


def needs_history() -> None:
    if not history_usable():
        pytest.skip("not a full git clone: the build dates what the history shows (see tests/history)")


@pytest.mark.parametrize("lang", LANGS)
def test_each_page_says_when_it_last_changed(site: BuiltSite, lang: str) -> None:
    needs_history()
    checked = 0
    for key, page in unit_pages(lang).items():
        meta = present(soup(site_path(site.root, lang, key)).select_one(".faq-unit-meta"))
        assert len(meta.select("time")) == (2 if page.meta.get("date") else 1), key  # published (issues), updated
        time = present(meta.select_one(".faq-unit-meta__updated time"))
        updated = dt.datetime.fromisoformat(str(time["datetime"]))
        assert time.get_text(strip=True) == shown(updated, lang), key
        label = present(time.parent).get_text(" ", strip=True).removesuffix(time.get_text(strip=True)).strip()
        assert label == ("更新于" if lang == "zh" else "Updated"), key
        if committed(page.path):
            assert updated == last_commit(page.path), key
            checked += 1
    assert checked, "no page as last committed: nothing compared with git"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("key", SAMPLE)
def test_each_question_says_when_its_lines_last_changed(site: BuiltSite, lang: str, key: str) -> None:
    """At the end of each answer: on a Chinese page when the question changed, on an English page when its
    translation did (its text, or its heading's data-source-hash when stamped)."""
    needs_history()
    page = unit_pages(lang)[key]
    html = soup(site_path(site.root, lang, key))
    dates = html.select("article .faq-updated")
    assert len(dates) == len(page.questions)
    headings = [str(h["id"]) for h in html.select("article h2[id]")]
    for q, date in zip(page.questions, dates, strict=True):
        # after the question's answer: the last heading before the date is the question's
        before = date.find_previous("h2", id=True)
        assert before is not None and before["id"] == q.id and q.id in headings
        assert "faq-meta" in (date.get("class") or [])  # not indexed by search
        time = present(date.select_one("time"))
        when = dt.datetime.fromisoformat(str(time["datetime"]))
        assert time.get_text(strip=True) == shown(when, lang)
        label = date.get_text(" ", strip=True).removesuffix(time.get_text(strip=True)).strip()
        assert label == ("更新于" if lang == "zh" else "Translation updated")
        if committed(page.path):
            assert when == last_commit(page.path, (q.line, q.end - 1)), (key, q.id)


@pytest.mark.parametrize(("feed", "lang"), [("feed.xml", "zh"), ("en/feed.xml", "en")])
def test_feeds_are_updated_when_their_pages_last_changed(site: BuiltSite, feed: str, lang: str) -> None:
    """An entry's <updated> is its page's last change (as the page says it), never before <published>, the
    issue's date; the feed's is its newest entry's."""
    root = ElementTree.parse(site.root / feed).getroot()
    entries = root.findall(f"{ATOM}entry")
    assert entries
    by_url = {f"https://paddleclas-faq.example.org/{LANGS[lang]}{key}/": p for key, p in unit_pages(lang).items()}
    newest = []
    for entry in entries:
        link = href(entry)
        page = by_url[link]
        published = dt.datetime.fromisoformat(entry.findtext(f"{ATOM}published", ""))
        updated = dt.datetime.fromisoformat(entry.findtext(f"{ATOM}updated", ""))
        assert published == dt.datetime.combine(page.meta["date"], dt.time(), dt.UTC)
        assert updated >= published
        key = link.removeprefix(f"https://paddleclas-faq.example.org/{LANGS[lang]}").rstrip("/")
        time = soup(site_path(site.root, lang, key)).select_one(".faq-unit-meta__updated time")
        changed = dt.datetime.fromisoformat(str(time["datetime"])) if time else published  # no history: published
        assert updated == max(changed, published), key
        if history_usable() and committed(page.path):
            assert updated == last_commit(page.path), key
        newest.append(updated)
    assert dt.datetime.fromisoformat(root.findtext(f"{ATOM}updated", "")) == max(newest)


def test_uncommitted_changes_are_dated_by_the_build_and_no_git_dates_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a repository of its own: what the work tree changed is dated by the day of the build
    (SOURCE_DATE_EPOCH), the rest by its commit; the same sources outside any repository (a source archive) show no date of
    change, and the feed's entries are updated when published."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    project = project_copy(tmp_path / "project")
    env = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(tmp_path)}
    when = {"GIT_AUTHOR_DATE": "2024-05-06T10:00:00+08:00", "GIT_COMMITTER_DATE": "2024-05-06T10:00:00+08:00"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "sources"]):
        subprocess.run(
            ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
            cwd=project,
            env={**os.environ, **env, **when},
            check=True,
        )
    page = project / "docs/zh/faq/2021-s1/issue-3.md"
    q = pages("zh")["faq/2021-s1/issue-3"].questions[1]
    lines = page.read_text(encoding="utf-8").split("\n")
    lines[q.end - 2 : q.end - 2] = ["", "另外补充一句。"]  # a new paragraph at the end of Q3.2
    page.write_text("\n".join(lines), encoding="utf-8")

    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2030, 1, 2, 12, tzinfo=dt.UTC).timestamp())))
    built = build_site(tmp_path / "site", project / "mkdocs.yml", project)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    html = soup(built.root / "faq/2021-s1/issue-3/index.html")
    dates = [t.get_text(strip=True) for t in html.select("article .faq-updated time")]
    assert dates == ["2024 年 5 月 6 日", "2030 年 1 月 2 日", "2024 年 5 月 6 日", "2024 年 5 月 6 日", "2024 年 5 月 6 日"]
    assert present(html.select_one(".faq-unit-meta__updated time")).get_text(strip=True) == "2030 年 1 月 2 日"
    english = soup(built.root / "en/faq/2021-s1/issue-3/index.html")
    assert {t.get_text(strip=True) for t in english.select("article .faq-updated time")} == {"May 6, 2024"}
    feed = ElementTree.parse(built.root / "feed.xml").getroot()
    updated = {
        href(e).split("/")[-2]: e.findtext(f"{ATOM}updated")
        for e in feed.findall(f"{ATOM}entry")
        if "/2021-s1/" in href(e)
    }
    assert updated == {
        "issue-5": "2024-05-06T10:00:00+08:00",
        "issue-4": "2024-05-06T10:00:00+08:00",
        "issue-3": "2030-01-02T00:00:00Z",
        "issue-2": "2024-05-06T10:00:00+08:00",
        "issue-1": "2024-05-06T10:00:00+08:00",
    }
    assert feed.findtext(f"{ATOM}updated") == "2030-01-02T00:00:00Z"

    shutil.rmtree(project / ".git")
    built = build_site(tmp_path / "archive", project / "mkdocs.yml", project)
    assert "no dates of change" not in built.log  # a source archive builds quietly (mkdocs -v says why)
    html = soup(built.root / "faq/2021-s1/issue-3/index.html")
    assert html.select(".faq-updated, .faq-unit-meta__updated") == []
    assert present(html.select_one(".faq-unit-meta__published time"))["datetime"] == "2021-01-21"
    feed = ElementTree.parse(built.root / "feed.xml").getroot()
    for entry in feed.findall(f"{ATOM}entry"):
        assert entry.findtext(f"{ATOM}updated") == entry.findtext(f"{ATOM}published")


"""The pages as a reader meets them: issues, questions, dates, navigation, footer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from faqsite.importer.parse import parse, read_source
from tests.conftest import ROOT, BuiltSite
from tests.site.html import content_pages, resolve, soup

SOURCE = ROOT / "sources" / "faq_2021_s1.md"
SEASON = "faq/2021-s1"
LANGS = {"zh": "", "en": "en/"}
ISSUE_DATES = {1: "2021-01-05", 2: "2021-01-14", 3: "2021-01-21", 4: "2021-01-28", 5: "2021-02-03"}


def source_labels() -> dict[int, list[str]]:
    season = parse(read_source(SOURCE), str(SOURCE))
    return {u.number[0]: [q.label for q in u.questions] for u in season.units}


def page(site: BuiltSite, lang: str, path: str) -> Path:
    return site.root / LANGS[lang] / path / "index.html"


def question_headings(html: Path) -> list[tuple[str, str]]:
    """(id, label) of each question heading on a page, in order."""
    out = []
    for h2 in soup(html).select("article h2[id]"):
        text = h2.get_text(" ", strip=True)
        if m := re.match(r"^(Q\d+(?:\.\d+)+)", text):
            out.append((str(h2["id"]), m.group(1)))
    return out


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("issue", ISSUE_DATES)
def test_issue_page_has_its_questions_with_permalinks(site: BuiltSite, lang: str, issue: int) -> None:
    html = page(site, lang, f"{SEASON}/issue-{issue}")
    labels = source_labels()[issue]
    headings = question_headings(html)
    assert [label for _, label in headings] == labels
    assert [id_ for id_, _ in headings] == [label.lower().replace("Q", "q").replace(".", "-") for label in labels]
    for id_, _ in headings:
        permalink = soup(html).select_one(f"h2#{id_} a.headerlink")
        assert permalink is not None and permalink["href"] == f"#{id_}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("issue", ISSUE_DATES)
def test_table_of_contents_lists_exactly_the_questions(site: BuiltSite, lang: str, issue: int) -> None:
    html = page(site, lang, f"{SEASON}/issue-{issue}")
    toc = soup(html).select(".md-sidebar--secondary nav.md-nav--secondary a.md-nav__link")
    hrefs = [str(a["href"]) for a in toc]
    expected = [f"#{id_}" for id_, _ in question_headings(html)]
    assert hrefs == expected
    titles = [" ".join(a.get_text().split()) for a in toc]
    headings = [
        " ".join(h.get_text().split()).removesuffix("¶").strip() for h in soup(html).select("article h2[id^=q]")
    ]
    assert titles == headings


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("issue", "date"), ISSUE_DATES.items())
def test_issue_page_shows_its_date(site: BuiltSite, lang: str, issue: int, date: str) -> None:
    html = page(site, lang, f"{SEASON}/issue-{issue}")
    time = soup(html).select_one(".faq-unit-meta time")
    assert time is not None and time["datetime"] == date


@pytest.mark.parametrize("lang", LANGS)
def test_corrected_date_is_recorded_on_the_page(site: BuiltSite, lang: str) -> None:
    notes = {i: soup(page(site, lang, f"{SEASON}/issue-{i}")).select(".faq-date-note") for i in ISSUE_DATES}
    assert {i for i, n in notes.items() if n} == {3}
    text = notes[3][0].get_text(" ", strip=True)
    assert "2020.01.21" in text and "2021-01-21" in text


@pytest.mark.parametrize("lang", LANGS)
def test_season_page_lists_every_issue_with_date_and_every_question(site: BuiltSite, lang: str) -> None:
    html = page(site, lang, SEASON)
    s = soup(html)
    for issue, date in ISSUE_DATES.items():
        heading = s.select_one(f"h2#issue-{issue}")
        assert heading is not None and date in heading.get_text()
    linked = []
    for a in s.select("article li a[href]"):
        target, fragment = resolve(site.root, html, str(a["href"]))
        assert target is not None and target.exists()
        linked.append((target.parent.name, fragment))
    expected = [
        (f"issue-{i}", label.lower().replace(".", "-")) for i, labels in source_labels().items() for label in labels
    ]
    assert linked == expected


@pytest.mark.parametrize("lang", LANGS)
def test_every_source_label_appears_exactly_once(site: BuiltSite, lang: str) -> None:
    seen: dict[str, int] = {}
    for html in (site.root / LANGS[lang]).glob(f"{SEASON}/*/index.html"):
        for _, label in question_headings(html):
            seen[label] = seen.get(label, 0) + 1
    expected = [label for labels in source_labels().values() for label in labels]
    assert len(expected) == 25
    assert seen == dict.fromkeys(expected, 1)


@pytest.mark.parametrize("lang", LANGS)
def test_navigation_orders_issues_and_links_previous_next(site: BuiltSite, lang: str) -> None:
    def target(html: Path, selector: str) -> Path | None:
        a = soup(html).select_one(selector)
        return None if a is None else resolve(site.root, html, str(a["href"]))[0]

    for issue in ISSUE_DATES:
        html = page(site, lang, f"{SEASON}/issue-{issue}")
        expected_prev = page(site, lang, SEASON if issue == 1 else f"{SEASON}/issue-{issue - 1}")
        assert target(html, "a.md-footer__link--prev") == expected_prev
        if issue < 5:
            assert target(html, "a.md-footer__link--next") == page(site, lang, f"{SEASON}/issue-{issue + 1}")
    season = page(site, lang, SEASON)
    nav = [
        resolve(site.root, season, str(a["href"]))[0]
        for a in soup(season).select("nav.md-nav--primary a.md-nav__link[href]")
    ]
    issues = [p for p in nav if p is not None and p.parent.name.startswith("issue-")]
    assert issues == [page(site, lang, f"{SEASON}/issue-{i}") for i in ISSUE_DATES]


@pytest.mark.parametrize("lang", LANGS)
def test_footer_credits_upstream_and_license(site: BuiltSite, lang: str) -> None:
    for html in (page(site, lang, ""), page(site, lang, f"{SEASON}/issue-1")):
        footer = soup(html).select_one("footer .md-copyright")
        assert footer is not None
        hrefs = {a["href"] for a in footer.find_all("a")}
        assert "https://github.com/PaddlePaddle/PaddleClas" in hrefs
        assert "https://www.apache.org/licenses/LICENSE-2.0" in hrefs


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_shows_latest_issue_and_seasons(site: BuiltSite, lang: str) -> None:
    html = page(site, lang, "")
    s = soup(html)
    latest = s.select_one(".faq-home-latest a")
    assert latest is not None and latest["href"].rstrip("/").endswith("issue-5")
    assert s.select_one(".faq-home-latest time")["datetime"] == "2021-02-03"
    seasons = [a["href"] for a in s.select(".faq-home-seasons a")]
    assert [h.rstrip("/").split("/")[-1] for h in seasons] == ["2021-s1"]
    assert s.select_one("form.md-search__form input.md-search__input") is not None


def test_english_site_holds_no_chinese_fallback_pages(site: BuiltSite) -> None:
    """With no fallback, every page under /en/ is an English page."""
    han = re.compile(r"[\u4e00-\u9fff]")
    for html in (site.root / "en").rglob("index.html"):
        article = soup(html).select_one("article")
        if article is None:
            continue
        text = article.get_text(" ", strip=True)
        ratio = len(han.findall(text)) / max(len(text), 1)
        assert ratio < 0.02, f"{html.relative_to(site.root)} reads as Chinese"


def test_every_page_offers_edit_and_view_source_of_its_own_file(site: BuiltSite) -> None:
    import yaml as _yaml

    config = _yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python/name:", ""))
    base = config["repo_url"].rstrip("/") + "/"
    for html in content_pages(site.root):
        rel = html.relative_to(site.root)
        lang = "en" if rel.parts[0] == "en" else "zh"
        actions = {a["title"]: str(a["href"]) for a in soup(html).select("a.md-content__button[href]")}
        edit = [h for h in actions.values() if h.startswith(base + "edit/")]
        view = [h for h in actions.values() if h.startswith(base + "raw/")]
        assert len(edit) == 1 and len(view) == 1, (rel, actions)
        source = edit[0].removeprefix(base + "edit/main/")
        assert source.startswith(f"docs/{lang}/"), (rel, source)
        assert (ROOT / source).is_file(), source
        assert view[0] == base + "raw/main/" + source

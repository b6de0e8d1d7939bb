"""The pages as a reader meets them: issues, questions, dates, navigation, footer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from faqsite.mkdocs_plugin.catalog import natural_key
from tests.conftest import ROOT, BuiltSite
from tests.content import LANGS, collection_pages, locked_questions, unit_pages
from tests.site.html import content_pages, present, resolve, soup

UNITS = sorted(unit_pages("zh"))  # 'faq/2021-s1/issue-3', every issue and section page of every collection
COLLECTIONS = sorted(collection_pages("zh"))  # 'faq/2021-s1'


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


def expected(lang: str, key: str) -> list[tuple[str, str]]:
    """(id, label) of the questions the Markdown page holds."""
    return [(q.id, q.label) for q in unit_pages(lang)[key].questions]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("key", UNITS)
def test_unit_page_has_its_questions_with_permalinks(site: BuiltSite, lang: str, key: str) -> None:
    """Each question's heading is followed by its copy-link button, which holds the canonical permalink:
    the page's <link rel=canonical> and the question's anchor."""
    html = page(site, lang, key)
    headings = question_headings(html)
    assert headings == expected(lang, key) == expected("zh", key)
    canonical = present(soup(html).select_one("link[rel=canonical]"))["href"]
    for id_, label in headings:
        assert id_ == "q" + label[1:].replace(".", "-")
        share = present(soup(html).select_one(f"article h2#{id_}")).find_next_sibling()
        assert share is not None and "faq-share" in share.get_attribute_list("class"), (key, id_)
        assert share["data-permalink"] == f"{canonical}#{id_}"
        button = present(share.select_one("button.faq-share__button"))
        assert button["type"] == "button" and button["aria-describedby"] == id_


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("key", UNITS)
def test_table_of_contents_lists_exactly_the_questions(site: BuiltSite, lang: str, key: str) -> None:
    html = page(site, lang, key)
    toc = soup(html).select(".md-sidebar--secondary nav.md-nav--secondary a.md-nav__link")
    hrefs = [str(a["href"]) for a in toc]
    assert hrefs == [f"#{id_}" for id_, _ in question_headings(html)]
    titles = [" ".join(a.get_text().split()) for a in toc]
    headings = [
        " ".join(h.get_text().split()).removesuffix("¶").strip() for h in soup(html).select("article h2[id^=q]")
    ]
    assert titles == headings


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("key", UNITS)
def test_unit_page_shows_its_collection_and_date(site: BuiltSite, lang: str, key: str) -> None:
    meta = unit_pages(lang)[key].meta
    s = soup(page(site, lang, key))
    time = s.select_one(".faq-unit-meta .faq-unit-meta__published time")
    if meta.get("date"):
        assert time is not None and time["datetime"] == str(meta["date"])
    else:
        assert time is None
    collection = collection_pages(lang)["/".join(key.split("/")[:2])].meta
    nav_title = str(collection.get("nav_title") or collection["title"])
    assert nav_title in present(s.select_one(".faq-unit-meta a")).get_text()
    assert s.title is not None and nav_title in s.title.get_text()  # the tab names the collection


@pytest.mark.parametrize("lang", LANGS)
def test_corrected_dates_are_recorded_under_the_title(site: BuiltSite, lang: str) -> None:
    """The note gives upstream's date as written and ours in the page's format, right under the page's title."""
    corrected = 0
    for key, p in unit_pages(lang).items():
        notes = soup(page(site, lang, key)).select(".faq-date-note")
        if p.meta.get("date_in_source"):
            corrected += 1
            assert len(notes) == 1, key
            text = notes[0].get_text(" ", strip=True)
            assert str(p.meta["date_in_source"]) in text
            assert present(notes[0].select_one("time"))["datetime"] == str(p.meta["date"])
            title = notes[0].find_previous_sibling()
            assert title is not None and title.name == "h1", key  # the title, then the note
        else:
            assert notes == [], key
    assert corrected  # the content has a corrected date to show (docs/*/faq/2021-s1/issue-3.md)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("key", COLLECTIONS)
def test_collection_page_lists_every_unit_and_question(site: BuiltSite, lang: str, key: str) -> None:
    html = page(site, lang, key)
    s = soup(html)
    units = sorted((k for k in unit_pages(lang) if k.startswith(key + "/")), key=natural_key)
    for unit in units:
        heading = s.select_one(f"article #{unit.rsplit('/', 1)[1]}")
        assert heading is not None, unit
        date = unit_pages(lang)[unit].meta.get("date")
        time = heading.select_one("time")
        assert date is None or (time is not None and time.get("datetime") == str(date)), unit
    linked = []
    for a in s.select("article ul.faq-question-list a[href]"):
        target, fragment = resolve(site.root, html, str(a["href"]))
        assert target is not None and target.exists()
        linked.append((target.parent.relative_to(site.root / LANGS[lang]).as_posix(), fragment))
    assert linked == [(u, q.id) for u in units for q in unit_pages(lang)[u].questions]
    counts = present(s.select_one(".faq-collection-counts")).get_text()
    assert str(len(units)) in counts and str(len(linked)) in counts
    part_titles = {str(unit_pages(lang)[u].meta.get("part_title") or "") for u in units} - {""}
    assert {h.get_text(strip=True) for h in s.select("article h2.faq-collection-part")} == part_titles


@pytest.mark.parametrize("lang", LANGS)
def test_every_source_question_appears_exactly_once(site: BuiltSite, lang: str) -> None:
    """Each question of each upstream file (as its lock records it) is on exactly one page, with its id."""
    seen: dict[tuple[str, str], int] = {}
    for key in UNITS:
        collection = key.split("/")[1]
        for id_, _ in question_headings(page(site, lang, key)):
            seen[(collection, id_)] = seen.get((collection, id_), 0) + 1
    upstream = [(c, id_) for c, (_, ids) in locked_questions().items() for id_ in ids]
    assert upstream and all(seen.get(q) == 1 for q in upstream), [q for q in upstream if seen.get(q) != 1]


@pytest.mark.parametrize("lang", LANGS)
def test_all_questions_page_links_every_question(site: BuiltSite, lang: str) -> None:
    html = page(site, lang, "questions")
    linked = set()
    for a in soup(html).select("article ul.faq-question-list a[href]"):
        target, fragment = resolve(site.root, html, str(a["href"]))
        assert target is not None and target.exists()
        linked.add((target.parent.relative_to(site.root / LANGS[lang]).as_posix(), fragment))
    assert linked == {(k, q.id) for k, p in unit_pages(lang).items() for q in p.questions}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("key", COLLECTIONS)
def test_navigation_orders_units_and_links_previous_next(site: BuiltSite, lang: str, key: str) -> None:
    def target(html: Path, selector: str) -> Path | None:
        a = soup(html).select_one(selector)
        return None if a is None else resolve(site.root, html, str(a["href"]))[0]

    units = sorted((k for k in unit_pages(lang) if k.startswith(key + "/")), key=natural_key)
    for i, unit in enumerate(units):
        html = page(site, lang, unit)
        assert target(html, "a.md-footer__link--prev") == page(site, lang, units[i - 1] if i else key)
        if i + 1 < len(units):
            assert target(html, "a.md-footer__link--next") == page(site, lang, units[i + 1])
    collection = page(site, lang, key)
    nav = [
        resolve(site.root, collection, str(a["href"]))[0]
        for a in soup(collection).select("nav.md-nav--primary a.md-nav__link[href]")
    ]
    in_nav = [p for p in nav if p is not None and p.parent.parent.name == key.split("/")[1]]
    assert in_nav == [page(site, lang, u) for u in units]


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_shows_latest_issue_and_collections(site: BuiltSite, lang: str) -> None:
    s = soup(page(site, lang, ""))
    dated = [(p.meta["date"], natural_key(k), k) for k, p in unit_pages(lang).items() if p.meta.get("date")]
    date, _, latest_key = max(dated)
    latest = s.select_one(".faq-home-latest a")
    assert latest is not None and str(latest["href"]).rstrip("/").endswith(latest_key.removeprefix("faq/"))
    assert present(s.select_one(".faq-home-latest time"))["datetime"] == str(date)
    listed = [str(a["href"]) for a in s.select(".faq-home-latest ul a")]
    assert [h.rsplit("#", 1)[1] for h in listed] == [q.id for q in unit_pages(lang)[latest_key].questions]
    collections = [str(a["href"]).rstrip("/").split("/")[-1] for a in s.select(".faq-home-seasons a")]
    assert sorted(collections) == sorted(k.split("/")[1] for k in COLLECTIONS)
    seasons = [c for c in collections if re.fullmatch(r"\d{4}-s\d+", c)]
    assert seasons == sorted(seasons, reverse=True)  # newest first
    assert s.select_one("form.md-search__form input.md-search__input") is not None


@pytest.mark.parametrize("lang", LANGS)
def test_footer_credits_upstream_and_license(site: BuiltSite, lang: str) -> None:
    for html in (page(site, lang, ""), page(site, lang, UNITS[0])):
        footer = soup(html).select_one("footer .md-copyright")
        assert footer is not None
        hrefs = {a["href"] for a in footer.find_all("a")}
        assert "https://github.com/PaddlePaddle/PaddleClas" in hrefs
        assert "https://www.apache.org/licenses/LICENSE-2.0" in hrefs


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
        made_from_data = rel.parts[int(lang == "en")] == "topics"  # topic pages are made from data/topics.yml
        assert source == "data/topics.yml" if made_from_data else source.startswith(f"docs/{lang}/"), (rel, source)
        assert (ROOT / source).is_file(), source
        assert view[0] == base + "raw/main/" + source


def test_no_block_is_swallowed_by_a_paragraph(site: BuiltSite) -> None:
    """Code, math and lists written right under a line of text still render as blocks, not inside a <p>."""
    swallowed = []
    for html in content_pages(site.root):
        article = soup(html).select_one("article")
        if article is None:
            continue
        for p in article.find_all("p"):
            nested = p.find(["div", "pre", "ul", "ol", "table"])
            as_text = [line for line in p.get_text().splitlines() if re.match(r"^\s*[*+-]\s+\S", line)]
            if nested is not None or as_text:
                swallowed.append(f"{html.relative_to(site.root)}: {(nested.name if nested else as_text[0])[:60]}")
    assert swallowed == []


def test_english_counts_agree_in_number(site: BuiltSite) -> None:
    """'1 section, 1 question' and '5 issues': counts are generated, and so is their grammar."""
    wrong = re.compile(r"\b1 (?:issues|sections|questions)\b|\b(?:[02-9]|\d\d+) (?:issue|section|question)\b(?!s)")
    for html in (site.root / "en").rglob("index.html"):
        for counts in soup(html).select(".faq-collection-counts"):
            assert not wrong.search(counts.get_text()), (html, counts.get_text())

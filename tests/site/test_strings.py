"""Our own strings as each language writes them: Chinese punctuation and dates in the Chinese UI, counts
generated from the content (never written in prose), a site name that fits a phone's header."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from faqsite.markdown.model import read_page
from tests.conftest import BuiltSite
from tests.content import DOCS, LANGS, collection_pages, site_path, unit_pages
from tests.site.html import present, soup

HAN = "[\u3400-\u4dbf\u4e00-\u9fff]"
# a half-width bracket, comma, colon, semicolon, ! or ? next to a Chinese character (a space between or not)
HALF_WIDTH = re.compile(rf"{HAN} ?[(),:;!?]|[(),:;!?] ?{HAN}")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
# a space between two Chinese characters ("5 日 至 2021"), in the running text of our lines of counts and dates
# (elsewhere the source's line breaks between list items read as spaces)
SPACED_HAN = re.compile(rf"{HAN} {HAN}")
INLINE_UI = ".faq-collection-counts, .faq-unit-meta, .faq-updated, .faq-date-note, .faq-topic-counts"
# What quotes the content inside our UI: question titles (as their headings have them, "Q1.1: …"), the
# table of contents, code.
QUOTED_CONTENT = ".faq-question-list, nav.md-nav--secondary, code"
# Our UI on every page: the site's name, navigation, footer, and everything our templates and plugin add
# (class faq-…); on the pages we write whole (home, all questions, topics, 404), the article too.
UI = '.md-header__topic:first-child, nav.md-nav--primary, .md-footer, .md-copyright, [class*="faq-"]'
OWN_PAGES = re.compile(r"^(?:index\.html|404\.html|questions/index\.html|topics/.*)$")


def chinese_pages(root: Path) -> list[Path]:
    return sorted(
        p
        for p in root.rglob("*.html")
        if p.relative_to(root).parts[0] != "en" and "faq-legacy-targets" not in p.read_text(encoding="utf-8")
    )


def ui_texts(page: Path, rel: str) -> list[str]:
    html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")  # a copy: quoted content is cut out
    for quoted in html.select(QUOTED_CONTENT):
        quoted.decompose()
    texts = [html.title.get_text()] if html.title else []
    texts += [el.get_text(" ", strip=True) for el in html.select(UI)]
    if OWN_PAGES.match(rel):
        texts += [el.get_text(" ", strip=True) for el in html.select("article")]
    return texts


def test_chinese_ui_text_has_full_width_punctuation_and_one_date_format(site: BuiltSite) -> None:
    """"（5 期，25 个问题，2021 年 1 月 5 日至 2021 年 2 月 3 日）", never "(5 期, 2021-01-05 – …)" nor "5 日 至"."""
    problems = []
    pages = chinese_pages(site.root)
    for page in pages:
        rel = page.relative_to(site.root).as_posix()
        for text in ui_texts(page, rel):
            for m in [*HALF_WIDTH.finditer(text), *ISO_DATE.finditer(text)]:
                problems.append(f"{rel}: …{text[max(m.start() - 12, 0) : m.end() + 12]}…")
        for line in soup(page).select(INLINE_UI):
            text = line.get_text("")
            problems += [f"{rel}: …{text[max(m.start() - 12, 0) : m.end() + 12]}…" for m in SPACED_HAN.finditer(text)]
    assert sorted(set(problems)) == []
    assert len(pages) > len(list((DOCS / "zh").rglob("*.md")))  # every Chinese page was read, and more


def numbers(element: object) -> list[int]:
    """The numbers an element shows, its dates left out."""
    assert hasattr(element, "select")
    copy = BeautifulSoup(str(element), "html.parser")
    for time in copy.select("time"):
        time.decompose()
    return [int(n) for n in re.findall(r"\d+", copy.get_text(" "))]


@pytest.mark.parametrize("lang", LANGS)
def test_every_count_shown_is_the_count_of_the_content(site: BuiltSite, lang: str) -> None:
    """Units and questions of each collection, on the home page, its own page and the all-questions page,
    and the questions of each topic: counted from the Markdown pages, not written by hand."""
    expected = {}
    for key in collection_pages(lang):
        units = [p for k, p in unit_pages(lang).items() if k.startswith(key + "/")]
        expected[key.split("/")[1]] = [len(units), sum(len(p.questions) for p in units)]
    home = soup(site_path(site.root, lang, ""))
    shown = {}
    for item in home.select(".faq-home-seasons li"):
        collection = str(present(item.select_one("a"))["href"]).rstrip("/").split("/")[-1]
        shown[collection] = numbers(present(item.select_one(".faq-collection-counts")))
    assert shown == expected
    for key in collection_pages(lang):
        counts = present(soup(site_path(site.root, lang, key)).select_one("article .faq-collection-counts"))
        assert numbers(counts) == expected[key.split("/")[1]], key
    everything = soup(site_path(site.root, lang, "questions"))
    for section in everything.select("section.faq-all-collection"):
        collection = str(section["aria-labelledby"]).removeprefix("all-")
        assert numbers(present(section.select_one(".faq-collection-counts"))) == expected[collection]
    assert len(everything.select("section.faq-all-collection")) == len(expected)
    topics = soup(site_path(site.root, lang, "topics"))
    cards = topics.select(".faq-topic-cards li")
    assert cards
    for card in cards:
        target = site.root / LANGS[lang] / "topics" / str(present(card.select_one("a"))["href"]).strip("/").split("/")[-1]
        listed = soup(target / "index.html").select("article .faq-question-list li")
        assert numbers(present(card.select_one(".faq-topic-card__count"))) == [len(listed)], target.name


# A number of issues, questions, sections or collections written out in prose ("five weekly issues", "25 个问题"):
# such counts go stale when the content changes; the templates generate them from the catalog.
NUMBER_WORDS = "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred"
PROSE_COUNT = {
    "en": re.compile(rf"\b(?:[2-9]|\d{{2,}}|{NUMBER_WORDS})\s+(?:[a-z]+\s+)?(?:issues|questions|sections|collections|seasons)\b", re.I),
    "zh": re.compile(r"(?<![第每周\d])(?<![第每周] )(?:\d+|[一二两三四五六七八九十百]+)\s*(?:期|节|个问题|道问题|个合集|季)"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_no_count_is_written_in_prose(lang: str) -> None:
    """The text we write around the lists (home, all questions, collection pages) counts nothing by hand."""
    root = DOCS / lang
    written = [root / "index.md", root / "questions.md", *sorted(root.glob("faq/*/index.md"))]
    found = []
    for path in written:
        page = read_page(path)
        for number, line in enumerate(page.text.split("\n"), 1):
            if number >= page.body_line and (m := PROSE_COUNT[lang].search(line)):
                found.append(f"{path.relative_to(DOCS.parent)}:{number}: {m.group(0)}")
    assert found == []


@pytest.mark.parametrize(("lang", "full", "short"), [("zh", "图像分类常见问题", "图像分类常见问题"), ("en", "Image Classification FAQ", "PaddleClas FAQ")])
def test_the_header_has_a_short_name_for_narrow_screens(site: BuiltSite, lang: str, full: str, short: str) -> None:
    """Both names in the header of every page (faq.css shows one by the width; tests/browser/test_header.py)."""
    for key in ("", "faq/2021-s1/issue-3", "questions"):
        title = present(soup(site_path(site.root, lang, key)).select_one(".md-header__topic"))
        assert present(title.select_one(".faq-site-name--full")).get_text(strip=True) == full
        assert present(title.select_one(".faq-site-name--short")).get_text(strip=True) == short

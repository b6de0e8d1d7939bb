"""Topics across collections as a reader meets them: links to its topics under every question, in the
page's language; a page per topic listing exactly the questions data/topics.yml gives it, grouped by
collection in the site's order; an index of the topics with their counts; all of them in the
navigation and the sitemap. Expectations come from the data and the pages, never written out here."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from faqsite.topics import DATA_FILE, read
from tests.conftest import ROOT, BuiltSite
from tests.content import LANGS, site_path, unit_pages
from tests.site.html import present, resolve, soup

TAXONOMY, _ = read(ROOT / DATA_FILE, list(LANGS))
SITE_URL = "https://paddleclas-faq.example.org/"


def key_of(unit: str, id_: str) -> str:
    """'faq/2021-s1/issue-3', 'q3-2' -> '2021-s1/issue-3#q3-2', as data/topics.yml names the question."""
    return f"{unit.removeprefix('faq/')}#{id_}"


def question_of(site: BuiltSite, lang: str, key: str) -> tuple[Path, str]:
    """The built page of a question, and its anchor."""
    unit, id_ = key.split("#")
    return site_path(site.root, lang, f"faq/{unit}").resolve(), id_


def topic_page(site: BuiltSite, lang: str, topic_id: str = "") -> Path:
    return (site.root / LANGS[lang] / "topics" / topic_id / "index.html").resolve()


def listed(site: BuiltSite, page: Path) -> list[tuple[Path | None, str]]:
    """What a topic page links to from its lists of questions: (page, anchor), in order."""
    out = []
    for a in soup(page).select("article ul.faq-question-list a[href]"):
        target, fragment = resolve(site.root, page, str(a["href"]))
        out.append((target, fragment))
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_every_question_links_to_its_topics_in_its_language(site: BuiltSite, lang: str) -> None:
    """Right under its heading (and its copy-link button), each question links to each of its topics, in
    the data's order: the topic's page in the page's language, named in that language, which lists the
    question."""
    questions = 0
    for unit, page in unit_pages(lang).items():
        html = site_path(site.root, lang, unit)
        for q in page.questions:
            questions += 1
            heading = present(soup(html).select_one(f"article h2#{q.id}"))
            block = heading.find_next_sibling()
            if block is not None and "faq-share" in (block.get("class") or []):
                block = block.find_next_sibling()
            assert block is not None and "faq-topics" in (block.get("class") or []), (unit, q.id)
            shown = []
            for a in block.select("a[href]"):
                target, _ = resolve(site.root, html, str(a["href"]))
                assert target is not None and target.exists(), (unit, q.id, a["href"])
                assert target.parent.parent == topic_page(site, lang).parent, (unit, q.id, a["href"])  # this language's
                topic = next(t for t in TAXONOMY.topics if t.id == target.parent.name)
                assert a.get_text(strip=True) == topic.name[lang]
                assert (html.resolve(), q.id) in listed(site, target), (unit, q.id, topic.id)
                shown.append(topic.id)
            assert shown and shown == TAXONOMY.questions[key_of(unit, q.id)], (unit, q.id)
    assert questions == len(TAXONOMY.questions)


@pytest.mark.parametrize("lang", LANGS)
def test_english_pages_link_only_to_english_topic_pages(site: BuiltSite, lang: str) -> None:
    """No language mixes: every topic link of a language's pages stays under its prefix ('en/')."""
    for unit in unit_pages(lang):
        html = site_path(site.root, lang, unit)
        for a in soup(html).select("article .faq-topics a[href]"):
            target, _ = resolve(site.root, html, str(a["href"]))
            assert target is not None
            first = target.relative_to(site.root.resolve()).parts[0]
            assert first == ("en" if lang == "en" else "topics"), (unit, a["href"])


@pytest.mark.parametrize("lang", LANGS)
def test_topic_pages_list_exactly_the_questions_the_data_gives_them(site: BuiltSite, lang: str) -> None:
    """Each question once, linked to its anchor with its label, grouped under its collection; the
    collections in the site's order (that of the all-questions page)."""
    all_questions = soup(site_path(site.root, lang, "questions"))
    order = [str(h["id"]).removeprefix("all-") for h in all_questions.select("section.faq-all-collection > h2[id]")]
    labels = {key_of(unit, q.id): q.label for unit, page in unit_pages(lang).items() for q in page.questions}
    for topic in TAXONOMY.topics:
        page = topic_page(site, lang, topic.id)
        keys = [key for key, ids in TAXONOMY.questions.items() if topic.id in ids]
        assert sorted(listed(site, page)) == sorted(question_of(site, lang, key) for key in keys), topic.id
        sections = soup(page).select("article section.faq-topic-collection")
        collections = [str(present(s.select_one("h2[id]"))["id"]).removeprefix("topic-") for s in sections]
        assert collections == [c for c in order if any(k.startswith(f"{c}/") for k in keys)], topic.id
        for section, collection in zip(sections, collections, strict=True):
            for a in section.select("ul.faq-question-list a[href]"):
                target, fragment = resolve(site.root, page, str(a["href"]))
                assert target is not None and target.parent.parent.name == collection
                key = f"{collection}/{target.parent.name}#{fragment}"
                assert a.get_text(" ", strip=True).startswith(f"{labels[key]}: "), (topic.id, key)
        counts = present(soup(page).select_one("article .faq-topic-counts")).get_text(" ", strip=True)
        assert re.match(rf"{len(keys)}\D.*\D{len(collections)}\D", counts), (topic.id, counts)
        assert present(soup(page).select_one("article h1")).get_text(strip=True) == topic.name[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_topic_index_lists_every_topic_with_its_count(site: BuiltSite, lang: str) -> None:
    index = topic_page(site, lang)
    cards = soup(index).select("article .faq-topic-cards li")
    assert len(cards) == len(TAXONOMY.topics)
    for card, topic in zip(cards, TAXONOMY.topics, strict=True):
        a = present(card.select_one("a[href]"))
        assert a.get_text(strip=True) == topic.name[lang]
        target, _ = resolve(site.root, index, str(a["href"]))
        assert target == topic_page(site, lang, topic.id)
        count = sum(topic.id in ids for ids in TAXONOMY.questions.values())
        assert count == len(listed(site, target))
        shown = present(card.select_one(".faq-topic-card__count")).get_text(strip=True)
        assert shown == (f"{count} 个问题" if lang == "zh" else f"{count} question{'s' if count != 1 else ''}")
        assert topic.description[lang] in card.get_text(" ", strip=True)


@pytest.mark.parametrize("lang", LANGS)
def test_topic_pages_are_in_the_navigation_after_the_all_questions_page(site: BuiltSite, lang: str) -> None:
    page = site_path(site.root, lang, next(iter(unit_pages(lang))))
    links = [
        resolve(site.root, page, str(a["href"]))[0]
        for a in soup(page).select("nav.md-nav--primary a.md-nav__link[href]")
    ]
    expected = [topic_page(site, lang), *(topic_page(site, lang, t.id) for t in TAXONOMY.topics)]
    at = links.index(expected[0])
    assert links[at : at + len(expected)] == expected
    assert links[at - 1] == site_path(site.root, lang, "questions").resolve()


def test_topic_pages_in_the_sitemap_with_their_twins(site: BuiltSite) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ElementTree.parse(site.root / "sitemap.xml").getroot().findall("s:url", ns)
    alternates = {
        url.findtext("s:loc", namespaces=ns): {a.get("hreflang"): a.get("href") for a in url.findall("x:link", ns)}
        for url in urls
    }
    for path in ["topics/", *(f"topics/{t.id}/" for t in TAXONOMY.topics)]:
        for prefix in LANGS.values():
            twins = alternates.get(SITE_URL + prefix + path)
            assert twins is not None, prefix + path
            assert twins["zh"] == SITE_URL + path and twins["en"] == SITE_URL + "en/" + path


@pytest.mark.parametrize("lang", LANGS)
def test_topic_pages_lead_to_the_data_they_are_made_from(site: BuiltSite, lang: str) -> None:
    """'Edit this page' on a generated page opens data/topics.yml; the language switch leads to the twin."""
    for page in [topic_page(site, lang), *(topic_page(site, lang, t.id) for t in TAXONOMY.topics)]:
        edit = present(soup(page).select_one("a.md-content__button[rel=edit]"))
        assert str(edit["href"]).endswith("/edit/main/data/topics.yml")
        for a in soup(page).select("a.md-select__link[hreflang]"):
            target, _ = resolve(site.root, page, str(a["href"]))
            other = str(a["hreflang"])
            assert (
                target == (site.root / LANGS[other] / page.relative_to(topic_page(site, lang).parent.parent)).resolve()
            )

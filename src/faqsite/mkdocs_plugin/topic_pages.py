"""Topics across collections on the site: a page per topic, an index of the topics, and links to a
question's topics under its heading, in each language.

The taxonomy is data (:mod:`faqsite.topics`, ``data/topics.yml``); this module
puts it together with the catalog of the language being built (:func:`view`),
generates the pages as MkDocs files (:func:`page_files`: front matter only, the
templates ``topics.html`` and ``topics-topic.html`` render them), and renders
the links into a page's Markdown from the partial ``partials/faq-topics.html``
(:func:`with_links`), so that they pass the sanitizer like the rest of the page.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from faqsite.errors import Problem
from faqsite.markdown.model import parse_page
from faqsite.mkdocs_plugin.catalog import Catalog
from faqsite.mkdocs_plugin.languages import Language
from faqsite.topics import DATA_FILE, Taxonomy, problems, question_key, read

FOLDER = "topics"  # the pages' folder in each language: /topics/, /en/topics/
INDEX_TEMPLATE = "topics.html"
TOPIC_TEMPLATE = "topics-topic.html"
LINKS = "partials/faq-topics.html"  # strings per language in partials/faq-strings.html


@dataclass(frozen=True)
class Entry:
    """A question as a topic page lists it."""

    label: str
    title: str
    page_url: str  # site-relative URL of the question's page: "en/faq/2021-s1/issue-3/"
    id: str


@dataclass(frozen=True)
class Group:
    """A collection's questions on a topic page."""

    id: str
    title: str
    url: str
    entries: list[Entry]


@dataclass(frozen=True)
class TopicView:
    id: str
    name: str
    description: str
    url: str  # site-relative: "en/topics/training/"
    src_uri: str  # the generated page: "en/topics/training.md"
    groups: list[Group]

    @property
    def count(self) -> int:
        return sum(len(g.entries) for g in self.groups)


@dataclass
class TopicsView:
    """The topics of one language, as its templates and pages read them."""

    title: str
    description: str
    url: str  # the index: "en/topics/"
    src_uri: str  # "en/topics/index.md"
    topics: list[TopicView]
    of_key: dict[str, list[TopicView]] = field(default_factory=dict)  # question key -> its topics

    def topic(self, id_: object) -> TopicView | None:
        return next((t for t in self.topics if t.id == id_), None)


def catalog_keys(catalog: Catalog) -> list[str]:
    """The keys of every question of the catalog, in its order (collections, units, questions)."""
    return [question_key(s.id, u.slug, q[2]) for s in catalog.seasons for u in s.units for q in u.questions]


def view(taxonomy: Taxonomy, catalog: Catalog, *, locale: str, prefix: str) -> TopicsView:
    """The topics in ``locale``, each with its questions from ``catalog`` grouped by collection in the
    catalog's order; a question the data names and the catalog lacks (not yet translated) is left out."""
    topics: list[TopicView] = []
    of_key: dict[str, list[TopicView]] = {}
    for topic in taxonomy.topics:
        groups = []
        for season in catalog.seasons:
            entries = [
                Entry(label, title, unit.url, id_)
                for unit in season.units
                for label, title, id_ in unit.questions
                if topic.id in taxonomy.questions.get(question_key(season.id, unit.slug, id_), [])
            ]
            if entries:
                groups.append(Group(season.id, season.nav_title, season.url, entries))
        shown = TopicView(
            topic.id,
            topic.name.get(locale, ""),
            topic.description.get(locale, ""),
            f"{prefix}{FOLDER}/{topic.id}/",
            f"{locale}/{FOLDER}/{topic.id}.md",
            groups,
        )
        topics.append(shown)
    for key, ids in taxonomy.questions.items():
        of_key[key] = [t for i in ids for t in topics if t.id == i]
    return TopicsView(
        taxonomy.title.get(locale, ""),
        taxonomy.description.get(locale, ""),
        f"{prefix}{FOLDER}/",
        f"{locale}/{FOLDER}/index.md",
        topics,
        of_key,
    )


def page_sources(topics: TopicsView) -> dict[str, str]:
    """src_uri -> the Markdown of each generated page: front matter only (the templates render the rest)."""
    pages = {topics.src_uri: _front_matter(topics.title, topics.description, INDEX_TEMPLATE)}
    for topic in topics.topics:
        pages[topic.src_uri] = _front_matter(topic.name, topic.description, TOPIC_TEMPLATE, faq_topic=topic.id)
    return pages


def _front_matter(title: str, description: str, template: str, **more: str) -> str:
    meta = {"title": title, "description": description, "template": template, **more, "hide": ["toc"]}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n"


def load_topics(
    config: MkDocsConfig, catalog: Catalog, lang: Language, langs: Sequence[Language]
) -> tuple[TopicsView, list[Problem]]:
    """This language's topics and the problems of ``data/topics.yml``, its own and against ``catalog``
    (SourceError when the file cannot be read or lacks a part)."""
    taxonomy, found = read(data_path(config), [x.locale for x in langs] or [lang.locale])
    found = sorted([*found, *problems(taxonomy, catalog_keys(catalog))], key=lambda p: p.line)
    return view(taxonomy, catalog, locale=lang.locale, prefix=lang.prefix), found


def data_path(config: MkDocsConfig) -> Path:
    """``data/topics.yml`` beside the site's configuration file."""
    return Path(config.config_file_path or "mkdocs.yml").resolve().parent / DATA_FILE


def page_files(topics: TopicsView, *, lang: Language, langs: Sequence[Language], config: MkDocsConfig) -> list[File]:
    """The generated pages of this language, as MkDocs files.

    Like mkdocs-static-i18n's own files, each lives in its language's folder
    (``en/topics/x.md``) and is written under its language's prefix (``topics/x/``
    for the default language), and carries the attributes mkdocs-static-i18n
    reads from its files: its twins in every language (the language switch, the
    sitemap's alternates) and its locale. "Edit this page" leads to the data file.
    """
    edit_uri = Path(os.path.relpath(data_path(config), Path(config.docs_dir).resolve())).as_posix()
    out = []
    for src_uri, content in page_sources(topics).items():
        neutral = src_uri.split("/", 1)[1]
        file = _file(config, neutral, lang, content)
        file.edit_uri = edit_uri
        twins = {x.locale: file if x.locale == lang.locale else _file(config, neutral, x, "") for x in langs}
        for name, value in (
            ("alternates", twins),
            ("locale", lang.locale),
            ("locale_alternate_of", lang.locale),
            ("localization", lang.locale),
            ("norm_src_uri", neutral),
        ):
            setattr(file, name, value)
        out.append(file)
    return out


def _file(config: MkDocsConfig, neutral: str, lang: Language, content: str) -> File:
    file = File.generated(config, f"{lang.locale}/{neutral}", content=content)
    parent, name = posixpath.split(neutral.removesuffix(".md"))
    page = posixpath.join(parent, "" if name == "index" else name)
    file.dest_uri = lang.prefix + (posixpath.join(page, "index.html") if config.use_directory_urls else f"{page}.html")
    return file


def in_sitemap(alternates: dict[str, list[File]], generated: dict[str, list[File]]) -> dict[str, list[File]]:
    """mkdocs-static-i18n's sitemap lists the pages of each language as they were at its ``on_files``;
    the generated pages join them."""
    return {lang: [*files, *generated.get(lang, [])] for lang, files in alternates.items()}


def with_links(
    markdown: str, *, path: Path, url: str, season: str, unit: str, topics: TopicsView, env: Environment, config: Any
) -> str:
    """``markdown`` of the page at ``url`` (the unit ``unit`` of collection ``season``) with links to
    each question's topics under its heading."""
    template = env.get_template(LINKS)
    after: dict[int, str] = {}  # 0-based line of a heading -> the links under it
    for q in parse_page(markdown, path).questions:
        shown = topics.of_key.get(question_key(season, unit, q.id), [])
        if shown:
            links = [{"name": t.name, "href": get_relative_url(t.url, url)} for t in shown]
            after[q.line - 1] = " ".join(template.render(topics=links, config=config).split())
    if not after:
        return markdown
    out: list[str] = []
    for i, line in enumerate(markdown.split("\n")):
        out.append(line)
        if i in after:
            out.extend(["", after[i], ""])
    return "\n".join(out)

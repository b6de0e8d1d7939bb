"""The ``faqsite`` MkDocs plugin: thin handlers over one module per job.

mkdocs-static-i18n builds the default language, then, in that build's
post-build event, each other language: every event below fires once per
language. Whole-site work (reports, the search bundle of every language's
questions) happens once, in the outermost build.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path, PurePosixPath
from typing import Any, cast
from urllib.parse import urlsplit

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs import __version__ as mkdocs_version
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, get_files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_datetime, normalize_url, write_file
from mkdocs.utils.templates import TemplateContext

from faqsite.errors import SourceError, display_path
from faqsite.history import History
from faqsite.history import read as read_history
from faqsite.importer import lock as locks
from faqsite.markdown.model import SitePage
from faqsite.mkdocs_plugin import dates, feeds, navigation, notices, permalinks, redirects, sitemaps, topic_pages
from faqsite.mkdocs_plugin.catalog import Catalog, build_catalog, inline_html
from faqsite.mkdocs_plugin.config import FaqSiteConfig
from faqsite.mkdocs_plugin.languages import (
    Language,
    build_language,
    current_language,
    default_language,
    is_default_build,
    languages,
    twin_urls,
)
from faqsite.mkdocs_plugin.metadata import describe, escaped
from faqsite.mkdocs_plugin.pages import PageCache
from faqsite.search import bundle as search_bundle
from faqsite.search.records import Record, question_records
from faqsite.security import confine, csp, sanitize, svg
from faqsite.translations.freshness import Status, statuses

log = get_plugin_logger(__name__)

# Third-party chatter a reader of the build log does not need: mkdocs-static-i18n's per-option
# "Overriding …" lines (its logger is named after the engine: MkDocs or ProperDocs).
QUIET_LOGGERS = ("mkdocs.plugins.mkdocs_static_i18n", "properdocs.plugins.mkdocs_static_i18n")
# Each engine's build log. mkdocs-static-i18n silences the start and end lines of the other languages'
# builds in MkDocs' log only; under ProperDocs the log would say "Documentation built" once per language.
BUILD_LOGGERS = ("mkdocs.commands.build", "properdocs.commands.build")


class NestedBuildLines(logging.Filter):
    """Drops the start and end lines of the builds run inside the default language's build."""

    LINES = ("Building documentation to directory", "Documentation built in")

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(self.LINES)


class FaqSitePlugin(BasePlugin[FaqSiteConfig]):
    def __init__(self) -> None:
        self.catalog = Catalog([])
        self.translations: list[Status] = []
        self.pages = PageCache()
        self.env: Environment | None = None
        self.files: Files | None = None
        self.nav: Navigation | None = None
        self.depth = 0  # language builds under way: 1 in the default one, 2 while it builds another
        self.not_found: File | None = None  # this build's 404 page, in a language other than the default
        self.default_not_found = ""  # the default language's 404 page, as MkDocs rendered it
        self.nested_lines = NestedBuildLines()
        self.script_hashes: set[str] = set()  # of the theme's inline scripts, on every page of every language
        self.search_records: list[Record] = []  # the questions of every language, for the search bundle
        self.engine = ""  # the engine as templates name it ("1.6.1" for MkDocs, "ProperDocs 1.6.7")
        self.topics: topic_pages.TopicsView | None = None  # this language's topics (data/topics.yml)
        # the theme's, for what we render into pages (topic links, copy-link buttons): pages are read before on_env
        self.topics_env: Environment | None = None
        self.topic_files: dict[str, list[File]] = {}  # language -> its generated topic pages, for the sitemap
        self.history = History()  # when each line of docs/ last changed (faqsite.history), read once per build

    def on_startup(self, *, command: str, dirty: bool) -> None:
        for name in QUIET_LOGGERS:
            logging.getLogger(name).setLevel(logging.WARNING)

    @event_priority(-110)  # after mkdocs-static-i18n has set this build's language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.depth += 1
        if self.depth == 1:
            self.script_hashes = set()
            self.search_records = []
            self.topic_files = {}
        self.catalog = Catalog([])
        self.topics = None
        self.not_found = None
        if not self.config.enabled:
            return config
        # Whole-site data, computed again for each build: the preview rebuilds after every change.
        self.translations = statuses(Path(config.docs_dir), self._read)
        if self.depth == 1:
            for s in self.translations:
                if s.missing:  # fails the strict build; an outdated translation does not
                    log.warning(
                        f"{display_path(s.en_path)}: {s.id}: translation missing"
                        f" (the Chinese question is at {display_path(s.zh_path)}:{s.zh_line})"
                    )
            # one git log for every language's pages; the pages then ask it for their lines. What is not
            # committed yet is dated by the day of the build (midnight UTC, as the sitemap's lastmod): the
            # same in every build of that day, and in the ProperDocs build the tests compare
            self.history = History()
            if self.config.git_dates:
                today = dt.datetime.combine(get_build_datetime().date(), dt.time(), dt.UTC)
                self.history = read_history(Path(config.docs_dir), now=today)
            if self.history.note:  # a shallow clone says so; a source archive builds without dates, quietly
                (log.info if self.history.top is not None else log.debug)(self.history.note)
        return config

    def _read(self, path: Path) -> SitePage:
        """A page of docs/, parsed once per build; a page that cannot be read stops the build, named."""
        try:
            return self.pages.read(path)
        except SourceError as exc:
            raise PluginError("\n".join(str(problem) for problem in exc.problems)) from None

    def on_build_error(self, *, error: Exception) -> None:
        self.depth = 0
        for name in BUILD_LOGGERS:
            logging.getLogger(name).removeFilter(self.nested_lines)

    @event_priority(-110)  # after mkdocs-static-i18n (-100) has chosen this language's files
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        if self.depth == 1:
            _refuse_unsafe_files(Path(config.docs_dir))
        _add_shared_assets(files, config)
        _drop_theme_search(files)
        if not config.strict:
            self._add_stand_ins(files, config)
        docs = {f.src_uri: f for f in files.documentation_pages() if f.abs_src_path}
        read = {uri: self._read(Path(f.abs_src_path or "")) for uri, f in docs.items()}
        self.catalog = build_catalog(
            [(uri, docs[uri].url, page.meta) for uri, page in read.items()],
            {uri: [(q.label, q.title, q.id) for q in page.questions] for uri, page in read.items()},
            _legacy(Path(self.config.upstream_locks)),
            dates.page_dates(self.history, {uri: f.abs_src_path for uri, f in docs.items()}),
        )
        self._add_topics(files, config)
        self._add_generated(files, config)
        return files

    def _add_topics(self, files: Files, config: MkDocsConfig) -> None:
        """This language's topic pages (faqsite.mkdocs_plugin.topic_pages); the default language's build
        reports what is wrong in data/topics.yml (a question without a topic fails the strict build)."""
        langs = languages(config)
        lang = build_language(config) or Language(current_language(config), "", True)
        try:
            self.topics, problems = topic_pages.load_topics(config, self.catalog, lang, langs)
        except SourceError as exc:
            raise PluginError("\n".join(str(problem) for problem in exc.problems)) from None
        if is_default_build(config):
            for problem in problems:
                log.warning(str(problem))
        self.topics_env = config.theme.get_env()
        generated = topic_pages.page_files(self.topics, lang=lang, langs=langs, config=config)
        for file in generated:
            if file.src_uri in files.src_uris:
                raise PluginError(f"{file.src_uri}: generated by the faqsite plugin, and also a file in docs/")
            files.append(file)
        self.topic_files[lang.locale] = generated

    def _add_generated(self, files: Files, config: MkDocsConfig) -> None:
        """This language's feed; in the default language's build, robots.txt and the old upstream paths."""
        env = config.theme.get_env()
        env.filters["faq_inline"] = inline_html
        lang = build_language(config)
        prefix = lang.prefix if lang else ""
        generated: dict[str, str] = {}
        if config.site_url:
            feed = feeds.feed_xml(env, self.catalog, config=config, prefix=prefix, lang=current_language(config))
            generated[f"{prefix}feed.xml"] = feed
        if is_default_build(config):
            if config.site_url:
                generated["robots.txt"] = feeds.robots_txt(config.site_url)
            # upstream's pages were Chinese, and their old paths one set for the whole site
            base = urlsplit(config.site_url or "/").path or "/"
            generated.update(redirects.redirect_pages(env, self.catalog, config=config, base=base))
        elif "404.html" in config.theme.static_templates:
            # MkDocs renders the theme's 404 page to the site root in every language's build;
            # this language's own goes under its prefix, rendered once the navigation exists (on_env)
            generated[f"{prefix}404.html"] = ""
        for src_uri, content in generated.items():
            if PurePosixPath(src_uri).is_absolute() or ".." in PurePosixPath(src_uri).parts:
                raise PluginError(f"{src_uri}: a generated file must stay inside the site (expected a relative path)")
            if src_uri.endswith(".html") and content:
                content = self._with_policy(content)
            if src_uri in files.src_uris:
                raise PluginError(f"{src_uri}: generated by the faqsite plugin, and also a file in docs/")
            files.append(File.generated(config, src_uri, content=content))
        self.not_found = files.get_file_from_path(f"{prefix}404.html") if prefix else None

    def _add_stand_ins(self, files: Files, config: MkDocsConfig) -> None:
        """In a preview (not strict), an English page not yet written stands in with a notice.

        The strict build, and so CI, still fails on the missing translation. The
        stand-in keeps its language folder in its path ("en/faq/…"), as
        mkdocs-static-i18n gives the other pages of a non-default language, so it is
        written under /en/ and never over the Chinese page.
        """
        lang = current_language(config)
        docs = Path(config.docs_dir)
        for path in sorted({s.en_path for s in self.translations if s.missing and not s.en_path.exists()}):
            src_uri = path.relative_to(docs).as_posix()
            if not src_uri.startswith(f"{lang}/") or src_uri in files.src_uris:
                continue
            source = next(s.zh_path for s in self.translations if s.en_path == path)
            zh = self._read(source)  # parsed already, for the statuses
            stand_in = notices.stand_in(zh, src_uri, env=config.theme.get_env(), config=config)
            files.append(File.generated(config, src_uri, content=stand_in))

    @event_priority(-110)  # after mkdocs-static-i18n has dropped its language sections
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled:
            return nav
        self.nav = nav
        titles = {s.src_uri: s.nav_title for s in self.catalog.seasons}
        if self.topics is not None:
            titles[self.topics.src_uri] = self.topics.title
        navigation.tidy_sections(nav.items, titles)
        nav.items = navigation.unwrap_folders(nav.items)
        if self.topics is not None:
            order = [self.topics.src_uri, *(t.src_uri for t in self.topics.topics)]
            nav.items = navigation.place_section(nav.items, self.topics.src_uri, order)
        return nav

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
        self.env, self.files = env, files
        env.filters["faq_inline"] = inline_html
        if self.not_found is not None and self.nav is not None:
            self.not_found.content_string = self._with_policy(self._render_404(env, files, config, self.nav))
        return env

    def _render_404(self, env: Environment, files: Files, config: MkDocsConfig, nav: Navigation) -> str:
        """This language's 404 page, from the theme's template and the context MkDocs gives error pages.

        Like MkDocs for its own 404.html, URLs are absolute from the path of site_url: the
        page is served at any missing path. Its language switch leads to each language's
        home page, as mkdocs-static-i18n sets it for pages without a twin.
        """
        base = urlsplit(config.site_url or "/").path or "/"
        context = TemplateContext(
            nav=nav,
            pages=files.documentation_pages(),
            base_url=base,
            extra_css=[normalize_url(path, base=base) for path in config.extra_css],
            extra_javascript=[normalize_url(str(script), base=base) for script in config.extra_javascript],
            mkdocs_version=self.engine or mkdocs_version,
            build_date_utc=get_build_datetime(),
            config=config,
            page=None,
        )
        extra = cast(dict[str, Any], context)
        extra["faq_catalog"] = self.catalog
        return env.get_template("404.html").render(context)

    def on_template_context(
        self, context: TemplateContext, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext | None:
        """The engine's name for the generator tag of the 404 pages we render (the default language's
        theme templates render before the other languages build)."""
        self.engine = context["mkdocs_version"]
        if template_name == "sitemap.xml" and "i18n_alternates" in context:
            extra = cast(dict[str, Any], context)  # mkdocs-static-i18n's, read by the sitemap template
            extra["i18n_alternates"] = topic_pages.in_sitemap(extra["i18n_alternates"], self.topic_files)
        return context

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str | None:
        """The site root keeps the default language's 404 page.

        MkDocs writes the theme's 404.html to the site root in each language's build; the
        other languages build after the default one and would each replace it.
        """
        if template_name != "404.html" or not self.config.enabled:
            return output_content
        if is_default_build(config):
            self.default_not_found = self._with_policy(output_content)
        return self.default_not_found or self._with_policy(output_content)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        return self._with_policy(output) if self.config.enabled else output

    def _with_policy(self, html: str) -> str:
        """The page with its Content-Security-Policy (see faqsite.security.csp)."""
        html, hashes = csp.with_policy(html)
        self.script_hashes.update(hashes)
        return html

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Front matter as text for the templates; a corrected date's note under the title and each
        question's last change after its answer; on an English page, a notice under each question whose
        Chinese original changed; under each question, links to its topics."""
        if not self.config.enabled:
            return markdown
        page.meta = escaped(page.meta)
        markdown = self._with_dates(markdown, page, config)
        if self.env is not None and page.file.abs_src_path is not None:
            default = default_language(config)
            source_url = twin_urls(page.url, languages(config)).get(default.locale if default else "", "")
            markdown = notices.with_notices(
                markdown,
                path=Path(page.file.abs_src_path),
                url=page.url,
                source_url=source_url,
                source_lang=default.locale if default else "",
                found=self.translations,
                env=self.env,
                config=config,
            )
        return self._with_topic_links(markdown, page, config)

    def _with_dates(self, markdown: str, page: Page, config: MkDocsConfig) -> str:
        """The date-correction note under the title; each question's last change at the end of its answer."""
        if self.topics_env is None or page.file.abs_src_path is None:
            return markdown
        path = Path(page.file.abs_src_path)
        markdown = dates.with_date_note(markdown, meta=page.meta, path=path, env=self.topics_env, config=config)
        return dates.with_question_dates(
            markdown, page=self._read(path), history=self.history, env=self.topics_env, config=config
        )

    def _with_topic_links(self, markdown: str, page: Page, config: MkDocsConfig) -> str:
        """Links to each question's topics under its heading, on an issue or section page."""
        season = page.meta.get("season")
        unit = page.meta.get("issue") or page.meta.get("part")
        if self.topics is None or self.topics_env is None or not season or not unit or page.file.abs_src_path is None:
            return markdown
        return topic_pages.with_links(
            markdown,
            path=Path(page.file.abs_src_path),
            url=page.url,
            season=str(season),
            unit=PurePosixPath(page.file.src_uri).stem,
            topics=self.topics,
            env=self.topics_env,
            config=config,
        )

    @event_priority(100)  # first: every other handler sees only what readers will
    def _sanitize(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """The page's content through the allow-list; whatever it removes fails the strict build."""
        if not self.config.enabled:
            return html
        if "title" not in page.meta and page.title:
            # the title MkDocs takes from the first heading is sometimes markup, sometimes unescaped
            # text (with raw HTML in the heading): the theme prints it as is, so make it text, escaped
            page.meta["title"] = escape(Markup(page.title).striptags())
        cleaned = sanitize.clean(html)
        what = sanitize.removed(html, cleaned)
        if what is not None:
            log.warning(
                f"{display_path(Path(page.file.abs_src_path or page.file.src_uri))}: unsafe or unknown markup removed: {what}"
                " (expected Markdown, or HTML the site allows: run faqsite check for the line)"
            )
        return cleaned

    @event_priority(0)
    def _describe(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """A description of the page from its own content, unless its front matter has one."""
        if self.config.enabled and not page.meta.get("description"):
            entry = self.catalog.season(page.meta.get("season"))
            if entry is not None and not (page.meta.get("issue") or page.meta.get("part")):
                # a collection page: its own title and its units (prefaces repeat across collections)
                listing = f"{entry.title} · " + " · ".join(u.title for u in entry.units)
                page.meta["description"] = escape(listing if len(listing) <= 155 else listing[:154].rstrip() + "…")
            else:
                page.meta["description"] = escape(describe(html))
        return html

    @event_priority(-50)  # the page as readers get it: sanitized
    def _index(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """The page's questions, for the search bundle written once every language is built."""
        season = self.catalog.season(page.meta.get("season"))
        if (
            self.config.enabled
            and self.config.search
            and season is not None
            and (page.meta.get("issue") or page.meta.get("part"))
        ):
            unit = Markup(page.title or "").striptags()
            where = f"{season.nav_title} · {unit}" if unit else season.nav_title
            self.search_records += question_records(html, url=page.url, lang=current_language(config), where=where)
        return html

    @event_priority(-60)  # after the search records: the button is not the page's text
    def _copy_links(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """A copy-link button after each question's heading (faqsite.mkdocs_plugin.permalinks): the site's
        own markup, added once the content has been sanitized."""
        if not self.config.enabled or self.topics_env is None or page.file.abs_src_path is None:
            return html
        questions = self._read(Path(page.file.abs_src_path)).questions
        if not questions:
            return html
        return permalinks.with_copy_links(
            html, questions, canonical_url=page.canonical_url, env=self.topics_env, config=config
        )

    on_page_content = CombinedEvent(_sanitize, _describe, _index, _copy_links)

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if self.config.enabled:
            extra = cast(dict[str, Any], context)  # our own keys, read by our templates
            extra["faq_catalog"] = self.catalog
            extra["faq_topics"] = self.topics
            langs = languages(config)
            extra["faq_alternates"] = [
                {"lang": lang.locale, "name": lang.name, "url": url, "default": lang.default}
                for lang, url in zip(langs, twin_urls(page.url, langs).values(), strict=False)
            ]
            # The hreflang alternates are in the sitemap (overrides/sitemap.xml), not in the page's
            # head: Material fetches "sitemap.xml" next to every <link rel="alternate"> of a page,
            # expecting language roots, and twin pages would make that a failed request per page
            # (with a CSP violation when the links are absolute and the host is not the site's).
            # The language switch reads faq_alternates.
            if getattr(config.extra, "alternate", None):
                setattr(config.extra, "alternate", [])  # noqa: B010 (where the theme reads it)
        return context

    @event_priority(0)  # before mkdocs-static-i18n builds the other languages
    def _quiet_nested_builds(self, *, config: MkDocsConfig) -> None:
        if self.depth == 1:
            for name in BUILD_LOGGERS:
                logging.getLogger(name).addFilter(self.nested_lines)

    @event_priority(-110)  # after mkdocs-static-i18n has built the other languages and merged their index
    def _finish(self, *, config: MkDocsConfig) -> None:
        self.depth -= 1
        if self.depth == 0:
            for name in BUILD_LOGGERS:
                logging.getLogger(name).removeFilter(self.nested_lines)
            if self.config.enabled:
                if self.config.search:
                    try:
                        found = search_bundle.bundle(self.search_records)
                    except search_bundle.BundleError as exc:
                        raise PluginError(f"search bundle: {exc}") from None
                    for path, content in found.items():
                        write_file(content, str(Path(config.site_dir) / path))
                _write_language_sitemaps(config)
                # for hosts that read a headers file: the same policy, with every page's script hashes
                headers = csp.headers_file(self.script_hashes)
                write_file(headers.encode("utf-8"), str(Path(config.site_dir) / "_headers"))

    on_post_build = CombinedEvent(_quiet_nested_builds, _finish)


def _refuse_unsafe_files(docs: Path) -> None:
    """Stop the build on what would publish the build machine or run script (faqsite.security)."""
    problems = [f"{display_path(link)}: {confine.MESSAGE}" for link in confine.symlinks(docs)]
    problems += [f"{display_path(path)}: {confine.FILE_MESSAGE}" for path in confine.unexpected_files(docs)]
    problems += [
        str(p) for drawing in sorted(docs.rglob("*.svg")) if not drawing.is_symlink() for p in svg.problems(drawing)
    ]
    if problems:
        raise PluginError("\n".join(problems))


def _legacy(folder: Path) -> dict[str, tuple[list[str], dict[str, str]]]:
    """collection id -> (old upstream paths, old anchor -> target), from the import locks."""
    out: dict[str, tuple[list[str], dict[str, str]]] = {}
    for path in sorted(folder.glob("*.yml")):
        try:
            found = locks.read(path)
        except SourceError as exc:
            raise PluginError("; ".join(str(p) for p in exc.problems)) from None
        if found is None:
            continue
        paths = [found.upstream_path, *found.legacy_paths]
        lines = path.read_text(encoding="utf-8").splitlines()
        for old in paths:
            why = redirects.unsafe_path(old)
            if why is not None:
                line = next((n for n, text in enumerate(lines, 1) if old in text), 1)
                raise PluginError(
                    f"{display_path(path)}:{line}: old upstream path {old!r} {why}"
                    " (expected a relative path to a .md file, such as docs/zh_CN/FAQ/faq_2021_s1.md)"
                )
        out[found.collection] = (paths, found.legacy_anchors)
    return out


# Material's own search engine (lunr and its languages, its worker): the site searches with the
# bundle of faqsite.search instead, and publishes none of it.
THEME_SEARCH = re.compile(r"assets/javascripts/(?:lunr/|workers/search\.[0-9a-f]+\.min\.js)")


def _drop_theme_search(files: Files) -> None:
    for file in [f for f in files if THEME_SEARCH.match(f.src_uri)]:
        files.remove(file)


def _write_language_sitemaps(config: MkDocsConfig) -> None:
    """A sitemap at each other language's root (see faqsite.mkdocs_plugin.sitemaps)."""
    site = Path(config.site_dir)
    whole = site / "sitemap.xml"
    if not config.site_url or not whole.exists():
        return
    for lang in languages(config):
        if lang.prefix:
            part = sitemaps.language_sitemap(whole.read_text(encoding="utf-8"), config.site_url + lang.prefix)
            write_file(part.encode("utf-8"), str(site / lang.prefix / "sitemap.xml"))


def _add_shared_assets(files: Files, config: MkDocsConfig) -> None:
    """Give every language the assets outside the language folders (docs/images/, docs/assets/).

    With ``fallback_to_default: false`` (no Chinese page may stand in for a
    missing English one) mkdocs-static-i18n also drops the shared assets from
    the non-default builds; we add them back at their one, shared URL.
    """
    locales = {lang.locale for lang in languages(config)}
    if not locales:
        return
    for file in get_files(config):
        if file.is_documentation_page() or file.src_uri.split("/")[0] in locales:
            continue
        if file.src_uri not in files.src_uris:
            files.append(File(file.src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))

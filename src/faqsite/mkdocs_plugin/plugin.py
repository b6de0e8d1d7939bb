"""The ``faqsite`` MkDocs plugin: thin handlers over :mod:`faqsite.mkdocs_plugin.catalog`.

mkdocs-static-i18n builds the site once per language, so every event below
fires once per language; state is reset in ``on_config``.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, get_files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, write_file
from mkdocs.utils.templates import TemplateContext

from faqsite.errors import SourceError, display_path
from faqsite.importer import lock as locks
from faqsite.importer.render import page_text
from faqsite.mkdocs_plugin.catalog import Catalog, build_catalog, inline_html, legacy_pages, natural_key
from faqsite.mkdocs_plugin.config import FaqSiteConfig
from faqsite.mkdocs_plugin.languages import current_language, languages, twin_urls
from faqsite.mkdocs_plugin.metadata import describe
from faqsite.mkdocs_plugin.search import glossary_terms, split_index
from faqsite.pages import QUESTION, read_page
from faqsite.translations.freshness import Status, statuses

log = get_plugin_logger(__name__)

# Third-party chatter a reader of the build log does not need: jieba's
# dictionary loading, and mkdocs-static-i18n's per-option "Overriding …" lines.
QUIET_LOGGERS = ("jieba", "mkdocs.plugins.mkdocs_static_i18n")


def _quiet() -> None:
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    try:
        import jieba

        jieba.setLogLevel(logging.WARNING)
    except ImportError:
        pass


class FaqSitePlugin(BasePlugin[FaqSiteConfig]):
    def __init__(self) -> None:
        self.catalog = Catalog([])
        self.translations: list[Status] = []
        self.env: Environment | None = None
        self.files: Files | None = None
        self.nav: Navigation | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        _quiet()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.catalog = Catalog([])
        if self.config.enabled:
            # Every language build would write its 404 page to the site root,
            # the last one winning; on_post_build writes one per language.
            config.theme.static_templates.discard("404.html")
        # Whole-site data, computed again for each language build: the Chinese
        # pages may have changed between two builds of `mkdocs serve`.
        self.translations = statuses(Path(config.docs_dir))
        i18n = config.plugins.get("i18n")
        if self.config.enabled and not getattr(i18n, "building", False):  # once, in the first language's build
            _report_missing_translations(self.translations)
            _feed_segmenter(Path(config.config_file_path).parent / self.config.search_glossary)
        return config

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
        self.env, self.files = env, files
        env.filters["faq_inline"] = inline_html
        return env

    @event_priority(-110)  # after mkdocs-static-i18n has built the other languages and merged their index
    def _split_search_index(self, *, config: MkDocsConfig) -> None:
        i18n = config.plugins.get("i18n")
        if self.config.enabled and i18n is not None and not getattr(i18n, "building", False):
            _split_search_index(config)

    @event_priority(0)  # before mkdocs-static-i18n starts the next language's build
    def _write_404_page(self, *, config: MkDocsConfig) -> None:
        if self.config.enabled:
            self._write_404(config)
            self._write_legacy_redirects(config)
            self._write_feed(config)

    def _write_feed(self, config: MkDocsConfig) -> None:
        """This language's Atom feed of issues, newest first, dated by publication; robots.txt once."""
        if self.env is None or not config.site_url:
            return
        lang = next((lang for lang in languages(config) if lang.locale == current_language(config)), None)
        prefix = lang.prefix if lang else ""
        units = sorted(
            (u for s in self.catalog.seasons for u in s.units if u.date), key=lambda u: (u.date, u.order), reverse=True
        )
        seasons = {s.id: s for s in self.catalog.seasons}
        # .html: MkDocs would copy a feed.xml theme file as it is
        xml = self.env.get_template("partials/atom-feed.html").render(
            config=config, units=units, seasons=seasons, prefix=prefix, lang=current_language(config)
        )
        write_file(xml.encode("utf-8"), str(Path(config.site_dir) / prefix / "feed.xml"))
        if not prefix:
            robots = f"User-agent: *\nAllow: /\n\nSitemap: {config.site_url.rstrip('/')}/sitemap.xml\n"
            write_file(robots.encode("utf-8"), str(Path(config.site_dir) / "robots.txt"))

    def _write_legacy_redirects(self, config: MkDocsConfig) -> None:
        """Pages at the upstream file's old paths that send each old anchor to its question.

        Upstream's pages are Chinese, and their old paths are one set for the
        whole site: only the default language's build writes them.
        """
        default = next((lang for lang in languages(config) if lang.default), None)
        if self.env is None or (default is not None and default.locale != current_language(config)):
            return
        base = urlsplit(config.site_url or "/").path or "/"
        template = self.env.get_template("legacy-redirect.html")
        for season in self.catalog.seasons:
            targets = {anchor: base + season.url + target for anchor, target in season.legacy_anchors.items()}
            for path in legacy_pages(season):
                html = template.render(season=season, season_url=base + season.url, targets=targets, config=config)
                write_file(html.encode("utf-8"), str(Path(config.site_dir) / path))

    on_post_build = CombinedEvent(_write_404_page, _split_search_index)

    def _write_404(self, config: MkDocsConfig) -> None:
        """This language's 404 page: /404.html for the default language, /en/404.html for English."""
        if self.env is None or self.files is None or self.nav is None:
            return
        lang = next((lang for lang in languages(config) if lang.locale == current_language(config)), None)
        prefix = lang.prefix if lang else ""
        base = urlsplit(config.site_url or "/").path or "/"
        # the language switch of a 404 page leads to each language's home page
        roots = [{"name": lang.name, "link": base + lang.prefix, "lang": lang.locale} for lang in languages(config)]
        config.extra.alternate = roots  # type: ignore[attr-defined]  # where mkdocs-static-i18n keeps it
        context = dict(get_context(self.nav, self.files, config, base_url=base))
        context["faq_catalog"] = self.catalog
        html = self.env.get_template("404.html").render(context)
        write_file(html.encode("utf-8"), str(Path(config.site_dir) / prefix / "404.html"))

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """A description of the page from its own content, unless its front matter has one."""
        if self.config.enabled and not page.meta.get("description"):
            entry = self.catalog.season(page.meta.get("season"))
            if entry is not None and not (page.meta.get("issue") or page.meta.get("part")):
                # a collection page: its own title and its units (prefaces repeat across collections)
                listing = f"{entry.title} · " + " · ".join(u.title for u in entry.units)
                page.meta["description"] = listing if len(listing) <= 155 else listing[:154].rstrip() + "…"
            else:
                page.meta["description"] = describe(html)
        return html

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """On an English page, a notice under each question whose Chinese original changed."""
        if not self.config.enabled or self.env is None:
            return markdown
        outdated = {s.id: s for s in self.translations if s.outdated and _same_file(s.en_path, page)}
        untranslated = [s for s in self.translations if s.missing and _same_file(s.en_path, page)]
        if untranslated:
            zh_url = twin_urls(page.url, languages(config)).get("zh", "")
            links = ", ".join(
                f"[{s.id.upper().replace('-', '.')}]({get_relative_url(zh_url, page.url)}#{s.id})" for s in untranslated
            )
            markdown += (
                f'\n\n!!! warning "Not translated yet"\n    Not yet in English on this page: {links} (in Chinese).\n'
            )
        if not outdated:
            return markdown
        template = self.env.get_template("partials/faq-outdated.html")
        zh_url = twin_urls(page.url, languages(config)).get("zh", "")
        lines = markdown.split("\n")
        out = []
        for line in lines:
            out.append(line)
            m = QUESTION.match(line)
            id_match = m and re.search(r"#([\w-]+)", m["attrs"])
            if id_match and id_match[1] in outdated:
                href = get_relative_url(zh_url, page.url) + f"#{id_match[1]}"
                out.extend(["", template.render(href=href, status=outdated[id_match[1]], config=config).strip(), ""])
        return "\n".join(out)

    @event_priority(-110)  # after mkdocs-static-i18n (-100) has chosen this language's files
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        _add_shared_assets(files, config)
        if not config.strict:
            _add_placeholders(files, config, self.translations)
        read = {f.src_uri: (f, read_page(Path(f.abs_src_path))) for f in files.documentation_pages() if f.abs_src_path}
        self.catalog = build_catalog(
            [(uri, f.url, page.meta) for uri, (f, page) in read.items()],
            {uri: [(q.label, q.title, q.id) for q in page.questions] for uri, (_, page) in read.items()},
            _legacy(Path(config.config_file_path).parent / self.config.upstream_locks),
        )
        return files

    @event_priority(-110)  # after mkdocs-static-i18n has dropped its language sections
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled:
            return nav
        self.nav = nav
        titles = {s.src_uri: s.nav_title for s in self.catalog.seasons}
        _tidy_sections(nav.items, titles)
        nav.items = _unwrap_folders(nav.items)
        return nav

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if self.config.enabled:
            extra = cast(dict[str, Any], context)  # our own keys, read by our templates
            extra["faq_catalog"] = self.catalog
            langs = languages(config)
            extra["faq_alternates"] = [
                {"lang": lang.locale, "url": url, "default": lang.default}
                for lang, url in zip(langs, twin_urls(page.url, langs).values(), strict=False)
            ]
        return context


def _legacy(folder: Path) -> dict[str, tuple[list[str], dict[str, str]]]:
    """collection id -> (old upstream paths, old anchor -> target), from the import locks."""
    out: dict[str, tuple[list[str], dict[str, str]]] = {}
    for path in sorted(folder.glob("*.yml")):
        try:
            found = locks.read(path)
        except SourceError as exc:
            raise PluginError("; ".join(str(p) for p in exc.problems)) from None
        if found is not None:
            out[found.collection] = ([found.upstream_path, *found.legacy_paths], found.legacy_anchors)
    return out


def _add_placeholders(files: Files, config: MkDocsConfig, found: list[Status]) -> None:
    """In a preview (not strict), an English page not yet written stands in with a notice.

    The strict build, and so CI, still fails on the missing translation. The
    stand-in keeps its language folder in its path ("en/faq/…"), as
    mkdocs-static-i18n gives the other pages of a non-default language, so it is
    written under /en/ and never over the Chinese page.
    """
    lang = current_language(config)
    docs = Path(config.docs_dir)
    for path in sorted({s.en_path for s in found if s.missing and not s.en_path.exists()}):
        src_uri = path.relative_to(docs).as_posix()
        if not src_uri.startswith(f"{lang}/") or src_uri in files.src_uris:
            continue
        zh = read_page(docs / "zh" / src_uri.removeprefix(f"{lang}/"))
        meta = {k: v for k, v in zh.meta.items() if k in ("season", "issue", "part", "date", "title")}
        meta.setdefault("title", src_uri)
        files.append(File.generated(config, src_uri, content=page_text(meta, NOT_TRANSLATED_PAGE, [])))


NOT_TRANSLATED_PAGE = '!!! warning "Not translated yet"\n    This page has no English translation yet; this preview stands in for it. The strict build fails until it is written.'


def _feed_segmenter(glossary: Path) -> None:
    """Glossary terms stay whole words in the Chinese search index (Material segments with jieba)."""
    try:
        import jieba
    except ImportError:
        return
    for term in glossary_terms(glossary):
        jieba.add_word(term)


def _split_search_index(config: MkDocsConfig) -> None:
    """Once all languages are built: one search index per language (see faqsite.mkdocs_plugin.search)."""
    site = Path(config.site_dir)
    merged = site / "search" / "search_index.json"
    if not merged.exists():
        return
    prefixes = {lang.locale: lang.prefix for lang in languages(config)}
    for locale, index in split_index(json.loads(merged.read_text(encoding="utf-8")), prefixes).items():
        write_file(
            json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
            str(site / prefixes[locale] / "search" / "search_index.json"),
        )


def _same_file(path: Path, page: Page) -> bool:
    return page.file.abs_src_path is not None and Path(page.file.abs_src_path).resolve() == path.resolve()


def _report_missing_translations(found: list[Status]) -> None:
    """A missing English translation fails the (strict) build; an outdated one does not."""
    for s in found:
        if s.missing:
            log.warning(
                f"{display_path(s.en_path)}: {s.id}: translation missing (the Chinese question is at {display_path(s.zh_path)}:{s.zh_line})"
            )


def _add_shared_assets(files: Files, config: MkDocsConfig) -> None:
    """Give every language the assets outside the language folders (docs/images/, docs/assets/).

    With ``fallback_to_default: false`` (no Chinese page may stand in for a
    missing English one) mkdocs-static-i18n also drops the shared assets from
    the non-default builds; we add them back at their one, shared URL.
    """
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return
    locales = {lang.locale for lang in i18n.config.languages}
    for file in get_files(config):
        if file.is_documentation_page() or file.src_uri.split("/")[0] in locales:
            continue
        if file.src_uri not in files.src_uris:
            files.append(File(file.src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))


def _tidy_sections(items: list[Any], titles: dict[str, str]) -> None:
    """Sort pages naturally (issue-10 after issue-9) and title seasons from their index page."""
    for item in items:
        if not isinstance(item, Section):
            continue
        item.children.sort(key=lambda c: (0, []) if _is_index(c) else (1, natural_key(_src_uri(c))))
        index = next((c for c in item.children if isinstance(c, Page) and _is_index(c)), None)
        if index is not None and index.file.src_uri in titles:
            item.title = titles[index.file.src_uri]
        _tidy_sections(item.children, titles)


def _unwrap_folders(items: list[Any]) -> list[Any]:
    """A section that is only a folder of sections (``faq/``) gives way to its children."""
    out: list[Any] = []
    for item in items:
        if isinstance(item, Section) and item.children and all(isinstance(c, Section) for c in item.children):
            for child in item.children:
                child.parent = item.parent
            out.extend(item.children)
        else:
            out.append(item)
    return out


def _src_uri(item: Any) -> str:
    return item.file.src_uri if isinstance(item, Page) else str(item.title or "")


def _is_index(item: Any) -> bool:
    return isinstance(item, Page) and item.file.src_uri.endswith("index.md")

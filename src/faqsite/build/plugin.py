"""The ``faqsite`` MkDocs plugin: thin handlers over :mod:`faqsite.build.catalog`.

mkdocs-static-i18n builds the site once per language, so every event below
fires once per language; state is reset in ``on_config``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, get_files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from faqsite.build.catalog import Catalog, build_catalog, front_matter, natural_key
from faqsite.build.config import FaqSiteConfig

log = get_plugin_logger(__name__)


class FaqSitePlugin(BasePlugin[FaqSiteConfig]):
    def __init__(self) -> None:
        self.catalog = Catalog([])

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.catalog = Catalog([])
        return config

    @event_priority(-110)  # after mkdocs-static-i18n (-100) has chosen this language's files
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        _add_shared_assets(files, config)
        pages = [
            (f.src_uri, f.url, front_matter(Path(f.abs_src_path)))
            for f in files.documentation_pages()
            if f.abs_src_path
        ]
        self.catalog = build_catalog(pages)
        return files

    @event_priority(-110)  # after mkdocs-static-i18n has dropped its language sections
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled:
            return nav
        titles = {s.src_uri: s.nav_title for s in self.catalog.seasons}
        _tidy_sections(nav.items, titles)
        nav.items = _unwrap_folders(nav.items)
        return nav

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any] | None:
        if self.config.enabled:
            context["faq_catalog"] = self.catalog
        return context


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
        index = next((c for c in item.children if _is_index(c)), None)
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

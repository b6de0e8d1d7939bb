"""The navigation as readers see it: units in natural order, collections titled from their index page."""

from __future__ import annotations

from typing import Any

from markupsafe import escape
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from faqsite.mkdocs_plugin.catalog import natural_key


def tidy_sections(items: list[Any], titles: dict[str, str]) -> None:
    """Sort pages naturally (issue-10 after issue-9) and title collections from their index page."""
    for item in items:
        if not isinstance(item, Section):
            continue
        item.children.sort(key=lambda c: (0, []) if _is_index(c) else (1, natural_key(_src_uri(c))))
        index = next((c for c in item.children if isinstance(c, Page) and _is_index(c)), None)
        if index is not None and index.file.src_uri in titles:
            item.title = escape(titles[index.file.src_uri])  # front matter: text, as the theme prints it as is
        tidy_sections(item.children, titles)


def unwrap_folders(items: list[Any]) -> list[Any]:
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
    return isinstance(item, Page) and item.file.src_uri.rsplit("/", 1)[-1] == "index.md"


def place_section(items: list[Any], index_src_uri: str, order: list[str]) -> list[Any]:
    """The section whose index page is ``index_src_uri`` (the topics): its pages in ``order`` (src_uris),
    and the section right after the top-level pages (the home and all-questions pages), before the
    collections."""
    section = next(
        (i for i in items if isinstance(i, Section) and any(_src_uri(c) == index_src_uri for c in i.children)), None
    )
    if section is None:
        return items
    rank = {src_uri: n for n, src_uri in enumerate(order)}
    section.children.sort(key=lambda c: rank.get(_src_uri(c), len(rank)))
    rest = [i for i in items if i is not section]
    at = next((n for n, i in enumerate(rest) if not isinstance(i, Page)), len(rest))
    return [*rest[:at], section, *rest[at:]]

"""The translation's state shown in the build: notices on English pages, stand-ins in the preview."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs.utils import get_relative_url

from faqsite.importer.render import page_text
from faqsite.markdown.model import SitePage, parse_page
from faqsite.translations.freshness import Status

NOT_TRANSLATED = '!!! warning "Not translated yet"\n    Not yet in English on this page: {links} (in Chinese).\n'
NOT_TRANSLATED_PAGE = (
    '!!! warning "Not translated yet"\n'
    "    This page has no English translation yet; this preview stands in for it."
    " The strict build fails until it is written."
)


def with_notices(
    markdown: str, *, path: Path, url: str, source_url: str, found: list[Status], env: Environment, config: object
) -> str:
    """``markdown`` of the English page at ``path`` with a notice under each question whose Chinese
    original changed, and one at the end for the questions not translated yet. ``source_url`` is the
    Chinese twin's URL."""
    mine = [s for s in found if s.en_path.resolve() == path.resolve()]
    untranslated = [s for s in mine if s.missing]
    if untranslated:
        links = ", ".join(
            f"[{s.id.upper().replace('-', '.')}]({get_relative_url(source_url, url)}#{s.id})" for s in untranslated
        )
        markdown += "\n\n" + NOT_TRANSLATED.format(links=links)
    outdated = {s.id: s for s in mine if s.outdated}
    if not outdated:
        return markdown
    template = env.get_template("partials/faq-outdated.html")
    lines = markdown.split("\n")
    after: dict[int, str] = {}  # 0-based line of a heading -> the notice under it
    for q in parse_page(markdown, path).questions:
        if q.id in outdated:
            href = f"{get_relative_url(source_url, url)}#{q.id}"
            after[q.line - 1] = template.render(href=href, status=outdated[q.id], config=config).strip()
    out: list[str] = []
    for i, line in enumerate(lines):
        out.append(line)
        if i in after:
            out.extend(["", after[i], ""])
    return "\n".join(out)


def stand_in(zh: SitePage, fallback_title: str) -> str:
    """The preview's page for a missing English page: the Chinese page's front matter and a notice."""
    meta = {k: v for k, v in zh.meta.items() if k in ("season", "issue", "part", "date", "title")}
    meta.setdefault("title", fallback_title)
    return page_text(meta, NOT_TRANSLATED_PAGE, [])

"""The translation's state shown in the build: notices on English pages, stand-ins in the preview."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs.utils import get_relative_url

from faqsite.importer.render import page_text
from faqsite.markdown.model import SitePage, parse_page
from faqsite.translations.freshness import Status

UNTRANSLATED = "partials/faq-untranslated.html"  # strings per language in partials/faq-strings.html
OUTDATED = "partials/faq-outdated.html"


def with_notices(
    markdown: str,
    *,
    path: Path,
    url: str,
    source_url: str,
    source_lang: str,
    found: list[Status],
    env: Environment,
    config: object,
) -> str:
    """``markdown`` of the English page at ``path`` with a notice under each question whose Chinese
    original changed, and one at the end for the questions not translated yet. ``source_url`` is the
    URL of the original (the twin in ``source_lang``, the default language)."""
    mine = [s for s in found if s.en_path.resolve() == path.resolve()]
    source = get_relative_url(source_url, url)
    untranslated = [s for s in mine if s.missing]
    if untranslated:
        links = [{"label": s.id.upper().replace("-", "."), "href": f"{source}#{s.id}"} for s in untranslated]
        notice = env.get_template(UNTRANSLATED).render(links=links, source_lang=source_lang, config=config)
        markdown += "\n\n" + notice.strip() + "\n"
    outdated = {s.id: s for s in mine if s.outdated}
    if not outdated:
        return markdown
    template = env.get_template(OUTDATED)
    lines = markdown.split("\n")
    after: dict[int, str] = {}  # 0-based line of a heading -> the notice under it
    for q in parse_page(markdown, path).questions:
        if q.id in outdated:
            href = f"{source}#{q.id}"
            notice = template.render(href=href, status=outdated[q.id], source_lang=source_lang, config=config)
            after[q.line - 1] = notice.strip()
    out: list[str] = []
    for i, line in enumerate(lines):
        out.append(line)
        if i in after:
            out.extend(["", after[i], ""])
    return "\n".join(out)


def stand_in(zh: SitePage, fallback_title: str, *, env: Environment, config: object) -> str:
    """The preview's page for a missing English page: the Chinese page's front matter and a notice."""
    meta = {k: v for k, v in zh.meta.items() if k in ("season", "issue", "part", "date", "title")}
    meta.setdefault("title", fallback_title)
    return page_text(meta, env.get_template(UNTRANSLATED).render(links=[], config=config).strip(), [])

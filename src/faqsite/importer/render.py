"""Season data -> page texts (Markdown with YAML front matter)."""

from __future__ import annotations

import hashlib
import re
from typing import Any

import yaml

from faqsite.importer.model import Question, Season, Unit
from faqsite.importer.normalize import CODE_SPAN

DIGEST_KEY = "import_digest"
DIGEST_LINE = re.compile(rf"^{DIGEST_KEY}: .*\n", re.M)
LINK_TEXT_SPECIAL = re.compile(r"([\[\]])")


def digest(text: str) -> str:
    """Digest of a page without its own digest line."""
    return hashlib.sha256(DIGEST_LINE.sub("", text, count=1).encode("utf-8")).hexdigest()[:16]


def with_digest(meta: dict[str, Any], body: str) -> str:
    """Front matter and body, the front matter ending with the page's digest."""
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    page = f"---\n{head}---\n\n{body.rstrip()}\n"
    return page.replace("\n---\n\n", f"\n{DIGEST_KEY}: {digest(page)}\n---\n\n", 1)


def link_text(title: str) -> str:
    """Escape brackets outside code spans so a title can be link text."""
    out, last = [], 0
    for m in CODE_SPAN.finditer(title):
        out.extend([LINK_TEXT_SPECIAL.sub(r"\\\1", title[last : m.start()]), m.group(0)])
        last = m.end()
    out.append(LINK_TEXT_SPECIAL.sub(r"\\\1", title[last:]))
    return "".join(out)


def question_heading(q: Question) -> str:
    return f"## {q.label}: {q.title} {{#{q.anchor}}}"


def unit_title(unit: Unit) -> str:
    return unit.title if unit.kind == "issue" else f"{unit.dotted} {unit.title}"


def unit_page(season_id: str, unit: Unit) -> str:
    meta: dict[str, Any] = {"season": season_id}
    if unit.kind == "issue":
        meta["issue"] = unit.number[0]
    else:
        meta["part"] = unit.dotted
        if unit.part_title:
            meta["part_title"] = unit.part_title
    if unit.date:
        meta["date"] = unit.date
    if unit.source_date:
        meta["date_in_source"] = unit.source_date
    meta["title"] = unit_title(unit)
    blocks = [f"# {unit_title(unit)}"]
    for q in unit.questions:
        blocks.append(question_heading(q))
        if q.body:
            blocks.append(q.body)
    return with_digest(meta, "\n\n".join(blocks))


def season_nav_title(season_id: str) -> str:
    """``2021-s1`` -> ``2021 第 1 季``."""
    year, _, number = season_id.partition("-s")
    return f"{year} 第 {int(number)} 季"


def season_page(season_id: str, season: Season, legacy: dict[str, Any] | None = None) -> str:
    meta: dict[str, Any] = {"season": season_id, "title": season.title, "nav_title": season_nav_title(season_id)}
    if legacy:
        meta["legacy"] = legacy  # old upstream paths and anchors, for redirects
    blocks = [f"# {season.title}"]
    if season.preface:
        blocks.append(season.preface)
    for unit in season.units:
        date = f" · {unit.date.isoformat()}" if unit.date else ""
        blocks.append(f"## {unit_title(unit)}{date} {{#{unit.slug}}}")
        blocks.append(
            "\n".join(f"- [{q.label}: {link_text(q.title)}]({unit.slug}.md#{q.anchor})" for q in unit.questions)
        )
    return with_digest(meta, "\n\n".join(blocks))


def render_season(season_id: str, season: Season, legacy: dict[str, Any] | None = None) -> dict[str, str]:
    """File name (relative to the season folder) -> page text."""
    pages = {f"{u.slug}.md": unit_page(season_id, u) for u in season.units}
    pages["index.md"] = season_page(season_id, season, legacy)
    return pages

"""Season data -> pages as plain data (:class:`PagePlan`), and pages -> Markdown text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from faqsite.importer.model import SEASON_ID, Question, Season, Unit
from faqsite.markdown.model import question_key


@dataclass(frozen=True)
class QuestionText:
    """One question as a page holds it: label, id, title and answer (Markdown)."""

    id: str
    label: str
    title: str
    body: str

    def key(self) -> str:
        return question_key(self.label, self.title, self.body)

    def block(self) -> str:
        heading = f"## {self.label}: {self.title} {{#{self.id}}}"
        return f"{heading}\n\n{self.body.strip()}" if self.body.strip() else heading


@dataclass
class PagePlan:
    """A page of a collection: its front matter, title, intro text and questions."""

    name: str  # file name in the collection folder: "issue-3.md", "index.md"
    meta: dict[str, Any]
    intro: str = ""
    questions: list[QuestionText] = field(default_factory=list)

    def text(self) -> str:
        return page_text(self.meta, self.intro, [q.block() for q in self.questions])


def front_matter(meta: dict[str, Any]) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n"


def page_text(meta: dict[str, Any], intro: str, blocks: list[str]) -> str:
    parts = [f"# {meta['title']}"]
    if intro.strip():
        parts.append(intro.strip())
    parts.extend(b.strip() for b in blocks)
    return front_matter(meta) + "\n" + "\n\n".join(parts) + "\n"


def question_text(q: Question) -> QuestionText:
    return QuestionText(q.anchor, q.label, q.title, q.body)


def unit_title(unit: Unit) -> str:
    return unit.title if unit.kind == "issue" else f"{unit.dotted} {unit.title}"


def unit_page(season_id: str, unit: Unit) -> PagePlan:
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
    return PagePlan(f"{unit.slug}.md", meta, "", [question_text(q) for q in unit.questions])


def season_nav_title(season_id: str) -> str:
    """``2021-s1`` -> ``2021 第 1 季``; another collection keeps its id until given a title."""
    m = SEASON_ID.fullmatch(season_id)
    return f"{m['year']} 第 {int(m['number'])} 季" if m else season_id


def collection_page(season_id: str, season: Season, title: str | None = None, nav_title: str | None = None) -> PagePlan:
    """The collection's own page: its title and the upstream preface; the plugin lists its units."""
    meta: dict[str, Any] = {
        "season": season_id,
        "title": title or season.title,
        "nav_title": nav_title or season_nav_title(season_id),
    }
    return PagePlan("index.md", meta, season.preface)


def plan_pages(
    season_id: str, season: Season, title: str | None = None, nav_title: str | None = None
) -> list[PagePlan]:
    """Every page of a collection, the collection page first."""
    return [collection_page(season_id, season, title, nav_title), *(unit_page(season_id, u) for u in season.units)]

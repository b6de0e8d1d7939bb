"""What the site holds, read from the pages' front matter: seasons and their units.

Pure functions over (path, front matter) pairs, so the home page, the
navigation and the feeds all see the same data.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from faqsite.importer.model import SEASON_ID
from faqsite.markdown.model import CODE_SPAN

NATURAL = re.compile(r"(\d+)")


def inline_html(text: str) -> Markup:
    """A question title as HTML: escaped, its code spans as <code> (titles are plain text otherwise)."""
    out, last = [], 0
    for m in CODE_SPAN.finditer(text):
        out.append(str(escape(text[last : m.start()])))
        ticks = len(m["ticks"])
        out.append(f"<code>{escape(m.group(0)[ticks:-ticks].strip())}</code>")
        last = m.end()
    out.append(str(escape(text[last:])))
    return Markup("".join(out))


def natural_key(text: str) -> list[Any]:
    """``issue-10`` sorts after ``issue-9``."""
    return [int(p) if p.isdigit() else p for p in NATURAL.split(text)]


@dataclass
class UnitEntry:
    season: str
    title: str
    src_uri: str
    url: str
    date: dt.date | None
    order: list[Any]
    questions: list[tuple[str, str, str]] = field(default_factory=list)  # (label, title, id)
    kind: str = "issue"  # "issue" or "part" (a part or a part's section)
    part_title: str = ""  # for sections: the title of their part (理论篇)
    updated: dt.datetime | None = None  # the page's last change (faqsite.history); None: not known

    @property
    def slug(self) -> str:
        """The page's file name without extension: the unit's id on the collection page."""
        return self.src_uri.rsplit("/", 1)[-1].removesuffix(".md")


@dataclass
class SeasonEntry:
    id: str
    title: str
    nav_title: str
    src_uri: str
    url: str
    units: list[UnitEntry] = field(default_factory=list)
    legacy_paths: list[str] = field(default_factory=list)  # upstream paths of the season's file
    legacy_anchors: dict[str, str] = field(default_factory=dict)  # old anchor -> "issue-3/#q3-2"

    @property
    def questions(self) -> int:
        return sum(len(u.questions) for u in self.units)

    @property
    def kind(self) -> str:
        """'issue' when every unit is an issue, else 'part' (parts and sections)."""
        return "issue" if self.units and all(u.kind == "issue" for u in self.units) else "part"

    @property
    def dates(self) -> tuple[dt.date, dt.date] | None:
        dated = [u.date for u in self.units if u.date]
        return (min(dated), max(dated)) if dated else None

    def groups(self) -> list[tuple[str, list[UnitEntry]]]:
        """Units grouped under their part title ('' for issues and parts of their own), in order."""
        out: list[tuple[str, list[UnitEntry]]] = []
        for unit in self.units:
            if out and out[-1][0] == unit.part_title:
                out[-1][1].append(unit)
            else:
                out.append((unit.part_title, [unit]))
        return out


@dataclass
class Catalog:
    seasons: list[SeasonEntry]

    def season(self, id_: object) -> SeasonEntry | None:
        """The collection with this id (a page's ``season`` front matter), or None."""
        return next((s for s in self.seasons if s.id == id_), None)

    def unit(self, src_uri: object) -> UnitEntry | None:
        """The issue or section page at ``src_uri``, or None."""
        return next((u for s in self.seasons for u in s.units if u.src_uri == src_uri), None)

    @property
    def latest(self) -> UnitEntry | None:
        dated = [u for s in self.seasons for u in s.units if u.date]
        return max(dated, key=lambda u: (u.date, u.order), default=None)


def build_catalog(
    pages: list[tuple[str, str, dict[str, Any]]],
    questions: dict[str, list[tuple[str, str, str]]] | None = None,
    legacy_of: dict[str, tuple[list[str], dict[str, str]]] | None = None,
    updated: dict[str, dt.datetime] | None = None,
) -> Catalog:
    """``pages`` holds (src_uri, url, front matter) for every Markdown page;
    ``questions`` (src_uri -> (label, title, id)) the questions of each;
    ``legacy_of`` (collection id -> (old upstream paths, old anchor -> target)) the redirects;
    ``updated`` (src_uri -> datetime) the last change of the pages the history dates."""
    questions = questions or {}
    seasons: dict[str, SeasonEntry] = {}
    units: list[UnitEntry] = []
    for src_uri, url, meta in pages:
        season = meta.get("season")
        if not season:
            continue
        if src_uri.rsplit("/", 1)[-1] == "index.md":
            legacy = (legacy_of or {}).get(str(season), ([], {}))
            seasons[season] = SeasonEntry(
                season,
                meta.get("title", season),
                meta.get("nav_title", meta.get("title", season)),
                src_uri,
                url,
                legacy_paths=list(legacy[0]),
                legacy_anchors=dict(legacy[1]),
            )
        else:
            date = meta.get("date")
            units.append(
                UnitEntry(
                    season,
                    str(meta.get("title", "")),
                    src_uri,
                    url,
                    date if isinstance(date, dt.date) else None,
                    natural_key(src_uri),
                    questions.get(src_uri, []),
                    "issue" if "issue" in meta else "part",
                    str(meta.get("part_title") or ""),
                    (updated or {}).get(src_uri),
                )
            )
    for unit in sorted(units, key=lambda u: u.order):
        if unit.season in seasons:
            seasons[unit.season].units.append(unit)
    return Catalog(sorted(seasons.values(), key=collection_order))


def collection_order(season: SeasonEntry) -> tuple[int, str]:
    """Seasons newest first (2022-s1 before 2021-s2), then the other collections by id."""
    m = SEASON_ID.fullmatch(season.id)
    return (0, f"{9999 - int(m['year']):04d}-{99 - int(m['number']):02d}") if m else (1, season.id)

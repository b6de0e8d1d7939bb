"""What the site holds, read from the pages' front matter: seasons and their units.

Pure functions over (path, front matter) pairs, so the home page, the
navigation and the feeds all see the same data.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

NATURAL = re.compile(r"(\d+)")


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


@dataclass
class Catalog:
    seasons: list[SeasonEntry]

    @property
    def latest(self) -> UnitEntry | None:
        dated = [u for s in self.seasons for u in s.units if u.date]
        return max(dated, key=lambda u: (u.date, u.order), default=None)


def build_catalog(
    pages: list[tuple[str, str, dict[str, Any]]], questions: dict[str, list[tuple[str, str, str]]] | None = None
) -> Catalog:
    """``pages`` holds (src_uri, url, front matter) for every Markdown page;
    ``questions`` (src_uri -> (label, title, id)) the questions of each."""
    questions = questions or {}
    seasons: dict[str, SeasonEntry] = {}
    units: list[UnitEntry] = []
    for src_uri, url, meta in pages:
        season = meta.get("season")
        if not season:
            continue
        if src_uri.endswith("index.md"):
            legacy = meta.get("legacy") or {}
            seasons[season] = SeasonEntry(
                season,
                meta.get("title", season),
                meta.get("nav_title", meta.get("title", season)),
                src_uri,
                url,
                legacy_paths=[str(p) for p in legacy.get("paths", [])],
                legacy_anchors={str(k): str(v) for k, v in (legacy.get("anchors") or {}).items()},
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
                )
            )
    for unit in sorted(units, key=lambda u: u.order):
        if unit.season in seasons:
            seasons[unit.season].units.append(unit)
    return Catalog(sorted(seasons.values(), key=lambda s: s.id, reverse=True))


def legacy_pages(season: SeasonEntry) -> list[str]:
    """Site paths where an old upstream path of the season lands: 'docs/zh_CN/FAQ/x.md' ->
    'zh_CN/FAQ/x.html' and 'zh_CN/FAQ/x/index.html' (as rendered by documentation hosts)."""
    out = []
    for path in season.legacy_paths:
        stem = path.removeprefix("docs/").removesuffix(".md")
        out.extend([f"{stem}.html", f"{stem}/index.html"])
    return out

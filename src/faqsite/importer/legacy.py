"""Old links into the upstream single-page FAQ: its anchors, mapped to our pages.

Upstream readers link to ``faq_2021_s1.md#1``, ``#第1期`` (the legacy
layout's named anchors) or to a heading as GitHub renders its anchor
(``#q11-在模型导出时...``). From the parsed season we derive every such anchor
and where it now lives; the build turns the map into redirect pages.
"""

from __future__ import annotations

import re
import unicodedata

from faqsite.importer.model import Season
from faqsite.importer.normalize import HAN

CODE_TICKS = re.compile(r"`+")
HAN_LATIN_SPACE = re.compile(rf"(?<=[{HAN}])\s+(?=[A-Za-z0-9`])|(?<=[A-Za-z0-9`])\s+(?=[{HAN}])")


def github_slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    kept = []
    for ch in CODE_TICKS.sub("", heading).strip().lower():
        category = unicodedata.category(ch)
        if category[0] in "LMN" or category == "Pc" or ch in " -":
            kept.append(ch)
    return "".join(kept).replace(" ", "-")


def slug_variants(heading: str) -> set[str]:
    """Anchors of a heading in both upstream layouts: as written, and without Chinese-Latin spaces."""
    return {github_slug(heading), github_slug(HAN_LATIN_SPACE.sub("", heading))}


def legacy_anchors(season: Season) -> dict[str, str]:
    """Old anchor -> our page and fragment, relative to the season folder ('issue-3/#q3-2')."""
    out: dict[str, str] = {}
    for unit in season.units:
        page = f"{unit.slug}/"
        for anchor in [*unit.legacy_anchors, *(e.anchor for e in season.toc if e.number == unit.number)]:
            out.setdefault(anchor, page)
        for heading in filter(None, [unit.source_heading, unit.title]):
            for slug in slug_variants(heading):
                out.setdefault(slug, page)
        for q in unit.questions:
            for heading in filter(None, [q.source_heading, f"{q.label}: {q.title}", f"{q.label} {q.title}"]):
                for slug in slug_variants(heading):
                    out.setdefault(slug, f"{page}#{q.anchor}")
    return dict(sorted(out.items()))

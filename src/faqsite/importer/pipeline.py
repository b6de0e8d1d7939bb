"""parse -> normalize -> render -> write, for one season file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from faqsite.errors import Problem
from faqsite.importer.figures import load_registry
from faqsite.importer.legacy import legacy_anchors
from faqsite.importer.normalize import Context, normalize_season
from faqsite.importer.parse import parse, read_source
from faqsite.importer.render import render_season
from faqsite.importer.write import write_pages


@dataclass(frozen=True)
class ImportOptions:
    source: Path
    season: str  # "2021-s1"
    docs: Path = Path("docs")
    lang: str = "zh"
    figures: Path = Path("data/figures.yml")
    upstream_repo: str = "https://github.com/PaddlePaddle/PaddleClas/blob/release/2.5/"
    upstream_path: str = "docs/zh_CN/FAQ/faq_2021_s1.md"
    legacy_paths: tuple[str, ...] = ()  # earlier upstream paths of the same file
    force: bool = False


@dataclass
class ImportResult:
    pages: dict[Path, str]
    warnings: list[Problem] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)


def plan_import(options: ImportOptions) -> ImportResult:
    """Everything short of writing: the pages and the warnings. Raises SourceError."""
    source = str(options.source)
    season = parse(read_source(options.source), source)
    anchors = {a: f"{u.slug}.md" for u in season.units for a in u.legacy_anchors}
    for entry in season.toc:  # a part with sections has no page: its anchor leads to its first section
        unit = next((u for u in season.units if u.number[: len(entry.number)] == entry.number), None)
        if unit is not None:
            anchors.setdefault(entry.anchor, f"{unit.slug}.md")
    ctx = Context(
        source=source,
        figures=load_registry(options.figures),
        upstream_url=urljoin(options.upstream_repo, options.upstream_path),
        anchors=anchors,
    )
    normalized, warnings = normalize_season(season, ctx)
    folder = options.docs / options.lang / "faq" / options.season
    legacy = {"paths": [options.upstream_path, *options.legacy_paths], "anchors": legacy_anchors(season)}
    pages = {folder / name: text for name, text in render_season(options.season, normalized, legacy).items()}
    return ImportResult(pages, warnings)


def import_season(options: ImportOptions) -> ImportResult:
    result = plan_import(options)
    result.written = write_pages(result.pages, force=options.force)
    return result

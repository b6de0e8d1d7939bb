"""parse -> normalize -> render -> merge -> write, for one upstream file (a collection).

Every problem of a run is reported together; a refusal or a merge conflict
writes nothing. The collection's lock (``data/upstream/<id>.yml``) records what
upstream said, so that the next import merges per question. Pages, lock and
images are written in one transaction (:mod:`faqsite.fileio`): all or nothing,
even if the import is killed, and only under ``docs/`` and ``data/``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from faqsite.errors import Problem, SourceError, display_path, errors_of
from faqsite.fileio import recover, write_files
from faqsite.importer import lock as locks
from faqsite.importer.figures import load_registry
from faqsite.importer.images import upstream_image
from faqsite.importer.legacy import legacy_anchors
from faqsite.importer.merge import Conflict, merge
from faqsite.importer.model import COLLECTION_ID
from faqsite.importer.normalize import Context, normalize_season
from faqsite.importer.parse import parse_season, read_source
from faqsite.importer.render import plan_pages
from faqsite.markdown.model import read_page

DEFAULT_REPO = "https://github.com/PaddlePaddle/PaddleClas/blob/release/2.5/"


@dataclass(frozen=True)
class ImportOptions:
    collection: str  # "2021-s1", "selected-30"
    source: Path | None = None  # the upstream file; from the lock when None
    docs: Path = Path("docs")
    data: Path = Path("data")
    lang: str = "zh"
    figures: Path | None = None  # the figure registry; data/figures.yml when None
    upstream_repo: str = DEFAULT_REPO
    upstream_path: str | None = None  # path of the file upstream; from the lock, else docs/zh_CN/FAQ/<name>
    legacy_paths: tuple[str, ...] = ()  # earlier upstream paths of the same file
    title: str | None = None
    nav_title: str | None = None
    keep: frozenset[str] = frozenset()
    take: frozenset[str] = frozenset()

    @property
    def folder(self) -> Path:
        return self.docs / self.lang / "faq" / self.collection

    @property
    def lock_path(self) -> Path:
        return self.data / "upstream" / f"{self.collection}.yml"


class ConflictError(SourceError):
    """Questions changed here and upstream: nothing is written until each is resolved."""

    def __init__(self, conflicts: list[Conflict]) -> None:
        self.conflicts = conflicts
        super().__init__([c.problem() for c in conflicts])


@dataclass
class ImportResult:
    files: dict[Path, str | bytes]
    warnings: list[Problem] = field(default_factory=list)
    applied: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)  # pages upstream no longer has (unedited here)
    finished: list[Path] = field(default_factory=list)  # files of an interrupted earlier write, completed first


def plan_import(options: ImportOptions) -> ImportResult:
    """Everything short of writing: the files that change and the warnings. Raises SourceError."""
    if not COLLECTION_ID.fullmatch(options.collection):
        raise SourceError(
            Problem(
                "<arguments>",
                0,
                f"collection id {options.collection!r} is malformed (expected YEAR-sN such as 2021-s1, or a slug such as selected-30)",
            )
        )
    base = locks.read(options.lock_path)
    source = options.source or (Path(base.source) if base else None)
    if source is None:
        raise SourceError(
            Problem(
                display_path(options.lock_path),
                0,
                f"no lock for {options.collection} (expected the upstream file on the first import: faqsite import SOURCE --collection {options.collection})",
            )
        )
    upstream_path = options.upstream_path or (base.upstream_path if base else f"docs/zh_CN/FAQ/{source.name}")
    legacy_paths = list(options.legacy_paths) or (base.legacy_paths if base else [])
    title = options.title or (base.title if base else None)
    nav_title = options.nav_title or (base.nav_title if base else None)
    name = str(source)

    season, problems = parse_season(read_source(source), name)
    anchors = {a: f"{u.slug}.md" for u in season.units for a in u.legacy_anchors}
    anchors.update({a: f"{u.slug}.md#{q.anchor}" for u in season.units for q in u.questions for a in q.legacy_anchors})
    for entry in season.toc:  # a part with sections has no page: its anchor leads to its first section
        unit = next((u for u in season.units if u.number[: len(entry.number)] == entry.number), None)
        if unit is not None:
            anchors.setdefault(entry.anchor, f"{unit.slug}.md")
    figures_path = options.figures or options.data / "figures.yml"
    try:
        registry = load_registry(figures_path)
    except SourceError as exc:
        raise SourceError(problems + exc.problems) from None
    ctx = Context(
        source=name,
        figures=registry,
        upstream_url=urljoin(options.upstream_repo, upstream_path),
        collection=options.collection,
        anchors=anchors,
    )
    normalized, more = normalize_season(season, ctx)
    problems.extend(more)
    images: dict[Path, bytes] = {}
    for figure, src, line in ctx.images:
        try:
            _, data = upstream_image(source, src, figure, line)
        except SourceError as exc:
            problems.extend(exc.problems)
            continue
        images[options.docs / "images" / "faq" / figure.file] = data
    problems.sort(key=lambda p: (p.path, p.line))
    if errors_of(problems):
        raise SourceError(problems)

    theirs = plan_pages(options.collection, normalized, title, nav_title)
    ours = {p.name: read_page(p) for p in sorted(options.folder.glob("*.md"))} if options.folder.is_dir() else {}
    merged = merge(theirs, base.pages if base else [], ours, options.keep, options.take, display_path(options.folder))
    if merged.conflicts:
        raise ConflictError(merged.conflicts)
    new_lock = locks.Lock(
        collection=options.collection,
        source=Path(display_path(source)).as_posix(),
        upstream_path=upstream_path,
        legacy_paths=legacy_paths,
        title=title,
        nav_title=nav_title,
        pages=theirs,
        legacy_anchors=legacy_anchors(season),
    )
    files: dict[Path, str | bytes] = {options.folder / n: t for n, t in merged.pages.items()}
    lock_text = locks.dump(new_lock)
    if not options.lock_path.exists() or options.lock_path.read_text(encoding="utf-8") != lock_text:
        files[options.lock_path] = lock_text
    for path, data in images.items():
        if not path.exists() or path.read_bytes() != data:
            files[path] = data
    warnings = problems + merged.warnings
    en = options.docs / "en" / "faq" / options.collection
    for name in merged.removed:
        if (en / name).exists():
            warnings.append(
                Problem(
                    str(en / name),
                    1,
                    "its Chinese page is removed (upstream no longer has it); delete this translation or keep it by hand",
                    True,
                )
            )
    return ImportResult(
        files, warnings, merged.applied, merged.kept, removed=[options.folder / n for n in merged.removed]
    )


def import_collection(options: ImportOptions) -> ImportResult:
    """Finish an interrupted write first, then plan and write the import."""
    roots = (options.docs, options.data)
    finished = recover(roots)
    result = plan_import(options)
    finished += write_files(result.files, roots, result.removed)
    result.written = list(result.files)
    result.finished = finished
    return result

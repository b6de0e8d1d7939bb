"""The figure registry (``data/figures.yml``): upstream image -> our drawing or formula,
and formulas to show as math where an answer gives them only as code."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from faqsite.errors import Problem, SourceError

FILE_NAME = re.compile(r"[a-z0-9][a-z0-9._-]*\.(?:svg|png|jpg)")
RASTER = (".png", ".jpg")


@dataclass(frozen=True)
class Figure:
    upstream: str
    file: str
    width: int
    alt: dict[str, str]
    caption: dict[str, str]

    @property
    def raster(self) -> bool:
        """An upstream image we publish (optimized), rather than one of our drawings."""
        return self.file.endswith(RASTER)


@dataclass(frozen=True)
class Formula:
    upstream: str
    tex: str


@dataclass(frozen=True)
class Insertion:
    """A formula shown as math after a line of an answer that gives it only as code."""

    question: str  # label, "Q3.5"
    after: str  # text of the (normalized) line to insert after
    tex: str
    collection: str = ""  # the collection whose question it is ("2021-s1"); labels repeat across collections


@dataclass(frozen=True)
class FigureRegistry:
    figures: dict[str, Figure]
    formulas: dict[str, Formula]
    insertions: tuple[Insertion, ...] = ()

    def lookup(self, src: str) -> Figure | Formula | None:
        """Find an upstream reference such as ``../../images/faq/RepVGG.png``."""
        name = PurePosixPath(src.split("?")[0].split("#")[0]).name
        return self.figures.get(name) or self.formulas.get(name)

    def is_ours(self, src: str) -> bool:
        """True for a path to one of our own drawings (``…/images/faq/repvgg.svg``)."""
        path = PurePosixPath(src)
        return path.parent.name == "faq" and path.name in {f.file for f in self.figures.values()}

    @property
    def known(self) -> list[str]:
        return sorted([*self.figures, *self.formulas])


FIGURE_KEYS = ("upstream", "file", "width", "alt", "caption")
FORMULA_KEYS = ("upstream", "tex")
INSERTION_KEYS = ("collection", "question", "after", "tex")
LANGS = ("zh", "en")


def _entries(node: yaml.Node) -> list[tuple[int, dict[str, Any]]]:
    """Every mapping inside a list anywhere in the document, with its 1-based line."""
    found: list[tuple[int, dict[str, Any]]] = []
    if isinstance(node, yaml.MappingNode):
        for _, value in node.value:
            found.extend(_entries(value))
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            if isinstance(item, yaml.MappingNode):
                found.append((item.start_mark.line + 1, yaml.safe_load(yaml.serialize(item))))
    return found


def _entry(path: Path, line: int, data: dict[str, Any]) -> Figure | Formula | Insertion:
    """One registry entry, recognised by its keys wherever it stands in the file."""

    def fail(message: str) -> SourceError:
        return SourceError(Problem(str(path), line, message))

    keys: tuple[str, ...]
    if "question" in data:
        kind, keys = "insertion", INSERTION_KEYS
    elif "file" in data or "alt" in data or "caption" in data:
        kind, keys = "figure", FIGURE_KEYS
    elif "tex" in data:
        kind, keys = "formula", FORMULA_KEYS
    else:
        raise fail(
            "registry entry is neither a figure, a formula nor an insertion "
            f"(expected keys {', '.join(FIGURE_KEYS)} or {', '.join(FORMULA_KEYS)} or {', '.join(INSERTION_KEYS)})"
        )
    missing = [k for k in keys if data.get(k) in (None, "")]
    if missing:
        raise fail(f"{kind} entry has no {', '.join(repr(k) for k in missing)} (expected {', '.join(keys)})")
    if kind == "insertion":
        return Insertion(
            str(data["question"]), str(data["after"]), str(data["tex"]).strip(), str(data.get("collection") or "")
        )
    if kind == "formula":
        return Formula(str(data["upstream"]), str(data["tex"]).strip())
    for key in ("alt", "caption"):
        value = data[key]
        if not isinstance(value, dict) or any(not str(value.get(lang) or "").strip() for lang in LANGS):
            raise fail(
                f"figure {data['upstream']}: '{key}' needs text in every language (expected {key}: {{zh: …, en: …}})"
            )
    width = data["width"]
    if isinstance(width, bool) or not isinstance(width, int) or not 0 < width <= 2000:
        raise fail(f"figure {data['upstream']}: width '{width}' is not a number of pixels (expected 1 to 2000)")
    file = str(data["file"])
    if not FILE_NAME.fullmatch(file):
        raise fail(f"figure {data['upstream']}: file '{file}' is not a plain file name (expected e.g. hrnet.png)")
    return Figure(
        str(data["upstream"]),
        file,
        width,
        {lang: str(data["alt"][lang]) for lang in LANGS},
        {lang: str(data["caption"][lang]) for lang in LANGS},
    )


def load_registry(path: Path) -> FigureRegistry:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourceError(Problem(str(path), 0, "figure registry not found (expected data/figures.yml)")) from None
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", -1) + 1
        raise SourceError(Problem(str(path), line, f"invalid YAML: {getattr(exc, 'problem', exc)}")) from None
    figures: dict[str, Figure] = {}
    formulas: dict[str, Formula] = {}
    insertions: list[Insertion] = []
    problems: list[Problem] = []
    for line, data in _entries(root) if root is not None else []:
        try:
            entry = _entry(path, line, data)
        except SourceError as exc:
            problems.extend(exc.problems)
            continue
        if isinstance(entry, Insertion):
            insertions.append(entry)
            continue
        table: dict[str, Any] = figures if isinstance(entry, Figure) else formulas
        if entry.upstream in figures or entry.upstream in formulas:
            problems.append(
                Problem(str(path), line, f"{entry.upstream} is listed twice (expected one entry per image)")
            )
        table[entry.upstream] = entry
    if problems:
        raise SourceError(problems)
    return FigureRegistry(figures, formulas, tuple(insertions))

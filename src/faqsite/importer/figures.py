"""The figure registry (``data/figures.yml``): upstream image -> our drawing or formula,
and formulas to show as math where an answer gives them only as code."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from faqsite.errors import Problem, SourceError
from faqsite.fileio import read_data

# libyaml's safe loader when PyYAML has it (every import reads the registry)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
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


def _entries(node: yaml.Node, depth: int = 0) -> list[tuple[int, yaml.MappingNode]]:
    """Every mapping inside a list anywhere in the document (nested at most 20 deep), with its 1-based line."""
    found: list[tuple[int, yaml.MappingNode]] = []
    if depth > 20:
        return found
    if isinstance(node, yaml.MappingNode):
        for _, value in node.value:
            found.extend(_entries(value, depth + 1))
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            if isinstance(item, yaml.MappingNode):
                found.append((item.start_mark.line + 1, item))
    return found


def _value(path: Path, line: int, node: yaml.MappingNode) -> dict[str, Any]:
    """The entry's data; SourceError for what YAML or Python cannot construct (tags, dates such as 2021-13-45)."""
    try:
        data = _Loader("").construct_document(node)
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        raise SourceError(
            Problem(str(path), line, f"registry entry cannot be read: {getattr(exc, 'problem', None) or exc} (expected plain YAML)")
        ) from None
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        raise SourceError(Problem(str(path), line, "registry entry is not a mapping of names (expected 'key: value' lines)"))
    return data


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
    for key in keys:
        if key not in ("width", "alt", "caption") and not isinstance(data[key], str | int | float):
            raise fail(f"{kind} entry: '{key}' is not text (expected a value such as {key}: …)")
    if kind == "insertion":
        return Insertion(
            str(data["question"]), str(data["after"]), str(data["tex"]).strip(), str(data.get("collection") or "")
        )
    if kind == "formula":
        return Formula(str(data["upstream"]), str(data["tex"]).strip())
    for key in ("alt", "caption"):
        value = data[key]
        if not isinstance(value, dict) or any(not isinstance(value.get(lang), str) or not value[lang].strip() for lang in LANGS):
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
    text = read_data(path, "the figure registry, data/figures.yml")
    try:
        root = yaml.compose(text, Loader=_Loader)
    except (yaml.YAMLError, RecursionError) as exc:  # RecursionError: nested some thousand levels deep
        line = getattr(getattr(exc, "problem_mark", None), "line", -1) + 1
        raise SourceError(Problem(str(path), line, f"invalid YAML: {getattr(exc, 'problem', exc)}")) from None
    figures: dict[str, Figure] = {}
    formulas: dict[str, Formula] = {}
    insertions: list[Insertion] = []
    problems: list[Problem] = []
    for line, node in _entries(root) if root is not None else []:
        try:
            entry = _entry(path, line, _value(path, line, node))
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

"""The figure registry (``data/figures.yml``): upstream image -> our drawing or formula,
and formulas to show as math where an answer gives them only as code."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from faqsite.errors import Problem, SourceError


@dataclass(frozen=True)
class Figure:
    upstream: str
    file: str
    width: int
    alt: dict[str, str]
    caption: dict[str, str]


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


def load_registry(path: Path) -> FigureRegistry:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise SourceError(Problem(str(path), 0, "figure registry not found (expected data/figures.yml)")) from None
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", -1) + 1
        raise SourceError(Problem(str(path), line, f"invalid YAML: {getattr(exc, 'problem', exc)}")) from None
    figures = {
        f["upstream"]: Figure(f["upstream"], f["file"], int(f["width"]), dict(f["alt"]), dict(f["caption"]))
        for f in data.get("figures", [])
    }
    formulas = {f["upstream"]: Formula(f["upstream"], f["tex"].strip()) for f in data.get("formulas", [])}
    insertions = tuple(Insertion(i["question"], i["after"], i["tex"].strip()) for i in data.get("insertions", []))
    return FigureRegistry(figures, formulas, insertions)

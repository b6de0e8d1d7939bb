"""Plain data for a parsed season. Every item keeps the source line it came from."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

UnitKind = Literal["issue", "part", "section"]

# Collection ids: a season "2021-s1", or a slug for another collection ("selected-30").
SEASON_ID = re.compile(r"(?P<year>[0-9]{4})-s(?P<number>[0-9]{1,2})", re.ASCII)
COLLECTION_ID = re.compile(rf"{SEASON_ID.pattern}|[a-z][a-z0-9]*(?:-[a-z0-9]+)*", re.ASCII)


@dataclass
class Question:
    """One labelled question and its answer (Markdown, without heading)."""

    label: str  # "Q3.2" or "Q1.1.1"
    title: str
    body: str
    line: int  # line of the heading in the source
    source_heading: str = ""  # the heading as the source wrote it (its old anchors derive from it)
    legacy_anchors: list[str] = field(default_factory=list)  # <a name> anchors the source gave the question

    @property
    def number(self) -> tuple[int, ...]:
        return tuple(int(n) for n in self.label[1:].split("."))

    @property
    def anchor(self) -> str:
        """Language-neutral id shared by both editions: ``Q3.2`` -> ``q3-2``."""
        return "q" + "-".join(str(n) for n in self.number)


@dataclass
class Unit:
    """What becomes one page: an issue (第 N 期), a part or a part's sub-section."""

    kind: UnitKind
    number: tuple[int, ...]  # (3,) for 第 3 期, (1, 2) for section 1.2
    title: str
    line: int
    questions: list[Question] = field(default_factory=list)
    date: dt.date | None = None
    source_date: str | None = None  # the date as the source wrote it, when corrected
    legacy_anchors: list[str] = field(default_factory=list)
    part_title: str | None = None  # for sections: the title of their part
    source_heading: str = ""  # the heading as the source wrote it

    @property
    def slug(self) -> str:
        joined = "-".join(str(n) for n in self.number)
        return f"issue-{joined}" if self.kind == "issue" else f"part-{joined}"

    @property
    def dotted(self) -> str:
        return ".".join(str(n) for n in self.number)


@dataclass
class TocEntry:
    """A line of the source's table of contents."""

    text: str
    anchor: str
    number: tuple[int, ...]
    date: str | None
    line: int


@dataclass
class Season:
    """A whole upstream file."""

    source: str  # path as given, for messages
    title: str
    units: list[Unit]
    preface: str = ""
    toc: list[TocEntry] = field(default_factory=list)

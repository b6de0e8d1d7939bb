"""Structural parity of each English page with its Chinese twin.

Same questions (ids, labels, order), and per answer the same figures, formulas,
code blocks and number of links, and the same structure: the same blocks in the
same order (paragraphs, lists with their items and what each item holds, code,
formulas, tables, figures), as the page model reads them the way the site renders
them. Every difference is one ``path:line:`` problem.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from faqsite.errors import Problem
from faqsite.markdown.model import Block, PageQuestion, SitePage, expected_id, read_page
from faqsite.translations.twins import orphans, twins


def check_parity(docs: Path) -> list[Problem]:
    problems: list[Problem] = []
    for twin in twins(docs):
        if not twin.target.exists():
            problems.append(Problem(str(twin.source), 1, f"no English twin (expected {twin.target.as_posix()})"))
            continue
        problems.extend(compare_pages(read_page(twin.source), read_page(twin.target)))
    for extra in orphans(docs):
        problems.append(
            Problem(
                str(extra),
                1,
                "English page without a Chinese original (expected a page at the same path under docs/zh/)",
            )
        )
    return problems


def compare_pages(zh: SitePage, en: SitePage) -> list[Problem]:
    problems: list[Problem] = []
    en_path = str(en.path)
    for q in en.questions:
        if q.id != expected_id(q.label):
            problems.append(
                Problem(en_path, q.line, f"question {q.label} has id '{q.id}' (expected '{expected_id(q.label)}')")
            )
    zh_ids = [q.id for q in zh.questions]
    en_by_id = {q.id: q for q in en.questions}
    zh_by_id = {q.id: q for q in zh.questions}
    for i, q in enumerate(zh.questions):
        if q.id not in en_by_id:
            after = f"after {zh_ids[i - 1]}" if i else "first"
            problems.append(
                Problem(
                    en_path,
                    _line_after(en, zh_ids[:i]),
                    f"question {q.id} missing ({after}, as in {zh.path.as_posix()}:{q.line})",
                )
            )
    for q in en.questions:
        if q.id not in zh_by_id and q.id == expected_id(q.label):
            problems.append(
                Problem(
                    en_path, q.line, f"question {q.id} is not in the Chinese page (expected only {', '.join(zh_ids)})"
                )
            )
    common_zh = [i for i in zh_ids if i in en_by_id]
    common_en = [q.id for q in en.questions if q.id in zh_by_id]
    if common_zh != common_en:
        # zip_longest: a question twice on one side makes the lists differ in length only
        first = next(a or b for a, b in itertools.zip_longest(common_zh, common_en) if a != b)
        problems.append(
            Problem(en_path, en_by_id[first].line, f"questions out of order (expected {', '.join(common_zh)})")
        )
    for id_ in common_zh:
        problems.extend(compare_answers(zh_by_id[id_], en_by_id[id_], zh.path, en.path))
    if not zh.questions:
        zh_links = _fragment_links(zh)
        en_links = _fragment_links(en)
        if zh_links != en_links:
            missing = [link for link in zh_links if link not in en_links]
            extra = [link for link in en_links if link not in zh_links]
            detail = "; ".join(
                filter(
                    None,
                    [f"missing {', '.join(missing)}" if missing else "", f"extra {', '.join(extra)}" if extra else ""],
                )
            )
            problems.append(
                Problem(en_path, 1, f"question links differ from {zh.path.as_posix()} ({detail or 'order differs'})")
            )
    return problems


def compare_answers(zh: PageQuestion, en: PageQuestion, zh_path: Path, en_path: Path) -> list[Problem]:
    problems: list[Problem] = []
    where = f"{zh_path.as_posix()}:{zh.line}"
    if zh.label != en.label:
        problems.append(
            Problem(
                str(en_path), en.line, f"question {en.id} is labelled {en.label} (expected {zh.label}, as in {where})"
            )
        )
    if zh.figures() != en.figures():
        missing = [f for f in zh.figures() if f not in en.figures()]
        what = f"missing figure {', '.join(missing)}" if missing else "figures differ"
        problems.append(Problem(str(en_path), en.line, f"{en.id}: {what} (expected {zh.figures()}, as in {where})"))
    for name, a, b in (
        ("code blocks", zh.code_blocks(), en.code_blocks()),
        ("formulas", zh.formulas(), en.formulas()),
        ("links", len(zh.links()), len(en.links())),
    ):
        if a != b:
            problems.append(Problem(str(en_path), en.line, f"{en.id}: {b} {name} (expected {a}, as in {where})"))
    if (difference := structure_difference(zh.blocks_in, en.blocks_in)) is not None:
        problems.append(
            Problem(
                str(en_path),
                difference.line("en") or en.line,
                f"{en.id}: answer structure differs from {zh_path.as_posix()}:{difference.line('zh') or zh.line} "
                f"(zh: {difference.describe('zh')}; en: {difference.describe('en')})",
            )
        )
    return problems


SHOWN_BLOCKS = 3  # blocks described from the first difference on, on each side
Side = Literal["zh", "en"]


@dataclass(frozen=True)
class StructureDifference:
    """Where two answers' block trees first part: the runs of blocks that differ, and the index in them."""

    zh: Sequence[Block]
    en: Sequence[Block]
    at: int
    within: str  # "the answer", or the item both sides are in ("item 2 of the ordered list of 3 items")

    def _run(self, side: Side) -> Sequence[Block]:
        return self.zh if side == "zh" else self.en

    def line(self, side: Side) -> int:
        """The line of the first differing block, else of the block before it (0 if none)."""
        run = self._run(side)
        return run[self.at].line if self.at < len(run) else (run[-1].line if run else 0)

    def describe(self, side: Side) -> str:
        """``'figure, ordered list of 3 items from 2'``: the blocks from the difference on, or where the run ended."""
        rest = self._run(side)[self.at :]
        if not rest:
            return f"end of {self.within}"
        shown = ", ".join(b.describe() for b in rest[:SHOWN_BLOCKS])
        return shown + (", …" if len(rest) > SHOWN_BLOCKS else f", end of {self.within}")


def structure_difference(
    zh: Sequence[Block], en: Sequence[Block], within: str = "the answer"
) -> StructureDifference | None:
    """The first place, in document order, where two runs of blocks differ in kind, list type, start or
    number of items; None if their structures are the same."""
    for n in range(max(len(zh), len(en))):
        if n >= len(zh) or n >= len(en):
            return StructureDifference(zh, en, n, within)
        a, b = zh[n], en[n]
        if (a.kind, a.ordered, a.start, a.level, len(a.items)) != (b.kind, b.ordered, b.start, b.level, len(b.items)):
            return StructureDifference(zh, en, n, within)
        for k, (zh_item, en_item) in enumerate(zip(a.items, b.items, strict=True), 1):
            inside = "the block quote" if a.kind == "quote" else f"item {k} of the {a.describe()}"
            found = structure_difference(zh_item, en_item, inside)
            if found is not None:
                return found
    return None


def _line_after(page: SitePage, before: list[str]) -> int:
    lines = [q.line for q in page.questions if q.id in before]
    return max(lines) if lines else (page.questions[0].line if page.questions else 1)


def _fragment_links(page: SitePage) -> list[str]:
    return [
        href
        for href in (
            line.split("](", 1)[1].split(")", 1)[0]
            for line in page.text.splitlines()
            if "](" in line and ".md#q" in line
        )
    ]

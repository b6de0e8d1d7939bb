"""Three-way merge per question: base (the lock), ours (``docs/``), theirs (the new upstream).

- changed only upstream: applied;
- changed only here: kept;
- changed on both sides (differently): a conflict, resolved only by an explicit
  ``keep`` (this site's text) or ``take`` (upstream's);
- added upstream: added to its page, after the question that precedes it upstream;
- removed upstream: reported and kept here (never deleted silently);
- a page upstream no longer has: removed when it is exactly as the importer
  wrote it (the lock records it), else reported and kept.

Pure functions over page data; the pipeline reads and writes the files.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from faqsite.errors import Problem
from faqsite.importer.render import PagePlan, QuestionText, front_matter
from faqsite.markdown.model import SitePage


@dataclass(frozen=True)
class Conflict:
    id: str
    path: str  # the docs page
    line: int
    ours: QuestionText | None
    theirs: QuestionText | None

    def problem(self) -> Problem:
        here = "removed here" if self.ours is None else "changed here"
        there = "removed upstream" if self.theirs is None else "changed upstream"
        return Problem(
            self.path, self.line, f"{self.id} {here} and {there} (resolve with --keep {self.id} or --take {self.id})"
        )

    def diff(self) -> list[str]:
        a = self.ours.block().splitlines() if self.ours else []
        b = self.theirs.block().splitlines() if self.theirs else []
        return list(difflib.unified_diff(a, b, "here (docs)", "upstream", lineterm="", n=1))


@dataclass
class MergeResult:
    pages: dict[str, str]  # page name -> new text, only pages that change
    conflicts: list[Conflict] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    applied: list[str] = field(default_factory=list)  # ids taken from upstream
    kept: list[str] = field(default_factory=list)  # ids whose local edit was kept
    removed: list[str] = field(default_factory=list)  # pages upstream no longer has, unedited here: to delete


def _key(q: QuestionText | None) -> str | None:
    return None if q is None else q.key()


def _ours(page: SitePage) -> dict[str, QuestionText]:
    return {q.id: QuestionText(q.id, q.label, q.title, q.body) for q in page.questions}


def merge(
    theirs: list[PagePlan],
    base: list[PagePlan],
    ours: dict[str, SitePage],
    keep: set[str] | frozenset[str] = frozenset(),
    take: set[str] | frozenset[str] = frozenset(),
    folder: str = "",
) -> MergeResult:
    """Merge the new upstream pages into the pages under ``docs/`` (``ours``: name -> page)."""
    result = MergeResult({})
    base_q = {q.id: q for p in base for q in p.questions}
    base_pages = {p.name: p for p in base}
    theirs_q = {q.id: (p.name, q) for p in theirs for q in p.questions}
    ours_q = {id_: (name, q) for name, page in ours.items() for id_, q in _ours(page).items()}
    line_of = {q.id: (name, q.line) for name, page in ours.items() for q in page.questions}

    def where(id_: str, page: str) -> tuple[str, int]:
        name, line = line_of.get(id_, (page, 1))
        return f"{folder}/{name}" if folder else name, line

    # decision per id: the question the page should hold (None: not there)
    decided: dict[str, QuestionText | None] = {}
    for id_ in dict.fromkeys([*base_q, *ours_q, *theirs_q]):
        b, o, t = base_q.get(id_), ours_q.get(id_, (None, None))[1], theirs_q.get(id_, (None, None))[1]
        home = (ours_q.get(id_) or theirs_q.get(id_) or ("", None))[0]
        if _key(t) == _key(b) or _key(o) == _key(t):
            decided[id_] = o
            if o is not None and _key(o) != _key(b) and b is not None:
                result.kept.append(id_)
        elif _key(o) == _key(b):
            if t is None:
                path, line = where(id_, home)
                result.warnings.append(
                    Problem(
                        path, line, f"{id_} was removed upstream; kept here (delete it by hand if it should go)", True
                    )
                )
                decided[id_] = o
            else:
                decided[id_] = t
                result.applied.append(id_)
        elif id_ in keep:
            decided[id_] = o
            result.kept.append(id_)
        elif id_ in take:
            decided[id_] = t
            result.applied.append(id_)
        else:
            path, line = where(id_, home)
            result.conflicts.append(Conflict(id_, path, line, o, t))
            decided[id_] = o
    unresolved = (keep | take) - {c for c in decided if c in base_q or c in theirs_q}
    for id_ in sorted(unresolved):
        result.warnings.append(
            Problem(folder or ".", 0, f"--keep/--take {id_}: no such question in this collection", True)
        )

    for plan in theirs:
        page = ours.get(plan.name)
        if page is None:
            if plan.name in base_pages:
                result.warnings.append(
                    Problem(f"{folder}/{plan.name}", 0, "page removed here but still upstream; not recreated", True)
                )
                continue
            kept = [now for now in (decided.get(q.id) for q in plan.questions) if now is not None]
            result.pages[plan.name] = PagePlan(plan.name, plan.meta, plan.intro, kept).text()
            continue
        text = _merged_page(page, plan, base_pages.get(plan.name), decided, [q.id for q in plan.questions])
        if text != page.text:
            result.pages[plan.name] = text
    for name in sorted(set(ours) - {p.name for p in theirs}):
        if name not in base_pages:
            continue  # a page added here, not by the importer
        path = f"{folder}/{name}" if folder else name
        if ours[name].text == base_pages[name].text():
            result.removed.append(name)  # as the importer wrote it: its questions go with it, unreported
            result.warnings = [w for w in result.warnings if w.path != path]
            continue
        result.warnings.append(
            Problem(
                path,
                1,
                "upstream no longer has this page; kept here because it was edited here (delete it by hand if it should go)",
                True,
            )
        )
    return result


def _merged_meta(ours: dict[str, Any], base: dict[str, Any], theirs: dict[str, Any]) -> dict[str, Any]:
    """Front matter: upstream's change applied where this site kept the old value."""
    out = dict(ours)
    for key in dict.fromkeys([*base, *theirs]):
        if ours.get(key) == base.get(key) and theirs.get(key) != base.get(key):
            if key in theirs:
                out[key] = theirs[key]
            else:
                out.pop(key, None)
    return out


def _merged_page(
    page: SitePage, plan: PagePlan, base: PagePlan | None, decided: dict[str, QuestionText | None], order: list[str]
) -> str:
    """``page`` with each question as decided and upstream's new questions inserted in upstream's order."""
    lines = page.text.split("\n")
    starts = [q.line - 1 for q in page.questions]
    original_head = "\n".join(lines[: starts[0]] if starts else lines).rstrip("\n")
    blocks: list[tuple[str, str]] = []  # (id, text)
    for n, q in enumerate(page.questions):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        blocks.append((q.id, "\n".join(lines[starts[n] : end]).strip("\n")))
    original = _ours(page)
    out: list[tuple[str, str]] = []
    for id_, text in blocks:
        now = decided.get(id_, original[id_])
        if now is None:
            continue
        out.append((id_, text if now.key() == original[id_].key() else now.block()))
    present = {id_ for id_, _ in out}
    for i, id_ in enumerate(order):
        now = decided.get(id_)
        if id_ in present or now is None or id_ in original:
            continue
        before = [o for o in order[:i] if o in present]
        at = max((n for n, (o, _) in enumerate(out) if o in before), default=-1) + 1
        out.insert(at, (id_, now.block()))
        present.add(id_)
    meta = _merged_meta(page.meta, base.meta if base else {}, plan.meta)
    head = original_head
    if meta != page.meta and head.startswith("---\n"):
        end = head.index("\n---\n", 4) + len("\n---\n")
        head = front_matter(meta) + head[end:]
    if out == blocks and head == original_head:
        return page.text
    return "\n\n".join([head, *(t for _, t in out)]).rstrip("\n") + "\n"

"""Checks for contributors: every problem in docs/ as ``path:line: what is wrong (expected ...)``.

Each rule is a small function over one page (or the whole tree) that yields
problems; :func:`check_docs` runs them all. Nothing is ever written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from faqsite import topics
from faqsite.errors import Problem, SourceError
from faqsite.importer.normalize import space_cjk
from faqsite.markdown.model import LOOKS_LIKE_QUESTION, SitePage, expected_id, read_page
from faqsite.security import confine, sanitize, svg
from faqsite.translations.twins import SOURCE_LANG, twins

SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Tree:
    """The docs folder under check, and each page read once (a link's target is read when first needed)."""

    root: Path
    pages: dict[Path, SitePage | None] = field(default_factory=dict)

    def anchors(self, path: Path) -> set[str] | None:
        """Ids a page offers: explicit {#id} attributes and the slugs of other headings (None for a
        page that cannot be read: its own problem is reported with it)."""
        if path not in self.pages:
            try:
                self.pages[path] = read_page(path)
            except SourceError:
                self.pages[path] = None
        page = self.pages[path]
        return page.anchors() if page is not None else None


Rule = Callable[[SitePage, Tree], Iterator[Problem]]


def problem(page: SitePage, line: int, message: str) -> Problem:
    return Problem(str(page.path), line, message)


# --- rules -------------------------------------------------------------------


def front_matter(page: SitePage, tree: Tree) -> Iterator[Problem]:
    rel = page.path.relative_to(tree.root).as_posix()
    if "/faq/" not in f"/{rel}":
        return
    if not page.text.startswith("---\n"):
        yield problem(page, 1, "missing front matter (expected a '---' block with season and title)")
        return
    meta = page.meta
    for key in ("season", "title"):
        if not meta.get(key):
            yield problem(page, 1, f"front matter has no '{key}' (expected {key}: …)")
    if meta.get("season") and not SLUG.fullmatch(str(meta["season"])):  # fullmatch: "$" lets "2021-s1\n" through
        yield problem(
            page, page.line_of("season:"), f"season '{meta['season']}' is malformed (expected an id such as 2021-s1)"
        )
    if page.path.name == "index.md":
        return
    if "issue" not in meta and "part" not in meta:
        yield problem(page, 1, "front matter has neither 'issue' nor 'part' (expected issue: N)")
    if "issue" in meta and not (isinstance(meta["issue"], int) and meta["issue"] > 0):
        yield problem(
            page, page.line_of("issue:"), f"issue '{meta['issue']}' is malformed (expected a positive number)"
        )
    if "issue" in meta:
        date = meta.get("date")
        if date is None:
            yield problem(page, 1, "front matter has no 'date' (expected date: YYYY-MM-DD)")
        elif not isinstance(date, dt.date):
            yield problem(page, page.line_of("date:"), f"date '{date}' is malformed (expected YYYY-MM-DD)")


def question_headings(page: SitePage, tree: Tree) -> Iterator[Problem]:
    seen_ids: dict[str, int] = {}
    for heading in page.headings:
        if heading.id is not None:
            if heading.id in seen_ids:
                yield problem(
                    page, heading.line, f"id '{heading.id}' appears twice (first at line {seen_ids[heading.id]})"
                )
            seen_ids.setdefault(heading.id, heading.line)
    questions = {q.line: q for q in page.questions}
    lines = page.text.split("\n")
    for heading in page.headings:
        if LOOKS_LIKE_QUESTION.match(heading.text) and heading.line not in questions:
            written = lines[heading.line - 1].strip()
            yield problem(
                page, heading.line, f"malformed question heading '{written}' (expected '## Qn.m: title {{#qn-m}}')"
            )
    unit = page.meta.get("issue") if "issue" in page.meta else page.meta.get("part")
    prefix = str(unit) if unit is not None else None
    next_index = 1
    seen_labels: dict[str, int] = {}
    for q in page.questions:
        if q.label in seen_labels:
            yield problem(
                page, q.line, f"question label {q.label} appears twice (first at line {seen_labels[q.label]})"
            )
            continue
        seen_labels[q.label] = q.line
        if q.id != expected_id(q.label):
            yield problem(
                page, q.line, f"question {q.label} has id '{q.id or 'none'}' (expected '{expected_id(q.label)}')"
            )
        if prefix is not None:
            # upstream's labels are kept, gaps included (people cite them): in order and under the unit
            number = q.label[1:].split(".")
            if ".".join(number[:-1]) != prefix:
                yield problem(page, q.line, f"question label {q.label} is not under {prefix} (expected Q{prefix}.N)")
            elif int(number[-1]) < next_index:
                yield problem(
                    page, q.line, f"question label {q.label} out of sequence (expected Q{prefix}.{next_index} or later)"
                )
            else:
                next_index = int(number[-1]) + 1


def images(page: SitePage, tree: Tree) -> Iterator[Problem]:
    for image in page.images:
        src = image.src
        if not image.alt.strip():
            yield problem(page, image.line, f"image {src} has no alt text (expected ![what the figure shows]({src}))")
        if not src or SCHEME.match(src) or src.startswith("//"):
            if src.startswith(("http:", "https:", "//")):
                yield problem(
                    page, image.line, f"image {src} is loaded from another host (expected a file in docs/images/)"
                )
            continue
        target = (page.path.parent / unquote(urlsplit(src).path)).resolve()
        if not target.is_file():
            yield problem(page, image.line, f"image {src} not found (expected a file at {_rel(target, tree.root)})")


def links(page: SitePage, tree: Tree) -> Iterator[Problem]:
    for link in page.links:
        href = link.href
        if SCHEME.match(href) or href.startswith("//"):
            continue
        parts = urlsplit(href)
        path = unquote(parts.path)
        target = page.path if not path else (page.path.parent / path).resolve()
        if path and target.suffix != ".md":
            if not target.exists():
                yield problem(
                    page, link.line, f"link {href} leads to a missing file (expected {_rel(target, tree.root)})"
                )
            continue
        if not target.is_file():
            yield problem(page, link.line, f"link {href} leads to a missing page (expected {_rel(target, tree.root)})")
            continue
        ids = tree.anchors(target) if parts.fragment else None
        if parts.fragment and ids is not None and parts.fragment not in ids:
            yield problem(
                page,
                link.line,
                f"link {href} leads to a missing anchor #{parts.fragment} (expected an id of {_rel(target, tree.root)})",
            )


def spacing(page: SitePage, tree: Tree) -> Iterator[Problem]:
    if page.path.relative_to(tree.root).parts[0] != SOURCE_LANG:
        return
    lines = page.text.split("\n")  # once: splitting per line made the rule quadratic in the page's length
    for line_no, _text in page.prose_lines():
        raw = lines[line_no - 1]
        if raw.startswith(("---", "season:", "title:", "nav_title:")):
            continue
        fixed = space_cjk(raw)
        if fixed != raw:
            yield problem(
                page,
                line_no,
                f"spacing between Chinese and Latin text not normalized (expected '{_excerpt(raw, fixed)}')",
            )


def unsafe_html(page: SitePage, tree: Tree) -> Iterator[Problem]:
    """What the build's sanitizer would remove (faqsite.security.sanitize), at its line: raw HTML,
    attribute lists, link targets. The build removes it anyway; this says where, early."""
    found: list[tuple[int, str]] = []
    for block in page.html:
        what = sanitize.removed(block.text, sanitize.clean(block.text))
        if what is not None:
            found.append((block.line, f"raw HTML {what}"))
    for line, attrs in page.attr_lists:
        what = sanitize.removed_from(_tag_of(page, line, attrs), attrs)
        if what is not None:
            found.append((line, f"attribute list {{ {' '.join(attrs)} }}: {what}"))
    for link in page.links:
        what = sanitize.removed_from("a", {"href": link.href})
        if what is not None:
            found.append((link.line, f"link target {link.href[:60]!r}"))
    for image in page.images:
        what = sanitize.removed_from("img", {"src": image.src, "alt": "x"})
        if what is not None and not SCHEME.match(image.src):  # another host is reported by `images`
            found.append((image.line, f"image source {image.src[:60]!r}"))
    for line, what in sorted(set(found)):
        yield problem(
            page,
            line,
            f"{what} would be removed by the site's sanitizer"
            " (expected Markdown, or HTML without scripts, event handlers, styles or other hosts)",
        )


def _tag_of(page: SitePage, line: int, attrs: dict[str, str]) -> str:
    """The element an attribute list at ``line`` applies to: a heading, an image, a link, or else text."""
    for heading in page.headings:
        if heading.line == line and attrs.items() <= heading.attrs.items():
            return f"h{heading.level}"
    for image in page.images:
        if image.line == line and attrs.items() <= image.attrs.items():
            return "img"
    for link in page.links:
        if link.line == line and attrs.items() <= link.attrs.items():
            return "a"
    return "span"


RULES: list[Rule] = [front_matter, question_headings, images, links, spacing, unsafe_html]


# --- helpers -----------------------------------------------------------------


def _rel(path: Path, docs: Path) -> str:
    try:
        return (docs.name / path.relative_to(docs.resolve())).as_posix() if path.is_absolute() else path.as_posix()
    except ValueError:
        return PurePosixPath(path).as_posix()


def _excerpt(raw: str, fixed: str) -> str:
    """The first stretch where ``fixed`` differs from ``raw``, with a little context."""
    i = next((n for n, (a, b) in enumerate(zip(raw, fixed, strict=False)) if a != b), min(len(raw), len(fixed)))
    start = max(0, i - 8)
    return ("…" if start else "") + fixed[start : i + 12] + ("…" if i + 12 < len(fixed) else "")


def check_docs(docs: Path) -> list[Problem]:
    """Every problem in the Markdown pages under ``docs``, in file and line order."""
    docs = docs.resolve()
    tree = Tree(docs)
    problems: list[Problem] = []
    for path in sorted(docs.rglob("*.md")):
        if any(p.is_symlink() for p in (path, *path.parents) if p.is_relative_to(docs)):
            continue  # reported below, not read
        try:
            page = tree.pages[path] = read_page(path)
        except SourceError as exc:
            tree.pages[path] = None
            problems.extend(exc.problems)
            continue
        for rule in RULES:
            problems.extend(rule(page, tree))
    problems += [Problem(str(link), 1, confine.MESSAGE) for link in confine.symlinks(docs)]
    problems += [Problem(str(path), 1, confine.FILE_MESSAGE) for path in confine.unexpected_files(docs)]
    for drawing in sorted(docs.rglob("*.svg")):
        if not drawing.is_symlink():
            problems += svg.problems(drawing)
    for twin in twins(docs):
        if not twin.target.exists():
            problems.append(
                Problem(
                    str(twin.source), 1, f"Chinese page without its English twin (expected {_rel(twin.target, docs)})"
                )
            )
    problems += topics.check_docs(docs, tree.pages)  # data/topics.yml: every question has its topics
    return sorted(problems, key=lambda p: (p.path, p.line))

"""A page of the site, parsed once into plain data: the one model every reader of docs/ shares.

``read_page`` parses a Markdown page with markdown-it-py, configured as the
site's Python-Markdown renders (front matter by MkDocs' rule, attribute lists
on headings, links and images, fences, tables), into a :class:`SitePage`:
front matter, headings with their ids, questions with label, id, source lines
and answer, links, images, code blocks and raw HTML, each with its 1-based
line. The importer's merge, ``check``, ``parity``, ``freshness`` and the
MkDocs plugin all read pages through it, so there is one rule for what is a
heading, a link or code. ``tests/markdown`` renders pages with the site's own
Markdown configuration and asserts that the model agrees with the HTML.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from markdown.extensions.toc import slugify
from markdown_it import MarkdownIt
from markdown_it.token import Token

from faqsite.errors import Problem, SourceError

# MkDocs' front matter rule (mkdocs.utils.meta): '---', YAML, then '---' or '...'
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(?P<yaml>.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
# Python-Markdown's attr_list on a heading: the last "{...}" of the line, after a space. Its own
# pattern ends "[^\n]*)[ ]*\}[ ]*$"; the "[ ]*" before "}" only ever matches nothing (the greedy
# "[^\n]*" keeps the spaces) and retried every trailing space (quadratic), so it is left out, and a
# match starts only where a run of spaces does. Search with heading_attrs(), which is linear.
HEADING_ATTRS = re.compile(r"(?<![ ])[ ]+\{:?[ ]*(?P<attrs>[^}\n ][^\n]*)\}[ ]*$")
# ... and right after an inline element (a link, an image, emphasis, code): "{...}" up to the line's last "}"
INLINE_ATTRS = re.compile(r"^\{:?[ ]*(?P<attrs>[^}\n ][^\n]*)\}")
# attr_list's items: key="value", key='value', key=value, #id, .class
ATTR_ITEM = re.compile(r"""(?P<key>[^ =}]+)=(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^ =}]+))|(?P<word>[^ =}]+)""")
# labels of one to four ASCII digits a level (int() refuses numbers of more than 4,300 digits)
QUESTION_TEXT = re.compile(r"(?P<label>Q[0-9]{1,4}(?:\.[0-9]{1,4})+): (?P<title>.*)", re.S)
LOOKS_LIKE_QUESTION = re.compile(r"Q\s*\d")  # any digit: what only looks like a question is reported
UNIQUE_ID = re.compile(r"^(.*)_([0-9]+)$")  # toc's rule for a repeated id
# A code span: a run of backticks, content, the same run again (CommonMark), for one-line text such as titles.
# Each run without a pair makes this pattern scan the rest of the line (n·√n: minutes on a line of a megabyte);
# code_spans() finds the same spans in linear time.
CODE_SPAN = re.compile(r"(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)")
BACKTICKS = re.compile(r"`+")

_MD = MarkdownIt("commonmark").enable("table")
# Links as written, whatever their scheme: Python-Markdown neither encodes nor
# drops them, and `check` must see a "javascript:" link to report it.
_MD.normalizeLink = lambda url: url  # type: ignore[method-assign]
_MD.validateLink = lambda url: True  # type: ignore[method-assign]


class _FrontMatterLoader(yaml.SafeLoader):
    """MkDocs' safe loader, less aliases: ``*name`` lets a few lines stand for a value that grows
    exponentially when printed (the "billion laughs"), and front matter has no use for them."""

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]  # untyped in types-PyYAML
            raise yaml.composer.ComposerError(None, None, "an alias (*name) is not allowed", mark)
        return super().compose_node(parent, index)


def parse_attrs(text: str) -> dict[str, str]:
    """``'#q3-2 .x data-source-hash="ab"'`` -> ``{'id': 'q3-2', 'class': 'x', 'data-source-hash': 'ab'}``."""
    out: dict[str, str] = {}
    classes: list[str] = []
    for m in ATTR_ITEM.finditer(text):
        if m["word"]:
            word = m["word"]
            if word.startswith("#"):
                out["id"] = word[1:]
            elif word.startswith("."):
                classes.append(word[1:])
        else:
            out[m["key"]] = next(v for v in (m["dq"], m["sq"], m["bare"]) if v is not None)
    if classes:
        out["class"] = " ".join(classes)
    return out


def code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every match of :data:`CODE_SPAN` in ``text``, in linear time.

    As the pattern does: a run of backticks opens a span that the next run of the
    same length on the same line closes; a run without one is left as text.
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        runs = [(m.start(), m.end()) for m in BACKTICKS.finditer(line)]
        later: dict[int, deque[int]] = {}  # run length -> indices of the runs of that length, in order
        for i, (a, b) in enumerate(runs):
            later.setdefault(b - a, deque()).append(i)
        i = 0
        while i < len(runs):
            a, b = runs[i]
            same = later[b - a]
            while same and same[0] <= i:
                same.popleft()
            if same:
                j = same[0]
                spans.append((offset + a, offset + runs[j][1]))
                i = j + 1
            else:
                i += 1
        offset += len(line) + 1
    return spans


def without_code_spans(text: str, placeholder: str = "``") -> str:
    """``text`` with each code span replaced by ``placeholder`` (``CODE_SPAN.sub(placeholder, text)``)."""
    parts, last = [], 0
    for a, b in code_spans(text):
        parts += [text[last:a], placeholder]
        last = b
    return "".join([*parts, text[last:]])


def heading_attrs(text: str) -> re.Match[str] | None:
    """``HEADING_ATTRS.search(text)``, in linear time.

    The pattern ends with "}" at the end of the last line: elsewhere it cannot
    match, and there its first candidate does, so no candidate scans the line in vain.
    """
    body = text.removesuffix("\n")
    if not body.rstrip(" ").endswith("}"):
        return None
    return HEADING_ATTRS.search(text, body.rfind("\n") + 1)


def question_key(label: str, title: str, body: str) -> str:
    """What a change to a question is judged on, by the freshness check and the import merge alike:
    label, title and answer, with whitespace at line ends, in titles and at the edges ignored."""
    answer = "\n".join(line.rstrip() for line in body.strip().splitlines())
    return "\n".join([label, " ".join(title.split()), answer])


def expected_id(label: str) -> str:
    """``Q3.2`` -> ``q3-2``: the language-neutral id both editions share."""
    return "q" + label[1:].replace(".", "-")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str  # Markdown source of the heading, without its attribute list
    plain: str  # the text a reader sees (code spans and links reduced to their text)
    attrs: dict[str, str]
    line: int

    @property
    def id(self) -> str | None:
        return self.attrs.get("id")

    @property
    def anchor(self) -> str:
        """The id the rendered heading gets: its own, else the table of contents' slug."""
        return self.id or slugify(self.plain, "-")


@dataclass(frozen=True)
class Link:
    href: str
    line: int
    attrs: dict[str, str]


@dataclass(frozen=True)
class Image:
    src: str
    alt: str
    line: int
    attrs: dict[str, str]


@dataclass(frozen=True)
class Code:
    info: str  # the fence's info string ("python", "math"); "" for indented code
    line: int  # first line (the opening fence)
    end: int  # line after the block

    @property
    def is_math(self) -> bool:
        return self.info.split(" ", 1)[0] == "math"


@dataclass(frozen=True)
class Html:
    text: str  # raw HTML as written, a block or an inline tag
    line: int


@dataclass
class PageQuestion:
    label: str
    id: str
    title: str
    body: str
    line: int  # 1-based line of the heading
    end: int  # line after the answer (the next question's heading, or past the end)
    source_hash: str | None  # for English questions: the Chinese version translated
    links_in: list[Link] = field(default_factory=list)
    images_in: list[Image] = field(default_factory=list)
    code_in: list[Code] = field(default_factory=list)

    def fingerprint(self) -> str:
        """Short hash of the question as written (see :func:`question_key`)."""
        return hashlib.sha256(question_key(self.label, self.title, self.body).encode("utf-8")).hexdigest()[:8]

    def figures(self) -> list[str]:
        return [Path(i.src).name for i in self.images_in]

    def links(self) -> list[str]:
        return [link.href for link in self.links_in]

    def code_blocks(self) -> int:
        return sum(1 for c in self.code_in if not c.is_math)

    def formulas(self) -> int:
        return sum(1 for c in self.code_in if c.is_math)


@dataclass
class SitePage:
    path: Path
    meta: dict[str, Any]
    questions: list[PageQuestion] = field(default_factory=list)
    text: str = ""
    body_line: int = 1  # first line after the front matter
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    code: list[Code] = field(default_factory=list)
    html: list[Html] = field(default_factory=list)
    attr_lists: list[tuple[int, dict[str, str]]] = field(default_factory=list)  # every {...} the renderer applies

    def line_of(self, pattern: str) -> int:
        """1-based line of the first line containing ``pattern`` (1 if none)."""
        for i, line in enumerate(self.text.splitlines(), 1):
            if pattern in line:
                return i
        return 1

    @cached_property
    def code_lines(self) -> frozenset[int]:
        return frozenset(n for c in self.code for n in range(c.line, c.end))

    def prose_lines(self) -> Iterator[tuple[int, str]]:
        """(line number, text with code spans emptied) for the lines outside front matter and code blocks."""
        for n, line in enumerate(self.text.split("\n")[self.body_line - 1 :], self.body_line):
            if n not in self.code_lines:
                yield n, without_code_spans(line)

    def heading_ids(self) -> list[str]:
        """The ids the rendered headings get, in order, as Python-Markdown's toc gives them: an explicit
        id as written; otherwise the slug, made unique against every id before it ('_1', 'notes_1')."""
        used = {h.id for h in self.headings if h.id}
        out = []
        resume: dict[str, str] = {}  # slug -> the id it last became: its chain (slug, slug_1, …) is used up to there
        for h in self.headings:
            if h.id:
                out.append(h.id)
                continue
            start = slug = h.anchor
            slug = resume.get(start, slug)
            while slug in used or not slug:
                m = UNIQUE_ID.match(slug)
                slug = f"{m[1]}_{int(m[2]) + 1}" if m else f"{slug}_1"
            used.add(slug)
            resume[start] = slug
            out.append(slug)
        return out

    def anchors(self) -> set[str]:
        """Ids the rendered page offers to links: its headings' ids."""
        return set(self.heading_ids())


def parse_page(text: str, path: Path) -> SitePage:
    """``text`` (the content of ``path``) as a :class:`SitePage`; malformed front matter is a SourceError."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta: dict[str, Any] = {}
    body_line = 1
    if m := FRONT_MATTER.match(text):
        body_line = text[: m.end()].count("\n") + 1
        try:
            loaded = yaml.load(m["yaml"], Loader=_FrontMatterLoader)  # a safe loader
        except (
            yaml.YAMLError,
            ValueError,
            RecursionError,
        ) as exc:  # a value Python refuses (2021-13-45), or nested too deep
            mark = getattr(exc, "problem_mark", None)
            line = 2 + (mark.line if mark is not None else 0)
            what = getattr(exc, "problem", None) or (str(exc) if isinstance(exc, ValueError) else "not YAML")
            raise SourceError(
                [Problem(str(path), line, f"front matter is malformed: {what} (expected 'key: value' lines)")]
            ) from None
        if loaded is not None and not isinstance(loaded, dict):
            raise SourceError([Problem(str(path), 2, "front matter is not a mapping (expected 'key: value' lines)")])
        meta = loaded or {}
    # the body keeps its line numbers: the front matter becomes blank lines
    lines = text.split("\n")
    body = "\n" * (body_line - 1) + "\n".join(lines[body_line - 1 :])
    page = SitePage(path, meta, text=text, body_line=body_line)
    tokens = _MD.parse(body)
    for n, token in enumerate(tokens):
        start = token.map[0] + 1 if token.map else 0
        if token.type in ("fence", "code_block") and token.map:
            page.code.append(Code(token.info.strip(), start, token.map[1] + 1))
        elif token.type == "html_block":
            page.html.append(Html(token.content, start))
        elif token.type == "heading_open":
            heading = _heading(token, tokens[n + 1], start)
            page.headings.append(heading)
            if heading.attrs:
                page.attr_lists.append((start, heading.attrs))
        if token.type == "inline" and token.children:
            _inline(page, token.children, _locator(lines, start, token.map[1] if token.map else start))
    page.questions = _questions(page, lines)
    return page


MAX_PAGE_BYTES = 4 * 1024 * 1024  # the largest page of docs/ is about 40 KB


def read_page(path: Path) -> SitePage:
    if path.is_symlink() or not path.is_file():
        raise SourceError(
            [Problem(str(path), 1, "not a regular file (expected a Markdown page, not a link or device)")]
        )
    with path.open("rb") as fh:
        data = fh.read(MAX_PAGE_BYTES + 1)
    if len(data) > MAX_PAGE_BYTES:
        raise SourceError(
            [Problem(str(path), 1, f"page larger than {MAX_PAGE_BYTES // 1024 // 1024} MiB (expected a FAQ page)")]
        )
    try:
        text = data.decode("utf-8-sig")  # as MkDocs reads pages: a byte-order mark is dropped
    except UnicodeDecodeError as exc:
        raise SourceError(
            [Problem(str(path), 1, f"not UTF-8 text ({exc.reason}) (expected a UTF-8 Markdown file)")]
        ) from None
    # as MkDocs reads pages (text mode): CRLF and CR line ends are LF
    return parse_page(text.replace("\r\n", "\n").replace("\r", "\n"), path)


def _heading(open_: Token, inline: Token, line: int) -> Heading:
    source = inline.content
    attrs: dict[str, str] = {}
    if m := heading_attrs(source):
        attrs = parse_attrs(m["attrs"])
        source = source[: m.start()]
    plain = _plain(inline.children or [])
    if attrs and (m := heading_attrs(plain)):
        plain = plain[: m.start()]
    return Heading(int(open_.tag[1]), source.strip(), plain.strip(), attrs, line)


def _plain(children: list[Token]) -> str:
    return "".join(c.content for c in children if c.type in ("text", "code_inline", "softbreak", "html_inline"))


def _locator(lines: list[str], first: int, last: int) -> Callable[[str], int]:
    """For the block on lines ``first`` to ``last``: the first of its lines that holds a text (else ``first``)."""
    block = "\n".join(lines[first - 1 : max(first, last)])
    found: dict[str, int] = {}  # each text is looked for once

    def line_of(needle: str) -> int:
        if needle not in found:
            at = block.find(needle) if needle and "\n" not in needle else -1
            found[needle] = first + block.count("\n", 0, at) if at >= 0 else first
        return found[needle]

    return line_of


def _inline(page: SitePage, children: list[Token], line_of: Callable[[str], int]) -> None:
    """Links, images, attribute lists and inline HTML of one block, each on the line where its source appears."""

    closes = ("link_close", "image", "code_inline", "em_close", "strong_close")
    for n, child in enumerate(children):
        if child.type == "link_open":
            href = str(child.attrs.get("href", ""))
            page.links.append(Link(href, line_of(href), {}))
        elif child.type == "image":
            src = str(child.attrs.get("src", ""))
            page.images.append(Image(src, _plain(child.children or []), line_of(src), {}))
        elif child.type == "html_inline":
            page.html.append(Html(child.content, line_of(child.content)))
        following = children[n + 1] if n + 1 < len(children) else None
        tail = following.content if following is not None and following.type == "text" else ""
        if child.type in closes and (m := INLINE_ATTRS.match(tail)):
            # the element the attribute list applies to, as Python-Markdown's attr_list does
            attrs = parse_attrs(m["attrs"])
            page.attr_lists.append((line_of(m.group(0)), attrs))
            if child.type == "image":
                page.images[-1].attrs.update(attrs)
            elif child.type == "link_close":
                page.links[-1].attrs.update(attrs)
        if child.children:
            _inline(page, child.children, line_of)


def _questions(page: SitePage, lines: list[str]) -> list[PageQuestion]:
    heads = [(h, m) for h in page.headings if h.level == 2 and (m := QUESTION_TEXT.fullmatch(h.text)) is not None]
    starts = [h.line for h, _ in heads]
    ends = [*starts[1:], len(lines) + 1]

    def per_question(items: list[Any]) -> list[list[Any]]:
        """``items`` (each with a line) shared out to the questions whose answer holds them, in order."""
        shares: list[list[Any]] = [[] for _ in heads]
        for item in items:
            n = bisect_left(starts, item.line) - 1
            if n >= 0 and item.line < ends[n]:
                shares[n].append(item)
        return shares

    links, images, code = per_question(page.links), per_question(page.images), per_question(page.code)
    out = []
    for n, (h, m) in enumerate(heads):
        end = ends[n]
        out.append(
            PageQuestion(
                label=m["label"],
                id=h.id or "",
                title=m["title"].strip(),
                body="\n".join(lines[h.line : end - 1]).strip(),
                line=h.line,
                end=end,
                source_hash=h.attrs.get("data-source-hash"),
                links_in=links[n],
                images_in=images[n],
                code_in=code[n],
            )
        )
    return out

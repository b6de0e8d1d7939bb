"""A page of the site, parsed once into plain data: the one model every reader of docs/ shares.

``read_page`` parses a Markdown page with markdown-it-py, configured as the
site's Python-Markdown renders (front matter by MkDocs' rule, attribute lists
on headings, links and images, fences, tables), into a :class:`SitePage`:
front matter, headings with their ids, questions with label, id, source lines
and answer, links, images, code blocks and raw HTML, each with its 1-based
line, and the tree of blocks (paragraphs, lists with their items, code,
formulas, tables, figures), lists as Python-Markdown builds them. The
importer's merge, ``check``, ``parity``, ``freshness`` and the MkDocs plugin
all read pages through it, so there is one rule for what is a heading, a link
or code. ``tests/markdown`` renders pages with the site's own
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
from typing import Any, Literal

import yaml
from markdown.extensions.toc import slugify
from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
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

# A caption block of pymdownx.blocks: it makes the block above it (our images) a <figure>.
CAPTION_START = re.compile(r"^[ \t]*/{3,}[ \t]*caption(?:[ \t]|$)", re.M)


def _python_markdown_lists(list_rule: Callable[[StateBlock, int, int, bool], bool]) -> Callable[..., bool]:
    """markdown-it's list rule, less what Python-Markdown does not do: start a list inside a paragraph.

    CommonMark lets a list interrupt a paragraph ("以下几个方面：" then "1. 参数量" on the
    next line); Python-Markdown keeps such lines in the paragraph, so the reader sees
    running text and the list starts at its next item after a blank line (at 2). The
    one exception, as Python-Markdown's list processor has it: under a list item's
    first line, a marker indented 4 to 7 columns deeper than the list starts a
    nested list.
    """

    def rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        interrupts = silent and state.parentType == "paragraph" and state.sCount[start] >= state.blkIndent
        if interrupts:
            under_item_text = bool(state.tokens) and state.tokens[-1].type == "list_item_open"
            deeper = state.sCount[start] - max(state.listIndent, 0)
            if not (under_item_text and 4 <= deeper <= 7):
                return False
        return list_rule(state, start, end, silent)

    return rule


_MD = MarkdownIt("commonmark").enable("table")
_MD.block.ruler.at(
    "list",
    _python_markdown_lists(next(r.fn for r in _MD.block.ruler.__rules__ if r.name == "list")),
    {"alt": ["paragraph", "reference", "blockquote"]},
)
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


BlockKind = Literal["paragraph", "heading", "list", "code", "formula", "table", "figure", "html", "quote", "rule"]
BLOCK_NAMES: dict[str, str] = {
    "code": "code block",
    "html": "HTML block",
    "quote": "block quote",
    "rule": "horizontal rule",
}


@dataclass(frozen=True)
class Block:
    """A block of a page as the reader sees it: its kind, and for a list its items, each a run of blocks.

    Paragraphs, headings, code blocks, formulas (math fences), tables, figures (an
    image with its caption), raw HTML, quotes and rules; list items' own text is a
    paragraph. Blocks are Python-Markdown's where CommonMark differs: no list starts
    inside a paragraph, an item holds only what is indented 4 columns a level (see
    :func:`_list`), and a fence with text right above or below it, without a blank
    line, is shown inside that paragraph.
    """

    kind: BlockKind
    line: int  # 1-based first line
    items: tuple[tuple[Block, ...], ...] = ()  # a list's items (a quote's content is its one item)
    ordered: bool = False
    start: int = 1  # the number an ordered list starts with
    level: int = 0  # a heading's level

    def describe(self) -> str:
        """``'ordered list of 3 items from 2'``, ``'figure'``, ``'level-3 heading'``."""
        if self.kind == "list":
            count = f"{len(self.items)} item{'' if len(self.items) == 1 else 's'}"
            if not self.ordered:
                return f"unordered list of {count}"
            return f"ordered list of {count}" + (f" from {self.start}" if self.start != 1 else "")
        if self.kind == "heading":
            return f"level-{self.level} heading"
        return BLOCK_NAMES.get(self.kind, self.kind)


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
    blocks_in: list[Block] = field(default_factory=list)  # the answer's blocks, in order

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
    blocks: list[Block] = field(default_factory=list)  # the page's top-level blocks, headings included

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
    page.blocks = _blocks(tokens, lines)
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
    blocks = per_question(page.blocks)
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
                blocks_in=blocks[n],
            )
        )
    return out


# Python-Markdown's tab_length: a list item's blocks after its first line are indented 4 columns a level
LIST_INDENT = 4


def _indent(line: str) -> int:
    """Columns of ``line``'s leading spaces, tabs to the next multiple of 4."""
    col = 0
    for ch in line:
        if ch == " ":
            col += 1
        elif ch == "\t":
            col += 4 - col % 4
        else:
            break
    return col


def _blocks(tokens: list[Token], lines: list[str]) -> list[Block]:
    """The block tree of a token stream, lists as Python-Markdown builds them (see :func:`_list`)."""
    blocks, _ = _blocks_until(tokens, lines, 0, "", 0)
    return blocks


def _blocks_until(tokens: list[Token], lines: list[str], i: int, close: str, depth: int) -> tuple[list[Block], int]:
    """The blocks from ``tokens[i]`` up to the token of type ``close`` (or the end), and the index after it.

    ``depth`` is the number of lists around them, -1 inside a quote (where columns are not checked).
    markdown-it nests at most 20 deep, so the recursion is bounded.
    """
    out: list[Block] = []
    text_end = -1  # the 0-based line after the paragraph last added (fences run into it included), or -1
    while i < len(tokens):
        tok = tokens[i]
        line = tok.map[0] + 1 if tok.map else 0
        if tok.type == close:
            break
        if tok.type in ("paragraph_open", "fence") and tok.map and out and _runs_together(out[-1], text_end, tok):
            # Python-Markdown has no blank line between them: one paragraph, the code shown inside it
            out[-1] = Block("paragraph", out[-1].line)
            text_end = tok.map[1]
            i += 3 if tok.type == "paragraph_open" else 1
            continue
        text_end = tok.map[1] if tok.type in ("paragraph_open", "fence") and tok.map else -1
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            found, i = _list(tokens, lines, i, depth)
            out.extend(found)
            continue
        if tok.type == "blockquote_open":
            inner, i = _blocks_until(tokens, lines, i + 1, "blockquote_close", -1)
            out.append(Block("quote", line, (tuple(inner),)))
            continue
        if tok.type == "paragraph_open":
            content = tokens[i + 1].content if i + 1 < len(tokens) else ""
            caption = CAPTION_START.search(content)
            if caption is None:
                out.append(Block("paragraph", line))
            elif content[: caption.start()].strip():
                out.append(Block("figure", line))
            elif out:  # a caption on its own makes the block above it the figure
                out[-1] = Block("figure", out[-1].line)
            i += 3
            continue
        if tok.type == "heading_open":
            out.append(Block("heading", line, level=int(tok.tag[1:])))
            i += 3
            continue
        if tok.type == "table_open":
            out.append(Block("table", line))
            while i < len(tokens) and tokens[i].type != "table_close":
                i += 1
        elif tok.type == "fence":
            out.append(Block("formula" if tok.info.strip().split(" ", 1)[0] == "math" else "code", line))
        elif tok.type == "code_block":
            out.append(Block("code", line))
        elif tok.type == "html_block":
            out.append(Block("html", line))
        elif tok.type == "hr":
            out.append(Block("rule", line))
        i += 1
    return _joined_lists(out), i + 1


def _runs_together(last: Block, text_end: int, tok: Token) -> bool:
    """Whether ``tok``, a paragraph or a fence, continues ``last`` (a paragraph or a fence that ended on
    line ``text_end``) without a blank line in between, so that Python-Markdown renders them as one
    paragraph: a fence (pymdownx.superfences) stands alone only between blank lines."""
    return tok.map is not None and tok.map[0] == text_end and last.kind in ("paragraph", "code", "formula")


def _list(tokens: list[Token], lines: list[str], i: int, depth: int) -> tuple[list[Block], int]:
    """The list that opens at ``tokens[i]`` as Python-Markdown renders it, and the index after it.

    CommonMark keeps in an item whatever is indented to its text ("1. " then 3
    spaces); Python-Markdown, only what is indented 4 columns a level. A block
    of an item indented less (a fence under "1. " indented 3) ends the list
    there: it and the rest of the item follow the list, and the next items make
    a new list, which starts at the next item's number.
    """
    tok = tokens[i]
    ordered = tok.type == "ordered_list_open"
    needed = LIST_INDENT * (depth + 1)
    out: list[Block] = []
    items: list[tuple[Block, ...]] = []
    first_line, start = (tok.map[0] + 1 if tok.map else 0), int(tok.attrs.get("start", 1)) if ordered else 1
    i += 1
    while i < len(tokens) and tokens[i].type == "list_item_open":
        item = tokens[i]
        item_line = item.map[0] + 1 if item.map else 0
        if not items:
            first_line = item_line
            start = int(item.info) if ordered and item.info.isdigit() else start
        blocks, i = _blocks_until(tokens, lines, i + 1, "list_item_close", depth + 1 if depth >= 0 else -1)
        outside = [
            depth >= 0 and item_line < b.line <= len(lines) and _indent(lines[b.line - 1]) < needed for b in blocks
        ]
        cut = outside.index(True) if True in outside else len(blocks)
        items.append(tuple(blocks[:cut]))
        if cut < len(blocks):
            out.append(Block("list", first_line, tuple(items), ordered=ordered, start=start))
            out.extend(blocks[cut:])
            items = []
    if items:
        out.append(Block("list", first_line, tuple(items), ordered=ordered, start=start))
    return out, i + 1  # past the list's close


def _joined_lists(blocks: list[Block]) -> list[Block]:
    """Lists of one type next to each other are one list, as in Python-Markdown ("- a", blank line, "* b")."""
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if prev is not None and b.kind == prev.kind == "list" and b.ordered == prev.ordered:
            out[-1] = Block("list", prev.line, prev.items + b.items, ordered=prev.ordered, start=prev.start)
        else:
            out.append(b)
    return out

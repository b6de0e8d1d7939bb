"""Small pure transforms that turn upstream text into the site's one form.

Each body transform takes the answer text and returns new text; none changes
what a code span or a code block shows (stray spaces at a span's edges, which
the site does not show, are dropped; a block inside a list item may move right
as a whole). :func:`normalize_season` applies them in order.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from urllib.parse import urljoin

import autocorrect_py
from markdown_it import MarkdownIt
from markdown_it.token import Token

from faqsite.errors import Problem, SourceError
from faqsite.importer.figures import Figure, FigureRegistry
from faqsite.importer.model import Question, Season, Unit
from faqsite.markdown.model import code_spans

# Characters that get a space between them and Latin letters or digits.
HAN = "\u2e80-\u2fff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_BEFORE_CODE = re.compile(rf"(?<=[{HAN}])[ \t]*$")
HAN_AFTER_CODE = re.compile(rf"^[ \t]*(?=[{HAN}])")
ANSWER_MARKER = re.compile(r"^(?P<indent>\s*)\*\*\s*A\s*(?:\*\*\s*[:：]|[:：]\s*\*\*)\s*")
NAMED_ANCHOR = re.compile(r"""<a\s+name\s*=\s*["'][^"']*["']\s*>\s*</a>""")
MD_IMAGE_ALONE = re.compile(r"^\s*!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+\"[^\"]*\")?\)\s*$")
# Link targets hold no "[" (none upstream does): a target then ends before the next link starts,
# and neither a target nor a bracket inside a link's text scans the rest of the line at every "[".
MD_LINK = re.compile(r"(?<!!)\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]\((?P<target>[^)\s\[]+)(?P<title>\s+\"[^\"]*\")?\)")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
LIST_ITEM = re.compile(r"^(?P<indent> *)(?:[*+-]|[0-9]+[.)]) ")
BLANK_RUN = re.compile(r"\n{3,}")
LIST_INDENT = 4  # Python-Markdown's tab_length: list item content is indented 4 columns a level
MAX_LIST_DEPTH = 20  # markdown-it's nesting limit
# A subscript written without braces that runs on with "+1" or "-1": "w_t+1", "v_t-1"
UNGROUPED_SUBSCRIPT = re.compile(r"(?P<base>[A-Za-z])_(?P<sub>[A-Za-z0-9]+[+-][0-9]+)")
DATE = re.compile(r"(?P<y>[0-9]{4})[.\-/](?P<m>[0-9]{1,2})[.\-/](?P<d>[0-9]{1,2})")

# Full-width parentheses around Latin text only, as the legacy layout writes
# "（transforms）" where the current one writes "(transforms)".
FULLWIDTH_PARENS_LATIN = re.compile(r"（(?P<inner>[\x20-\x7e]+)）")
# A link next to a Han character: the space between them follows the same rule
# as plain text (space only where the link text starts or ends with Latin/digits).
LINK_THEN_TEXT = re.compile(rf"(?P<link>\[[^\[\]]*?(?P<last>.)\]\([^)\s\[]+\))(?P<gap>[ \t]*)(?=[{HAN}])")
TEXT_THEN_LINK = re.compile(rf"(?<=[{HAN}])(?P<gap>[ \t]*)(?P<link>\[(?P<first>.)[^\[\]]*\]\([^)\s\[]+\))")
LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")
# No space between a closing parenthesis and Han ("…网络)组成"), as upstream writes it.
PAREN_THEN_HAN = re.compile(rf"\)[ \t]+(?=[{HAN}])")
# A command-line option after Han gets its space ("使用 -o 来调整", "加上 --force"): two hyphens, or one
# and a single letter. One hyphen and a word joins the Han word to a Latin one, and stays as written
# ("准确率-FLOPS 曲线", "精度-params 变化曲线"), like "准确率-预测时间曲线".
HAN_THEN_OPTION = re.compile(rf"(?<=[{HAN}])(?=--[A-Za-z]|-[A-Za-z](?![A-Za-z]))")
# A word in square brackets that is not a link ("[CLS]") is spaced from Han as the word alone would
# be ("增加一个 [CLS] 标志位", as the answers write `[CLS]`); numbers and lists in brackets keep
# upstream's layout ("论文[2]", "图片是[224,224,3]").
BRACKETED_WORD = re.compile(r"(?<![!\]\\])\[[A-Za-z][A-Za-z0-9_]*\](?![(\[:{])")
HAN_CHAR = re.compile(rf"[{HAN}]")
# A question or exclamation mark that ends Chinese text is full-width, with no space before the Han
# that follows ("标志位? 为什么" -> "标志位？为什么"); one inside a URL ("中文?a=1") is left alone.
HALFWIDTH_END_THEN_HAN = re.compile(rf"(?<=[{HAN}])(?P<mark>[?!])[ \t]*(?=[{HAN}])")
HALFWIDTH_END = re.compile(rf"(?<=[{HAN}])(?P<mark>[?!])(?=\s|$)")
FULLWIDTH = {"?": "？", "!": "！"}

# autocorrect's defaults, less the rules that the current upstream layout does
# not follow: no space around brackets ("OHEM(online …)的方法") or dashes
# ("准确率-预测时间曲线"), and punctuation left in the width the author chose
# (its full-width rule treats the same sentence differently depending on spacing).
AUTOCORRECT_CONFIG = "rules:\n  space-bracket: 0\n  space-dash: 0\n  fullwidth: 0\n"
autocorrect_py.load_config(AUTOCORRECT_CONFIG)  # type: ignore[attr-defined]  # missing from its stubs
# autocorrect's Markdown grammar backtracks over brackets and emphasis marks: its time grows with a
# text's length times its marks (16,000 "[" take 2 s, 8,000 "[](" 17 s; past some thousands of "["
# it raises "call limit reached"), and 150,000 "*" overflow its stack and kill the process. It is fed
# pieces within these bounds, where its worst case stays near 10 ms: an answer whole when it fits
# (every upstream answer does: at most 1,786 characters and 263 marks), else line by line; a line
# beyond them keeps its spacing as written (see spacing_skipped).
SPACING_MAX_CHARS = 4_000
SPACING_MAX_MARKS = 400
MARKS = frozenset(string.punctuation)

# Blocks only (fences, code, HTML, paragraphs and headings with their text): what every transform but
# map_images needs. Parsing the inline content is linear but slow on brackets (14 µs a "["), so it is
# done once, and only for a text that can hold an image ("![").
_BLOCKS = MarkdownIt("commonmark").disable("inline")
_MD = MarkdownIt("commonmark")


@dataclass(frozen=True)
class Context:
    """What the transforms need besides the text."""

    source: str
    figures: FigureRegistry
    upstream_url: str  # URL of the source file upstream; relative links resolve against it
    collection: str = ""  # the collection being imported ("2021-s1")
    anchors: dict[str, str] = field(
        default_factory=dict
    )  # legacy in-page anchors -> our page ("issue-3.md" or "part-1-3.md#q1-3-8")
    # upstream raster images the pages use: (figure, src as written, source line); filled by map_images
    images: list[tuple[Figure, str, int]] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # filled by the transforms


# --- helpers ---------------------------------------------------------------


def code_lines(text: str) -> set[int]:
    """0-based indices of lines inside fenced or indented code blocks."""
    inside: set[int] = set()
    for tok in _BLOCKS.parse(text):
        if tok.type in ("fence", "code_block") and tok.map:
            inside.update(range(*tok.map))
    return inside


def map_prose(text: str, fn: Callable[[str], str]) -> str:
    """Apply ``fn`` to every stretch of text outside code blocks and code spans."""
    skip = code_lines(text)
    out = []
    for i, line in enumerate(text.split("\n")):
        if i in skip:
            out.append(line)
            continue
        parts, last = [], 0
        for a, b in code_spans(line):
            parts += [fn(line[last:a]), line[a:b]]
            last = b
        parts.append(fn(line[last:]))
        out.append("".join(parts))
    return "\n".join(out)


def without_comments(text: str) -> str:
    """``text`` without HTML comments (``<!-- … -->``), in one pass: an unclosed comment is kept as written."""
    out, at = [], 0
    while (start := text.find("<!--", at)) >= 0 and (end := text.find("-->", start + 4)) >= 0:
        out.append(text[at:start])
        at = end + 3
    return "".join(out) + text[at:]


def _spacing_fits(piece: str) -> bool:
    """Whether autocorrect takes ``piece`` in bounded time (see SPACING_MAX_CHARS)."""
    return len(piece) <= SPACING_MAX_CHARS and sum(c in MARKS for c in piece) <= SPACING_MAX_MARKS


def _autocorrect_piece(piece: str) -> str | None:
    """autocorrect's spacing of ``piece``, or None where it cannot give one in bounded time."""
    if not _spacing_fits(piece):
        return None
    try:
        return str(autocorrect_py.format_for(piece, "md"))
    except ValueError:  # its grammar gave up ("call limit reached"): the piece keeps its spacing
        return None


def autocorrect(text: str) -> str:
    """autocorrect's spacing of Markdown ``text``, in pieces it takes in bounded time.

    The whole text when it fits, else each line outside code blocks (without its
    indentation, which autocorrect would take for code); a line that does not
    fit is left as written.
    """
    whole = _autocorrect_piece(text)
    if whole is not None:
        return whole
    skip = code_lines(text)
    out = []
    for i, line in enumerate(text.split("\n")):
        body = line.lstrip(" ")
        spaced = None if i in skip or not body else _autocorrect_piece(body)
        out.append(line if spaced is None else line[: len(line) - len(body)] + spaced)
    return "\n".join(out)


def spacing_skipped(text: str) -> list[int]:
    """0-based lines of ``text`` whose spacing :func:`autocorrect` leaves as written (too long or too much markup)."""
    if _spacing_fits(text):
        return []
    skip = code_lines(text)
    return [i for i, line in enumerate(text.split("\n")) if i not in skip and not _spacing_fits(line.lstrip(" "))]


def space_code_spans(line: str) -> str:
    """One space between a Han character and an adjacent code span."""
    spans = code_spans(line)
    if not spans:
        return line
    gaps = [
        line[a:b] for a, b in zip([0] + [e for _, e in spans], [s for s, _ in spans] + [len(line)], strict=False)
    ]
    out = []
    for i, gap in enumerate(gaps):
        if i > 0:
            gap = HAN_AFTER_CODE.sub(" ", gap)
        if i < len(spans):
            gap = HAN_BEFORE_CODE.sub(" ", gap)
            out.extend([gap, line[slice(*spans[i])]])
        else:
            out.append(gap)
    return "".join(out)


# --- text transforms --------------------------------------------------------


def space_links(text: str) -> str:
    """Between a link and a Han character: one space if the link text meets it with Latin, else none."""

    def after(m: re.Match[str]) -> str:
        return m["link"] + (" " if LATIN_OR_DIGIT.match(m["last"]) else "")

    def before(m: re.Match[str]) -> str:
        return (" " if LATIN_OR_DIGIT.match(m["first"]) else "") + m["link"]

    return TEXT_THEN_LINK.sub(before, LINK_THEN_TEXT.sub(after, text))


def space_bracketed_words(text: str) -> str:
    """One space between Han and a word in square brackets ("一个 [CLS] 标志位")."""

    def one(m: re.Match[str]) -> str:
        start, end = m.span()
        before = " " if start and HAN_CHAR.match(text, start - 1) else ""
        after = " " if HAN_CHAR.match(text, end) else ""
        return before + m[0] + after

    return BRACKETED_WORD.sub(one, text)


def fullwidth_sentence_marks(text: str) -> str:
    """Make "?" and "!" after Han "？" and "！", without a space before the Han that follows."""
    text = HALFWIDTH_END_THEN_HAN.sub(lambda m: FULLWIDTH[m["mark"]], text)
    return HALFWIDTH_END.sub(lambda m: FULLWIDTH[m["mark"]], text)


def tidy_punctuation_spacing(text: str) -> str:
    """Half-width parentheses around Latin text, no gap after ")", a space before "-o", bracketed
    words spaced, full-width "？" and "！" after Han."""
    text = FULLWIDTH_PARENS_LATIN.sub(r"(\g<inner>)", text)
    text = HAN_THEN_OPTION.sub(" ", PAREN_THEN_HAN.sub(")", text))
    return fullwidth_sentence_marks(space_bracketed_words(text))


def trim_code_span(span: str) -> str:
    """A code span (backticks included) without spaces at the edges of its content.

    Python-Markdown shows a span's content stripped, CommonMark strips one space
    from each side only when both have one; a span written `` `1*1 ` `` is a typo
    for `` `1*1` `` in both. The one padding space that CommonMark needs around
    content starting or ending with a backtick (```` `` `x` `` ````) is kept; content
    of spaces only is left as written.
    """
    ticks = len(span) - len(span.lstrip("`"))
    content = span[ticks:-ticks]
    trimmed = content.strip(" \t")
    if not trimmed or trimmed == content:
        return span
    if trimmed.startswith("`") or trimmed.endswith("`"):
        trimmed = f" {trimmed} "
    return span[:ticks] + trimmed + span[-ticks:]


def trim_code_spans(text: str) -> str:
    """Every code span outside code blocks without spaces at the edges of its content (see trim_code_span)."""
    skip = code_lines(text)
    out = []
    for i, line in enumerate(text.split("\n")):
        spans = [] if i in skip else code_spans(line)
        parts, last = [], 0
        for a, b in spans:
            parts += [line[last:a], trim_code_span(line[a:b])]
            last = b
        out.append("".join([*parts, line[last:]]))
    return "\n".join(out)


def space_cjk(text: str) -> str:
    """Spacing and punctuation between Chinese and Latin text as in the current upstream layout.

    The one normalization of running text, for answers, titles and the preface
    alike. autocorrect does letters and digits (and leaves code alone); code
    spans lose stray spaces inside and, next to Han characters, get one space
    outside, as upstream writes them now; links follow the rule of the text they
    hold; "?" and "!" after Chinese are full-width.
    """
    spaced = map_prose(autocorrect(trim_code_spans(text)), lambda s: space_links(tidy_punctuation_spacing(s)))
    skip = code_lines(spaced)
    return "\n".join(line if i in skip else space_code_spans(line) for i, line in enumerate(spaced.split("\n")))


def normalize_title(title: str) -> str:
    """One line, single spaces, then the body's normalization (:func:`space_cjk`)."""
    return space_cjk(" ".join(title.split())).strip()


def strip_comments_and_anchors(text: str) -> str:
    """Remove HTML comments and legacy ``<a name>`` anchors (blocks that hold nothing else)."""
    lines = text.split("\n")
    drop: set[int] = set()
    tokens = _BLOCKS.parse(text)
    for i, tok in enumerate(tokens):
        if tok.type not in ("html_block", "inline") or not tok.map or tok.level > 1:
            continue
        if tok.type == "inline" and tokens[i - 1].type != "paragraph_open":
            continue
        if not NAMED_ANCHOR.sub("", without_comments(tok.content)).strip():
            drop.update(range(*tok.map))
    return "\n".join(line for i, line in enumerate(lines) if i not in drop)


def strip_answer_marker(text: str) -> str:
    """Drop the ``**A**：`` marker, so every answer has one shape."""
    skip = code_lines(text)
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if i not in skip and (m := ANSWER_MARKER.match(line)):
            lines[i] = m["indent"] + line[m.end() :] if line[m.end() :].strip() else ""
            break
    return "\n".join(lines)


def rewrite_links(text: str, ctx: Context, first_line: int) -> str:
    """Relative links to upstream pages become absolute; in-page anchors go to our page."""
    problems: list[Problem] = []
    lines = text.split("\n")

    def fix(segment: str, line_no: int) -> str:
        def one(m: re.Match[str]) -> str:
            target = m["target"]
            if SCHEME.match(target) or target.startswith("//"):
                return m.group(0)
            if target.split("#")[0] in {v.split("#")[0] for v in ctx.anchors.values()} or ctx.figures.is_ours(target):
                return m.group(0)  # already one of our pages or drawings
            if target.startswith("#"):
                page = ctx.anchors.get(target[1:])
                if page is None:
                    problems.append(
                        Problem(
                            ctx.source,
                            line_no,
                            f"link to unknown anchor '{target}' (expected one of the source's issue anchors)",
                        )
                    )
                    return m.group(0)
                new = page
            else:
                new = urljoin(ctx.upstream_url, target)
            return f"[{m['text']}]({new}{m['title'] or ''})"

        return MD_LINK.sub(one, segment)

    skip = code_lines(text)
    out = []
    for i, line in enumerate(lines):
        if i in skip:
            out.append(line)
            continue
        parts, last = [], 0
        for a, b in code_spans(line):
            parts.extend([fix(line[last:a], first_line + i), line[a:b]])
            last = b
        parts.append(fix(line[last:], first_line + i))
        out.append("".join(parts))
    if problems:
        raise SourceError(problems)
    return "\n".join(out)


class _ImgFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.images: list[dict[str, str | None]] = []
        self.other = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.images.append(dict(attrs))
        elif tag not in ("div", "p", "center", "br"):
            self.other = True


def figure_block(figure: Figure, lang: str, depth: int) -> str:
    """Our one image form: a captioned figure whose image (alt text, width) links to
    the drawing itself, so that a tap on a phone shows it larger."""
    src = "../" * depth + "images/faq/" + figure.file
    alt = figure.alt[lang].replace("[", "\\[").replace("]", "\\]")
    return (
        f'[![{alt}]({src}){{ width="{figure.width}" loading="lazy" }}]({src})\n/// caption\n{figure.caption[lang]}\n///'
    )


def math_block(tex: str, indent: str = "") -> str:
    return "\n".join(indent + line for line in ["```math", tex, "```"])


def insert_formulas(text: str, question: Question, ctx: Context) -> str:
    """After the line that gives a formula as code, the same formula as math (data/figures.yml)."""
    lines = text.split("\n")
    for ins in ctx.figures.insertions:
        if ins.question != question.label or ins.collection != ctx.collection:
            continue
        at = next((i for i, line in enumerate(lines) if ins.after in line), None)
        if at is None:
            raise SourceError(
                Problem(
                    ctx.source,
                    question.line,
                    f"{question.label}: no line contains '{ins.after}' (expected the text after which data/figures.yml inserts a formula)",
                )
            )
        following = [line.strip() for line in lines[at + 1 : at + 4] if line.strip()]
        if following[:2] == ["```math", ins.tex]:
            continue  # already there
        indent = " " * list_content_indent(lines[at])
        lines[at + 1 : at + 1] = ["", math_block(ins.tex, indent), ""]
    return "\n".join(lines)


def list_content_indent(line: str) -> int:
    """Where the content of a list item line starts, in Python-Markdown's 4-space steps."""
    m = LIST_ITEM.match(line)
    if not m:
        return len(line) - len(line.lstrip(" "))
    return (len(m["indent"]) // 4 + 1) * 4


def map_images(text: str, ctx: Context, first_line: int, depth: int) -> str:
    """Both upstream image syntaxes become our figure (or formula) blocks."""
    lines = text.split("\n")
    problems: list[Problem] = []
    replacements: dict[int, tuple[int, str]] = {}
    tokens = (_MD if "![" in text else _BLOCKS).parse(text)
    for i, tok in enumerate(tokens):
        if not tok.map:
            continue
        sources: list[str] = []
        if tok.type == "html_block":
            finder = _ImgFinder()
            finder.feed(tok.content)
            if not finder.images:
                continue
            sources = [img.get("src") or "" for img in finder.images]
            if len(sources) > 1 or finder.other:
                ctx.warnings.append(
                    Problem(
                        ctx.source,
                        first_line + tok.map[0],
                        f"HTML block with {len(sources)} image(s) and other markup; published as {len(sources)} figure(s), the markup dropped",
                        warning=True,
                    )
                )
        elif tok.type == "inline" and tokens[i - 1].type == "paragraph_open":
            images = [c for c in tok.children or [] if c.type == "image"]
            if images and all(ctx.figures.is_ours(str(c.attrs.get("src", ""))) for c in images):
                continue  # already in our figure form
            if m := MD_IMAGE_ALONE.match(tok.content):
                sources = [m["src"]]
            elif images:
                problems.append(
                    Problem(
                        ctx.source,
                        first_line + tok.map[0],
                        "image inside running text (expected the image alone in its paragraph)",
                    )
                )
                continue
            else:
                continue
        else:
            continue
        blocks = []
        for src in sources:
            target = ctx.figures.lookup(src)
            if target is None:
                problems.append(
                    Problem(
                        ctx.source,
                        first_line + tok.map[0],
                        f"image '{src}' is not in the figure registry (expected one of: {', '.join(ctx.figures.known)})",
                    )
                )
                continue
            if isinstance(target, Figure):
                if target.raster:
                    ctx.images.append((target, src, first_line + tok.map[0]))
                blocks.append(figure_block(target, "zh", depth))
            else:
                blocks.append(math_block(target.tex))
        replacements[tok.map[0]] = (tok.map[1], "\n\n".join(blocks))
    if problems:
        raise SourceError(problems)
    out: list[str] = []
    i = 0
    while i < len(lines):
        if i in replacements:
            end, block = replacements[i]
            out.extend(["", block, ""])
            i = end
        else:
            out.append(lines[i])
            i += 1
    return "\n".join(out)


def latex_as_math(text: str) -> str:
    """A ```` ```latex ```` fence holds formulas: it becomes a math fence, shown as MathML.

    Upstream writes them as plain text, one formula a line, subscripts ungrouped
    (``w_t+1`` for w with subscript t+1): each subscript gets its group, and
    several lines become the rows of one array, so that each stays on a line.
    """
    lines = text.split("\n")
    for tok in reversed([t for t in _BLOCKS.parse(text) if t.type == "fence" and t.map]):
        if tok.info.strip().lower() not in ("latex", "tex"):
            continue
        assert tok.map is not None
        opening = lines[tok.map[0]]
        indent = opening[: len(opening) - len(opening.lstrip())]
        formulas = [
            UNGROUPED_SUBSCRIPT.sub(r"\g<base>_{\g<sub>}", f.strip()) for f in tok.content.splitlines() if f.strip()
        ]
        tex = (
            formulas
            if len(formulas) < 2
            else ["\\begin{array}{l}", *(f + " \\\\" for f in formulas[:-1]), formulas[-1], "\\end{array}"]
        )
        lines[tok.map[0] : tok.map[1]] = [indent + line for line in [tok.markup + "math", *tex, tok.markup]]
    return "\n".join(lines)


def separate_blocks(text: str) -> str:
    """A blank line between a paragraph and a code fence or a list that follows it, and after a fence.

    Upstream writes them on the next line, as GitHub (CommonMark) allows; the
    site's Markdown (Python-Markdown) would keep them inside the paragraph:
    a list shown as running text, a code block inside a <p>. Lists under a
    tight list item's first line need no blank line and get none.
    """
    lines = text.split("\n")
    tokens = _BLOCKS.parse(text)
    before: set[int] = set()
    for i, tok in enumerate(tokens):
        if not tok.map:
            continue
        start, end = tok.map
        follows_text = start > 0 and bool(lines[start - 1].strip())
        prev = tokens[i - 1]
        if follows_text and (
            tok.type == "fence"
            or (
                tok.type in ("bullet_list_open", "ordered_list_open")
                and prev.type == "paragraph_close"
                and not prev.hidden
            )
        ):
            before.add(start)
        if tok.type == "fence" and end < len(lines) and lines[end].strip():
            before.add(end)
    out: list[str] = []
    for n, line in enumerate(lines):
        if n in before:
            out.append("")
        out.append(line)
    return "\n".join(out)


def indent_list_blocks(text: str) -> str:
    """Each block of a list item below its first line indented 4 columns a level, as Python-Markdown needs.

    GitHub (CommonMark) keeps in an item what is indented to the item's text, so
    upstream indents a fence under "1. " by 3 spaces; the site's Markdown needs 4
    a level, and would end the list above such a block (the block shown outside
    the item, the list starting again at 2). Each such block, with everything it
    holds, moves right to 4 columns a level; nothing else changes.
    """
    for _ in range(MAX_LIST_DEPTH):  # a nested block is checked again once the one around it has moved
        lines = text.split("\n")
        items: list[Token] = []
        moves: list[tuple[int, int, int]] = []  # (first line, end, columns to add)
        for tok in _BLOCKS.parse(text):
            if tok.type == "list_item_open":
                items.append(tok)
                continue
            if tok.type == "list_item_close":
                items.pop()
                continue
            item = items[-1] if items else None
            if item is None or not tok.map or not item.map or tok.nesting < 0 or tok.level != item.level + 1:
                continue
            start, end = tok.map
            line = lines[start]
            need = LIST_INDENT * len(items)
            have = len(line) - len(line.lstrip(" "))
            inside_a_move = bool(moves) and start < moves[-1][1]  # moves with the block around it; checked next pass
            as_written = line.lstrip(" ").startswith((">", "\t"))  # quotes and tabs: columns not counted here
            if start != item.map[0] and have < need and not inside_a_move and not as_written:
                moves.append((start, end, need - have))
        if not moves:
            return text
        for start, end, add in moves:
            lines[start:end] = [" " * add + row if row.strip() else row for row in lines[start:end]]
        text = "\n".join(lines)
    return text


def tidy(text: str) -> str:
    """No trailing spaces outside code, no runs of blank lines, no blank edges."""
    skip = code_lines(text)
    lines = [line if i in skip else line.rstrip() for i, line in enumerate(text.split("\n"))]
    return BLANK_RUN.sub("\n\n", "\n".join(lines)).strip("\n")


def normalize_body(question: Question, ctx: Context, depth: int) -> str:
    first = question.line + 1
    text = strip_comments_and_anchors(question.body)
    text = strip_answer_marker(text)
    text = latex_as_math(text)
    text = rewrite_links(text, ctx, first)
    for i in spacing_skipped(text):
        ctx.warnings.append(
            Problem(
                ctx.source,
                first + i,
                f"line too long or too full of markup for the Chinese-Latin spacing (expected at most {SPACING_MAX_CHARS:,} "
                f"characters and {SPACING_MAX_MARKS} punctuation marks); published with its spacing as written",
                warning=True,
            )
        )
    text = space_cjk(text)
    text = map_images(text, ctx, first, depth)
    text = insert_formulas(text, question, ctx)
    text = separate_blocks(text)  # figures and formulas placed above can make a list loose
    text = indent_list_blocks(text)  # after the blank lines that make fences blocks of their own
    return tidy(text)


# --- dates ----------------------------------------------------------------


def parse_date(raw: str) -> dt.date | None:
    m = DATE.fullmatch(raw.strip())
    if not m:
        return None
    try:
        return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None


def evident_correction(date: dt.date, before: dt.date | None, after: dt.date | None) -> dt.date | None:
    """A date with a neighbour's year that falls in order, if there is exactly one."""
    fits = set()
    for year in {n.year for n in (before, after) if n}:
        try:
            candidate = date.replace(year=year)
        except ValueError:
            continue
        if (before is None or candidate >= before) and (after is None or candidate <= after):
            fits.add(candidate)
    return fits.pop() if len(fits) == 1 else None


def in_order(dates: list[dt.date]) -> set[int]:
    """Indices of a longest non-decreasing run of ``dates``: the ones not to question."""
    best: list[list[int]] = []
    for i, d in enumerate(dates):
        before = [best[j] for j in range(i) if dates[j] <= d]
        best.append([*(max(before, key=len) if before else []), i])
    longest: list[int] = max(best, key=len) if best else []
    return set(longest)


def assign_dates(season: Season) -> tuple[list[Unit], list[Problem]]:
    """Dates from the table of contents; out-of-order ones corrected and reported (warnings and errors)."""
    warnings: list[Problem] = []
    errors: list[Problem] = []
    by_number = {e.number: e for e in season.toc if e.date}
    units = [replace(u) for u in season.units]
    dated: list[tuple[Unit, dt.date, int]] = []
    for unit in units:
        entry = by_number.get(unit.number)
        if entry is None or entry.date is None:
            continue
        date = parse_date(entry.date)
        if date is None:
            errors.append(
                Problem(
                    season.source, entry.line, f"malformed date '{entry.date}' for {unit.title} (expected YYYY.MM.DD)"
                )
            )
            continue
        dated.append((unit, date, entry.line))
    keep = in_order(dated_only := [d for _, d, _ in dated])
    for i, (unit, date, line) in enumerate(dated):
        unit.date = date
        if i in keep:
            continue
        before = max((dated_only[j] for j in keep if j < i), default=None)
        after = min((dated_only[j] for j in keep if j > i), default=None)
        fixed = evident_correction(date, before, after)
        raw = by_number[unit.number].date
        if fixed is None:
            errors.append(
                Problem(
                    season.source,
                    line,
                    f"date {raw} of {unit.title} is out of order and has no evident correction (expected a date between {before} and {after})",
                )
            )
            continue
        warnings.append(
            Problem(
                season.source,
                line,
                f"date {raw} of {unit.title} is out of order (between {before} and {after}); publishing {fixed.isoformat()}",
                warning=True,
            )
        )
        unit.date, unit.source_date = fixed, raw
    return units, warnings + errors


def normalize_season(season: Season, ctx: Context) -> tuple[Season, list[Problem]]:
    """The whole season in the site's form, and every problem found (warnings and refusals)."""
    units, problems = assign_dates(season)
    depth = 3  # docs/<lang>/faq/<season>/page.md -> docs/
    for unit in units:
        questions = []
        for q in unit.questions:
            try:
                body = normalize_body(q, ctx, depth)
            except SourceError as exc:
                problems.extend(exc.problems)
                continue
            questions.append(replace(q, title=normalize_title(q.title), body=body))
        unit.questions = questions
        unit.title = normalize_title(unit.title)
        if unit.part_title:
            unit.part_title = normalize_title(unit.part_title)
    problems.extend(ctx.warnings)
    return replace(
        season,
        title=normalize_title(season.title),
        units=units,
        preface=tidy(space_cjk(strip_comments_and_anchors(season.preface))),
    ), problems

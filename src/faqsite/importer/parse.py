"""Parse an upstream season file into :class:`Season` data.

markdown-it-py finds the headings (and so never mistakes a ``#`` line inside a
code fence for one); the text between two headings is kept verbatim as the
answer, for the transforms in :mod:`faqsite.importer.normalize` to work on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt

from faqsite.errors import Problem, SourceError
from faqsite.importer.model import Question, Season, TocEntry, Unit

ISSUE_HEADING = re.compile(r"^第\s*(?P<n>\d+)\s*期$")
PART_HEADING = re.compile(r"^(?P<n>\d+)\s*[.．、]\s*(?P<title>\S.*)$")
SECTION_HEADING = re.compile(r"^(?P<n>\d+\.\d+)\s*[.．、]?\s+(?P<title>\S.*)$")
QUESTION_HEADING = re.compile(r"^Q(?P<label>\d+(?:\.\d+)+)(?:\s*[:：]\s*|\s+)(?P<title>\S.*?)\s*$")
LOOKS_LIKE_QUESTION = re.compile(r"^Q\s*\d")
TOC_HEADING = re.compile(r"^目\s*录$")
PREFACE_HEADING = re.compile(r"^写在前面$")
TOC_ENTRY = re.compile(
    r"^\s*[*+-]\s*\[(?P<text>[^\]]+)\]\(#(?P<anchor>[^)\s]+)\)"
    r"\s*(?:[(（]\s*(?P<date>[^)）]*?)\s*[)）])?\s*$"
)
TOC_NUMBER = re.compile(r"^(?P<n>\d+(?:\.\d+)*)")
NAMED_ANCHOR = re.compile(r"""<a\s+name\s*=\s*["'](?P<name>[^"']+)["']\s*>\s*</a>""")

_MD = MarkdownIt("commonmark")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int  # 1-based
    anchors: tuple[str, ...]  # <a name> anchors right before the heading


def read_source(path: Path) -> str:
    """Read a source file as UTF-8, reporting where it is not."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(Problem(str(path), 0, "file not found (expected an upstream FAQ Markdown file)")) from None
    except IsADirectoryError:
        raise SourceError(Problem(str(path), 0, "is a directory (expected an upstream FAQ Markdown file)")) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceError(
            Problem(str(path), line, f"not UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded (expected UTF-8 text)")
        ) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def headings(text: str) -> list[Heading]:
    """Every ATX or setext heading with its 1-based line and preceding anchors."""
    tokens = _MD.parse(text)
    found: list[Heading] = []
    pending: list[str] = []
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and tok.map is not None:
            found.append(Heading(int(tok.tag[1]), tokens[i + 1].content.strip(), tok.map[0] + 1, tuple(pending)))
            pending = []
        elif tok.type in ("html_block", "inline") and tok.level <= 1 and tokens[i - 1].type != "heading_open":
            names = [m["name"] for m in NAMED_ANCHOR.finditer(tok.content)]
            only_anchors = not NAMED_ANCHOR.sub("", tok.content).strip()
            pending = pending + names if names and only_anchors else []
    return found


def parse_toc(lines: list[str], first_line: int) -> list[TocEntry]:
    entries = []
    for offset, raw in enumerate(lines):
        m = TOC_ENTRY.match(raw)
        if not m:
            continue
        text = m["text"].strip()
        issue = ISSUE_HEADING.search(text.split(maxsplit=1)[-1]) or re.search(r"第\s*(\d+)\s*期", text)
        if issue:
            number: tuple[int, ...] = (int(issue.group(1)),)
        elif (num := TOC_NUMBER.match(text)) is not None:
            number = tuple(int(n) for n in num["n"].split("."))
        else:
            continue
        entries.append(TocEntry(text, m["anchor"], number, m["date"] or None, first_line + offset))
    return entries


def parse(text: str, source: str) -> Season:
    """Split ``text`` into units and questions; raise :class:`SourceError` on any problem."""
    lines = text.split("\n")
    heads = headings(text)
    problems: list[Problem] = []

    def say(line: int, message: str) -> None:
        problems.append(Problem(source, line, message))

    title = next((h.text for h in heads if h.level == 1), Path(source).stem)
    units: list[Unit] = []
    toc: list[TocEntry] = []
    preface = ""
    part: Unit | None = None  # the part the following sections belong to
    current: Unit | None = None  # where questions go
    question_level: int | None = None

    def section_end(index: int, level: int) -> int:
        """1-based line where the block under heads[index] stops (exclusive)."""
        for h in heads[index + 1 :]:
            if h.level <= level or QUESTION_HEADING.match(h.text):
                return h.line
        return len(lines) + 1

    for i, h in enumerate(heads):
        if h.level == 1:
            continue
        if h.level == 2:
            current, part = None, None
            if TOC_HEADING.match(h.text):
                end = section_end(i, 2)
                toc = parse_toc(lines[h.line : end - 1], h.line + 1)
            elif PREFACE_HEADING.match(h.text):
                end = section_end(i, 2)
                preface = "\n".join(lines[h.line : end - 1]).strip()
            elif m := ISSUE_HEADING.match(h.text):
                current = Unit(
                    "issue",
                    (int(m["n"]),),
                    f"第 {int(m['n'])} 期",
                    h.line,
                    legacy_anchors=list(h.anchors),
                    source_heading=h.text,
                )
                units.append(current)
            elif m := PART_HEADING.match(h.text):
                part = Unit(
                    "part",
                    (int(m["n"]),),
                    m["title"].strip(),
                    h.line,
                    legacy_anchors=list(h.anchors),
                    source_heading=h.text,
                )
                current = part
                units.append(part)
            else:
                say(
                    h.line,
                    f"unexpected level-2 heading '{h.text}' (expected '第 N 期', 'N. part title', '目录' or '写在前面')",
                )
            continue
        q = QUESTION_HEADING.match(h.text)
        if q is None and LOOKS_LIKE_QUESTION.match(h.text):
            say(h.line, f"malformed question heading '{h.text}' (expected 'Qn.m: title')")
            continue
        if q is not None:
            if question_level is None:
                question_level = h.level
            if current is None:
                say(
                    h.line,
                    f"question Q{q['label']} before any issue or part (expected a '## 第 N 期' or '## N. part' heading first)",
                )
                continue
            end = section_end(i, h.level)
            body = "\n".join(lines[h.line : end - 1])
            current.questions.append(Question("Q" + q["label"], q["title"], body, h.line, source_heading=h.text))
            continue
        if h.level == 3 and part is not None and (m := SECTION_HEADING.match(h.text)):
            number = tuple(int(n) for n in m["n"].split("."))
            current = Unit(
                "section", number, m["title"].strip(), h.line, legacy_anchors=list(h.anchors), part_title=part.title
            )
            units.append(current)
            continue
        if question_level is not None and h.level > question_level:
            continue  # a heading inside an answer
        say(h.line, f"unexpected level-{h.level} heading '{h.text}' (expected a question 'Qn.m: title')")

    # A part whose questions all live in its sections is not a page of its own.
    sectioned = {u.number[0] for u in units if u.kind == "section"}
    units = [u for u in units if u.questions or not (u.kind == "part" and u.number[0] in sectioned)]
    problems.extend(check_sequence(units, source))
    if not problems and not any(u.questions for u in units):
        say(1, "no questions found (expected '### Qn.m: title' headings under '## 第 N 期' or '## N. part' sections)")
    if problems:
        raise SourceError(sorted(problems, key=lambda p: p.line))
    return Season(source=source, title=title, units=units, preface=preface, toc=toc)


def check_sequence(units: list[Unit], source: str) -> list[Problem]:
    """Units numbered 1, 2, …; labels unique and in sequence under their unit."""
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    expected_unit: dict[tuple[str, tuple[int, ...]], int] = {}
    for unit in units:
        key = (unit.kind, unit.number[:-1])
        want = expected_unit.get(key, 1)
        if unit.number[-1] != want:
            problems.append(
                Problem(
                    source,
                    unit.line,
                    f"{unit.kind} {unit.dotted} out of sequence (expected {'.'.join(map(str, (*unit.number[:-1], want)))})",
                )
            )
        expected_unit[key] = unit.number[-1] + 1
        if not unit.questions:
            problems.append(
                Problem(
                    source,
                    unit.line,
                    f"{unit.kind} {unit.dotted} has no questions (expected at least one 'Qn.m' heading)",
                )
            )
        next_index = 1
        for q in unit.questions:
            if q.label in seen:
                problems.append(
                    Problem(source, q.line, f"question label {q.label} appears twice (first at line {seen[q.label]})")
                )
                continue
            seen[q.label] = q.line
            want_label = "Q" + ".".join(map(str, (*unit.number, next_index)))
            if q.label != want_label:
                problems.append(
                    Problem(source, q.line, f"question label {q.label} out of sequence (expected {want_label})")
                )
            next_index = q.number[-1] + 1
    return problems

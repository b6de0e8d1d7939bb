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

# Numbers are one to four ASCII digits: [0-9], never \d ("第 ٣ 期" is not issue 3), and int() refuses
# numbers of more than 4,300 digits. Patterns are used with fullmatch ("$" also matches before a final
# newline). A title ends on a non-space character instead of a lazy ".*?" before "\s*$", which retried
# the rest of the line at every character (quadratic on a line of spaces).
ISSUE_HEADING = re.compile(r"第\s*(?P<n>[0-9]{1,4})\s*期")
PART_HEADING = re.compile(r"(?P<n>[0-9]{1,4})\s*[.．、]\s*(?P<title>\S.*)")
SECTION_HEADING = re.compile(r"(?P<n>[0-9]{1,4}\.[0-9]{1,4})(?:\s*[.．、]\s+|\s+)(?P<title>\S.*)")
QUESTION_HEADING = re.compile(r"Q(?P<label>[0-9]{1,4}(?:\.[0-9]{1,4})+)(?:\s*[:：]\s*|\s+)(?P<title>\S(?:.*\S)?)\s*")
LOOKS_LIKE_QUESTION = re.compile(r"^Q\s*\d")  # any digit: a heading that only looks like a question is reported
TOC_HEADING = re.compile(r"目\s*录")
PREFACE_HEADING = re.compile(r"写在前面")
TOC_ENTRY = re.compile(
    r"\s*[*+-]\s*\[(?P<text>[^\]]+)\]\(#(?P<anchor>[^)\s]+)\)"
    r"(?:\s*[(（]\s*(?P<date>(?:[^)）\s](?:[^)）]*[^)）\s])?)?)\s*[)）])?\s*"
)
TOC_NUMBER = re.compile(r"^(?P<n>[0-9]{1,4}(?:\.[0-9]{1,4})*)(?![0-9])")
ITEM_START = re.compile(r"\s*>>\s*")
ITEM_Q = re.compile(r"[*+-]\s+Q\s*[:：]\s*(?P<title>\S(?:.*\S)?)\s*")
ITEM_A = re.compile(r"[*+-]\s+A\s*[:：]\s*(?P<rest>.*)")
BLOCK_START = re.compile(r"^(?:`{3,}|~{3,}|\||!\[|<)")
NAMED_ANCHOR = re.compile(r"""<a\s+name\s*=\s*["'](?P<name>[^"']+)["']\s*>\s*</a>""")

# Limits far above any upstream FAQ file (the largest is 41 KB, its longest line 690
# characters): beyond them a file is not a FAQ, and no step is fed more than it can take.
MAX_SOURCE_BYTES = 512 * 1024
MAX_LINE_CHARS = 10_000

_MD = MarkdownIt("commonmark").disable("inline")  # headings and blocks with their text: no inline parsing needed


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int  # 1-based
    anchors: tuple[str, ...]  # <a name> anchors right before the heading


def read_source(path: Path) -> str:
    """Read a source file as UTF-8 with LF line ends, reporting where it is not text of a FAQ's size.

    At most :data:`MAX_SOURCE_BYTES` + 1 bytes are read, so that a device or a
    pipe without end (``/dev/zero``) is refused at once. CR LF and lone CR line
    ends become LF.
    """
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_SOURCE_BYTES + 1)
    except FileNotFoundError:
        raise SourceError(Problem(str(path), 0, "file not found (expected an upstream FAQ Markdown file)")) from None
    except IsADirectoryError:
        raise SourceError(Problem(str(path), 0, "is a directory (expected an upstream FAQ Markdown file)")) from None
    except OSError as exc:
        raise SourceError(
            Problem(str(path), 0, f"cannot be read: {exc.strerror} (expected a readable upstream FAQ Markdown file)")
        ) from None
    if len(data) > MAX_SOURCE_BYTES:
        raise SourceError(
            Problem(
                str(path),
                _lines_upto(data[:MAX_SOURCE_BYTES]),
                f"file larger than {MAX_SOURCE_BYTES // 1024} KiB (expected an upstream FAQ file; the largest is 41 KB)",
            )
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = _lines_upto(data[: exc.start])
        raise SourceError(
            Problem(str(path), line, f"not UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded (expected UTF-8 text)")
        ) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    for n, row in enumerate(text.split("\n"), 1):
        if len(row) > MAX_LINE_CHARS:
            raise SourceError(
                Problem(
                    str(path),
                    n,
                    f"line of {len(row):,} characters (expected at most {MAX_LINE_CHARS:,}: upstream's longest is 690)",
                )
            )
    return text


def _lines_upto(data: bytes) -> int:
    """1-based line number at the end of ``data``, counting CR LF, LF and CR line ends."""
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1


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
        m = TOC_ENTRY.fullmatch(raw)
        if not m:
            continue
        text = m["text"].strip()
        issue = ISSUE_HEADING.fullmatch(text.split(maxsplit=1)[-1]) or ISSUE_HEADING.search(text)
        if issue:
            number: tuple[int, ...] = (int(issue.group(1)),)
        elif (num := TOC_NUMBER.match(text)) is not None:
            number = tuple(int(n) for n in num["n"].split("."))
        else:
            continue
        entries.append(TocEntry(text, m["anchor"], number, m["date"] or None, first_line + offset))
    return entries


def is_toc(region: list[str]) -> bool:
    """A section that holds only a list of links to anchors (a table of contents under another name)."""
    filled = [line for line in region if line.strip() and _anchor_only(line) is None]
    return bool(filled) and all(TOC_ENTRY.fullmatch(line) for line in filled)


def _anchor_only(line: str) -> list[str] | None:
    """The anchor names of a line that holds only ``<a name>`` anchors, else None."""
    names = [m["name"] for m in NAMED_ANCHOR.finditer(line)]
    return names if names and not NAMED_ANCHOR.sub("", line).strip() else None


def _item_body(lines: list[str]) -> list[str]:
    """The answer of a ``* A:`` item without its list indentation.

    Lines indented under the item lose one level (4 spaces); a table, fence,
    image or HTML line at the margin ends the item and starts a block of its own.
    """
    out: list[str] = []
    in_item = True
    for n, line in enumerate(lines):
        if in_item and n and line.strip() and not line.startswith((" ", "\t")):
            after_blank = not out[-1].strip()
            if after_blank or BLOCK_START.match(line):
                in_item = False
                if out and out[-1].strip():
                    out.append("")
        if in_item and line.startswith("    "):
            line = line[4:]
        elif in_item and line.startswith("\t"):
            line = line[1:]
        out.append(line)
    return out


def parse_items(region: list[str], first: int, unit: Unit, source: str) -> tuple[list[Question], list[Problem]]:
    """Questions written as ``>>`` then ``* Q: …`` / ``* A: …`` items (the selected-questions shape).

    ``region`` is the text under the unit's heading, ``first`` the line number of
    its first line. Each item gets the next label under the unit (``Q1.1.3``).
    """
    starts = [k for k, line in enumerate(region) if ITEM_START.fullmatch(line)]
    questions: list[Question] = []
    problems: list[Problem] = []
    pending: list[str] = [n for line in region[: starts[0] if starts else 0] for n in _anchor_only(line) or []]
    for n, k in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(region)
        chunk = region[k + 1 : end]
        trailing: list[str] = []
        while chunk and (not chunk[-1].strip() or _anchor_only(chunk[-1]) is not None):
            trailing = (_anchor_only(chunk.pop()) or []) + trailing
        filled = [(j, line) for j, line in enumerate(chunk) if line.strip()]
        q = ITEM_Q.fullmatch(filled[0][1]) if filled else None
        a_at = next((j for j, line in filled[1:] if ITEM_A.fullmatch(line)), None) if q else None
        if q is None or a_at is None:
            what = "'* Q: question'" if q is None else "'* A: answer' after the question"
            problems.append(Problem(source, first + k, f"'>>' item without {what} (expected '>>', '* Q: …', '* A: …')"))
            pending = trailing
            continue
        a = ITEM_A.fullmatch(chunk[a_at])
        assert a is not None
        body = _item_body([a["rest"], *chunk[a_at + 1 :]] if a["rest"].strip() else chunk[a_at + 1 :])
        label = "Q" + ".".join(map(str, (*unit.number, len(questions) + 1)))
        questions.append(
            Question(
                label,
                q["title"],
                "\n".join(body),
                first + k + filled[0][0] + 1,
                source_heading="",
                legacy_anchors=pending,
            )
        )
        pending = trailing
    return questions, problems


def parse_season(text: str, source: str) -> tuple[Season, list[Problem]]:
    """Split ``text`` into units and questions, with every problem found (warnings and refusals)."""
    lines = text.split("\n")
    heads = headings(text)
    problems: list[Problem] = []

    def say(line: int, message: str, warning: bool = False) -> None:
        problems.append(Problem(source, line, message, warning))

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
            if h.level <= level or QUESTION_HEADING.fullmatch(h.text):
                return h.line
        return len(lines) + 1

    def region(index: int) -> tuple[list[str], int]:
        """The lines under heads[index] up to the next heading, and the line number of the first."""
        end = heads[index + 1].line if index + 1 < len(heads) else len(lines) + 1
        return lines[heads[index].line : end - 1], heads[index].line + 1

    def new_unit(index: int, unit: Unit) -> Unit:
        items, item_problems = parse_items(*region(index), unit, source)
        unit.questions.extend(items)
        problems.extend(item_problems)
        units.append(unit)
        return unit

    for i, h in enumerate(heads):
        if h.level == 1:
            continue
        q = QUESTION_HEADING.fullmatch(h.text)
        if q is None and LOOKS_LIKE_QUESTION.match(h.text):
            say(h.line, f"malformed question heading '{h.text}' (expected 'Qn.m: title')")
            continue
        if q is not None:
            if current is None:
                say(
                    h.line,
                    f"question Q{q['label']} before any issue or part (expected a '## 第 N 期' or '## N. part' heading first)",
                )
                continue
            if question_level is None:
                question_level = h.level
            elif h.level != question_level:
                say(
                    h.line,
                    f"question Q{q['label']} is a level-{h.level} heading, its siblings level {question_level}; published as a question",
                    warning=True,
                )
            end = section_end(i, h.level)
            body = "\n".join(lines[h.line : end - 1])
            current.questions.append(
                Question("Q" + q["label"], q["title"], body, h.line, source_heading=h.text, legacy_anchors=[])
            )
            continue
        if h.level == 2:
            current, part = None, None
            under, _ = region(i)
            if TOC_HEADING.fullmatch(h.text) or (is_toc(under) and not toc):
                end = section_end(i, 2)
                toc = parse_toc(lines[h.line : end - 1], h.line + 1)
            elif PREFACE_HEADING.fullmatch(h.text):
                end = section_end(i, 2)
                preface = "\n".join(lines[h.line : end - 1]).strip()
            elif m := ISSUE_HEADING.fullmatch(h.text):
                number = int(m["n"])
                current = new_unit(
                    i,
                    Unit(
                        "issue",
                        (number,),
                        f"第 {number} 期",
                        h.line,
                        legacy_anchors=list(h.anchors),
                        source_heading=h.text,
                    ),
                )
            elif m := PART_HEADING.fullmatch(h.text):
                part = new_unit(
                    i,
                    Unit(
                        "part",
                        (int(m["n"]),),
                        m["title"].strip(),
                        h.line,
                        legacy_anchors=list(h.anchors),
                        source_heading=h.text,
                    ),
                )
                current = part
            else:
                say(
                    h.line,
                    f"section '{h.text}' is neither an issue nor a part ('第 N 期', 'N. title'), a preface or a table of contents; "
                    "not published (an upstream changelog or notice, not a question)",
                    warning=True,
                )
            continue
        if h.level == 3 and part is not None and (m := SECTION_HEADING.fullmatch(h.text)):
            dotted = tuple(int(n) for n in m["n"].split("."))
            current = new_unit(
                i,
                Unit(
                    "section", dotted, m["title"].strip(), h.line, legacy_anchors=list(h.anchors), part_title=part.title
                ),
            )
            continue
        if question_level is not None and h.level > question_level:
            continue  # a heading inside an answer
        say(
            h.line,
            f"level-{h.level} heading '{h.text}' is neither a question nor a section; not published (expected 'Qn.m: title')",
            warning=True,
        )

    # A part whose questions all live in its sections is not a page of its own.
    sectioned = {u.number[0] for u in units if u.kind == "section"}
    problems.extend(check_sequence(units, source, sectioned))
    units = [u for u in units if u.questions]  # an empty issue, part or section has no page (reported above)
    if any(u.kind == "issue" for u in units) and not any(e.date for e in toc):
        say(1, "no dates in the table of contents; issues published without a date", warning=True)
    if not any(u.questions for u in units):
        say(1, "no questions found (expected '### Qn.m: title' headings under '## 第 N 期' or '## N. part' sections)")
    problems.sort(key=lambda p: p.line)
    return Season(source=source, title=title, units=units, preface=preface, toc=toc), problems


def check_sequence(units: list[Unit], source: str, sectioned: set[int] | None = None) -> list[Problem]:
    """Labels and ids unique (else refused); numbering gaps and empty units reported as warnings."""
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    expected_unit: dict[tuple[str, tuple[int, ...]], int] = {}
    for unit in units:
        key = (unit.kind, unit.number[:-1])
        want = expected_unit.get(key, 1)
        if unit.number[-1] != want:
            expected = ".".join(map(str, (*unit.number[:-1], want)))
            problems.append(
                Problem(
                    source,
                    unit.line,
                    f"{unit.kind} {unit.dotted} out of sequence (expected {expected}); published as {unit.dotted}",
                    warning=True,
                )
            )
        expected_unit[key] = unit.number[-1] + 1
        if not unit.questions and not (unit.kind == "part" and unit.number[0] in (sectioned or set())):
            problems.append(
                Problem(source, unit.line, f"{unit.kind} {unit.dotted} has no questions; no page for it", warning=True)
            )
        next_index = 1
        for q in unit.questions:
            if q.anchor in seen:
                problems.append(
                    Problem(source, q.line, f"question label {q.label} appears twice (first at line {seen[q.anchor]})")
                )
                continue
            seen[q.anchor] = q.line
            if q.number[:-1] != unit.number:
                want_prefix = "Q" + ".".join(map(str, unit.number))
                problems.append(
                    Problem(
                        source,
                        q.line,
                        f"question label {q.label} is not under {unit.kind} {unit.dotted} (expected {want_prefix}.N)",
                    )
                )
                continue
            if q.number[-1] != next_index:
                want_label = "Q" + ".".join(map(str, (*unit.number, next_index)))
                problems.append(
                    Problem(
                        source,
                        q.line,
                        f"question label {q.label} out of sequence (expected {want_label}); published as {q.label}",
                        warning=True,
                    )
                )
            next_index = q.number[-1] + 1
    return problems

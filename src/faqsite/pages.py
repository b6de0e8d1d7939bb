"""The site's own Markdown pages, read as data: front matter and questions with their lines.

Used by the translation checks, the contributor checks and the build plugin;
it reads what the importer writes and what translators edit.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt

# "## Q3.2: title {#q3-2 data-source-hash="1a2b3c4d"}"
QUESTION = re.compile(r"^## (?P<label>Q\d+(?:\.\d+)+): (?P<title>.*?)\s*\{(?P<attrs>[^{}]*)\}\s*$")
ATTR_ID = re.compile(r"(?:^|\s)#(?P<id>[\w-]+)")
ATTR_HASH = re.compile(r'(?:^|\s)data-source-hash="(?P<hash>[0-9a-f]*)"')
# A code span: a run of backticks, content, the same run again (CommonMark).
CODE_SPAN = re.compile(r"(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)")
FRONT_MATTER = re.compile(r"\A---\n(?P<yaml>.*?\n)---\n", re.S)
MD_IMAGE = re.compile(r"!\[[^\]]*\]\((?P<src>[^)\s]+)")
MD_LINK = re.compile(r"(?<!!)\[(?:[^\[\]]|\[[^\]]*\])*\]\((?P<href>[^)\s]+)")
_MD = MarkdownIt("commonmark")


def question_key(label: str, title: str, body: str) -> str:
    """What a change to a question is judged on, by the freshness check and the import merge alike:
    label, title and answer, with whitespace at line ends, in titles and at the edges ignored."""
    answer = "\n".join(line.rstrip() for line in body.strip().splitlines())
    return "\n".join([label, " ".join(title.split()), answer])


@dataclass
class PageQuestion:
    label: str
    id: str
    title: str
    body: str
    line: int  # 1-based line of the heading
    source_hash: str | None  # for English questions: the Chinese version translated

    def fingerprint(self) -> str:
        """Short hash of the question as written (see :func:`question_key`)."""
        return hashlib.sha256(question_key(self.label, self.title, self.body).encode("utf-8")).hexdigest()[:8]

    def figures(self) -> list[str]:
        return [Path(m["src"]).name for m in MD_IMAGE.finditer(self.body)]

    def links(self) -> list[str]:
        return [m["href"] for m in MD_LINK.finditer(_without_code(self.body))]

    def code_blocks(self) -> int:
        return sum(1 for t in _MD.parse(self.body) if t.type in ("fence", "code_block") and t.info.strip() != "math")

    def formulas(self) -> int:
        return sum(1 for t in _MD.parse(self.body) if t.type == "fence" and t.info.strip() == "math")


@dataclass
class SitePage:
    path: Path
    meta: dict[str, Any]
    questions: list[PageQuestion] = field(default_factory=list)
    text: str = ""

    def line_of(self, pattern: str) -> int:
        """1-based line of the first line containing ``pattern`` (1 if none)."""
        for i, line in enumerate(self.text.splitlines(), 1):
            if pattern in line:
                return i
        return 1


def _without_code(text: str) -> str:
    return re.sub(r"`+[^`]*`+", "", text)


def read_page(path: Path) -> SitePage:
    text = path.read_text(encoding="utf-8")
    meta: dict[str, Any] = {}
    if m := FRONT_MATTER.match(text):
        loaded = yaml.safe_load(m["yaml"])
        meta = loaded if isinstance(loaded, dict) else {}
    lines = text.split("\n")
    code = {i for t in _MD.parse(text) if t.type in ("fence", "code_block") and t.map for i in range(*t.map)}
    heads = [(i, m) for i, line in enumerate(lines) if i not in code and (m := QUESTION.match(line))]
    questions = []
    for n, (i, m) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        id_match = ATTR_ID.search(m["attrs"])
        hash_match = ATTR_HASH.search(m["attrs"])
        questions.append(
            PageQuestion(
                label=m["label"],
                id=id_match["id"] if id_match else "",
                title=m["title"],
                body="\n".join(lines[i + 1 : end]).strip(),
                line=i + 1,
                source_hash=hash_match["hash"] if hash_match else None,
            )
        )
    return SitePage(path, meta, questions, text)


def expected_id(label: str) -> str:
    """``Q3.2`` -> ``q3-2``: the language-neutral id both editions share."""
    return "q" + label[1:].replace(".", "-")

"""Topics across collections (``data/topics.yml``): the taxonomy, and the topics of every question.

The file names each topic (a stable id, a name and a one-sentence description
in every language of the site) and gives every question of every collection,
keyed ``collection/page#question-id`` (the Chinese page and its question's
anchor, which the English twin shares), one to three topics. :func:`read` reads
it into a :class:`Taxonomy`, every line remembered; :func:`problems` holds it
against the questions the site has. ``faqsite check`` and the MkDocs plugin
both report through these two, as ``data/topics.yml:LINE: what is wrong
(expected ...)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path
from typing import Any

import yaml

from faqsite.errors import Problem, SourceError
from faqsite.fileio import read_data
from faqsite.markdown.model import SitePage
from faqsite.translations.twins import SOURCE_LANG, TARGET_LANG

# libyaml's loader when PyYAML has it: every build reads the file
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

DATA_FILE = Path("data/topics.yml")  # relative to the project (the folder of mkdocs.yml, beside docs/)
EXPECTED = "the topics of the questions, data/topics.yml"
TOPIC_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*", re.ASCII)
QUESTION_KEY = re.compile(
    r"(?P<collection>[a-z0-9]+(?:-[a-z0-9]+)*)/(?P<page>[a-z0-9]+(?:-[a-z0-9]+)*)#(?P<id>q[0-9]+(?:-[0-9]+)+)", re.ASCII
)
KEY_EXAMPLE = "2021-s1/issue-3#q3-2"
ROOT_KEYS = ("index", "topics", "questions")
TOPIC_KEYS = ("id", "name", "description")
INDEX_KEYS = ("title", "description")
MAX_TOPICS = 3  # per question: beyond this a topic says little about it
NATURAL = re.compile(r"(\d+)")


@dataclass(frozen=True)
class Topic:
    id: str
    name: dict[str, str]  # language -> name
    description: dict[str, str]  # language -> one sentence
    line: int


@dataclass
class Taxonomy:
    """What ``data/topics.yml`` says, each part with its line in the file."""

    path: Path
    title: dict[str, str]  # the index page's title per language
    description: dict[str, str]  # ... and its description
    topics: list[Topic]
    questions: dict[str, list[str]]  # question key -> topic ids, the most fitting first
    lines: dict[str, int] = field(default_factory=dict)  # question key -> its line
    questions_line: int = 1  # the line of "questions:"

    def questions_of(self, topic_id: str) -> list[str]:
        """The keys of the questions a topic holds, in the order of the file."""
        return [key for key, ids in self.questions.items() if topic_id in ids]


def question_key(collection: str, page: str, id_: str) -> str:
    """``2021-s1/issue-3#q3-2``: a question of a collection, as the file names it."""
    return f"{collection}/{page}#{id_}"


def page_keys(pages: Iterable[tuple[Path, SitePage]], root: Path) -> list[str]:
    """The keys of the questions on the collection pages below ``root`` (``docs/zh/faq``), pages in
    natural order (issue-10 after issue-9); a collection page (index.md) and a page without ``season``
    hold none."""
    keys = []
    for path, page in sorted(pages, key=lambda item: _natural(item[0].as_posix())):
        season = page.meta.get("season")
        if not path.is_relative_to(root) or path.name == "index.md" or not isinstance(season, str) or not season:
            continue
        keys += [question_key(season, path.stem, q.id) for q in page.questions]
    return keys


def _natural(text: str) -> list[Any]:
    """``issue-10`` after ``issue-9``."""
    return [int(p) if p.isdigit() else p for p in NATURAL.split(text)]


def check_docs(docs: Path, pages: Mapping[Path, SitePage | None]) -> list[Problem]:
    """For ``faqsite check``: the problems of ``data/topics.yml`` beside ``docs`` against the Chinese
    pages among ``pages`` (path -> page, None for one that cannot be read); none when there is no such file."""
    path = docs.parent / DATA_FILE
    if not path.exists():
        return []
    readable = [(p, page) for p, page in pages.items() if page is not None]
    return check(path, page_keys(readable, docs / SOURCE_LANG / "faq"), (SOURCE_LANG, TARGET_LANG))


def check(path: Path, keys: Sequence[str], langs: Sequence[str]) -> list[Problem]:
    """Every problem of the file at ``path``, read and held against the questions ``keys``."""
    try:
        taxonomy, found = read(path, langs)
    except SourceError as exc:
        return exc.problems
    return sorted([*found, *problems(taxonomy, keys)], key=lambda p: p.line)


def problems(taxonomy: Taxonomy, keys: Sequence[str]) -> list[Problem]:
    """A question without a topic, a question that does not exist, a topic without questions.

    A question left out is reported at the line where it belongs: after the
    question before it in ``keys`` (the site's order), or at ``questions:``.
    """
    path = str(taxonomy.path)
    known = set(keys)
    out: list[Problem] = []
    unassigned = [key for key in keys if key not in taxonomy.lines]
    for key, line in taxonomy.lines.items():
        if key not in known:
            close = get_close_matches(key, unassigned, n=1) or get_close_matches(key, keys, n=1)
            hint = f"did you mean {close[0]}? " if close else ""
            out.append(
                Problem(
                    path,
                    line,
                    f"question {key} does not exist ({hint}expected collection/page#question-id of a question"
                    f" in docs/zh/faq/, such as {KEY_EXAMPLE})",
                )
            )
    names = ", ".join(t.id for t in taxonomy.topics)
    at = taxonomy.questions_line
    for key in keys:
        if key in taxonomy.lines:
            at = taxonomy.lines[key]
            continue
        out.append(
            Problem(
                path,
                at,
                f"question {key} has no topic (expected a line '{key}: [topic, …]' under questions:,"
                f" with one to {MAX_TOPICS} of {names})",
            )
        )
    for topic in taxonomy.topics:
        if not any(key in known for key in taxonomy.questions_of(topic.id)):
            out.append(
                Problem(
                    path,
                    topic.line,
                    f"topic '{topic.id}' has no question (expected at least one question with it under questions:, or the topic removed)",
                )
            )
    return sorted(out, key=lambda p: p.line)


def read(path: Path, langs: Sequence[str]) -> tuple[Taxonomy, list[Problem]]:
    """The file at ``path``, with names and descriptions in ``langs``, and the problems of its entries
    (what is wrong with them is left out of the taxonomy). SourceError, with every problem found, when
    the file cannot be read or lacks its parts (``topics:``, ``questions:``)."""
    text = read_data(path, EXPECTED)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except (yaml.YAMLError, RecursionError) as exc:  # RecursionError: nested some thousand levels deep
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 1
        raise SourceError(
            Problem(str(path), line, f"invalid YAML: {getattr(exc, 'problem', None) or exc} (expected {EXPECTED})")
        ) from None
    reader = _Reader(path, langs)
    taxonomy = reader.taxonomy(root)
    if reader.broken:
        raise SourceError(sorted(reader.found, key=lambda p: p.line))
    return taxonomy, sorted(reader.found, key=lambda p: p.line)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


class _Reader:
    """Reads the composed document node by node, so that every problem has its line; collects them all."""

    def __init__(self, path: Path, langs: Sequence[str]) -> None:
        self.path = path
        self.langs = tuple(langs)
        self.found: list[Problem] = []
        self.broken = False  # a part of the file is missing or malformed: its entries cannot be checked

    def fail(self, node: yaml.Node | int, message: str, *, broken: bool = False) -> None:
        self.found.append(Problem(str(self.path), node if isinstance(node, int) else _line(node), message))
        self.broken = self.broken or broken

    def taxonomy(self, root: yaml.Node | None) -> Taxonomy:
        empty = Taxonomy(self.path, {}, {}, [], {})
        if not isinstance(root, yaml.MappingNode):
            self.fail(root or 1, f"not a mapping (expected {', '.join(k + ':' for k in ROOT_KEYS)})", broken=True)
            return empty
        parts = self.mapping(root, ROOT_KEYS, "the file")
        for key in ROOT_KEYS:
            if key not in parts:
                self.fail(root, f"no '{key}:' (expected {', '.join(k + ':' for k in ROOT_KEYS)})", broken=True)
        title, description = self.index(parts.get("index"))
        topics = self.topics(parts.get("topics"))
        questions, lines = self.questions(parts.get("questions"), {t.id for t in topics})
        at = next((_line(k) for k, _ in root.value if isinstance(k, yaml.ScalarNode) and k.value == "questions"), 1)
        return Taxonomy(self.path, title, description, topics, questions, lines, at)

    def mapping(self, node: yaml.MappingNode, allowed: Sequence[str], what: str) -> dict[str, yaml.Node]:
        """The mapping's values by key; a key not in ``allowed`` or given twice is a problem."""
        out: dict[str, yaml.Node] = {}
        for key_node, value in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else ""
            if key not in allowed:
                self.fail(key_node, f"unknown key {key!r} in {what} (expected {', '.join(allowed)})")
            elif key in out:
                self.fail(key_node, f"'{key}' is given twice in {what} (first at line {_line(out[key])})")
            else:
                out[key] = value
        return out

    def text(self, node: yaml.Node | None, where: yaml.Node, what: str) -> dict[str, str]:
        """``{zh: …, en: …}``: one line of text in every language."""
        example = ", ".join(f"{lang}: …" for lang in self.langs)
        if not isinstance(node, yaml.MappingNode):
            self.fail(node or where, f"{what} is not given per language (expected {{{example}}})")
            return {}
        values = self.mapping(node, self.langs, what)
        out = {}
        for lang in self.langs:
            value = values.get(lang)
            if (
                not isinstance(value, yaml.ScalarNode)
                or value.tag != "tag:yaml.org,2002:str"
                or not value.value.strip()
            ):
                self.fail(value or node, f"{what} has no text in '{lang}' (expected {{{example}}})")
            elif "\n" in value.value.strip():
                self.fail(value, f"{what} in '{lang}' is more than one line (expected one line of text)")
            else:
                out[lang] = value.value.strip()
        return out

    def index(self, node: yaml.Node | None) -> tuple[dict[str, str], dict[str, str]]:
        if node is None:
            return {}, {}
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, "index is not a mapping (expected title: and description:, each per language)")
            return {}, {}
        parts = self.mapping(node, INDEX_KEYS, "index")
        return self.text(parts.get("title"), node, "index title"), self.text(
            parts.get("description"), node, "index description"
        )

    def topics(self, node: yaml.Node | None) -> list[Topic]:
        if node is None:
            return []
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.fail(
                node,
                "topics is not a list of topics (expected '- id: …' entries with name: and description:)",
                broken=True,
            )
            return []
        out: list[Topic] = []
        for item in node.value:
            if not isinstance(item, yaml.MappingNode):
                self.fail(item, "a topic is not a mapping (expected id:, name: and description:)")
                continue
            parts = self.mapping(item, TOPIC_KEYS, "a topic")
            id_node = parts.get("id")
            id_ = id_node.value if isinstance(id_node, yaml.ScalarNode) else ""
            if not TOPIC_ID.fullmatch(id_):
                self.fail(
                    id_node or item,
                    f"topic id {id_!r} is not an id (expected lowercase words joined by '-', such as data-augmentation)",
                )
                continue
            first = next((t for t in out if t.id == id_), None)
            if first is not None:
                self.fail(id_node or item, f"topic '{id_}' is listed twice (first at line {first.line})")
                continue
            name = self.text(parts.get("name"), item, f"the name of topic '{id_}'")
            description = self.text(parts.get("description"), item, f"the description of topic '{id_}'")
            out.append(Topic(id_, name, description, _line(item)))
        return out

    def questions(self, node: yaml.Node | None, topic_ids: set[str]) -> tuple[dict[str, list[str]], dict[str, int]]:
        if node is None:
            return {}, {}
        if not isinstance(node, yaml.MappingNode):
            self.fail(
                node, f"questions is not a mapping (expected lines such as '{KEY_EXAMPLE}: [topic, …]')", broken=True
            )
            return {}, {}
        known = ", ".join(sorted(topic_ids)) or "the ids under topics:"
        out: dict[str, list[str]] = {}
        lines: dict[str, int] = {}
        for key_node, value in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else ""
            if not QUESTION_KEY.fullmatch(key):
                self.fail(
                    key_node,
                    f"{key!r} does not name a question (expected collection/page#question-id, such as {KEY_EXAMPLE})",
                )
                continue
            if key in lines:
                self.fail(key_node, f"question {key} is given twice (first at line {lines[key]})")
                continue
            lines[key] = _line(key_node)
            items = value.value if isinstance(value, yaml.SequenceNode) else None
            if not items or not all(isinstance(i, yaml.ScalarNode) for i in items):
                self.fail(
                    value,
                    f"question {key}: its topics are not a list (expected [topic, …] with one to {MAX_TOPICS} of {known})",
                )
                continue
            ids = [str(i.value) for i in items]
            if len(ids) > MAX_TOPICS:
                self.fail(
                    value,
                    f"question {key} has {len(ids)} topics (expected one to {MAX_TOPICS}, the most fitting first)",
                )
            for i, item in zip(ids, items, strict=True):
                if i not in topic_ids:
                    close = get_close_matches(i, sorted(topic_ids), n=1)
                    hint = f"did you mean {close[0]}? " if close else ""
                    self.fail(item, f"question {key}: unknown topic '{i}' ({hint}expected one of {known})")
            repeated = sorted({i for i in ids if ids.count(i) > 1})
            if repeated:
                self.fail(value, f"question {key}: topic '{repeated[0]}' is given twice (expected each topic once)")
            out[key] = [i for n, i in enumerate(ids) if i in topic_ids and i not in ids[:n]]
        return out, lines

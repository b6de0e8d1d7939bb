"""The red-team corpus (redteam.yml) as data, and each entry as the Markdown page that carries it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CORPUS_FILE = Path(__file__).with_name("redteam.yml")
CLASSES = {
    "link-url", "entity-encoding", "attribute-list", "raw-html", "svg", "mathml", "mxss", "front-matter",
    "markdown-structure", "request-leak", "dom-clobbering",
}  # fmt: skip
KEYS = {"id", "class", "markdown", "front_matter", "removed"}


@dataclass(frozen=True)
class Payload:
    id: str
    kind: str  # the entry's "class"
    markdown: str
    removed: bool  # the sanitizer has to take something out of the rendered page
    front_matter: dict[str, Any] = field(default_factory=dict)

    def page(self) -> str:
        """The Markdown file: the entry's own page when it starts with front matter, else a default front
        matter (with the entry's overrides; a null value drops a key), a heading and the body."""
        if self.markdown.startswith("---"):
            return self.markdown
        meta: dict[str, Any] = {"title": f"redteam {self.id}"}
        for key, value in self.front_matter.items():
            if value is None:
                meta.pop(key, None)
            else:
                meta[key] = value
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
        return f"---\n{front}---\n\n# {self.id}\n\n{self.markdown.rstrip()}\n"


def load(path: Path = CORPUS_FILE) -> list[Payload]:
    """The entries of ``path``; a malformed one fails with its index and what is wrong."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(raw, list), f"{path.name}: expected a list of entries"
    out: list[Payload] = []
    for n, entry in enumerate(raw):
        assert isinstance(entry, dict), f"{path.name}: entry {n} is not a mapping"
        assert set(entry) <= KEYS and {"id", "class", "markdown", "removed"} <= set(entry), (
            f"{path.name}: entry {n} ({entry.get('id')}): keys {sorted(entry)} (expected {sorted(KEYS)})"
        )
        assert entry["class"] in CLASSES, f"{path.name}: {entry['id']}: unknown class {entry['class']!r}"
        assert isinstance(entry["removed"], bool), f"{path.name}: {entry['id']}: removed must be true or false"
        out.append(
            Payload(entry["id"], entry["class"], entry["markdown"], entry["removed"], entry.get("front_matter") or {})
        )
    ids = [p.id for p in out]
    assert len(ids) == len(set(ids)), f"{path.name}: ids appear twice: {sorted({i for i in ids if ids.count(i) > 1})}"
    return out


CORPUS = load()

"""What templates print from a page's front matter: its values escaped, and a description from the
page's own rendered content when the front matter has none."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from markupsafe import escape

QUESTION_LABEL = re.compile(r"Q\d")
MAX_CHARS = 160
ENOUGH_CHARS = 50  # below this, the questions alone say too little: the first paragraph follows


class _Blocks(HTMLParser):
    """The text of each top-level <h2> and <p>, without permalink anchors."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self._open: str | None = None
        self._depth = 0  # nesting inside the open block
        self._skip = 0  # inside <a class="headerlink">
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._open is None:
            if tag in ("h2", "p"):
                self._open, self._depth, self._text = tag, 0, []
            return
        if tag == self._open:
            self._depth += 1
        if self._skip or (tag == "a" and "headerlink" in (dict(attrs).get("class") or "").split()):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if self._open is None:
            return
        if self._skip:
            if tag == "a":
                self._skip -= 1
            return
        if tag == self._open:
            if self._depth:
                self._depth -= 1
                return
            self.blocks.append((self._open, " ".join("".join(self._text).split())))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None and not self._skip:
            self._text.append(data)


def describe(page_html: str) -> str:
    """For an issue page, its questions (and its first paragraph if they are short); otherwise its first
    paragraph. At most 160 characters."""
    parser = _Blocks()
    parser.feed(page_html)
    parser.close()
    questions = [text for tag, text in parser.blocks if tag == "h2" and QUESTION_LABEL.match(text)]
    text = " · ".join(questions)
    if len(text) < ENOUGH_CHARS:
        text = f"{text} {next((t for tag, t in parser.blocks if tag == 'p' and t), '')}".strip()
    return text if len(text) <= MAX_CHARS else text[: MAX_CHARS - 1].rstrip() + "…"


def escaped(value: Any) -> Any:
    """Front matter as text: every string (in lists and mappings too) escaped as markup-safe HTML.

    Themes print ``page.meta`` values as they are (Material's description and
    title, MkDocs' navigation); a title written ``</title><script>…`` must reach
    the page as text. Escaping is done once, here: a template's ``| e`` leaves a
    ``Markup`` value unchanged, so nothing is escaped twice.
    """
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: escaped(v) for k, v in value.items()}
    return value


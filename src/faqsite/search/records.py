"""The questions of a built page, as search records: read from the page's final HTML.

Reading the HTML the reader gets (after the sanitizer) means the index holds
exactly the words on the page: no Markdown syntax, no attribute values, no
permalink signs, nothing of class ``faq-meta`` (what our templates add around
a question, such as its topics).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from faqsite.markdown.model import QUESTION_TEXT

QUESTION_ID = re.compile(r"q[0-9]+(?:-[0-9]+)+", re.ASCII)
BLOCKS = {
    "p", "li", "ul", "ol", "div", "pre", "table", "tr", "td", "th", "figure", "figcaption",
    "blockquote", "br", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "math",
}  # fmt: skip
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SKIPPED = {"script", "style", "template"}
MAX_TEXT = 20_000  # characters of answer kept per question: far above any real answer


@dataclass(frozen=True)
class Record:
    url: str  # site-relative, with the question's anchor: "en/faq/2021-s1/issue-3/#q3-2"
    lang: str
    label: str  # "Q3.2"
    title: str
    where: str  # "2021 第 1 季 · 第 3 期"
    text: str  # the answer as plain text


class _Questions(HTMLParser):
    """Collects (id, heading text, answer text) for every <h2 id="q…"> of a page's content."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[str], list[str]]] = []
        self._in_heading = False
        self._skip = 0  # depth inside elements whose text is not the page's (scripts, permalink signs)
        self._stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in VOID:
            self._text(" ")
            return
        self._stack.append(tag)
        classes = (a.get("class") or "").split()
        if self._skip or tag in SKIPPED or {"headerlink", "faq-meta"} & set(classes):
            self._skip += 1
            return
        if tag in {"h1", "h2"}:
            self._in_heading = False
            if tag == "h2" and QUESTION_ID.fullmatch(a.get("id") or ""):
                self.found.append((a["id"] or "", [], []))
                self._in_heading = True
            elif self.found:
                self.found.append(("", [], []))  # another section: not part of the last answer
        if tag in BLOCKS:
            self._text(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag not in self._stack:
            return
        while self._stack:
            open_ = self._stack.pop()
            if self._skip:
                self._skip -= 1
            if open_ == tag:
                break
        if tag == "h2":
            self._in_heading = False
        if tag in BLOCKS:
            self._text(" ")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._text(data)

    def _text(self, data: str) -> None:
        if self.found:
            _, heading, answer = self.found[-1]
            (heading if self._in_heading else answer).append(data)


INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")


def _plain(parts: list[str]) -> str:
    return re.sub(r"\s+", " ", INVISIBLE.sub("", "".join(parts))).strip()


def question_records(html: str, *, url: str, lang: str, where: str) -> list[Record]:
    """The records of the questions in ``html``, a page's content at ``url`` (site-relative)."""
    parser = _Questions()
    parser.feed(html)
    parser.close()
    out = []
    for id_, heading, answer in parser.found:
        if not id_:
            continue
        text = _plain(heading)
        m = QUESTION_TEXT.fullmatch(text)
        label, title = (m["label"], m["title"].strip()) if m else ("", text)
        out.append(Record(f"{url}#{id_}", lang, label, title, where, _plain(answer)[:MAX_TEXT]))
    return out

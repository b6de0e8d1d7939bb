"""Dates on the pages beyond publication: when a page and each of its questions last changed (from the
git history, :mod:`faqsite.history`), and the note under a page's title when the importer corrected the
date upstream gave.

Both are rendered from partials (strings per language in ``partials/faq-strings.html``) into the page's
Markdown, like the translation notices, so that they pass the sanitizer with the rest of the page. The
page's own last change is on the catalog (``UnitEntry.updated``): its header and the feeds read it there.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jinja2 import Environment

from faqsite.history import History
from faqsite.markdown.model import SitePage, parse_page

QUESTION_UPDATED = "partials/faq-question-updated.html"
DATE_NOTE = "partials/faq-date-note.html"
SETEXT_H1 = re.compile(r"^ {0,3}=+[ \t]*$")


def page_dates(history: History, sources: Mapping[str, str | None]) -> dict[str, dt.datetime]:
    """src_uri -> the last change of the page's file, for the pages (src_uri -> file) the history dates."""
    out = {}
    for uri, path in sources.items():
        changed = history.latest(Path(path)) if path else None
        if changed is not None:
            out[uri] = changed
    return out


def with_question_dates(markdown: str, *, page: SitePage, history: History, env: Environment, config: Any) -> str:
    """``markdown`` (the body of ``page``, as plugins receive it) with the last change of each question's
    lines at the end of its answer. ``page`` is the file as read, front matter included: its line numbers
    are the history's."""
    if history.top is None or not page.questions:
        return markdown  # no history (a source archive), or nothing to date
    written = {q.id: q for q in page.questions}
    template = env.get_template(QUESTION_UPDATED)
    before: dict[int, str] = {}  # 0-based line where a question ends -> the date put above it
    for q in parse_page(markdown, page.path).questions:
        source = written.get(q.id)
        changed = history.latest(page.path, source.line, source.end) if source else None
        if changed is not None:
            before[q.end - 1] = " ".join(template.render(changed=changed, config=config).split())
    if not before:
        return markdown
    out: list[str] = []
    lines = markdown.split("\n")
    for i, line in enumerate([*lines, None]):
        if i in before:
            # a block of its own: a blank line above (one is enough), one below to end the HTML block
            out.extend([*([""] if out and out[-1].strip() else []), before[i], ""])
        if line is not None:
            out.append(line)
    return "\n".join(out)


def with_date_note(markdown: str, *, meta: Mapping[str, Any], path: Path, env: Environment, config: Any) -> str:
    """``markdown`` with the date-correction note right under its title (the first level-1 heading; at the
    top when the theme prints the title), when the front matter records the date upstream gave."""
    date, source = meta.get("date"), meta.get("date_in_source")
    if not source or not isinstance(date, dt.date):
        return markdown
    note = " ".join(env.get_template(DATE_NOTE).render(date=date, source=source, config=config).split())
    lines = markdown.split("\n")
    title = next((h for h in parse_page(markdown, path).headings if h.level == 1), None)
    at = 0 if title is None else title.line
    if title is not None and at < len(lines) and SETEXT_H1.match(lines[at]):
        at += 1  # a "Title / ===" heading ends at its underline
    return "\n".join([*lines[:at], "", note, "", *lines[at:]])

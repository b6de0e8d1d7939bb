"""A "copy link" button under each question's heading, holding the question's permalink.

The button is part of the site, not of the page's content: it is rendered from
the partial ``partials/faq-copy-link.html`` (strings per language in
``partials/faq-strings.html``) and put into the page's HTML after the sanitizer
has run, whose allow-list has no ``<button>`` (content may not bring one). The
questions are the page's Markdown model's (:mod:`faqsite.markdown.model`): each
``<h2 id="q…">`` of theirs gets the partial right after its end tag.

The permalink is the page's canonical URL (``site_url`` + the page's URL, as in
``<link rel="canonical">``) and the question's anchor; a site built without
``site_url`` gets the bare anchor, which the browser script resolves against
the page's address (``assets/javascripts/copy-link.js``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from jinja2 import Environment

from faqsite.markdown.model import PageQuestion

TEMPLATE = "partials/faq-copy-link.html"
H2_END = "</h2>"


def permalink(canonical_url: str | None, id_: str) -> str:
    """The address that leads to question ``id_`` of the page at ``canonical_url`` (None: no site_url)."""
    return f"{canonical_url or ''}#{id_}"


def heading_end(html: str, id_: str) -> int | None:
    """The offset just past ``</h2>`` of the heading ``<h2 … id="id_">`` in ``html``, or None."""
    start = re.search(rf'<h2\b[^>]*?\sid="{re.escape(id_)}"[^>]*>', html)
    if start is None:
        return None
    end = html.find(H2_END, start.end())
    return None if end < 0 else end + len(H2_END)


def with_copy_links(
    html: str,
    questions: Sequence[PageQuestion],
    *,
    canonical_url: str | None,
    env: Environment,
    config: Any,
) -> str:
    """``html`` (a page's sanitized content) with a copy-link button after each question's heading."""
    template = env.get_template(TEMPLATE)
    inserts: list[tuple[int, str]] = []
    for q in questions:
        at = heading_end(html, q.id)
        if at is not None:
            rendered = template.render(id=q.id, permalink=permalink(canonical_url, q.id), config=config)
            inserts.append((at, "\n" + " ".join(rendered.split())))
    for at, text in sorted(inserts, reverse=True):
        html = html[:at] + text + html[at:]
    return html

"""Page descriptions for search engines and link previews, from each page's own content."""

from __future__ import annotations

import html as html_lib
import re

TAG = re.compile(r"<[^>]+>")
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
BLOCK = re.compile(r"<(h2|p)\b[^>]*>(.*?)</\1>", re.S)
SPACE = re.compile(r"\s+")
MAX_CHARS = 160


def describe(page_html: str) -> str:
    """For an issue page, its questions; otherwise its first paragraph. At most 160 characters."""
    blocks = [
        (tag, SPACE.sub(" ", html_lib.unescape(TAG.sub("", HEADERLINK.sub("", inner)))).strip())
        for tag, inner in BLOCK.findall(page_html)
    ]
    questions = [text for tag, text in blocks if tag == "h2" and re.match(r"^Q\d", text)]
    text = " · ".join(questions) if questions else next((t for tag, t in blocks if tag == "p" and t), "")
    return text if len(text) <= MAX_CHARS else text[: MAX_CHARS - 1].rstrip() + "…"

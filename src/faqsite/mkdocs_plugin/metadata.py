"""Page descriptions for search engines and link previews, from each page's own content."""

from __future__ import annotations

import html as html_lib
import re

TAG = re.compile(r"<[^>]+>")
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
BLOCK = re.compile(r"<(h2|p)\b[^>]*>(.*?)</\1>", re.S)
SPACE = re.compile(r"\s+")
MAX_CHARS = 160
ENOUGH_CHARS = 50  # below this, the questions alone say too little: the first paragraph follows


def describe(page_html: str) -> str:
    """For an issue page, its questions (and its first paragraph if they are short); otherwise its first
    paragraph. At most 160 characters."""
    blocks = [
        (tag, SPACE.sub(" ", html_lib.unescape(TAG.sub("", HEADERLINK.sub("", inner)))).strip())
        for tag, inner in BLOCK.findall(page_html)
    ]
    questions = [text for tag, text in blocks if tag == "h2" and re.match(r"^Q\d", text)]
    text = " · ".join(questions)
    if len(text) < ENOUGH_CHARS:
        text = f"{text} {next((t for tag, t in blocks if tag == 'p' and t), '')}".strip()
    return text if len(text) <= MAX_CHARS else text[: MAX_CHARS - 1].rstrip() + "…"

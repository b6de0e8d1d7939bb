"""The allow-list sanitizer (faqsite.security.sanitize) as data: the red-team corpus comes out harmless,
and what our Markdown legitimately renders comes out unchanged.

URLs are read as a browser reads them (WHATWG URL parsing): leading and trailing
control characters and spaces dropped, tabs and newlines dropped anywhere, a
backslash taken for a slash. A sanitizer that reads them otherwise lets
``\\x01//evil.example/x.png`` through as a relative path.
"""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser

import pytest
from markdown.core import Markdown  # not 'import markdown': for ruff's isort that is the folder tests/markdown
from mkdocs.config import load_config

from faqsite.security import sanitize
from tests.conftest import ROOT
from tests.security.corpus import CORPUS, Payload

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "background", "ping", "xlink:href", "cite", "srcset", "codebase"}  # fmt: skip
FETCHED = {"src", "data", "poster", "background", "srcset", "codebase"}  # loaded as soon as the page is
FORBIDDEN_TAGS = {
    "script", "style", "iframe", "object", "embed", "base", "meta", "link", "form", "input", "button", "textarea",
    "select", "svg", "foreignobject", "animate", "set", "use", "image", "maction", "annotation-xml", "mglyph",
    "noscript", "template", "video", "audio", "source", "map", "area", "frame", "frameset", "xmp", "noembed", "noframes",
}  # fmt: skip
C0_OR_SPACE = "".join(chr(c) for c in range(0x21))
TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
TWO_SLASHES = re.compile(r"^[/\\]{2}")
SAFE_DATA = re.compile(r"^data:image/(png|gif|jpeg|webp|avif)[;,]", re.I)


def browser_url(value: str) -> str:
    """``value`` as the URL parser sees it before it resolves it."""
    return TAB_OR_NEWLINE.sub("", value.strip(C0_OR_SPACE))


class _Dangers(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in FORBIDDEN_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            if name == "style" and re.search(r"url\s*\(|expression|@import", value or "", re.I):
                self.found.append(f"<{tag} style={value!r}>")
            if name not in URL_ATTRIBUTES or value is None:
                continue
            urls = [c.split()[0] for c in value.split(",") if c.split()] if name == "srcset" else [value]
            for url in map(browser_url, urls):
                scheme = (m[1].lower() if (m := SCHEME.match(url)) else "") or ("//" if TWO_SLASHES.match(url) else "")
                if scheme in ("javascript", "vbscript") or (scheme == "data" and not SAFE_DATA.match(url)):
                    self.found.append(f"<{tag} {name}={value!r}>")
                elif name in FETCHED and scheme and scheme != "data":
                    self.found.append(f"<{tag} {name}={value!r}> (another host)")


def dangers(html: str) -> list[str]:
    """What in ``html`` could run script, embed a document or load something from another host."""
    parser = _Dangers()
    parser.feed(html)
    parser.close()
    return parser.found


@pytest.mark.parametrize("payload", CORPUS, ids=[p.id for p in CORPUS])
def test_corpus_payload_comes_out_harmless(payload: Payload) -> None:
    cleaned = sanitize.clean(payload.markdown)
    assert dangers(cleaned) == [], cleaned
    assert sanitize.clean(cleaned) == cleaned, "cleaning again changes the output (a mutation XSS in waiting)"


# The corpus's entries that are HTML as written, which Python-Markdown passes through as they are (not
# an autolink, and no tab: Markdown expands tabs first): the sanitizer must report each one the corpus
# says it has to change.
RAW_HTML = [
    p for p in CORPUS if p.markdown.startswith("<") and not re.match(r"<[a-z]+:", p.markdown) and "\t" not in p.markdown
]


@pytest.mark.parametrize("payload", RAW_HTML, ids=[p.id for p in RAW_HTML])
def test_raw_html_payload_is_reported_when_changed(payload: Payload) -> None:
    what = sanitize.removed(payload.markdown, sanitize.clean(payload.markdown))
    assert (what is not None) == payload.removed, what


# What our Markdown renders: every one must come out of the sanitizer as it went in.
LEGITIMATE = {
    "question-heading": "## Q1.1: 为什么导出的模型精度很低？ { #q1-1 }",
    "figure": '[![图](../../images/faq/momentum.jpg){ width="640" loading=lazy }](../../images/faq/momentum.jpg)\n\n/// caption\n带动量的梯度下降示意图\n///',
    "math": "```math\nw_{t+1} = w_t - lr * \\frac{\\partial L}{\\partial w} + \\sqrt{x^2}\n```",
    "table": "| 模型 | Scale 取值范围 | 备注 |\n| :-: | --: | --- |\n| ResNet50 | 0.08–1 | `--scale` |",
    "code": "```python\nimport paddle\nprint(paddle.__version__)\n```\n\n```sh\npython tools/train.py -c config.yaml\n```",
    "admonition": '!!! note "注意"\n\n    正文，含 [链接](https://github.com/PaddlePaddle/PaddleClas) 和 `code`。',
    "details": "<details>\n<summary>展开</summary>\n\n正文\n</details>",
    "links": "[站内](../issue-2/#q2-1) [外部](https://example.org/) [邮件](mailto:faq@example.org) [锚点](#q1-1)",
    "inline": "**粗体** *斜体* ~~删除~~ `code` <kbd>Ctrl</kbd> H<sub>2</sub>O x<sup>2</sup> <mark>标记</mark>",
    "lists": "1. 第一\n2. 第二\n    * 嵌套\n\n4. 如上图",
    "quote": "> 引用\n>\n> 第二段",
}


@cache
def render() -> Markdown:
    """Python-Markdown with the site's extensions and their settings, from mkdocs.yml."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


@pytest.mark.parametrize("source", LEGITIMATE.values(), ids=LEGITIMATE.keys())
def test_legitimate_markup_survives_unchanged(source: str) -> None:
    md = render()
    html = md.reset().convert(source)
    cleaned = sanitize.clean(html)
    assert sanitize.removed(html, cleaned) is None, f"{sanitize.removed(html, cleaned)}\n{html}"
    assert sanitize.clean(cleaned) == cleaned

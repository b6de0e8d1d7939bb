"""The page model (faqsite.markdown.model) agrees with the HTML the site renders from the same page.

Every page of docs/ and a set of small edge-case pages are read as MkDocs reads
them (mkdocs/structure/files.py, ``content_string``: UTF-8 with an optional
BOM, universal newlines; front matter removed by ``mkdocs.utils.meta.get_data``)
and rendered with Python-Markdown configured as mkdocs/structure/pages.py does
it, from mkdocs.yml's ``markdown_extensions``. The model, from
``read_page`` as the site's tools call it, must read the same headings' ids,
links, images, code blocks and front matter, in document order, and the same
tree of blocks (lists with their items and nesting; pages without raw HTML).

An edge case on which the two genuinely disagree stays in the data, marked
``xfail(strict=True)`` with the disagreement as its reason: it fails the run
the day the model agrees, so that the mark goes too.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from markdown.core import Markdown  # not 'import markdown': for ruff's isort that is this folder, tests/markdown
from markdown.postprocessors import Postprocessor
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from faqsite.markdown.model import Block, BlockKind, read_page
from tests.conftest import ROOT

DOCS = ROOT / "docs"
STASHED = "data-faq-stashed"  # marks <a>, <img> and <h1>-<h6> that Python-Markdown did not build from Markdown syntax
STASHED_TAG = re.compile(r"<(a|img|h[1-6])(?=[\s/>])", re.I)
RAW_HREF = re.compile(r"""<a\s[^>]*?\bhref=["']([^"']*)["']""", re.I)
HEADING = re.compile(r"^h[1-6]$")
QUESTION = re.compile(r"(Q\d+(?:\.\d+)+): ")


class _MarkStashed(Postprocessor):
    """Marks the tags of what Python-Markdown keeps aside as finished HTML (its stash): raw HTML as
    written, and the highlighter's line-number anchors inside code blocks. Neither is a Markdown link,
    image or heading (the model keeps raw HTML in ``page.html``). Runs just before the stash goes back
    into the page (``raw_html``, priority 30) and adds nothing but the attribute."""

    def run(self, text: str) -> str:
        blocks = self.md.htmlStash.rawHtmlBlocks
        for n, block in enumerate(blocks):
            if isinstance(block, str):  # md_in_html stashes elements it built from Markdown: those are left alone
                blocks[n] = STASHED_TAG.sub(rf"<\1 {STASHED}", block)
        return text


@cache
def site_markdown() -> tuple[list[Any], dict[str, Any]]:
    """The extensions and their options, as MkDocs validates mkdocs.yml."""
    cfg = load_config(config_file=str(ROOT / "mkdocs.yml"))
    return list(cfg.markdown_extensions), dict(cfg.mdx_configs or {})


def render(path: Path) -> tuple[BeautifulSoup, dict[str, Any]]:
    """The HTML and the front matter of a page, as MkDocs reads and renders it."""
    with path.open(encoding="utf-8-sig", errors="strict") as f:
        body, meta = get_data(f.read())
    extensions, configs = site_markdown()
    md = Markdown(extensions=extensions, extension_configs=configs)
    md.postprocessors.register(_MarkStashed(md), "faq_mark_stashed", 35)
    return BeautifulSoup(md.convert(body), "html.parser"), meta


def own(soup: BeautifulSoup, name: str | re.Pattern[str]) -> list[Tag]:
    """The elements ``name`` built from Markdown syntax, in document order."""
    return [el for el in soup.find_all(name) if not el.has_attr(STASHED)]


def attrs(el: Tag, *skip: str) -> dict[str, str]:
    """An element's attributes as attr_list sets them (classes joined by spaces), but ``skip``."""
    return {k: " ".join(v) if isinstance(v, list) else str(v) for k, v in el.attrs.items() if k not in skip}


def text_of(heading: Tag) -> str:
    """A heading's text without its permalink."""
    return "".join(
        str(s)
        for s in heading.find_all(string=True)
        if not any(p.name == "a" and "headerlink" in p.get_attribute_list("class") for p in s.parents)
    )


# Python-Markdown's elements -> the model's block kinds (lists, list items and div classes apart)
BLOCK_TAGS: dict[str, BlockKind] = {
    "p": "paragraph",
    "pre": "code",
    "table": "table",
    "figure": "figure",
    "hr": "rule",
    **{f"h{n}": "heading" for n in range(1, 7)},
}
BLOCK_LEVEL = {*BLOCK_TAGS, "ol", "ul", "div", "blockquote", "details", "dl", "section"}


def html_blocks(parent: Tag) -> list[Block]:
    """The blocks a reader sees in ``parent``, as the model names them; text and inline elements
    between blocks (a tight list item's text) make a paragraph."""
    out: list[Block] = []
    text = False
    for child in parent.children:
        if not isinstance(child, Tag):
            text = text or bool(str(child).strip())
            continue
        if child.name not in BLOCK_LEVEL:
            text = True
            continue
        if text:
            out.append(Block("paragraph", 0))
            text = False
        classes = child.get_attribute_list("class")
        if child.name in ("ol", "ul"):
            items = tuple(tuple(html_blocks(li)) for li in child.find_all("li", recursive=False))
            start = int(str(child.get("start") or 1)) if child.name == "ol" else 1
            out.append(Block("list", 0, items, ordered=child.name == "ol", start=start))
        elif child.name == "blockquote":
            out.append(Block("quote", 0, (tuple(html_blocks(child)),)))
        elif child.name in BLOCK_TAGS:
            level = int(child.name[1]) if BLOCK_TAGS[child.name] == "heading" else 0
            out.append(Block(BLOCK_TAGS[child.name], 0, level=level))
        elif "math" in classes:
            out.append(Block("formula", 0))
        elif "highlight" in classes:
            out.append(Block("code", 0))
        else:
            out.append(Block("html", 0))
    if text:
        out.append(Block("paragraph", 0))
    return out


def outline(blocks: list[Block] | tuple[Block, ...], depth: int = 0) -> list[str]:
    """One line per block, list items numbered and their blocks indented: readable when two differ."""
    lines = []
    for block in blocks:
        lines.append("  " * depth + block.describe())
        for n, item in enumerate(block.items, 1):
            lines.append("  " * (depth + 1) + f"item {n}:")
            lines.extend(outline(item, depth + 2))
    return lines


@cache  # a page of docs/ is compared by two tests
def comparisons(path: Path) -> list[tuple[str, object, object]]:
    """(what, in the HTML, in the model) for everything the model must read as the HTML shows it."""
    page = read_page(path)
    soup, meta = render(path)
    headings = own(soup, HEADING)
    links = [a for a in own(soup, "a") if "headerlink" not in a.get_attribute_list("class")]
    images = own(soup, "img")
    raw_links = [a for a in soup.find_all("a", attrs={STASHED: True}) if a.find_parent("pre") is None]
    questions = [
        (m[1], h.get("data-source-hash")) for h in headings if h.name == "h2" and (m := QUESTION.match(text_of(h)))
    ]
    return [
        ("heading ids", [str(h.get("id", "")) for h in headings], page.heading_ids()),
        (
            "heading attrs",
            [attrs(h, "id") for h in headings],
            [{k: v for k, v in h.attrs.items() if k != "id"} for h in page.headings],
        ),
        ("link hrefs", [str(a.get("href", "")) for a in links], [link.href for link in page.links]),
        ("link attrs", [attrs(a, "href", "title") for a in links], [link.attrs for link in page.links]),
        ("image srcs", [str(i.get("src", "")) for i in images], [i.src for i in page.images]),
        ("image attrs", [attrs(i, "src", "alt", "title") for i in images], [i.attrs for i in page.images]),
        (
            "raw HTML links",
            [str(a.get("href", "")) for a in raw_links],
            RAW_HREF.findall("".join(h.text for h in page.html)),
        ),
        (
            "code blocks",
            len([p for p in soup.find_all("pre") if p.find_parent(class_="math") is None]),
            len([c for c in page.code if not c.is_math]),
        ),
        ("math blocks", len(soup.select("div.math")), len([c for c in page.code if c.is_math])),
        ("questions", questions, [(q.label, q.source_hash) for q in page.questions]),
        ("front matter", meta, page.meta),
        # not over raw HTML: CommonMark's HTML blocks and the elements Python-Markdown keeps are not alike
        *([("blocks", outline(html_blocks(soup)), outline(page.blocks))] if not page.html else []),
    ]


def assert_agrees(path: Path, name: str, *, only: tuple[str, ...] = (), skip: tuple[str, ...] = ()) -> None:
    for what, html, model in comparisons(path):
        if (only and what not in only) or what in skip:
            continue
        assert html == model, f"{name}: {what} differ\n  HTML:  {html!r}\n  model: {model!r}"


def doc_paths() -> list[Any]:
    return [pytest.param(path, id=path.relative_to(ROOT).as_posix()) for path in sorted(DOCS.rglob("*.md"))]


@pytest.mark.parametrize("path", doc_paths())
def test_docs_page(path: Path) -> None:
    assert_agrees(path, path.relative_to(ROOT).as_posix())


def test_docs_has_pages_in_both_languages() -> None:
    assert {p.relative_to(DOCS).parts[0] for p in DOCS.rglob("*.md")} >= {"zh", "en"}


P = "# Page {#page}\n\n"  # most cases start with a heading whose id needs no slug

# name -> (the page's Markdown, why the model disagrees with the HTML or "")
EDGE_CASES: dict[str, tuple[str, str]] = {
    "escaped-brackets-in-alt": (P + "![a \\[CLS\\] token](img/a.png) and [b \\[x\\]](b.md)\n", ""),
    "image-inside-link": (P + "[![small](img/s.png)](img/big.png)\n", ""),
    "link-with-attr-list": (P + "[x](y.md){ .c }\n", ""),
    "image-with-width": (P + '![w](img/w.png){ width="600" }\n', ""),
    "image-attrs-and-link": (P + '[![f](f.svg){ #fig .wide width="680" loading="lazy" }](f.svg)\n', ""),
    "code-span-with-link-syntax": (P + "See `[x](y)` and ``![i](j.png)`` here.\n", ""),
    "fence-with-heading-and-link": (P + "```markdown\n# not a heading\n[x](y.md)\n```\n\n[after](after.md)\n", ""),
    "tilde-fence": (P + "~~~python\n## no\n[x](y)\n~~~\n", ""),
    "math-fence": (P + "```math\n\\frac{a}{b} [x](y)\n```\n", ""),
    "indented-code": (P + "Text.\n\n    # not a heading\n    [x](y.md)\n\nMore.\n", ""),
    "fence-in-list-item": (P + "1. step\n\n    ```bash\n    run [x](y)\n    ```\n\n2. next [n](n.md)\n", ""),
    "table-with-link": (P + "| a | b |\n|---|---|\n| [t](t.md) | ![c](c.png) |\n", ""),
    "heading-id-and-slug": (P + "## Own id {#own}\n\n## Slugged heading\n\n### Code `x_y` in it\n", ""),
    "heading-with-link": (P + "## See [the guide](g.md)\n", ""),
    "question-heading": (P + '## Q1.2: title {#q1-2 data-source-hash="abcd1234"}\n\nAnswer with [a link](a.md).\n', ""),
    "raw-html-link": (P + 'Inline <a href="x.md">raw</a> and [md](m.md).\n\n<p><a href="b.md">block</a></p>\n', ""),
    "raw-html-image": (P + '<img src="r.png" alt="r">\n\nText <img src="s.png" alt="s"> and ![m](m.png).\n', ""),
    "link-in-list-item": (P + "- one\n- two [l](l.md)\n\n1. first [n](n.md)\n", ""),
    "link-in-blockquote": (P + "> [q](q.md)\n", ""),
    "reference-link-and-autolink": (P + "[ref][r], [R][] and <https://example.org/>\n\n[r]: ref.md\n", ""),
    "link-and-image-with-title": (P + '[t](t.md "The title") ![i](i.png "Image title")\n', ""),
    "escaped-and-commented-links": (P + "\\[x](y.md) \\![i](j.png) <!-- [z](z.md) -->\n", ""),
    "caption-block": (P + "![f](f.png)\n/// caption\nA [caption link](c.md).\n///\n", ""),
    "md-in-html": (P + '<div markdown="1">\n\n[in div](d.md)\n\n</div>\n', ""),
    "front-matter-closed-by-dots": ("---\ntitle: Dots\ndate: 2021-05-01\n...\n" + P + "[x](y.md)\n", ""),
    "front-matter-closed-by-dashes": ("---\ntitle: Dashes\ntags: [a, b]\n---\n\n" + P, ""),
    # block structure: lists as Python-Markdown builds them
    "list-right-after-paragraph": (
        P + "因素如下：\n1. 参数量\n\n![f](f.png)\n/// caption\n图\n///\n\n2. 浮点运算\n3. 访存\n",
        "",
    ),
    "bullet-list-right-after-paragraph": (P + "上述命令中：\n* `a`：甲；\n* `b`：乙。\n", ""),
    "list-after-blank-line": (P + "因素如下：\n\n1. 参数量\n2. 浮点运算\n", ""),
    "nested-list-under-item-text": (P + "* 从采样的角度\n    * 动态采样\n    * 过采样\n* 其他\n", ""),
    "nested-ordered-list-in-loose-item": (
        P + "1. 计算量：\n\n    1. 乘法\n    2. 加法\n\n        ```math\n        2 C K\n        ```\n\n2. 访存\n",
        "",
    ),
    "list-marker-3-spaces-under-item": (P + "1. 甲\n   - 乙\n", ""),
    "list-after-paragraph-in-loose-item": (P + "* 第一项：\n\n    说明如下：\n    * 甲\n    * 乙\n", ""),
    "fence-indented-3-under-ordered-item": (P + "1. 代码：\n\n   ```python\n   x = 1\n   ```\n\n2. 下一步\n", ""),
    "paragraph-indented-2-under-bullet-item": (P + "- 甲\n\n  乙\n\n- 丙\n", ""),
    "bullet-markers-change": (P + "- 甲\n\n* 乙\n", ""),
    "table-and-formula-in-item": (
        P + "1. 表：\n\n    | a | b |\n    |---|---|\n    | 1 | 2 |\n\n    ```math\n    x\n    ```\n",
        "",
    ),
    "fence-run-into-paragraphs": (P + "文字：\n```python\nx = 1\n```\n后文\n\n```\ny\n```\n```\nz\n```\n\n末\n", ""),
    "fence-between-blank-lines": (P + "文字：\n\n```python\nx = 1\n```\n\n后文\n", ""),
    "text-right-after-fence-in-item": (P + "* 代码：\n\n    ```python\n    x\n    ```\n    其中：\n", ""),
    "caption-after-blank-line": (P + "![f](f.png)\n\n/// caption\n图\n///\n", ""),
    "front-matter-crlf": ("---\r\ntitle: CRLF\r\n---\r\n" + P.replace("\n", "\r\n") + "[x](y.md)\r\n", ""),
    # the disagreements
    "heading-without-latin-text": ("# 图像分类\n\n## 问题\n", ""),
    "repeated-heading": (P + "## Notes\n\n## Notes\n", ""),
    "heading-ending-in-code-span-with-braces": (P + "## Use `{x}`\n", ""),
    "heading-without-space-after-hash": (
        P + "##Title\n",
        "Python-Markdown renders '##Title' as a heading (id 'title'); CommonMark, and so the model, reads a paragraph",
    ),
    "admonition-with-link": (
        P + "!!! note\n\n    Inside [a](a.md).\n",
        "markdown-it reads the admonition's indented body as an indented code block:"
        " the model has no link 'a.md' and one code block; the HTML has the link and no <pre>",
    ),
    "deeply-indented-list-paragraph": (
        P + "- item\n\n      more [x](y.md)\n",
        "a paragraph indented 6 spaces in a '- ' item: Python-Markdown (4-space list indent) renders a paragraph"
        " with the link 'y.md'; CommonMark, and so the model, reads an indented code block",
    ),
    "html-block-with-blank-lines": (
        P + "<div>\n\n[x](y.md)\n\n</div>\n",
        "Python-Markdown keeps everything up to '</div>' as raw HTML (no link);"
        " CommonMark ends the HTML block at the blank line, and the model reads the link 'y.md'",
    ),
    "unclosed-fence": (
        P + "```\ncode [x](y)\n",
        "an unclosed fence: Python-Markdown renders the lines as a paragraph with the link 'y';"
        " CommonMark, and so the model, reads a code block to the end of the page",
    ),
    "multimarkdown-meta": (
        "title: Not YAML\n\n" + P,
        "without '---', MkDocs' get_data reads the top 'key: value' lines as MultiMarkdown meta"
        " ({'title': 'Not YAML'}) and drops them from the body; the model's meta is {}",
    ),
    "nested-bullet-indented-2": (
        P + "- 甲\n  - 乙\n",
        "Python-Markdown reads '  - 乙' (indented less than 4) as the list's second item;"
        " CommonMark nests it, and the model, which starts no list inside a paragraph but a 4-column deeper one,"
        " reads one item whose paragraph holds both lines",
    ),
    "front-matter-after-bom": ("\ufeff---\ntitle: BOM\n---\n" + P, ""),
}


def edge_params() -> list[Any]:
    return [
        pytest.param(text, id=name, marks=[pytest.mark.xfail(strict=True, reason=why)] if why else [])
        for name, (text, why) in EDGE_CASES.items()
    ]


@pytest.mark.parametrize("text", edge_params())
def test_edge_case(text: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    path = tmp_path / "page.md"
    path.write_bytes(text.encode("utf-8"))
    assert_agrees(path, request.node.callspec.id)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(EDGE_CASES["image-inside-link"][0], id="plain-alt"),
        pytest.param(EDGE_CASES["image-attrs-and-link"][0], id="alt-before-attr-list"),
        pytest.param(EDGE_CASES["escaped-brackets-in-alt"][0], id="escaped-brackets-in-alt"),
    ],
)
def test_image_alt_is_the_rendered_alt(text: str, tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    soup, _ = render(path)
    assert [str(i.get("alt", "")) for i in own(soup, "img")] == [i.alt for i in read_page(path).images]

"""The allow-list of what our Markdown legitimately renders, applied to every page (nh3, i.e. ammonia).

Python-Markdown passes raw HTML, attribute lists (``{ onclick=… }``) and any
link target through; this is the guarantee that none of it reaches a reader:
headings with ids, figures, MathML, tables, code, details and admonitions stay;
links lead to http(s), mailto or relative targets; images come from the site;
no event handler, no ``style`` but a table cell's alignment, no ``base``,
``meta``, ``object``, ``embed``, ``iframe``, ``form``, ``svg``. ``faqsite check``
reports, as ``path:line``, whatever this would change (:func:`changes`).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import nh3

HTML_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
    "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody",
    "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var",
}  # fmt: skip
# MathML Core, as latex2mathml writes it; not annotation-xml (it embeds HTML) nor maction
MATHML_TAGS = {
    "math", "semantics", "annotation", "merror", "mfrac", "mi", "mmultiscripts", "mn", "mo", "mover",
    "mpadded", "mphantom", "mprescripts", "mroot", "mrow", "ms", "mspace", "msqrt", "mstyle", "msub",
    "msubsup", "msup", "mtable", "mtd", "mtext", "mtr", "munder", "munderover", "menclose", "mfenced", "none",
}  # fmt: skip
MATHML_ATTRIBUTES = {
    "display", "xmlns", "mathvariant", "stretchy", "fence", "separator", "form", "lspace", "rspace",
    "largeop", "movablelimits", "accent", "accentunder", "width", "height", "depth", "linethickness",
    "columnalign", "rowalign", "columnspacing", "rowspacing", "columnlines", "rowlines", "frame", "notation",
    "open", "close", "separators", "scriptlevel", "displaystyle", "mathsize", "minsize", "maxsize",
    "symmetric", "voffset", "encoding",
}  # fmt: skip
GLOBAL_ATTRIBUTES = {"class", "id", "title", "lang", "dir", "aria-hidden", "aria-label", "role"}
ATTRIBUTES: dict[str, set[str]] = {
    "*": GLOBAL_ATTRIBUTES,
    "a": {"href", "hreflang", "name"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "div": {"tabindex"},  # a scrolling formula can take the focus
    "h1": {"data-source-hash"}, "h2": {"data-source-hash"}, "h3": {"data-source-hash"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "td": {"style", "colspan", "rowspan", "align"},
    "th": {"style", "colspan", "rowspan", "align", "scope"},
    "time": {"datetime"},
    "details": {"open"},
    **{tag: MATHML_ATTRIBUTES for tag in MATHML_TAGS},
}  # fmt: skip
URL_SCHEMES = {"http", "https", "mailto"}
STYLE_PROPERTIES = {"text-align"}  # Python-Markdown's table column alignment
# Ids and names pymdownx.highlight gives code blocks and their lines; any other one that starts with
# "__" is the theme's own (__config, __search, __drawer…) and would shadow it in the DOM.
THEME_ID = re.compile(r"__")
CODE_ID = re.compile(r"__(?:code_[0-9]+|codelineno-[0-9]+(?:-[0-9]+)*)")
OTHER_HOST = re.compile(r"^\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:|[/\\]{2})")
TABINDEX = {"0", "-1"}


def as_browsers_read(url: str) -> str:
    """A URL as a browser reads it: leading and trailing controls and spaces stripped, tabs and line
    breaks deleted anywhere, backslashes taken as slashes (the WHATWG URL parser's clean-up)."""
    return (
        url.strip(
            "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13"
            "\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "
        )
        .translate(URL_NOISE)
        .replace("\\", "/")
    )


URL_NOISE = {ord("\t"): None, ord("\n"): None, ord("\r"): None}
CONTROLS = re.compile(r"[\x00-\x1f\x7f]")


def _attribute(tag: str, name: str, value: str) -> str | None:
    """Per-value rules nh3's options cannot say: images from this site only, ids the theme does not
    use (nor links to them), a tab stop that is only a tab stop."""
    if name in ("id", "name") and THEME_ID.match(value) and not CODE_ID.fullmatch(value):
        return None
    if name == "href" and value.startswith("#") and THEME_ID.match(value[1:]) and not CODE_ID.fullmatch(value[1:]):
        return None
    if tag == "img" and name == "src" and (CONTROLS.search(value) or OTHER_HOST.match(as_browsers_read(value))):
        return None
    if name == "tabindex" and value not in TABINDEX:
        return None
    return value


def clean(html: str) -> str:
    """``html`` (a page's rendered content) with everything outside the allow-list removed."""
    return nh3.clean(
        html,
        tags=HTML_TAGS | MATHML_TAGS,
        clean_content_tags={"script", "style", "template", "iframe", "object", "embed", "noscript", "svg"},
        attributes=ATTRIBUTES,
        attribute_filter=_attribute,
        strip_comments=True,
        link_rel=None,
        url_schemes=URL_SCHEMES,
        filter_style_properties=STYLE_PROPERTIES,
    )


class _Tree(HTMLParser):
    """A fragment as comparable data: (tag, sorted attributes) and text, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[str, ...]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tbody":  # the parser adds it to a table written without one: not a change
            return
        self.items.append((tag, *sorted(f"{k}={_style(k, v or '')}" for k, v in attrs)))

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.items.append(("#text", " ".join(data.split())))


def _style(name: str, value: str) -> str:
    """nh3 writes ``text-align:center`` for ``text-align: center;``: compare styles without spaces."""
    return value.replace(" ", "").rstrip(";") if name == "style" else value


def tree(html: str) -> list[tuple[str, ...]]:
    parser = _Tree()
    parser.feed(html)
    parser.close()
    return parser.items


def removed(html: str, cleaned: str) -> str | None:
    """What sanitizing ``html`` into ``cleaned`` took out (the first difference, serialization aside), or None."""
    before, after = tree(html), tree(cleaned)
    if before == after:
        return None
    for old, new in zip(before, after, strict=False):
        if old != new:
            return f"{_show(old)} (kept as {_show(new)})" if old[0] == new[0] else _show(old)
    return _show(before[len(after)]) if len(before) > len(after) else "markup"


def element(tag: str, attrs: dict[str, str], text: str = "") -> str:
    """The element a Markdown construct renders to, attribute values as Python-Markdown writes them
    (character references kept, so ``&#106;avascript:`` is what a browser reads)."""
    written = "".join(
        f' {name}="{value.replace(chr(34), "&quot;").replace("<", "&lt;")}"' for name, value in attrs.items()
    )
    return f"<{tag}{written}>{text}</{tag}>"


def removed_from(tag: str, attrs: dict[str, str]) -> str | None:
    """What the sanitizer would take out of a ``tag`` element with these attributes, or None."""
    html = element(tag, attrs, "x")
    return removed(html, clean(html))


def _show(item: tuple[str, ...]) -> str:
    if item[0] == "#text":
        return repr(item[1][:60])
    return "<" + " ".join(item)[:120] + ">"

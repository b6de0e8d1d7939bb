"""Our figures and formulas: SVG files that stand alone, captions and alt text per language, MathML without TeX."""

from __future__ import annotations

import importlib.util
import re
import sys
from xml.etree import ElementTree

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.conftest import ROOT, BuiltSite
from tests.site.html import content_pages, present, resolve, soup

FIGURES = yaml.safe_load((ROOT / "data" / "figures.yml").read_text(encoding="utf-8"))["figures"]
SVG_NS = "{http://www.w3.org/2000/svg}"
EXTERNAL = re.compile(r"""(?:href\s*=|url\(|@import|<image\b|<foreignObject\b|<script\b|data:)""", re.I)
RAW_TEX = re.compile(r"\$\$|\\\(|\\\[|\\begin\{|\\frac|\\mathbb|\\cdot|\\text\{")
FIGURE_SRC = re.compile(r"\]\((?:\.\./)+images/faq/(?P<file>[^)\s]+)\)")


def figure_places() -> dict[str, list[tuple[str, str]]]:
    """Every figure file the Chinese pages use -> (page key 'faq/2021-s1/issue-3', question id) of each use."""
    from tests.content import unit_pages

    places: dict[str, list[tuple[str, str]]] = {}
    for key, page in unit_pages("zh").items():
        for q in page.questions:
            for name in dict.fromkeys(m["file"] for m in FIGURE_SRC.finditer(q.body)):
                places.setdefault(name, []).append((key, q.id))
    return places


PLACES = figure_places()
SVGS = sorted(name for name in PLACES if name.endswith(".svg"))
LANGS = {"zh": "", "en": "en/"}


def test_every_registered_figure_is_published_and_used() -> None:
    """The registry, the image folder and the pages agree: no figure unused, none unregistered."""
    registered = sorted({f["file"] for f in FIGURES})
    assert registered == sorted(PLACES)
    for name in registered:
        path = ROOT / "docs" / "images" / "faq" / name
        assert path.is_file(), name
        assert path.stat().st_size <= 200 * 1024, name  # upstream images are optimized


@pytest.mark.parametrize("name", SVGS)
def test_svg_stands_alone(name: str) -> None:
    path = ROOT / "docs" / "images" / "faq" / name
    text = path.read_text(encoding="utf-8")
    root = ElementTree.fromstring(text)
    assert root.tag == f"{SVG_NS}svg"
    assert re.fullmatch(r"[\d.]+ [\d.]+ [\d.]+ [\d.]+", root.get("viewBox", ""))
    assert EXTERNAL.search(text) is None
    assert path.stat().st_size < 50_000
    assert root.find(f"{SVG_NS}title") is not None
    texts = [t for t in root.iter(f"{SVG_NS}text")]
    assert len(texts) >= 5  # labels are text, not outlines
    assert "placeholder" not in text.lower()


def test_generator_reproduces_the_committed_drawings() -> None:
    spec = importlib.util.spec_from_file_location("draw", ROOT / "figures" / "draw.py")
    assert spec and spec.loader
    draw = importlib.util.module_from_spec(spec)
    sys.modules["draw"] = draw  # its dataclasses look themselves up there
    spec.loader.exec_module(draw)
    for name, make in draw.FIGURES.items():
        assert make().render().encode("utf-8") == (ROOT / "docs" / "images" / "faq" / name).read_bytes(), name


@pytest.mark.parametrize("name", sorted(PLACES))
def test_figure_appears_in_its_answer_with_caption_and_alt_in_each_language(site: BuiltSite, name: str) -> None:
    key, question = PLACES[name][0]
    found: dict[str, tuple[str, str]] = {}
    for lang, prefix in LANGS.items():
        page = site.root / prefix / key / "index.html"
        imgs = [img for img in soup(page).select("article figure img") if str(img["src"]).endswith("/" + name)]
        assert len(imgs) == 1, (lang, name)
        img = imgs[0]
        assert present(img.find_previous("h2"))["id"] == question
        figure = present(img.find_parent("figure"))
        caption = present(figure.select_one("figcaption")).get_text(strip=True)
        alt = str(img["alt"]).strip()
        assert caption and len(alt) > 20
        link = img.find_parent("a")
        assert (
            link is not None
            and resolve(site.root, page, str(link["href"]))[0] == resolve(site.root, page, str(img["src"]))[0]
        )
        found[lang] = (alt, caption)
    han = re.compile(r"[\u4e00-\u9fff]")
    assert han.search(found["zh"][0]) and han.search(found["zh"][1])
    assert not han.search(found["en"][0]) and not han.search(found["en"][1])
    assert found["zh"] != found["en"]


def test_no_raw_tex_on_any_page(site: BuiltSite) -> None:
    leaks = []
    for page in content_pages(site.root):
        found = soup(page).select_one("article")
        if found is None:
            continue
        article = BeautifulSoup(str(found), "html.parser")  # a copy: the parsed pages are shared
        for math in article.find_all("math"):
            math.decompose()  # TeX is allowed in MathML annotations only
        if m := RAW_TEX.search(article.get_text()):
            leaks.append(f"{page.relative_to(site.root)}: {m.group(0)}")
    assert leaks == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("issue", "question", "must_contain"),
    [
        ("issue-4", "q4-3", ["z", "E", "ℝ"]),
        ("issue-3", "q3-5", ["C", "M", "K", "out", "in"]),
    ],  # 2021-s1's two TeX formulas
)
def test_formulas_are_mathml_in_their_answer(
    site: BuiltSite, lang: str, issue: str, question: str, must_contain: list[str]
) -> None:
    page = site.root / LANGS[lang] / "faq/2021-s1" / issue / "index.html"
    maths = [
        m for m in soup(page).select("article div.math > math") if present(m.find_previous("h2"))["id"] == question
    ]
    assert len(maths) == 1
    math = maths[0]
    assert math["display"] == "block"
    assert math.select_one("semantics > annotation[encoding='application/x-tex']") is not None
    visible = "".join(el.get_text() for el in math.select("semantics > mrow"))
    for token in must_contain:
        assert token in visible

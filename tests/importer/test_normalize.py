"""Each normalization rule as data (cases/normalize.yml), plus idempotence."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from faqsite.errors import SourceError
from faqsite.importer import normalize as n
from faqsite.importer.figures import Figure, FigureRegistry, Formula, Insertion
from faqsite.importer.model import Question

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "normalize.yml").read_text(encoding="utf-8"))

REGISTRY = FigureRegistry(
    figures={
        "RepVGG.png": Figure(
            "RepVGG.png",
            "repvgg.svg",
            640,
            {"zh": "三种结构并列", "en": "Three blocks"},
            {"zh": "ResNet 与 RepVGG", "en": "ResNet and RepVGG"},
        )
    },
    formulas={"ViT.png": Formula("ViT.png", "z_0 = x")},
    insertions=(Insertion("Q3.5", "也即 `2CK`", "2 C K"),),
)
CTX = n.Context(
    source="faq.md",
    figures=REGISTRY,
    upstream_url="https://example.org/repo/blob/main/docs/zh_CN/FAQ/faq.md",
    anchors={"第2期": "issue-2.md", "2": "issue-2.md"},
)
TRANSFORMS: dict[str, Callable[[str], str]] = {
    "space_cjk": n.space_cjk,
    "normalize_title": n.normalize_title,
    "strip_comments_and_anchors": n.strip_comments_and_anchors,
    "strip_answer_marker": n.strip_answer_marker,
    "latex_as_math": n.latex_as_math,
    "separate_blocks": n.separate_blocks,
    "indent_list_blocks": n.indent_list_blocks,
    "rewrite_links": lambda text: n.rewrite_links(text, CTX, 1),
    "map_images": lambda text: n.tidy(n.map_images(text, CTX, 1, 3)),
    "insert_formulas": lambda text: n.tidy(n.insert_formulas(text, Question("Q3.5", "t", text, 1), CTX)),
}
PARAMS = [pytest.param(name, case, id=f"{name}:{case['id']}") for name, cases in CASES.items() for case in cases]


def test_every_transform_has_cases() -> None:
    assert set(CASES) == set(TRANSFORMS)


@pytest.mark.parametrize(("transform", "case"), PARAMS)
def test_rule(transform: str, case: dict[str, str]) -> None:
    assert TRANSFORMS[transform](case["input"]) == case["output"]


@pytest.mark.parametrize(("transform", "case"), PARAMS)
def test_rule_is_idempotent(transform: str, case: dict[str, str]) -> None:
    once = TRANSFORMS[transform](case["input"])
    assert TRANSFORMS[transform](once) == once


def test_code_spans_survive_the_whole_body_pipeline() -> None:
    body = "报错`a  b`与`c中d`，以及\n\n```\nx中y  z\n```\n"
    from faqsite.importer.model import Question

    out = n.normalize_body(Question("Q1.1", "t", body, 1), CTX, 3)
    assert "`a  b`" in out and "`c中d`" in out and "x中y  z" in out


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        pytest.param(["2021.01.05", "2021.01.14", "2020.01.21", "2021.01.28"], {2: "2021-01-21"}, id="year-typo"),
        pytest.param(["2021.01.05", "2021.01.14"], {}, id="in-order"),
        pytest.param(["2020.12.30", "2020.01.06", "2021.01.13"], {1: "2021-01-06"}, id="year-turn"),
    ],
)
def test_out_of_order_dates_are_corrected(dates: list[str], expected: dict[int, str]) -> None:
    from faqsite.importer.model import Season, TocEntry, Unit

    units = [Unit("issue", (i + 1,), f"第 {i + 1} 期", 10 + i, questions=[]) for i in range(len(dates))]
    toc = [TocEntry(f"第{i + 1}期", str(i + 1), (i + 1,), d, 3 + i) for i, d in enumerate(dates)]
    fixed, warnings = n.assign_dates(Season("faq.md", "t", units, toc=toc))
    corrected = {i: u.date.isoformat() for i, u in enumerate(fixed) if u.source_date and u.date}
    assert corrected == expected
    assert [w.line for w in warnings] == [3 + i for i in expected]
    assert all(str(w).startswith(f"faq.md:{w.line}: warning: date ") for w in warnings)


def test_registry_chinese_text_is_already_normalized() -> None:
    """Alt texts and captions are inserted after normalization: they must be in final form."""
    from faqsite.importer.figures import load_registry
    from tests.conftest import ROOT

    registry = load_registry(ROOT / "data" / "figures.yml")
    for figure in registry.figures.values():
        for text in (figure.alt["zh"], figure.caption["zh"]):
            assert n.space_cjk(text) == text


def test_formula_insertion_whose_line_is_gone_is_an_error() -> None:
    with pytest.raises(SourceError) as exc:
        n.insert_formulas("没有这个公式。", Question("Q3.5", "t", "", 40), CTX)
    assert (
        str(exc.value)
        == "faq.md:40: Q3.5: no line contains '也即 `2CK`' (expected the text after which data/figures.yml inserts a formula)"
    )
    assert n.insert_formulas("没有这个公式。", Question("Q3.6", "t", "", 41), CTX) == "没有这个公式。"

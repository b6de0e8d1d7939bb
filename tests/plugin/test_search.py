"""search.py: one index per language, and the glossary's terms for the segmenter."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from faqsite.mkdocs_plugin.search import glossary_terms, split_index

ROOT = Path(__file__).resolve().parents[2]

PREFIXES = {"zh": "", "en": "en/"}


def index(*locations: str, lang: Any = None) -> dict[str, Any]:
    return {
        "config": {"lang": ["zh", "en"] if lang is None else lang, "separator": "[\\s]+"},
        "docs": [{"location": loc, "title": f"t:{loc}", "text": ""} for loc in locations],
    }


@pytest.mark.parametrize(
    ("locations", "zh", "en"),
    [
        (["", "faq/x/", "faq/x/#q1"], ["", "faq/x/", "faq/x/#q1"], []),
        (["en/", "en/faq/x/", "en/faq/x/#q1-2"], [], ["", "faq/x/", "faq/x/#q1-2"]),
        # an entry goes to the longest prefix its location starts with, not to the default's ''
        (["faq/a/", "en/faq/a/", "questions/", "en/questions/"], ["faq/a/", "questions/"], ["faq/a/", "questions/"]),
        # 'english/' does not start with 'en/'
        (["english/", "en"], ["english/", "en"], []),
    ],
)
def test_entries_go_to_their_language_with_relative_locations(
    locations: list[str], zh: list[str], en: list[str]
) -> None:
    out = split_index(index(*locations), PREFIXES)
    assert sorted(out) == ["en", "zh"]
    assert [d["location"] for d in out["zh"]["docs"]] == zh
    assert [d["location"] for d in out["en"]["docs"]] == en


def test_longest_prefix_wins_whatever_the_order_of_the_prefixes() -> None:
    prefixes = {"en": "en/", "enx": "en/x/", "zh": ""}
    out = split_index(index("en/x/a/", "en/a/", "a/"), prefixes)
    assert {k: [d["location"] for d in v["docs"]] for k, v in out.items()} == {
        "en": ["a/"],
        "enx": ["a/"],
        "zh": ["a/"],
    }
    assert out["enx"]["docs"][0]["title"] == "t:en/x/a/"


def test_entries_keep_their_other_fields() -> None:
    source = {"config": {}, "docs": [{"location": "en/faq/#q", "title": "T", "text": "body", "tags": ["a"]}]}
    assert split_index(source, PREFIXES)["en"]["docs"] == [
        {"location": "faq/#q", "title": "T", "text": "body", "tags": ["a"]}
    ]


@pytest.mark.parametrize(
    ("lang", "zh", "en"),
    [
        # another language's index is searched with its own pipeline alone; the default language's keeps
        # every pipeline (Chinese answers are full of English terms)
        (["zh", "en"], ["zh", "en"], ["en"]),
        (["en", "zh", "ja"], ["en", "zh", "ja"], ["en"]),
        (["zh"], ["zh"], ["zh"]),  # no 'en' pipeline configured: the English index keeps the list
        (["ja"], ["ja"], ["ja"]),
    ],
)
def test_lang_config_per_locale(lang: list[str], zh: list[str], en: list[str]) -> None:
    out = split_index(index("", "en/", lang=lang), PREFIXES)
    assert out["zh"]["config"]["lang"] == zh
    assert out["en"]["config"]["lang"] == en
    assert out["zh"]["config"]["separator"] == out["en"]["config"]["separator"] == "[\\s]+"


def test_the_source_index_and_the_indexes_are_independent() -> None:
    source = index("", "en/")
    before = copy.deepcopy(source)
    out = split_index(source, PREFIXES)
    assert source == before
    out["en"]["config"]["separator"] = "changed"
    assert out["zh"]["config"]["separator"] == "[\\s]+"


def test_index_without_docs() -> None:
    assert split_index({"config": {"lang": ["en"]}}, PREFIXES) == {
        "zh": {"config": {"lang": ["en"]}, "docs": []},
        "en": {"config": {"lang": ["en"]}, "docs": []},
    }


def test_glossary_terms(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yml"
    path.write_text(
        "terms:\n"
        "  - {zh: 图像分类, en: image classification}\n"
        "  - {zh: 数据增广/数据增强、增广, en: data augmentation}\n"
        "  - {zh: '蒸馏, 知识蒸馏', en: distillation}\n"
        "  - {zh: 期, en: issue}\n"  # one character: not a term
        "  - {zh: ResNet 结构, en: ResNet architecture}\n"  # not only Chinese
        "  - {zh: 图像分类, en: duplicate}\n"
        "  - {en: no Chinese}\n",
        encoding="utf-8",
    )
    assert glossary_terms(path) == sorted({"图像分类", "数据增广", "数据增强", "增广", "蒸馏", "知识蒸馏"})


def test_glossary_terms_without_a_glossary(tmp_path: Path) -> None:
    assert glossary_terms(tmp_path / "missing.yml") == []
    (tmp_path / "empty.yml").write_text("", encoding="utf-8")
    assert glossary_terms(tmp_path / "empty.yml") == []


def test_the_segmenter_words_are_the_glossary_terms() -> None:
    """mkdocs.yml gives Material's search the glossary's Chinese terms as jieba's user dictionary."""
    words = ROOT / "data" / "search-words.txt"
    expected = glossary_terms(ROOT / "data" / "glossary.yml")
    assert words.read_text(encoding="utf-8").splitlines() == expected, (
        f"{words.relative_to(ROOT)} is not data/glossary.yml's Chinese terms; rewrite it with: .venv/bin/python -c"
        " \"from pathlib import Path; from faqsite.mkdocs_plugin.search import glossary_terms;"
        " Path('data/search-words.txt').write_text(''.join(t + chr(10) for t in glossary_terms(Path('data/glossary.yml'))))\""
    )
    assert "jieba_dict_user: data/search-words.txt\n" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")

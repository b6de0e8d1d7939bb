"""The search indexes as the build writes them."""

from __future__ import annotations

import json
import re

from faqsite.mkdocs_plugin.search import glossary_terms
from tests.conftest import ROOT, BuiltSite

ZWSP = "\u200b"


def test_glossary_terms_stay_whole_in_the_chinese_index(site: BuiltSite) -> None:
    """The build-time segmenter knows the glossary: its terms are not cut into pieces."""
    index = json.loads((site.root / "search/search_index.json").read_text(encoding="utf-8"))
    text = " ".join(d["title"] + " " + d["text"] for d in index["docs"])
    joined = text.replace(ZWSP, "")
    present = [t for t in glossary_terms(ROOT / "data/glossary.yml") if t in joined]
    assert len(present) >= 30
    # each term is a word of its own somewhere (unless it only occurs inside a longer term)
    edge = f"[{ZWSP}\\s\\W]"
    longer = {t: [u for u in present if t in u and u != t] for t in present}
    never_whole = [
        t
        for t in present
        if not re.search(f"(?:^|{edge}){re.escape(t)}(?:{edge}|$)", text) and not any(u in joined for u in longer[t])
    ]
    assert never_whole == []
    # jieba alone cuts these: the glossary is what keeps them whole
    for term in ("结构重参数化", "预训练模型", "过采样"):
        assert term in present


def test_index_separator_splits_code_like_the_query_side(site: BuiltSite) -> None:
    index = json.loads((site.root / "en/search/search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    assert separator.split("tools/infer/infer.py") == ["tools", "infer", "infer", "py"]
    assert separator.split("--class_num=k") == ["", "class_num", "k"]
    assert separator.split("pruning.") == ["pruning", ""]
    assert separator.split("2.5") == ["2.5"]
    assert "*" not in separator.split("a*b") and separator.split("a*b") == ["a*b"]  # lunr's wildcard is left alone

"""What the index holds for a text (faqsite.search.terms), as data."""

from __future__ import annotations

import pytest

from faqsite.search.terms import compound_words, han_words, index_text


@pytest.mark.parametrize(
    ("run", "words"),
    [
        ("位", ["h020301"]),
        ("位置", ["h020301032622"]),
        ("位置编码", ["h020301032622", "h032622032534", "h032534030721"]),
    ],
)
def test_chinese_runs_become_bigram_words(run: str, words: list[str]) -> None:
    assert han_words(run) == words


@pytest.mark.parametrize(
    ("word", "extra"),
    [
        ("re-parameterization", ["reparameterization", "re", "parameterization"]),
        ("batch_size", ["batchsize", "batch", "size"]),
        ("infer.py", ["inferpy", "infer", "py"]),
        ("tools/infer/predict.py", ["toolsinferpredictpy", "predictpy", "tools", "infer", "predict", "py"]),
    ],
)
def test_compounds_are_also_joined_and_split(word: str, extra: list[str]) -> None:
    assert compound_words(word) == extra


@pytest.mark.parametrize(
    ("text", "has", "has_not"),
    [
        ("使用 batch_size:256", ["batch_size", "256", "h020351029992"], ["batch_size:256"]),  # ASCII punctuation splits
        ("SE block、CBAM 等", ["block", "cbam", "h031561"], ["block、cbam"]),  # so does Chinese punctuation
        ("ＢＡＴＣＨ＿ＳＩＺＥ", ["batch_size"], []),  # full-width letters: NFKC, lowercased
        ("“重参数化”", ["h037325021442", "h021442025968", "h025968021270"], []),
        ("don't", ["don't"], ["don"]),  # apostrophes are left to Pagefind
    ],
)
def test_index_text(text: str, has: list[str], has_not: list[str]) -> None:
    words = index_text(text).split()
    assert all(w in words for w in has), words
    assert not any(w in words for w in has_not), words

"""The words the index holds for a text, and the words a query is made of.

The browser's query code (docs/assets/javascripts/search.js, ``queryWords``)
writes Chinese the same way; tests/site/test_search_index.py and the browser
tests hold the two to one contract:

- a run of Chinese characters becomes its bigrams, each written as ``h``
  followed by the two code points in six decimal digits (``位置编码`` ->
  ``h020301032622 h032622032534 h032534030721``); a lone character becomes
  ``h`` and its code point, which is also the prefix of every bigram it starts;
- a compound word (``batch_size``, ``re-parameterization``, ``infer.py``) is
  kept and followed by its joined form and its parts, so that a reader finds it
  with or without the separator and by any part.

Everything else is left to Pagefind: it splits words, lowercases, stems
English, and matches a query word as a prefix.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

# The Han characters of Unicode's CJK blocks (the browser code uses the same ranges).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN_RUN = re.compile(f"[{HAN}]+")
COMPOUND = re.compile(r"[0-9a-z]+(?:[-_./][0-9a-z]+)+")
PART = re.compile(r"[0-9a-z]+")
# Punctuation between words becomes a space: Chinese and general punctuation (、。“” …), which
# Pagefind does not split at, and ASCII punctuation, which it drops *inside* a word (batch_size:256
# would be one word, batch_size256). Kept: the separators of compounds (- _ . /), apostrophes.
PUNCTUATION = re.compile(
    '[\u2000-\u206f\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65!"#$%&()*+,:;<=>?@\\[\\]^`{|}~]'
)


def han_code(char: str) -> str:
    return f"{ord(char):06d}"


def han_words(run: str) -> list[str]:
    """A run of Chinese characters -> its index words (bigrams; a lone character alone)."""
    if len(run) == 1:
        return ["h" + han_code(run)]
    return ["h" + han_code(a) + han_code(b) for a, b in itertools.pairwise(run)]


def compound_words(word: str) -> list[str]:
    """``re-parameterization`` -> its joined form and parts, for readers who type either; a path
    (``tools/infer/predict.py``) also gives each of its names joined (``predictpy``)."""
    parts = PART.findall(word)
    names = [name for name in word.split("/") if len(PART.findall(name)) > 1] if "/" in word else []
    return ["".join(parts), *("".join(PART.findall(name)) for name in names), *parts]


def index_text(text: str) -> str:
    """Text -> what Pagefind indexes for it: Chinese as bigram words, compounds also joined and split."""
    text = PUNCTUATION.sub(" ", unicodedata.normalize("NFKC", text).lower())
    text = COMPOUND.sub(lambda m: " ".join([m.group(0), *compound_words(m.group(0))]), text)
    return HAN_RUN.sub(lambda m: " " + " ".join(han_words(m.group(0))) + " ", text)

"""Pairs of pages: ``docs/zh/X.md`` and its English twin ``docs/en/X.md``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SOURCE_LANG = "zh"
TARGET_LANG = "en"


@dataclass(frozen=True)
class Twin:
    source: Path  # the Chinese page
    target: Path  # the English page (may not exist)


def twins(docs: Path) -> list[Twin]:
    """Every Chinese page with the path its English twin has (or must have)."""
    src_root, dst_root = docs / SOURCE_LANG, docs / TARGET_LANG
    return [
        Twin(p, dst_root / p.relative_to(src_root)) for p in sorted(src_root.rglob("*.md"))
    ]


def orphans(docs: Path) -> list[Path]:
    """English pages without a Chinese original."""
    src_root, dst_root = docs / SOURCE_LANG, docs / TARGET_LANG
    return [p for p in sorted(dst_root.rglob("*.md")) if not (src_root / p.relative_to(dst_root)).exists()]

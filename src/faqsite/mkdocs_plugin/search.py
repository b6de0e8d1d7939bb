"""One search index per language.

mkdocs-static-i18n with Material merges the entries of every language build
into one ``search/search_index.json`` served to all of them. We split it: the
entries of a language's pages go to that language's index, with locations
relative to the language root (``en/faq/x/`` -> ``faq/x/`` in ``en/search/``).
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import yaml

HAN_TERM = re.compile(r"^[\u4e00-\u9fff]{2,}$")


def split_index(index: dict[str, Any], prefixes: dict[str, str]) -> dict[str, dict[str, Any]]:
    """locale -> index holding only that locale's entries.

    ``prefixes`` maps each locale to its URL prefix ('' for the default language).
    An entry belongs to the longest prefix its location starts with.
    """
    ordered = sorted(prefixes.items(), key=lambda kv: len(kv[1]), reverse=True)
    out = {
        locale: {**copy.deepcopy({k: v for k, v in index.items() if k != "docs"}), "docs": []} for locale in prefixes
    }
    for doc in index.get("docs", []):
        location = str(doc.get("location", ""))
        for locale, prefix in ordered:
            if location.startswith(prefix):
                out[locale]["docs"].append({**doc, "location": location[len(prefix) :]})
                break
    for locale, idx in out.items():
        langs = idx.get("config", {}).get("lang")
        if isinstance(langs, list) and locale in langs and prefixes[locale]:
            # another language's index is searched with that language's pipeline alone; the default
            # language's keeps every pipeline (Chinese answers are full of English terms)
            idx["config"]["lang"] = [locale]
    return out


def glossary_terms(path: Path) -> list[str]:
    """The Chinese terms of the glossary (data/glossary.yml), for the build-time segmenter."""
    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    terms = []
    for entry in data.get("terms", []):
        for zh in re.split(r"[/、,，]\s*", str(entry.get("zh", ""))):
            if HAN_TERM.match(zh.strip()):
                terms.append(zh.strip())
    return sorted(set(terms))

"""One search index per language.

mkdocs-static-i18n with Material merges the entries of every language build
into one ``search/search_index.json`` served to all of them. We split it: the
entries of a language's pages go to that language's index, with locations
relative to the language root (``en/faq/x/`` -> ``faq/x/`` in ``en/search/``).
"""

from __future__ import annotations

import copy
from typing import Any


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
        if isinstance(langs, list) and locale in langs:
            # each index is searched with its own language's pipeline
            idx["config"]["lang"] = [locale] if locale != "zh" else sorted({"zh", "en"} & set(langs))
    return out

"""languages.py: URL prefixes of the languages and the URLs of a page's twins."""

from __future__ import annotations

import pytest

from faqsite.mkdocs_plugin.languages import Language, neutral_url, twin_urls

ZH = Language("zh", "简体中文", default=True)
EN = Language("en", "English", default=False)
LANGS = [ZH, EN]


def test_prefixes() -> None:
    assert (ZH.prefix, EN.prefix) == ("", "en/")


@pytest.mark.parametrize(
    ("url", "neutral"),
    [
        ("en/faq/x/", "faq/x/"),
        ("faq/x/", "faq/x/"),
        ("en/", ""),
        ("en", ""),  # the English home page without its slash
        ("", ""),
        ("english/", "english/"),  # not under en/
        ("faq/en/", "faq/en/"),
        ("en/faq/2021-s1/issue-3/#q3-2", "faq/2021-s1/issue-3/#q3-2"),
    ],
)
def test_neutral_url(url: str, neutral: str) -> None:
    assert neutral_url(url, LANGS) == neutral


@pytest.mark.parametrize(
    ("url", "twins"),
    [
        ("faq/x/", {"zh": "faq/x/", "en": "en/faq/x/"}),
        ("en/faq/x/", {"zh": "faq/x/", "en": "en/faq/x/"}),
        ("", {"zh": "", "en": "en/"}),
        ("en/", {"zh": "", "en": "en/"}),
    ],
)
def test_twin_urls(url: str, twins: dict[str, str]) -> None:
    assert twin_urls(url, LANGS) == twins


def test_twin_urls_of_a_single_language_site() -> None:
    assert twin_urls("faq/x/", [ZH]) == {"zh": "faq/x/"}
    assert twin_urls("faq/x/", []) == {}

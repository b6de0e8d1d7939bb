"""Languages of the build, as mkdocs-static-i18n configures them, and URLs of twin pages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin


@dataclass(frozen=True)
class Language:
    locale: str
    name: str
    default: bool

    @property
    def prefix(self) -> str:
        """URL prefix of the language's pages: '' for the default, 'en/' for English."""
        return "" if self.default else f"{self.locale}/"


def languages(config: Any) -> list[Language]:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return []
    return [Language(lang.locale, lang.name, bool(lang.default)) for lang in i18n.config.languages if lang.build]


def current_language(config: Any) -> str:
    return str(config.theme.get("language") or "")


def neutral_url(url: str, langs: list[Language]) -> str:
    """The page URL without its language prefix: 'en/faq/x/' -> 'faq/x/'."""
    for lang in langs:
        if lang.prefix and (url == lang.prefix.rstrip("/") or url.startswith(lang.prefix)):
            return url[len(lang.prefix) :]
    return url


def twin_urls(url: str, langs: list[Language]) -> dict[str, str]:
    """locale -> site-relative URL of the same page in that language."""
    neutral = neutral_url(url, langs)
    return {lang.locale: lang.prefix + neutral for lang in langs}


def absolute(url: str, site_url: str | None) -> str | None:
    return urljoin(site_url, url) if site_url else None

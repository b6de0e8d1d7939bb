"""Languages of the build, as mkdocs-static-i18n configures them, and URLs of twin pages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


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
    """The language being built: mkdocs-static-i18n sets the theme's language for each build."""
    return str(config.theme.get("language") or "")


def default_language(config: Any) -> Language | None:
    return next((lang for lang in languages(config) if lang.default), None)


def build_language(config: Any) -> Language | None:
    return next((lang for lang in languages(config) if lang.locale == current_language(config)), None)


def is_default_build(config: Any) -> bool:
    """True in the default language's build, which mkdocs-static-i18n runs first and which, in its
    post-build event, builds the other languages: whole-site work happens there, once."""
    default = default_language(config)
    return default is None or default.locale == current_language(config)


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

"""The navigation as assistive technology meets it: every landmark and toggle has a name of its own."""

from __future__ import annotations

import pytest

from tests.conftest import BuiltSite
from tests.content import LANGS
from tests.site.html import soup


@pytest.mark.parametrize("lang", LANGS)
def test_every_navigation_landmark_has_a_unique_name(site: BuiltSite, lang: str) -> None:
    page = soup(site.root / LANGS[lang] / "index.html")
    names = []
    for nav in page.select("nav[aria-labelledby]"):
        label = page.find(id=str(nav["aria-labelledby"]))
        assert label is not None, nav["aria-labelledby"]
        name = str(label.get("aria-label") or label.get_text(" ", strip=True))
        assert name, nav["aria-labelledby"]
        names.append(name)
    assert names and len(names) == len(set(names)), names
    for toggle in page.select("label.md-nav__link[tabindex='0']"):
        assert toggle.get("aria-label") or toggle.get_text(strip=True), toggle

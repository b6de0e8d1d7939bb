"""Old upstream links keep working for every collection: each earlier path redirects, each old anchor to its question."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from faqsite.importer import lock as locks
from tests.conftest import BuiltSite
from tests.content import LOCKS, collection_ids
from tests.site.html import ids, present, soup


@pytest.mark.parametrize("collection", collection_ids())
def test_every_old_path_redirects_each_old_anchor_to_its_question(site: BuiltSite, collection: str) -> None:
    found = locks.read(LOCKS / f"{collection}.yml")
    assert found is not None and found.legacy_anchors
    for path in [found.upstream_path, *found.legacy_paths]:
        stem = path.removeprefix("docs/").removesuffix(".md")
        for page in (site.root / f"{stem}.html", site.root / stem / "index.html"):
            html = soup(page)
            assert html.html is not None and html.html.get("lang") == "zh", page  # upstream's pages are Chinese
            targets = json.loads(present(html.select_one("#faq-legacy-targets")).get_text())
            assert set(targets) == set(found.legacy_anchors), page
            for anchor, target in targets.items():
                parts = urlsplit(target)
                landing = site.root / parts.path.lstrip("/") / "index.html"
                assert parts.path.startswith(f"/faq/{collection}/") and landing.is_file(), (anchor, target)
                assert not parts.fragment or parts.fragment in ids(landing), (anchor, target)

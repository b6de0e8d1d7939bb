"""Pages at a collection's old upstream paths that send each old anchor to its question."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from jinja2 import Environment

from faqsite.mkdocs_plugin.catalog import Catalog, SeasonEntry

SAFE_PATH = re.compile(r"[^\x00-\x1f\x7f\\:*?\"<>|#%]+")


def unsafe_path(path: str) -> str | None:
    """Why an old upstream path cannot be a place in the site (None if it can): the redirect page is
    written at that path under the site directory, so it must stay there."""
    parts = PurePosixPath(path).parts
    if not SAFE_PATH.fullmatch(path):
        return "holds characters a path in the site cannot"
    if path.startswith("/") or PurePosixPath(path).is_absolute():
        return "is absolute"
    if any(part in ("..", ".") for part in parts) or "//" in path:
        return "leaves its folder ('..', '.' or an empty part)"
    if not path.endswith(".md"):
        return "is not a Markdown file"
    return None


def legacy_pages(season: SeasonEntry) -> list[str]:
    """Site paths where an old upstream path of the season lands: 'docs/zh_CN/FAQ/x.md' ->
    'zh_CN/FAQ/x.html' and 'zh_CN/FAQ/x/index.html' (as rendered by documentation hosts)."""
    out = []
    for path in season.legacy_paths:
        stem = path.removeprefix("docs/").removesuffix(".md")
        out.extend([f"{stem}.html", f"{stem}/index.html"])
    return out


def redirect_pages(env: Environment, catalog: Catalog, *, config: object, base: str) -> dict[str, str]:
    """site path -> HTML of the redirect page, for every old path of every collection.

    ``base`` is the site's path ("/" or "/docs/"): targets are absolute paths,
    the same from every old location.
    """
    template = env.get_template("legacy-redirect.html")
    out = {}
    for season in catalog.seasons:
        targets = {anchor: base + season.url + target for anchor, target in season.legacy_anchors.items()}
        for path in legacy_pages(season):
            out[path] = template.render(
                season=season, season_url=base + season.url, targets=targets, base=base, config=config
            )
    return out

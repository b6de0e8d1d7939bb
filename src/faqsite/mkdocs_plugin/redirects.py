"""Pages at a collection's old upstream paths that send each old anchor to its question."""

from __future__ import annotations

from jinja2 import Environment

from faqsite.mkdocs_plugin.catalog import Catalog, SeasonEntry


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

"""Each language's Atom feed of issues, and robots.txt: files generated from the catalog."""

from __future__ import annotations

from jinja2 import Environment

from faqsite.mkdocs_plugin.catalog import Catalog


def feed_xml(env: Environment, catalog: Catalog, *, config: object, prefix: str, lang: str) -> str:
    """The Atom feed of a language: issues newest first, dated by publication."""
    units = sorted(
        (u for s in catalog.seasons for u in s.units if u.date), key=lambda u: (u.date, u.order), reverse=True
    )
    seasons = {s.id: s for s in catalog.seasons}
    # a template named .html: MkDocs would copy a feed.xml theme file as it is
    return env.get_template("partials/atom-feed.html").render(
        config=config, units=units, seasons=seasons, prefix=prefix, lang=lang
    )


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"

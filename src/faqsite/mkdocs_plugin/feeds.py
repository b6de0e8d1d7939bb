"""Each language's Atom feed of issues, and robots.txt: files generated from the catalog."""

from __future__ import annotations

import datetime as dt

from jinja2 import Environment

from faqsite.mkdocs_plugin.catalog import Catalog, UnitEntry

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)  # the <updated> of a feed without entries


def published(unit: UnitEntry) -> dt.datetime:
    """An issue's publication, as Atom dates it: its day, at midnight UTC."""
    day = unit.date or EPOCH.date()
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def updated(unit: UnitEntry) -> dt.datetime:
    """An issue's last change: its page's (faqsite.history), never before its publication."""
    return max(published(unit), unit.updated) if unit.updated else published(unit)


def atom_date(when: dt.datetime) -> str:
    """RFC 3339, as Atom has it: "2021-01-05T00:00:00Z", "2026-11-23T19:34:50+08:00"."""
    return when.isoformat().replace("+00:00", "Z")


def feed_xml(env: Environment, catalog: Catalog, *, config: object, prefix: str, lang: str) -> str:
    """The Atom feed of a language: issues newest first by publication, each updated when its page last
    changed, the feed when the newest of them did."""
    units = sorted(
        (u for s in catalog.seasons for u in s.units if u.date), key=lambda u: (u.date, u.order), reverse=True
    )
    seasons = {s.id: s for s in catalog.seasons}
    entries = [(unit, atom_date(published(unit)), atom_date(updated(unit))) for unit in units]
    feed_updated = atom_date(max((updated(u) for u in units), default=EPOCH))
    # a template named .html: MkDocs would copy a feed.xml theme file as it is
    return env.get_template("partials/atom-feed.html").render(
        config=config, entries=entries, updated=feed_updated, seasons=seasons, prefix=prefix, lang=lang
    )


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"

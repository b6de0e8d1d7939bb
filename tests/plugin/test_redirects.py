"""redirects.py and feeds.py: the files generated from the catalog."""

from __future__ import annotations

import datetime as dt

import pytest
from jinja2 import DictLoader, Environment

from faqsite.mkdocs_plugin.catalog import Catalog, SeasonEntry, build_catalog
from faqsite.mkdocs_plugin.feeds import feed_xml, robots_txt
from faqsite.mkdocs_plugin.redirects import legacy_pages, redirect_pages


def entry(*paths: str, anchors: dict[str, str] | None = None, id_: str = "2021-s1") -> SeasonEntry:
    return SeasonEntry(
        id_, id_, id_, f"faq/{id_}/index.md", f"faq/{id_}/", legacy_paths=list(paths), legacy_anchors=anchors or {}
    )


@pytest.mark.parametrize(
    ("paths", "pages"),
    [
        (["docs/zh_CN/FAQ/x.md"], ["zh_CN/FAQ/x.html", "zh_CN/FAQ/x/index.html"]),
        (
            ["docs/zh_CN/faq_2021_s1.md", "docs/en/faq_2021_s1.md"],
            [
                "zh_CN/faq_2021_s1.html",
                "zh_CN/faq_2021_s1/index.html",
                "en/faq_2021_s1.html",
                "en/faq_2021_s1/index.html",
            ],
        ),
        (["FAQ.md"], ["FAQ.html", "FAQ/index.html"]),  # no docs/ folder to drop
        ([], []),
    ],
)
def test_legacy_pages(paths: list[str], pages: list[str]) -> None:
    assert legacy_pages(entry(*paths)) == pages


TEMPLATES = {
    "legacy-redirect.html": "{{ season.id }} {{ season_url }}{% for a, t in targets|dictsort %} {{ a }}={{ t }}{% endfor %}",
    "partials/atom-feed.html": (
        "{{ lang }} {{ prefix }} {{ updated }}:"
        "{% for u, published, updated in entries %} {{ u.slug }}@{{ seasons[u.season].id }} {{ published }} {{ updated }}{% endfor %}"
    ),
}


@pytest.fixture
def env() -> Environment:
    return Environment(loader=DictLoader(TEMPLATES), autoescape=False)


def test_redirect_pages_send_old_anchors_to_absolute_targets(env: Environment) -> None:
    catalog = Catalog(
        [
            entry("docs/zh_CN/a.md", anchors={"old": "issue-3/#q3-2", "q1": "issue-1/#q1-1"}),
            entry(id_="2020-s1"),  # no old paths: no page
        ]
    )
    out = redirect_pages(env, catalog, config=None, base="/docs/")
    assert out == {
        "zh_CN/a.html": "2021-s1 /docs/faq/2021-s1/ old=/docs/faq/2021-s1/issue-3/#q3-2 q1=/docs/faq/2021-s1/issue-1/#q1-1",
        "zh_CN/a/index.html": "2021-s1 /docs/faq/2021-s1/ old=/docs/faq/2021-s1/issue-3/#q3-2 q1=/docs/faq/2021-s1/issue-1/#q1-1",
    }


def test_feed_lists_dated_units_newest_first_updated_when_their_pages_changed(env: Environment) -> None:
    """Entries by publication, newest first; each updated when its page last changed (never before it was
    published), or when published if the history does not say; the feed when its newest entry was."""
    day = dt.date(2021, 1, 1)
    changed = {
        "faq/2021-s1/issue-9.md": dt.datetime(2026, 11, 23, 19, 34, 50, tzinfo=dt.UTC),
        "faq/2021-s1/issue-10.md": dt.datetime(2026, 11, 24, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))),
        "faq/2021-s1/issue-1.md": dt.datetime(2020, 11, 1, tzinfo=dt.UTC),  # before its publication
    }
    catalog = build_catalog(
        [
            ("faq/2021-s1/index.md", "faq/2021-s1/", {"season": "2021-s1"}),
            ("faq/2021-s1/issue-9.md", "u", {"season": "2021-s1", "issue": 9, "date": day}),
            ("faq/2021-s1/issue-10.md", "u", {"season": "2021-s1", "issue": 10, "date": day}),
            ("faq/2021-s1/issue-1.md", "u", {"season": "2021-s1", "issue": 1, "date": dt.date(2020, 12, 1)}),
            ("faq/2021-s2/index.md", "faq/2021-s2/", {"season": "2021-s2"}),
            ("faq/2021-s2/issue-1.md", "u", {"season": "2021-s2", "issue": 1, "date": dt.date(2021, 3, 1)}),
            ("faq/2021-s2/part-1.md", "u", {"season": "2021-s2", "part": "1"}),  # no date: not in the feed
        ],
        updated=changed,
    )
    assert feed_xml(env, catalog, config=None, prefix="en/", lang="en").split(" ") == [
        "en", "en/", "2026-11-24T08:00:00+08:00:",  # the newest instant
        "issue-1@2021-s2", "2021-03-01T00:00:00Z", "2021-03-01T00:00:00Z",
        "issue-10@2021-s1", "2021-01-01T00:00:00Z", "2026-11-24T08:00:00+08:00",
        "issue-9@2021-s1", "2021-01-01T00:00:00Z", "2026-11-23T19:34:50Z",
        "issue-1@2021-s1", "2020-12-01T00:00:00Z", "2020-12-01T00:00:00Z",
    ]  # fmt: skip


@pytest.mark.parametrize("site_url", ["https://faq.example.org/", "https://faq.example.org"])
def test_robots_txt_points_at_the_sitemap(site_url: str) -> None:
    assert robots_txt(site_url) == "User-agent: *\nAllow: /\n\nSitemap: https://faq.example.org/sitemap.xml\n"

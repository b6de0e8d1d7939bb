"""Options of the ``faqsite`` MkDocs plugin, validated by MkDocs (paths relative to mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class FaqSiteConfig(Config):
    enabled = c.Type(bool, default=True)

    # collections: the import locks (data/upstream/<id>.yml) hold each collection's old upstream paths and anchors
    upstream_locks = c.Dir(exists=True, default="data/upstream")

    # the search bundle (faqsite.search) and the search box; false builds a site without search
    # (the benchmark's "build without search")
    search = c.Type(bool, default=True)

    # dates of change from the git history (faqsite.history): each page's and question's last change,
    # the feeds' <updated>; false builds without them (to measure what they cost)
    git_dates = c.Type(bool, default=True)

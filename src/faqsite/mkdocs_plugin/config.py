"""Options of the ``faqsite`` MkDocs plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class FaqSiteConfig(Config):
    enabled = c.Type(bool, default=True)

    # search: Chinese terms that the build-time segmenter (jieba) keeps whole
    search_glossary = c.Type(str, default="data/glossary.yml")

    # collections: the import locks (data/upstream/<id>.yml) hold each collection's old upstream paths and anchors
    upstream_locks = c.Type(str, default="data/upstream")

"""Options of the ``faqsite`` MkDocs plugin, validated by MkDocs (paths relative to mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class FaqSiteConfig(Config):
    enabled = c.Type(bool, default=True)

    # search: Chinese terms that the build-time segmenter (jieba) keeps whole; the file must exist
    search_glossary = c.File(exists=True, default="data/glossary.yml")

    # collections: the import locks (data/upstream/<id>.yml) hold each collection's old upstream paths and anchors
    upstream_locks = c.Dir(exists=True, default="data/upstream")

"""Bilingual documentation site of the PaddleClas image-classification FAQ.

Subpackages: ``importer`` turns an upstream file into pages; ``markdown`` reads
the site's pages into one model and extends its Markdown; ``mkdocs_plugin``
is the MkDocs plugin; ``translations`` the parity and freshness checks;
``cli`` is the command line (``faqsite``).
"""

import os

__version__ = "0.1.0"

# Material prints a multi-line MkDocs-2 / end-of-life banner when its theme is
# first imported under `mkdocs`. mkdocs.yml names this package
# (`!!python/name:` of the math fence), so YAML loading imports it before the
# theme: setting Material's documented opt-out here keeps the banner out of
# every entry point (`mkdocs`, `faqsite`, make, pre-commit), not only make.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

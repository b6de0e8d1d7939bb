"""Bilingual documentation site of the PaddleClas image-classification FAQ.

Subpackages: ``importer`` turns an upstream season file into pages;
``build`` holds the MkDocs plugin and Markdown extensions; ``cli`` is the
command line (``faqsite``).
"""

__version__ = "0.1.0"

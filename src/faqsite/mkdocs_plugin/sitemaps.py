"""A sitemap per language root.

Material's theme fetches ``sitemap.xml`` next to every ``<link rel="alternate">``
of a page; the only one a page has is its feed's, so an English page asks for
``/en/sitemap.xml``. It is the English part of the site's sitemap (a sitemap
lists only URLs at or below its own folder), alternates included.
"""

from __future__ import annotations

from xml.etree import ElementTree

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def language_sitemap(sitemap: str, root_url: str) -> str:
    """The entries of ``sitemap`` whose location is at or below ``root_url`` ('https://host/en/')."""
    for prefix, uri in NS.items():
        ElementTree.register_namespace("" if prefix == "s" else "xhtml", uri)
    tree = ElementTree.fromstring(sitemap.encode("utf-8"))
    for url in tree.findall("s:url", NS):
        if not (url.findtext("s:loc", default="", namespaces=NS) or "").startswith(root_url):
            tree.remove(url)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(tree, encoding="unicode") + "\n"

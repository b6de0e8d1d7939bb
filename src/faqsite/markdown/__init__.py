"""Markdown as this site reads and renders it: the page model and the extensions of the site's Markdown."""

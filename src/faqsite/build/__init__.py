"""MkDocs build extensions: the ``faqsite`` plugin and Markdown helpers."""

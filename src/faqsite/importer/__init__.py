"""The importer: an upstream season file in, one Markdown page per issue out.

The pipeline is ``parse`` (source text -> :class:`~faqsite.importer.model.Season`),
``normalize`` (small pure transforms over that data), ``render`` (data -> page
texts) and ``write`` (atomic, refusing to clobber hand edits); ``pipeline``
strings them together.
"""

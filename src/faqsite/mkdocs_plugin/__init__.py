"""The ``faqsite`` MkDocs plugin: configuration, thin event handlers and one module per job."""

"""Pages read once per build: parsed with the shared model, cached by file and modification time."""

from __future__ import annotations

from pathlib import Path

from faqsite.markdown.model import SitePage, read_page


class PageCache:
    """mkdocs-static-i18n builds once per language and the preview rebuilds on every change: each page
    file is parsed again only when it changed (its modification time or size)."""

    def __init__(self) -> None:
        self._pages: dict[Path, tuple[tuple[int, int], SitePage]] = {}
        self.reads = 0  # files parsed since the cache was made (the tests count them)

    def read(self, path: Path) -> SitePage:
        key = path.resolve()
        stat = key.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        cached = self._pages.get(key)
        if cached is None or cached[0] != stamp:
            self.reads += 1
            cached = (stamp, read_page(key))
            self._pages[key] = cached
        return cached[1]

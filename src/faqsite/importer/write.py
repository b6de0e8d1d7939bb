"""Writing pages: all or nothing, and never over a page edited by hand."""

from __future__ import annotations

from pathlib import Path

from faqsite.errors import Problem, SourceError
from faqsite.fileio import write_atomically
from faqsite.importer.render import DIGEST_LINE, digest


def hand_edited(path: Path) -> bool:
    """True when ``path`` exists and no longer matches the digest it was written with."""
    if not path.exists():
        return False
    text = path.read_text(encoding="utf-8")
    m = DIGEST_LINE.search(text)
    return m is None or m.group(0).split(":", 1)[1].strip() != digest(text)


def check_overwrites(pages: dict[Path, str], force: bool) -> list[Problem]:
    if force:
        return []
    return [
        Problem(
            str(path), 1, "edited by hand since it was imported (expected an unchanged page; use --force to overwrite)"
        )
        for path, text in pages.items()
        if hand_edited(path) and path.read_text(encoding="utf-8") != text
    ]


def write_pages(pages: dict[Path, str], force: bool = False) -> list[Path]:
    """Write every page atomically; return the ones whose content changed.

    Pages edited by hand are refused first (unless ``force``); then all are
    written at once (see :func:`faqsite.fileio.write_atomically`).
    """
    problems = check_overwrites(pages, force)
    if problems:
        raise SourceError(problems)
    changed = [p for p, text in pages.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
    write_atomically({p: pages[p] for p in changed})
    return changed

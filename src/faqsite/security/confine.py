"""Nothing outside the repository is published: no symbolic link under docs/ is followed.

A link such as ``docs/assets/env.txt -> /proc/self/environ`` would pass every
content check and publish the build machine's environment; ``faqsite check``
and the build both refuse links, to files and to folders alike.
"""

from __future__ import annotations

import os
from pathlib import Path


def symlinks(root: Path) -> list[Path]:
    """Every symbolic link under ``root`` (files and folders), without following any."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in sorted(dirs + files):
            path = Path(folder) / name
            if path.is_symlink():
                found.append(path)
    return sorted(found)


MESSAGE = "a symbolic link, which would publish what it points to (expected a regular file or folder)"


# What a page's content may bring into docs/: Markdown and images. Scripts, styles and HTML pages
# run in the site's origin, so they live in docs/assets/ (the site's code, reviewed as code).
CONTENT_SUFFIXES = {".md", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}
CODE_FOLDER = "assets"


def unexpected_files(root: Path) -> list[Path]:
    """Files under ``root`` outside docs/assets/ that are neither Markdown nor an image."""
    return sorted(
        path
        for path in root.rglob("*")
        if path.is_file()
        and not path.is_symlink()
        and path.relative_to(root).parts[0] != CODE_FOLDER
        and path.suffix.lower() not in CONTENT_SUFFIXES
    )


FILE_MESSAGE = (
    "a file the site would publish as is in its own origin"
    " (expected Markdown or an image; scripts, styles and pages belong in docs/assets/)"
)

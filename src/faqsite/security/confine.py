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

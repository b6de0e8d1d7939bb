"""Writing files all or nothing: temporary files beside the targets, then renames."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(pages: dict[Path, str]) -> None:
    """Write every file, or (on error) none: earlier contents stay in place."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, text in pages.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
            staged.append((tmp, path))
        for tmp, path in staged:
            os.replace(tmp, path)
    finally:
        for tmp, _ in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)

"""Writing files all or nothing: temporary files beside the targets, then renames."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(files: dict[Path, str] | dict[Path, bytes] | dict[Path, str | bytes]) -> None:
    """Write every file, or (on error) none: earlier contents stay in place.

    New files get the mode the umask allows, existing files keep theirs.
    """
    staged: list[tuple[str, Path]] = []
    umask = os.umask(0)
    os.umask(umask)
    try:
        for path, content in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            data = content.encode("utf-8") if isinstance(content, str) else content
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~umask
            os.chmod(tmp, mode)
            staged.append((tmp, path))
        for tmp, path in staged:
            os.replace(tmp, path)
    finally:
        for tmp, _ in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)

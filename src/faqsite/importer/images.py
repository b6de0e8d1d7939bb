"""Upstream raster images, optimized for the site.

PNG is re-encoded losslessly (same pixels, best zlib compression); a JPEG is
resized to at most twice its display width and re-encoded. Both are
deterministic: the same input gives the same bytes, so re-imports change nothing.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from faqsite.errors import Problem, SourceError
from faqsite.importer.figures import Figure

MAX_SOURCE_BYTES = 20 * 1024 * 1024
JPEG_QUALITY = 82


def optimize(data: bytes, figure: Figure, where: Problem) -> bytes:
    """The bytes we publish for ``figure`` from the upstream file's ``data``."""
    try:
        with Image.open(io.BytesIO(data)) as img:
            img.load()
            out = io.BytesIO()
            if figure.file.endswith(".png"):
                img.save(out, format="PNG", optimize=True)
                smaller = out.getvalue()
                return smaller if len(smaller) < len(data) else data
            rgb = img.convert("RGB")
            limit = 2 * figure.width
            if rgb.width > limit:
                rgb = rgb.resize((limit, round(rgb.height * limit / rgb.width)), Image.Resampling.LANCZOS)
            rgb.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
            return out.getvalue()
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise SourceError(
            Problem(where.path, where.line, f"{where.message}: not a readable image ({exc}) (expected PNG or JPEG)")
        ) from None


def upstream_image(source: Path, src: str, figure: Figure, line: int) -> tuple[Path, bytes]:
    """Read the image that ``src`` (relative to the upstream file ``source``) names, optimized."""
    path = (source.parent / src.split("?")[0].split("#")[0]).resolve()
    where = Problem(str(source), line, f"image '{src}'")
    if not path.is_file():
        raise SourceError(
            Problem(
                str(source),
                line,
                f"image '{src}' not found at {path.as_posix()} (expected the upstream image beside the source, as upstream has it)",
            )
        )
    if path.stat().st_size > MAX_SOURCE_BYTES:
        raise SourceError(Problem(str(source), line, f"image '{src}' is larger than 20 MiB (expected a web image)"))
    return path, optimize(path.read_bytes(), figure, where)

"""Problems reported to people as ``path:line: what is wrong (expected ...)``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def display_path(path: Path | str) -> str:
    """The path relative to the working directory when it lies below it (a symbolic link is named
    where it is, not where it points)."""
    p = Path(path)
    try:
        return (p.parent.resolve() / p.name).relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return p.as_posix()


# Line breaks in a path or a message (a value quoted from a file: season: "2021-s1\n") are shown
# escaped, so that every problem stays on one line.
LINE_BREAKS = {c: repr(chr(c))[1:-1] for c in (0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029)}


@dataclass(frozen=True)
class Problem:
    """One thing wrong at one place in one file."""

    path: str
    line: int
    message: str
    warning: bool = False  # published around (reported) rather than refused

    def __str__(self) -> str:
        kind = "warning: " if self.warning else ""
        return f"{display_path(self.path)}:{self.line}: {kind}{self.message}".translate(LINE_BREAKS)


def errors_of(problems: list[Problem]) -> list[Problem]:
    """The problems that refuse (not the warnings)."""
    return [p for p in problems if not p.warning]


class SourceError(Exception):
    """Input that cannot be processed; carries every problem found."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = problems if isinstance(problems, list) else [problems]
        super().__init__("\n".join(str(p) for p in self.problems))

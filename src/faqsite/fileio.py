"""Writing files all or nothing, even when the process is killed midway.

A write is one transaction over the folders a command may write in (its
*roots*: ``docs/`` and ``data/``); a target outside them is refused.

1. Every new content is staged as a temporary file beside its target
   (``.NAME.XXXXXXXX.tmp``), flushed to disk, with the mode the target will have.
2. The journal, ``.faqsite-journal.json`` in the first root (``docs/``), lists
   each rename (staged file, target, SHA-256 of the content) and each removal.
   It is written to a temporary file and renamed, so it exists whole or not at all.
3. The staged files are renamed over their targets, the removals done.
4. The journal is deleted.

Killed before step 2, the old files stand beside temporary files; killed after
it, the journal says how to finish. Every writing command first runs
:func:`recover` under the same lock (``flock`` on the first root): it completes
an unfinished journal (roll forward: a staged file still there is renamed, one
already renamed is recognized by its digest, a removal is done again) and
deletes leftover temporary files of ours. So the files are always either the
old set or the new set.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from faqsite.errors import Problem, SourceError, display_path

JOURNAL = ".faqsite-journal.json"
# The names tempfile.mkstemp gives with our prefix (".NAME.") and suffix: eight random characters.
TEMPORARY = re.compile(r"\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp")


def read_data(path: Path, expected: str, limit: int = 4 * 1024 * 1024) -> str:
    """A data file (figure registry, lock) as UTF-8 text, or SourceError with one line saying why not.

    At most ``limit`` + 1 bytes are read (4 MiB: data/ files are some tens of KB).
    """
    try:
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except FileNotFoundError:
        raise SourceError(Problem(str(path), 0, f"file not found (expected {expected})")) from None
    except OSError as exc:
        raise SourceError(Problem(str(path), 0, f"cannot be read: {exc.strerror or exc} (expected {expected})")) from None
    if len(data) > limit:
        raise SourceError(Problem(str(path), 1, f"larger than {limit // (1024 * 1024)} MiB (expected {expected})"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceError(
            Problem(str(path), line, f"not UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded (expected {expected})")
        ) from None


@dataclass(frozen=True)
class Rename:
    staged: Path
    target: Path
    sha256: str


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _located(path: Path) -> Path:
    """``path`` made absolute through its folder's real location (a link that is the file itself is replaced, not followed)."""
    return path.parent.resolve() / path.name


def _inside(path: Path, roots: Sequence[Path]) -> bool:
    where = _located(path)
    return any(where.is_relative_to(root.resolve()) and where != root.resolve() for root in roots)


def _outside_problem(path: Path, roots: Sequence[Path]) -> Problem:
    folders = " or ".join(f"{display_path(r)}/" for r in roots)
    return Problem(str(path), 0, f"will not write outside {folders} (expected a file under {folders})")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def _locked(root: Path) -> Iterator[None]:
    """One writer at a time in ``root`` (an exclusive ``flock`` on the folder itself)."""
    root.mkdir(parents=True, exist_ok=True)
    fd = os.open(root, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _cannot(path: Path, exc: OSError) -> SourceError:
    reason = exc.strerror or str(exc)
    return SourceError(Problem(str(path), 0, f"cannot write: {reason} (expected a writable folder)"))


def _read_journal(journal: Path, roots: Sequence[Path]) -> tuple[list[Rename], list[Path]]:
    """The journal's renames and removals, each confined to ``roots``; SourceError if it cannot be trusted."""

    def refuse(what: str) -> SourceError:
        return SourceError(
            Problem(
                str(journal),
                1,
                f"unfinished write cannot be completed: {what} (expected the journal faqsite writes, "
                "with the same --docs and --data; delete it to keep the files as they are)",
            )
        )

    try:
        data: Any = json.loads(journal.read_text(encoding="utf-8"))
        renames = [Rename(Path(r["staged"]), Path(r["target"]), str(r["sha256"])) for r in data["renames"]]
        removals = [Path(p) for p in data["removals"]]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise refuse(f"unreadable journal ({exc})") from None
    for path in [*(r.target for r in renames), *removals]:
        if not path.is_absolute() or not _inside(path, roots):
            raise refuse(f"it lists {path}, outside the folders of this command")
    for r in renames:
        m = TEMPORARY.fullmatch(r.staged.name)
        if r.staged.parent != r.target.parent or m is None or m["name"] != r.target.name:
            raise refuse(f"staged file {r.staged} is not one of ours for {r.target}")
    return renames, removals


def _apply(renames: Sequence[Rename], removals: Iterable[Path], journal: Path) -> None:
    """Steps 3 and 4; run again after a crash, it finishes what is left."""
    for r in renames:
        if r.staged.exists():
            if _digest(r.staged.read_bytes()) != r.sha256:
                raise SourceError(
                    Problem(str(r.staged), 0, f"staged file differs from the journal {display_path(journal)} (expected it unchanged)")
                )
            os.replace(r.staged, r.target)
        elif not r.target.is_file() or _digest(r.target.read_bytes()) != r.sha256:
            raise SourceError(
                Problem(
                    str(r.target),
                    0,
                    f"unfinished write cannot be completed: neither staged nor written (expected {r.staged.name}; "
                    f"restore the file, or delete {display_path(journal)} to keep the files as they are)",
                )
            )
    for path in removals:
        if path.is_file() or path.is_symlink():
            os.unlink(path)
    for folder in sorted({r.target.parent for r in renames} | {p.parent for p in removals}):
        if folder.is_dir():
            _fsync_folder(folder)
    os.unlink(journal)
    _fsync_folder(journal.parent)


def _leftovers(roots: Sequence[Path]) -> list[Path]:
    """Temporary files of ours under ``roots`` (without following links)."""
    found = []
    for root in roots:
        for folder, _, names in os.walk(root, followlinks=False):
            found += [Path(folder) / n for n in names if TEMPORARY.fullmatch(n)]
    return sorted(p for p in found if p.is_file() and not p.is_symlink())


def _recover(roots: Sequence[Path]) -> list[Path]:
    journal = roots[0] / JOURNAL
    done: list[Path] = []
    if journal.exists():
        renames, removals = _read_journal(journal, roots)
        _apply(renames, removals, journal)
        done = [r.target for r in renames] + list(removals)
    for path in _leftovers(roots):
        path.unlink()
    return done


def recover(roots: Sequence[Path]) -> list[Path]:
    """Finish a write that was interrupted in ``roots`` and delete leftover temporary files.

    Returns the files the unfinished write changed (none when there was nothing to finish).
    """
    if not roots[0].is_dir():
        return []  # nothing was ever written there
    with _locked(roots[0]):
        return _recover(roots)


def write_files(
    files: Mapping[Path, str | bytes], roots: Sequence[Path], remove: Iterable[Path] = ()
) -> list[Path]:
    """Write ``files`` and delete ``remove``, all or nothing, inside ``roots`` only (see the module).

    New files get the mode the umask allows, existing files keep theirs. First
    finishes an interrupted write (returned: the files it completed). Raises
    SourceError for a target outside ``roots`` or a folder that cannot be written.
    """
    removals = [_located(p) for p in remove]
    outside = [p for p in [*files, *removals] if not _inside(p, roots)]
    if outside:
        raise SourceError([_outside_problem(p, roots) for p in outside])
    if not files and not removals:
        return recover(roots)
    with _locked(roots[0]):
        finished = _recover(roots)
        journal = roots[0].resolve() / JOURNAL
        umask = _umask()
        renames: list[Rename] = []
        staged_journal: str | None = None
        try:
            for path, content in files.items():
                target = _located(path)
                target.parent.mkdir(parents=True, exist_ok=True)
                data = content.encode("utf-8") if isinstance(content, str) else content
                fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
                renames.append(Rename(Path(tmp), target, _digest(data)))
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fchmod(fh.fileno(), target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~umask)
                    os.fsync(fh.fileno())
            entries = [{"staged": str(r.staged), "target": str(r.target), "sha256": r.sha256} for r in renames]
            text = json.dumps({"renames": entries, "removals": [str(p) for p in removals]}, indent=1)
            fd, staged_journal = tempfile.mkstemp(prefix=f".{JOURNAL}.", suffix=".tmp", dir=journal.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(staged_journal, journal)  # from here on the write is done, at the latest by the next recover()
        except OSError as exc:
            for staged in [*(r.staged for r in renames), *([Path(staged_journal)] if staged_journal else [])]:
                staged.unlink(missing_ok=True)
            raise _cannot(Path(exc.filename) if exc.filename else roots[0], exc) from None
        _fsync_folder(journal.parent)
        try:
            _apply(renames, removals, journal)
        except OSError as exc:  # the journal stays: the next writing command finishes the write
            raise _cannot(Path(exc.filename) if exc.filename else roots[0], exc) from None
    return finished

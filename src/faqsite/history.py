"""When each line of the pages last changed, from the git history: one ``git log`` per build, parsed once.

The build asks git three things (:func:`read`): where the work tree is, the
history of the pages along the first parents (``git log -p -U0 --first-parent``
over ``docs/**.md``), and what the work tree changed since the last commit
(``git diff HEAD``). The rest is pure: :func:`parse_log` and :func:`parse_diff`
turn git's output into commits and hunks, and :func:`attribute` walks the
commits from the newest, carrying every line of today's pages back through
each diff (blame's rule along the first parents: a line belongs to the commit
that added it, renames followed), so that a question's last change is the
newest commit that touched one of its lines. A commit that only deleted lines
counts for the line above the deletion (the block that lost them).

Dates are committer dates, in the committer's time zone (``git log
--format=%cI``): when a change landed on the branch. Where the history cannot
say, there is no date rather than a wrong one:

- uncommitted changes (and files git does not track) are dated ``now``, which
  the build makes the day it runs (``SOURCE_DATE_EPOCH`` when set): the
  preview shows what the change will say once committed;
- in a shallow clone, the oldest commit fetched stands for all the history
  before it: lines it "added" have no known date;
- outside a git work tree (a source archive) or without git, nothing is dated.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from faqsite.errors import display_path

# "@@ -12,3 +12,0 @@": a hunk of a zero-context diff (a count of 1 is left out)
HUNK = re.compile(r"^@@ -(?P<old>\d+)(?:,(?P<old_n>\d+))? \+(?P<new>\d+)(?:,(?P<new_n>\d+))? @@")
COMMIT_MARK = "\x00"  # starts each commit of the log (the format's %x00)
LOG_FORMAT = "--format=%x00%H %cI %P"  # the mark, the commit, its committer date, its parents
# Options that keep the output as parsed here whatever the user's git configuration says
# (colour, external diff tools, other prefixes, quoted paths, signatures).
GIT_CONFIG = ("-c", "core.quotePath=false", "-c", "log.showSignature=false", "-c", "diff.noprefix=false")
DIFF_OPTIONS = (
    "-U0",
    "-M",
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    "--no-relative",
    "--src-prefix=a/",
    "--dst-prefix=b/",
)
TIMEOUT = 60  # seconds for one git command


@dataclass(frozen=True)
class Hunk:
    """A hunk of a zero-context diff: ``count`` lines at ``start`` (a count of 0: the place after line ``start``)."""

    old_start: int
    old_count: int
    new_start: int
    new_count: int

    @property
    def new_end(self) -> int:
        """The last line of the new side the hunk covers (for a deletion, the line above it)."""
        return self.new_start + self.new_count - 1 if self.new_count else self.new_start


@dataclass(frozen=True)
class FileChange:
    old_path: str | None  # None: the file was added
    new_path: str | None  # None: the file was deleted
    hunks: tuple[Hunk, ...] = ()


@dataclass(frozen=True)
class Commit:
    id: str  # "" for the work tree's uncommitted changes
    time: dt.datetime | None  # None: not known (the boundary of a shallow clone)
    parents: tuple[str, ...] = ()
    files: tuple[FileChange, ...] = ()


def _unquote(path: str) -> str:
    """A path as git prints it: C-quoted ("a\\tb", octal bytes) when it holds unusual characters."""
    if not (path.startswith('"') and path.endswith('"')):
        return path
    raw = path[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
    return raw.encode("latin-1", "replace").decode("utf-8", "replace")


def _side(path: str, prefix: str) -> str | None:
    path = _unquote(path.rstrip("\t"))
    if path == "/dev/null":
        return None
    return path.removeprefix(prefix)


def _header_paths(rest: str) -> tuple[str, str] | None:
    """The two paths of ``diff --git a/P b/P`` when they are the same path (otherwise the rename or
    ---/+++ lines say which they are)."""
    if rest.startswith('"'):
        a, _, b = rest.partition('" ')
        return _unquote(a + '"').removeprefix("a/"), _unquote(b).removeprefix("b/")
    half = (len(rest) - 1) // 2
    a, b = rest[:half], rest[half + 1 :]
    if a.startswith("a/") and b.startswith("b/") and a[2:] == b[2:]:
        return a[2:], b[2:]
    return None


def parse_diff(lines: Iterable[str]) -> list[FileChange]:
    """The files of a ``git diff -U0 -M`` (or of one commit of ``git log -p``), with their hunks."""
    out: list[FileChange] = []
    old: str | None = None
    new: str | None = None
    hunks: list[Hunk] = []
    open_ = False
    pending = iter(lines)

    def close() -> None:
        if open_:
            out.append(FileChange(old, new, tuple(hunks)))

    for line in pending:
        if line.startswith("diff --git "):
            close()
            open_, hunks = True, []
            paths = _header_paths(line[len("diff --git ") :])
            old, new = paths if paths else (None, None)
        elif not open_:
            continue
        elif line.startswith("new file mode"):
            old = None
        elif line.startswith("deleted file mode"):
            new = None
        elif line.startswith("rename from "):
            old = _unquote(line[len("rename from ") :])
        elif line.startswith("rename to "):
            new = _unquote(line[len("rename to ") :])
        elif line.startswith("--- "):
            old = _side(line[4:], "a/")
        elif line.startswith("+++ "):
            new = _side(line[4:], "b/")
        elif m := HUNK.match(line):
            hunk = Hunk(
                int(m["old"]),
                int(m["old_n"] if m["old_n"] is not None else 1),
                int(m["new"]),
                int(m["new_n"] if m["new_n"] is not None else 1),
            )
            hunks.append(hunk)
            # the hunk's own lines, counted: a line of content may itself read "+++ b/x" or "diff --git"
            removed, added = hunk.old_count, hunk.new_count
            while removed or added:
                body = next(pending, None)
                if body is None:
                    break
                if body.startswith("-"):
                    removed -= 1
                elif body.startswith("+"):
                    added -= 1
                elif body.startswith(" "):
                    removed, added = max(removed - 1, 0), max(added - 1, 0)
                # "\ No newline at end of file" counts for neither side
    close()
    return out


def parse_log(text: str, shallow: Iterable[str] = ()) -> list[Commit]:
    """The commits of ``git log -p`` run with :data:`LOG_FORMAT`, newest first. Commits listed in
    ``shallow`` (the boundary of a shallow clone) get no time: their diff adds history they stand for."""
    boundary = set(shallow)
    commits = []
    for record in text.split(COMMIT_MARK)[1:]:
        head, _, diff = record.partition("\n")
        sha, when, *parents = head.split(" ")
        time = None if sha in boundary else dt.datetime.fromisoformat(when)
        commits.append(Commit(sha, time, tuple(p for p in parents if p), tuple(parse_diff(diff.split("\n")))))
    return commits


@dataclass
class _Track:
    """A file of the work tree on its way back through the history."""

    path: str  # where it is now
    alive: dict[int, int]  # line at this point of the history -> line now, for the lines not yet attributed


@dataclass(frozen=True)
class Attribution:
    """For each file, for each line (index 0: line 1), the index in the walked commits of

    - ``own``: the commit that wrote the line as it is (blame's answer);
    - ``touched``: the newest commit that wrote it or deleted lines just below it.
    """

    own: dict[str, list[int]]
    touched: dict[str, list[int]]


def attribute(commits: Sequence[Commit], lengths: Mapping[str, int], unexplained: int = 0) -> Attribution:
    """Walk ``commits`` (newest first, each diffed against the one after it) carrying the lines of the
    files of ``lengths`` (path -> number of lines now) back to the commit that wrote each. Lines no commit
    wrote (files git does not track) get ``unexplained``."""
    own = {path: [-1] * n for path, n in lengths.items()}
    touched = {path: [-1] * n for path, n in lengths.items()}
    tracks = {path: _Track(path, {i: i for i in range(1, n + 1)}) for path, n in lengths.items()}

    def touch(track: _Track, line: int, index: int) -> None:
        if touched[track.path][line - 1] < 0:
            touched[track.path][line - 1] = index

    for index, commit in enumerate(commits):
        moved: dict[str, _Track] = {}
        for change in commit.files:
            track = tracks.pop(change.new_path, None) if change.new_path is not None else None
            if track is None:
                continue
            hunks = sorted(change.hunks, key=lambda h: h.new_start)
            for hunk in hunks:
                if hunk.new_count:
                    for line in range(hunk.new_start, hunk.new_start + hunk.new_count):
                        now = track.alive.pop(line, None)
                        if now is not None:
                            own[track.path][now - 1] = index
                            touch(track, now, index)
                elif (now := track.alive.get(max(hunk.new_start, 1))) is not None:
                    touch(track, now, index)  # lines deleted below this one
            if change.old_path is not None and track.alive:
                track.alive = _before(track.alive, hunks)
                moved[change.old_path] = track
        tracks.update(moved)
    for track in tracks.values():
        for now in track.alive.values():
            own[track.path][now - 1] = unexplained
            touch(track, now, unexplained)
    return Attribution(own, touched)


def _before(alive: dict[int, int], hunks: Sequence[Hunk]) -> dict[int, int]:
    """``alive`` (new side's line -> line now) in the old side's numbers: lines below a hunk move by
    what it removed less what it added. ``hunks`` in order; the lines they added are gone already."""
    out: dict[int, int] = {}
    shift, i = 0, 0
    for line in sorted(alive):
        while i < len(hunks) and hunks[i].new_end < line:
            shift += hunks[i].new_count - hunks[i].old_count
            i += 1
        out[line - shift] = alive[line]
    return out


@dataclass
class History:
    """The last change of the lines of the pages: what templates and feeds date."""

    times: list[dt.datetime | None] = field(default_factory=list)  # per walked commit, newest first
    lines: dict[str, list[int]] = field(default_factory=dict)  # path from the top -> per line, index in times
    top: Path | None = None  # the work tree's top folder; None: no history (nothing is dated)
    note: str = ""  # why dates are missing or partial, for the build log

    @classmethod
    def of(cls, commits: Sequence[Commit], lengths: Mapping[str, int], top: Path, note: str = "") -> History:
        return cls([c.time for c in commits], attribute(commits, lengths).touched, top, note)

    def latest(self, path: Path, start: int = 1, end: int | None = None) -> dt.datetime | None:
        """When lines ``start`` to ``end`` (exclusive; 1-based) of the file at ``path`` last changed: the
        newest commit that touched one of them. None when the history cannot say."""
        if self.top is None:
            return None
        try:
            key = path.resolve().relative_to(self.top).as_posix()
        except ValueError:
            return None
        lines = self.lines.get(key)
        if not lines:
            return None
        chosen = [i for i in lines[max(start, 1) - 1 : (end - 1 if end is not None else None)] if i >= 0]
        return self.times[min(chosen)] if chosen else None


def line_count(text: str) -> int:
    """Lines as git counts them: a last line without a newline counts too."""
    return text.count("\n") + (1 if text and not text.endswith("\n") else 0)


class GitError(Exception):
    pass


def _git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C", "GIT_PAGER": "cat"}
    try:
        proc = subprocess.run(
            ["git", *GIT_CONFIG, *args],
            cwd=cwd,
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            env=env,
            timeout=TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitError(f"git could not run ({exc})") from None
    if proc.returncode != 0:
        raise GitError(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else f"git {args[0]} failed")
    return proc.stdout


def read(docs: Path, *, now: dt.datetime) -> History:
    """The history of the Markdown pages under ``docs``; uncommitted changes are dated ``now``.

    Three git commands, whatever the number of pages. Without git or outside a work
    tree the history is empty (``note`` says why) and nothing gets a date.
    """
    docs = docs.resolve()
    try:
        top_line, shallow_line, shallow_file = _git(
            docs, "rev-parse", "--show-toplevel", "--is-shallow-repository", "--git-path", "shallow"
        ).splitlines()[:3]
        top = Path(top_line).resolve()
        where = docs.relative_to(top).as_posix()
        pathspec = "*.md" if where == "." else f"{where}/*.md"
        log = _git(top, "log", "-p", "--first-parent", "--root", *DIFF_OPTIONS, LOG_FORMAT, "--", pathspec)
        work = _git(top, "diff", "HEAD", *DIFF_OPTIONS, "--", pathspec)
    except GitError as exc:
        return History(note=f"{display_path(docs)}: no dates of change on the pages: {exc}")
    except ValueError:
        return History(note=f"{display_path(docs)}: no dates of change on the pages: not inside the git work tree")
    shallow: list[str] = []
    note = ""
    if shallow_line.strip() == "true":
        marks = Path(shallow_file) if Path(shallow_file).is_absolute() else docs / shallow_file
        shallow = marks.read_text(encoding="utf-8").split() if marks.is_file() else []
        note = (
            f"{display_path(docs)}: a shallow clone: changes older than its history have no date"
            " (git fetch --unshallow for all of them)"
        )
    commits = [Commit("", now, (), tuple(parse_diff(work.split("\n")))), *parse_log(log, shallow)]
    lengths = {
        path.relative_to(top).as_posix(): line_count(path.read_text(encoding="utf-8", errors="replace"))
        for path in sorted(docs.rglob("*.md"))
        if path.is_file()
    }
    return History.of(commits, lengths, top, note)


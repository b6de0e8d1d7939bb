"""faqsite.history: git's output parsed, and each line of today's pages carried back to the commit that wrote it.

The fixtures are git's own output for a small repository (fixtures/README.md says
how it was made): ``git log -p -U0 --first-parent`` in full and in a shallow clone of
depth 2, and the work tree's ``git diff HEAD``. The commit marks (NUL bytes in git's
output) are written ``␀`` in the files.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from faqsite.history import Commit, FileChange, History, Hunk, attribute, line_count, parse_diff, parse_log, read

FIXTURES = Path(__file__).parent / "fixtures"
ADD, EDIT, RENAME, ADD_C = (
    "bdbd8a428c5d12d7b6e22ed94105371637936ad2",
    "1b40ca9a2803d382550069f7f0e540e2dc0a7459",
    "4933d5dc6b3e24f38e00c3f9c29ed81b9fa46d21",
    "ee80d51e62cbeb119cb1e9c0c4a6c05b3b4323fc",
)
NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)
# the work tree today: docs/b.md (renamed from docs/a.md), docs/c.md (its line 2 edited, not committed),
# docs/d.md (not tracked)
LENGTHS = {"docs/b.md": 10, "docs/c.md": 2, "docs/d.md": 1}


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8").replace("␀", "\x00")


def commits(log: str = "full.gitlog", shallow: tuple[str, ...] = ()) -> list[Commit]:
    work = Commit("", NOW, (), tuple(parse_diff(fixture("work-tree.gitdiff").split("\n"))))
    return [work, *parse_log(fixture(log), shallow)]


def test_log_parsed_into_commits_files_and_hunks() -> None:
    parsed = parse_log(fixture("full.gitlog"))
    assert [c.id for c in parsed] == [ADD_C, RENAME, EDIT, ADD]
    assert parsed[1].time == dt.datetime(2021, 3, 1, 12, 0, tzinfo=dt.timezone(-dt.timedelta(hours=5)))
    assert [c.parents for c in parsed] == [(RENAME,), (EDIT,), (ADD,), ()]
    assert parsed[0].files == (FileChange(None, "docs/c.md", (Hunk(0, 0, 1, 2),)),)
    assert parsed[1].files == (FileChange("docs/a.md", "docs/b.md", (Hunk(9, 1, 8, 0),)),)
    # the added line "++++ b/fake" is content, not the header of another file
    assert parsed[2].files == (FileChange("docs/a.md", "docs/a.md", (Hunk(5, 1, 5, 1), Hunk(10, 0, 11, 1))),)
    assert parsed[3].files == (FileChange(None, "docs/a.md", (Hunk(0, 0, 1, 10),)),)


@pytest.mark.parametrize(
    ("diff", "expected"),
    [
        pytest.param(
            "diff --git a/docs/x.md b/docs/y.md\nsimilarity index 100%\nrename from docs/x.md\nrename to docs/y.md\n",
            [FileChange("docs/x.md", "docs/y.md")],
            id="pure-rename",
        ),
        pytest.param(
            "diff --git a/d.md b/d.md\ndeleted file mode 100644\nindex 1..0\n--- a/d.md\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-a\n-b\n",
            [FileChange("d.md", None, (Hunk(1, 2, 0, 0),))],
            id="deleted-file",
        ),
        pytest.param(
            "diff --git a/x.md b/x.md\n--- a/x.md\n+++ b/x.md\n@@ -3 +3 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file\n"
            "diff --git a/z.md b/z.md\n--- a/z.md\n+++ b/z.md\n@@ -1 +1,2 @@\n-diff --git a/q b/q\n+--- a/q\n++++ b/q\n",
            [FileChange("x.md", "x.md", (Hunk(3, 1, 3, 1),)), FileChange("z.md", "z.md", (Hunk(1, 1, 1, 2),))],
            id="no-newline-and-content-that-looks-like-headers",
        ),
        pytest.param(
            'diff --git "a/docs/t\\tab.md" "b/docs/t\\tab.md"\n--- "a/docs/t\\tab.md"\n+++ "b/docs/t\\tab.md"\n@@ -1 +1 @@\n-a\n+b\n',
            [FileChange("docs/t\tab.md", "docs/t\tab.md", (Hunk(1, 1, 1, 1),))],
            id="quoted-path",
        ),
        pytest.param(
            "diff --git a/docs/季.md b/docs/季.md\nold mode 100644\nnew mode 100755\n",
            [FileChange("docs/季.md", "docs/季.md")],
            id="mode-only",
        ),
    ],
)
def test_diff_parsed(diff: str, expected: list[FileChange]) -> None:
    assert parse_diff(diff.split("\n")) == expected


def test_each_line_belongs_to_the_commit_that_wrote_it() -> None:
    walked = commits()
    found = attribute(walked, LENGTHS)
    ids = {path: [walked[i].id[:7] for i in lines] for path, lines in found.own.items()}
    #                   "# A" ""    "## Q1" ""  "ONE"  ""    "## Q2" ""  "three" "++++ b/fake"
    assert ids["docs/b.md"] == ["bdbd8a4"] * 4 + ["1b40ca9"] + ["bdbd8a4"] * 4 + ["1b40ca9"]
    assert ids["docs/c.md"] == ["ee80d51", ""]  # line 2: changed in the work tree
    assert ids["docs/d.md"] == [""]  # a file git does not track


def test_a_deletion_counts_for_the_line_above_it() -> None:
    """RENAME deleted "two" below line 8 of docs/b.md: Q2 (lines 7 to 10) last changed then, Q1 in EDIT."""
    walked = commits()
    touched = attribute(walked, LENGTHS).touched["docs/b.md"]
    assert [walked[i].id[:7] for i in touched][7] == "4933d5d"
    history = History.of(walked, LENGTHS, Path("/repo"))
    assert history.latest(Path("/repo/docs/b.md"), 7, 11) == walked[2].time  # RENAME
    assert history.latest(Path("/repo/docs/b.md"), 3, 7) == walked[3].time  # EDIT
    assert history.latest(Path("/repo/docs/b.md")) == walked[2].time
    assert history.latest(Path("/repo/docs/c.md"), 1, 2) == walked[1].time  # ADD_C
    assert history.latest(Path("/repo/docs/c.md")) == NOW  # uncommitted: the build's time
    assert history.latest(Path("/repo/docs/d.md")) == NOW
    assert history.latest(Path("/repo/docs/missing.md")) is None
    assert history.latest(Path("/elsewhere/docs/b.md")) is None


def test_a_shallow_clone_dates_only_what_its_history_shows() -> None:
    """Depth 2: RENAME is the boundary, and its diff adds all of docs/b.md: when those lines were
    written is not known. ADD_C, fetched with its parent, is."""
    walked = commits("shallow.gitlog", shallow=(RENAME,))
    assert [c.time is None for c in walked] == [False, False, True]
    history = History.of(walked, LENGTHS, Path("/repo"))
    assert history.latest(Path("/repo/docs/b.md")) is None
    assert history.latest(Path("/repo/docs/c.md"), 1, 2) == walked[1].time
    assert history.latest(Path("/repo/docs/c.md")) == NOW


def test_without_history_nothing_is_dated() -> None:
    assert History().latest(Path("/repo/docs/b.md")) is None


@pytest.mark.parametrize(("text", "lines"), [("", 0), ("a", 1), ("a\n", 1), ("a\nb", 2), ("\n\n", 2)])
def test_lines_counted_as_git_counts_them(text: str, lines: int) -> None:
    assert line_count(text) == lines


def git(repo: Path, *args: str, when: str = "2021-01-05T10:00:00+00:00") -> str:
    env = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_CONFIG_GLOBAL": "/dev/null", "HOME": str(repo)}
    return subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        env={**env, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_a_real_repository_agrees_with_git_blame(tmp_path: Path) -> None:
    """Branches merged, a file renamed on a branch, lines moved and deleted: every line of every page is
    attributed to the commit ``git blame --first-parent`` names, and pages outside docs/ are not read."""
    repo = tmp_path / "repo"
    (repo / "docs" / "zh").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    page = repo / "docs" / "zh" / "a.md"
    page.write_text("".join(f"line {i}\n" for i in range(1, 13)), encoding="utf-8")
    (repo / "README.md").write_text("not a page\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "one")
    git(repo, "checkout", "-qb", "topic")
    git(repo, "mv", "docs/zh/a.md", "docs/zh/b.md")
    text = (repo / "docs/zh/b.md").read_text(encoding="utf-8").replace("line 3\n", "").replace("line 7", "seven")
    (repo / "docs/zh/b.md").write_text(text, encoding="utf-8")
    git(repo, "commit", "-qam", "two", when="2021-02-01T10:00:00+00:00")
    git(repo, "checkout", "-q", "main")
    (repo / "docs/zh/c.md").write_text("c\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "three", when="2021-03-01T10:00:00+00:00")
    git(repo, "merge", "-q", "--no-ff", "-m", "merge", "topic", when="2021-04-01T10:00:00+00:00")
    text = (repo / "docs/zh/b.md").read_text(encoding="utf-8").replace("line 12\n", "line 12\nline 13\n")
    (repo / "docs/zh/b.md").write_text(text.replace("line 1\n", "line 1\nline 1.5\n"), encoding="utf-8")
    git(repo, "commit", "-qam", "five", when="2021-05-01T10:00:00+00:00")

    history = read(repo / "docs", now=NOW)
    assert history.note == ""
    for name in ("b.md", "c.md"):
        blame = git(repo, "blame", "--first-parent", "--porcelain", "--", f"docs/zh/{name}")
        commit_time = {
            sha: dt.datetime.fromisoformat(git(repo, "show", "-s", "--format=%cI", sha).strip())
            for sha in {line.split(" ")[0] for line in blame.splitlines() if len(line.split(" ")[0]) == 40}
        }
        lines = [line.split(" ") for line in blame.splitlines() if len(line.split(" ")[0]) == 40 and len(line.split(" ")) >= 3]
        expected = [commit_time[parts[0]] for parts in lines]
        dates = [history.latest(repo / "docs/zh" / name, n, n + 1) for n in range(1, len(expected) + 1)]
        # the line above a deletion is touched by it: compare the lines of b.md away from "line 3"
        assert [d for n, d in enumerate(dates, 1) if (name, n) != ("b.md", 3)] == [
            e for n, e in enumerate(expected, 1) if (name, n) != ("b.md", 3)
        ]
    # the merge dates the topic's changes ("seven", the deletion below "line 2"): when they landed on main
    assert history.latest(repo / "docs/zh/b.md", 7, 8) == dt.datetime(2021, 4, 1, 10, 0, tzinfo=dt.UTC)
    assert history.latest(repo / "docs/zh/b.md", 3, 4) == dt.datetime(2021, 4, 1, 10, 0, tzinfo=dt.UTC)
    assert history.latest(repo / "docs/zh/b.md") == dt.datetime(2021, 5, 1, 10, 0, tzinfo=dt.UTC)

    # a shallow clone of depth 1: the one commit stands for the whole history
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow))
    clone = read(shallow / "docs", now=NOW)
    assert "shallow clone" in clone.note
    assert clone.latest(shallow / "docs/zh/b.md") is None


def test_outside_a_work_tree_nothing_is_dated(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("a\n", encoding="utf-8")
    history = read(tmp_path / "docs", now=NOW)
    assert history.top is None and "no dates of change" in history.note
    assert history.latest(tmp_path / "docs" / "a.md") is None

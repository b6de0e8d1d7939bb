"""Killed at any moment of a write, the next command finds the old set of files or the new one, never a mix.

A child process writes (``faqsite.fileio.write_files``, or a whole
``faqsite import``) and kills itself with SIGKILL at its N-th file-system step
(each fsync, rename and removal, counted by wrapping ``os``), for every N from
the first step to the last. Then what every writing command does first,
``recover``, runs; the files must be exactly the old set or exactly the new set,
with no temporary file or journal left, and the switch from old to new happens
at one step only (when the journal is in place).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from faqsite.cli import run
from faqsite.fileio import JOURNAL, recover
from tests.conftest import ROOT

FIGURES = ROOT / "data" / "figures.yml"

# Runs the rest of its arguments as `faqsite` (or writes the spec's files) and kills itself at step KILL_AT.
CHILD = r"""
import json, os, signal, sys
kill_at, calls = int(os.environ["KILL_AT"]), 0

def counted(real):
    def step(*args, **kwargs):
        global calls
        calls += 1
        if calls == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    return step

for name in ("fsync", "replace", "unlink"):
    setattr(os, name, counted(getattr(os, name)))
if sys.argv[1] == "faqsite":
    from faqsite.cli import run
    code = run(sys.argv[2:])
else:
    from pathlib import Path
    from faqsite.fileio import write_files
    spec = json.loads(sys.argv[1])
    write_files({Path(p): t for p, t in spec["files"].items()}, [Path(r) for r in spec["roots"]], [Path(p) for p in spec["remove"]])
    code = 0
print(calls)
sys.exit(code)
"""


def child(kill_at: int, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KILL_AT": str(kill_at)}
    return subprocess.run([sys.executable, "-c", CHILD, *args], env=env, capture_output=True, text=True, cwd=ROOT, check=False)


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def lay_out(root: Path, content: dict[str, bytes]) -> None:
    shutil.rmtree(root, ignore_errors=True)
    for rel, data in content.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)


def test_a_write_killed_at_any_step_leaves_the_old_or_the_new_files(tmp_path: Path) -> None:
    root = tmp_path / "site"
    docs, data = root / "docs", root / "data"
    old = {"docs/zh/a.md": b"old a", "docs/zh/b.md": b"old b", "docs/zh/gone.md": b"old", "data/lock.yml": b"old lock"}
    new = {"docs/zh/a.md": b"new a", "docs/zh/b.md": b"old b", "docs/zh/c.md": b"new c", "data/lock.yml": b"new lock"}
    spec = json.dumps(
        {
            "files": {str(root / k): v.decode() for k, v in new.items() if old.get(k) != v},
            "roots": [str(docs), str(data)],
            "remove": [str(docs / "zh/gone.md")],
        }
    )
    lay_out(root, old)
    clean = child(0, spec)
    assert clean.returncode == 0, clean.stderr
    assert files(root) == new
    steps = int(clean.stdout)
    outcomes = []
    for kill_at in range(1, steps + 1):
        lay_out(root, old)
        killed = child(kill_at, spec)
        assert killed.returncode == -signal.SIGKILL, (kill_at, killed.stderr)
        recover((docs, data))
        now = files(root)
        assert now in (old, new), (kill_at, sorted(now))
        outcomes.append("new" if now == new else "old")
    assert outcomes == sorted(outcomes, key=["old", "new"].index), outcomes  # old, …, old, new, …, new
    assert "old" in outcomes and "new" in outcomes


SOURCE = "# t\n\n## 目录\n\n* [第 1 期](#1)(2021.01.05)\n* [第 2 期](#2)(2021.01.12)\n\n## 第 1 期\n\n### Q1.1: 甲？\n\n答。\n\n## 第 2 期\n\n### Q2.1: 乙？\n\n答。\n"
CHANGED = SOURCE.replace("## 第 2 期\n\n### Q2.1: 乙？\n\n答。\n", "").replace("* [第 2 期](#2)(2021.01.12)\n", "").replace("答。", "新的答案。")


def test_an_import_killed_midway_is_completed_by_the_next_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def args(where: Path) -> list[str]:
        return ["import", str(where / "src.md"), "--collection", "2030-s1", "--docs", str(where / "docs"), "--data", str(where / "data"), "--figures", str(FIGURES)]

    expected = tmp_path / "expected"  # the same two imports, not interrupted
    killed = tmp_path / "killed"
    for where in (expected, killed):
        where.mkdir()
        (where / "src.md").write_text(SOURCE, encoding="utf-8")
        assert run(args(where)) == 0
        (where / "src.md").write_text(CHANGED, encoding="utf-8")
    before = files(killed)
    assert run(args(expected)) == 0
    # the second import writes issue-1.md and the lock, and removes issue-2.md: steps 1-2 flush them,
    # 3 flushes the journal, 4 puts it in place, 5 flushes its folder; killed there, nothing is renamed yet
    result = child(5, "faqsite", *args(killed))
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert (killed / "docs" / JOURNAL).exists() and files(killed)["docs/zh/faq/2030-s1/issue-2.md"] == before["docs/zh/faq/2030-s1/issue-2.md"]
    capsys.readouterr()
    assert run(args(killed)) == 0
    assert "docs/zh/faq/2030-s1/issue-1.md: completed (an earlier write was interrupted)" in capsys.readouterr().err
    same = {k: v.replace(str(expected).encode(), str(killed).encode()) for k, v in files(expected).items()}
    assert files(killed) == same  # the lock names its source: the same but for the folder

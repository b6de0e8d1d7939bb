"""Shared fixtures: the site is built once per test session into a temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    log: str  # everything mkdocs printed

    def html_files(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))


def build_site(dest: Path, config: Path = ROOT / "mkdocs.yml", cwd: Path = ROOT) -> BuiltSite:
    """``mkdocs build --strict`` into ``dest``; fails the test session on any error."""
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config), "-d", str(dest)],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        check=False,
    )
    log = proc.stdout + proc.stderr
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build failed ({proc.returncode}):\n{log}")
    return BuiltSite(dest, log)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_site(tmp_path_factory.mktemp("site") / "site")

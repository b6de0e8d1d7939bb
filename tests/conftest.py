"""Shared fixtures: the site is built once per test session into a temporary folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from faqsite.devserver import serve

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    log: str  # everything mkdocs printed

    def html_files(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))


def run_build(dest: Path, config: Path = ROOT / "mkdocs.yml", cwd: Path = ROOT, strict: bool = True) -> tuple[int, str]:
    """``mkdocs build --strict`` (or, as the preview builds, ``--no-strict``) into ``dest``: exit status and output."""
    mode = "--strict" if strict else "--no-strict"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", mode, "--clean", "-f", str(config), "-d", str(dest)],
        cwd=cwd,
        capture_output=True,
        text=True,
        # without NO_MKDOCS_2_WARNING: the package keeps Material's banner out by itself
        env={**{k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}, "PYTHONUNBUFFERED": "1"},
        check=False,
    )
    return proc.returncode, proc.stdout + proc.stderr


def build_site(dest: Path, config: Path = ROOT / "mkdocs.yml", cwd: Path = ROOT) -> BuiltSite:
    """``mkdocs build --strict`` into ``dest``; fails the test on any error."""
    code, log = run_build(dest, config, cwd)
    if code != 0:
        pytest.fail(f"mkdocs build failed ({code}):\n{log}")
    return BuiltSite(dest, log)


def project_copy(tmp: Path) -> Path:
    """A copy of the site sources (config, docs, overrides) to edit in a test."""
    tmp.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "overrides", "data", "src"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, tmp / name)
    return tmp


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_site(tmp_path_factory.mktemp("site") / "site")


@pytest.fixture(scope="session")
def base_url(site: BuiltSite) -> Iterator[str]:
    """The built site on 127.0.0.1, served as a static host would (gzip, 404 pages)."""
    with serve(site.root) as base:
        yield base

"""Shared fixtures: the site is built once for all test processes (see `shared_site`) and served on 127.0.0.1."""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
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


SITE_INPUTS = ("mkdocs.yml", "docs", "overrides", "data", "src")


def inputs_key() -> str:
    """A digest of everything the build reads: the site's files and the installed packages."""
    digest = hashlib.sha256()
    for name in SITE_INPUTS:
        top = ROOT / name
        files = sorted(p for p in top.rglob("*") if p.is_file() and "__pycache__" not in p.parts) if top.is_dir() else [top]
        for path in files:
            digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    for dist in sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions()):
        digest.update(dist.encode() + b"\n")
    # the pages' dates of change come from the history (faqsite.history): a commit builds again
    history = subprocess.run(["git", "log", "-1", "--format=%H", "--", "docs"], cwd=ROOT, capture_output=True, check=False)
    digest.update(history.stdout)
    return digest.hexdigest()[:16]


def shared_site() -> BuiltSite:
    """The committed site, built once for every test process of every run until an input changes.

    pytest-xdist workers and the two phases of `make test` (fast, then browser)
    would each build the same site; the first one builds under a lock, the
    others read that build. The key covers every input (`inputs_key`), so an
    edit anywhere in docs/, overrides/, data/, src/ or the environment builds
    again (and drops the older build of this tree). A build that fails is not kept.
    """
    cache = ROOT / ".pytest_cache" / "faqsite-site"  # per working tree (git-ignored)
    cache.mkdir(parents=True, exist_ok=True)
    key = inputs_key()
    done = cache / key / "build.log"
    with (cache / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            for old in cache.iterdir():
                if old.is_dir():
                    shutil.rmtree(old, ignore_errors=True)
            built = build_site(cache / key / "site")
            done.write_text(built.log, encoding="utf-8")
    return BuiltSite(cache / key / "site", done.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def site() -> BuiltSite:
    return shared_site()


@pytest.fixture(scope="session")
def base_url(site: BuiltSite) -> Iterator[str]:
    """The built site on 127.0.0.1, served as a static host would (gzip, 404 pages)."""
    with serve(site.root) as base:
        yield base


# Tests that take tens of seconds alone, started first so that pytest-xdist's
# other worker runs the short ones meanwhile instead of waiting at the end.
LONG = ("test_every_task_of_contributing_ends_green", "test_linkchecker_finds_no_broken_link_anchor_or_image")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: item.name.split("[")[0] not in LONG)

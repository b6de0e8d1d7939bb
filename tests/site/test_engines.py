"""The site builds the same with both engines it supports: MkDocs 1.6 and ProperDocs 1.6 (README: "Engines").

ProperDocs, the continuation of MkDocs 1.x, builds the same mkdocs.yml with the same
plugins and theme. Its build must hold the same files as the MkDocs build of the
session (`site`), byte for byte, except the generator tag of the HTML pages, which
names the engine that built them.
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from tests.conftest import ROOT, BuiltSite

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
ANY_ENGINE = b'<meta name="generator" content="">'


def build_day(root: Path) -> str:
    """When MkDocs built ``root``, as SOURCE_DATE_EPOCH: the mtime of its sitemap.xml.gz (midnight UTC of the build day).

    Both engines date the sitemap (``<lastmod>`` and the gzip header) with the
    day of the build; the session's build may come from an earlier day (it is
    kept until an input changes), so the ProperDocs build is given that day.
    """
    header = (root / "sitemap.xml.gz").read_bytes()[:10]
    assert header[:2] == b"\x1f\x8b", "sitemap.xml.gz is not gzip"
    return str(int.from_bytes(header[4:8], "little"))


def properdocs_build(dest: Path, day: str) -> tuple[int, str]:
    """``properdocs build --strict`` into ``dest``, with the environment of `run_build`: exit status and output."""
    command = ["build", "--strict", "--clean", "-f", str(ROOT / "mkdocs.yml"), "-d", str(dest)]
    proc = subprocess.run(
        [sys.executable, "-m", "properdocs", *command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={
            **{k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"},
            "PYTHONUNBUFFERED": "1",
            "SOURCE_DATE_EPOCH": day,
        },
        check=False,
    )
    return proc.returncode, proc.stdout + proc.stderr


def files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def generator_tags(root: Path) -> dict[str, list[str]]:
    """The generator tags of every HTML page that has one (redirect pages have none)."""
    tags: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*.html")):
        found = [tag.decode() for tag in GENERATOR.findall(path.read_bytes())]
        if found:
            tags[path.relative_to(root).as_posix()] = found
    return tags


def comparable(path: Path) -> bytes:
    """The file's bytes, with the content of the generator tag removed from HTML (nothing else is touched)."""
    data = path.read_bytes()
    return GENERATOR.sub(ANY_ENGINE, data) if path.suffix == ".html" else data


def first_difference(ours: bytes, theirs: bytes) -> str:
    """Where two different contents first differ, by line: ``line N: MkDocs '…' / ProperDocs '…'``."""
    mkdocs_lines, properdocs_lines = ours.splitlines(), theirs.splitlines()
    for number, (a, b) in enumerate(zip(mkdocs_lines, properdocs_lines, strict=False), start=1):
        if a != b:
            text_a, text_b = (line.decode("utf-8", "backslashreplace")[:200] for line in (a, b))
            return f"line {number}: MkDocs {text_a!r} / ProperDocs {text_b!r}"
    shorter = min(len(mkdocs_lines), len(properdocs_lines))
    if len(mkdocs_lines) != len(properdocs_lines):
        return f"line {shorter + 1}: MkDocs has {len(mkdocs_lines)} lines, ProperDocs {len(properdocs_lines)}"
    return "same lines, different line endings or final newline"


def differences(mkdocs_root: Path, properdocs_root: Path) -> list[str]:
    """One line per file that is not the same in both builds."""
    ours, theirs = files(mkdocs_root), files(properdocs_root)
    found = [f"{rel}: only in the MkDocs build" for rel in sorted(ours - theirs)]
    found += [f"{rel}: only in the ProperDocs build" for rel in sorted(theirs - ours)]
    for rel in sorted(ours & theirs):
        a, b = comparable(mkdocs_root / rel), comparable(properdocs_root / rel)
        if a == b:
            continue
        if rel.endswith(".gz"):
            plain_a, plain_b = gzip.decompress(a), gzip.decompress(b)
            where = first_difference(plain_a, plain_b) if plain_a != plain_b else "same content, gzip headers differ"
            found.append(f"{rel} (decompressed): {where}")
        else:
            found.append(f"{rel}: {first_difference(a, b)}")
    return found


def not_naming(tags: dict[str, list[str]], engine: str) -> list[str]:
    """The pages whose generator tag is not exactly one tag naming ``engine``."""
    return [f"{rel}: {found}" for rel, found in tags.items() if len(found) != 1 or engine not in found[0]]


def test_properdocs_builds_the_same_site_as_mkdocs(site: BuiltSite, tmp_path: Path) -> None:
    dest = tmp_path / "site"
    code, log = properdocs_build(dest, build_day(site.root))
    assert code == 0, f"properdocs build failed ({code}):\n{log}"
    assert log.count("Documentation built in") == 1, f"one build, one line (as under MkDocs):\n{log}"

    # Each build names its own engine, so that this never compares MkDocs with MkDocs.
    mkdocs_tags, properdocs_tags = generator_tags(site.root), generator_tags(dest)
    assert mkdocs_tags, "no generator tag in the MkDocs build"
    assert set(properdocs_tags) == set(mkdocs_tags), "not the same pages carry a generator tag"
    for name, tags, engine in (
        ("MkDocs", mkdocs_tags, f'content="mkdocs-{metadata.version("mkdocs")}, '),
        ("ProperDocs", properdocs_tags, f'content="mkdocs-ProperDocs {metadata.version("properdocs")}, '),
    ):
        wrong = not_naming(tags, engine)
        assert not wrong, f"{name} build: generator tags without {engine!r}:\n" + "\n".join(wrong[:10])

    found = differences(site.root, dest)
    message = f"the ProperDocs build differs from the MkDocs build in {len(found)} file(s):\n" + "\n".join(found)
    assert not found, message

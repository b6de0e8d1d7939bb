"""pages.PageCache: each page file is parsed again only when it changed."""

from __future__ import annotations

import os
from pathlib import Path

from faqsite.mkdocs_plugin.pages import PageCache

PAGE = "---\ntitle: One\n---\n\n# One {#one}\n\n## Q1.1: First? {#q1-1}\n\nAnswer.\n"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_unchanged_file_is_parsed_once(tmp_path: Path) -> None:
    path = write(tmp_path / "p.md", PAGE)
    cache = PageCache()
    first = cache.read(path)
    assert cache.reads == 1
    assert cache.read(path) is first
    assert cache.read(tmp_path / "sub" / ".." / "p.md") is first  # the same file by another path
    assert cache.reads == 1
    assert (first.meta, [q.label for q in first.questions]) == ({"title": "One"}, ["Q1.1"])


def test_changed_file_is_parsed_again(tmp_path: Path) -> None:
    path = write(tmp_path / "p.md", PAGE)
    cache = PageCache()
    cache.read(path)
    write(path, PAGE + "\n## Q1.2: Second? {#q1-2}\n\nAnother answer.\n")
    page = cache.read(path)
    assert cache.reads == 2
    assert [q.label for q in page.questions] == ["Q1.1", "Q1.2"]
    assert cache.read(path) is page
    assert cache.reads == 2


def test_change_of_the_same_size_is_seen_by_its_time(tmp_path: Path) -> None:
    path = write(tmp_path / "p.md", PAGE)
    cache = PageCache()
    cache.read(path)
    stat = path.stat()
    write(path, PAGE.replace("One", "Two"))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert path.stat().st_size == stat.st_size
    assert cache.read(path).meta == {"title": "Two"}
    assert cache.reads == 2


def test_each_file_is_parsed_once(tmp_path: Path) -> None:
    a, b = write(tmp_path / "a.md", PAGE), write(tmp_path / "b.md", PAGE.replace("One", "Bee"))
    cache = PageCache()
    for _ in range(3):
        assert cache.read(a).meta == {"title": "One"}
        assert cache.read(b).meta == {"title": "Bee"}
    assert cache.reads == 2
    assert PageCache().reads == 0  # a new cache starts afresh

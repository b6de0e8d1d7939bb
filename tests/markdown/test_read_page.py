"""Reading a page of docs/ ends quickly whatever the file is: links and devices refused, size bounded,
line ends as MkDocs reads them."""

from __future__ import annotations

from pathlib import Path

import pytest

from faqsite.errors import SourceError
from faqsite.markdown.model import MAX_PAGE_BYTES, read_page


def test_a_link_to_an_endless_device_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "zero.md"
    page.symlink_to("/dev/zero")
    with pytest.raises(SourceError, match="not a regular file"):
        read_page(page)


def test_a_page_too_large_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "big.md"
    page.write_bytes(b"a" * (MAX_PAGE_BYTES + 1))
    with pytest.raises(SourceError, match="page larger than"):
        read_page(page)


@pytest.mark.parametrize("end", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_line_ends_read_as_lf(tmp_path: Path, end: str) -> None:
    page = tmp_path / "page.md"
    page.write_bytes(f"---{end}title: T{end}---{end}{end}## Q1.1: A? {{#q1-1}}{end}{end}Body.{end}".encode())
    parsed = read_page(page)
    assert parsed.meta["title"] == "T" and [q.id for q in parsed.questions] == ["q1-1"]
    assert "\r" not in parsed.text

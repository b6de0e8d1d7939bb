"""The Pagefind bundle of the site's questions, as files to write under the site.

One Pagefind index per language (``<html lang>`` of each record's document);
pagefind.js loads the one of the page it runs in. The records' own URLs,
labels, titles and places go into each result's metadata, and the text the
browser shows comes from there: the indexed content is the bigram form of
:mod:`faqsite.search.terms`, not for reading.
"""

from __future__ import annotations

import asyncio
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from markupsafe import escape

from faqsite.search.records import Record
from faqsite.search.terms import index_text

OUTPUT = "pagefind"
# what the browser needs: the search script, its worker and WebAssembly, the indexes; not Pagefind's
# own user interfaces (our search box is Material's) nor its highlighting script (ours is search.js)
UNUSED = ("pagefind-ui", "pagefind-modular-ui", "pagefind-component-ui", "pagefind-highlight")


def document(record: Record) -> str:
    """The HTML Pagefind indexes for a record: title (weighted as a heading), then the answer."""
    meta = {
        "label": record.label,
        "title": record.title,
        "where": record.where,
        "href": record.url,
        "text": record.text,
    }
    spans = "".join(f'<span data-pagefind-meta="{k}:{escape(v)}"></span>' for k, v in meta.items() if v)
    title = escape(index_text(f"{record.label} {record.title}"))
    body = escape(index_text(record.text))
    return (
        f'<!doctype html><html lang="{escape(record.lang)}"><body data-pagefind-body>'
        f"<h1>{title}</h1><p>{body}</p>{spans}</body></html>"
    )


@contextmanager
def _plain_binary() -> Iterator[None]:
    """Index with Pagefind's plain binary even where the extended one is installed: our bigrams
    already segment Chinese, and the two binaries must not index differently per machine."""
    try:
        from pagefind_bin import get_executable  # type: ignore[import-untyped]
    except ImportError:
        yield
        return
    before = os.environ.get("PAGEFIND_BINARY_PATH")
    os.environ["PAGEFIND_BINARY_PATH"] = str(get_executable())
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("PAGEFIND_BINARY_PATH", None)
        else:
            os.environ["PAGEFIND_BINARY_PATH"] = before


async def _write(records: list[Record], folder: Path) -> None:
    from pagefind.index import PagefindIndex

    # one document per record, indexed as a folder in one request (the service's client reads one
    # reply per 0.1 s: a request per record would take minutes at a hundred times the series)
    pages = folder / "records"
    for n, record in enumerate(records):
        path = pages / f"{n}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(document(record), encoding="utf-8")
    async with PagefindIndex(config={"output_path": str(folder / OUTPUT)}) as index:  # written on leaving
        await index.add_directory(str(pages))


def bundle(records: Iterable[Record]) -> dict[str, bytes]:
    """Site-relative path -> content of every file of the search bundle."""
    with tempfile.TemporaryDirectory(prefix="faqsite-search-") as tmp, _plain_binary():
        asyncio.run(_write(list(records), Path(tmp)))
        folder = Path(tmp) / OUTPUT
        files = {
            f"{OUTPUT}/{path.relative_to(folder).as_posix()}": path.read_bytes()
            for path in sorted(folder.rglob("*"))
            if path.is_file() and not path.name.startswith(UNUSED)
        }
    entry = f"{OUTPUT}/pagefind-entry.json"
    if entry in files:  # its languages in a stable order: the same records, the same bytes
        files[entry] = json.dumps(json.loads(files[entry]), sort_keys=True, separators=(",", ":")).encode("utf-8")
    return files

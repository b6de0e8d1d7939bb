"""The Pagefind bundle of the site's questions, as files to write under the site.

One Pagefind index per language (``<html lang>`` of each record's document);
pagefind.js loads the one of the page it runs in. The records' own URLs,
labels, titles and places go into each result's metadata, and the text the
browser shows comes from there: the indexed content is the bigram form of
:mod:`faqsite.search.terms`, not for reading.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
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


class BundleError(RuntimeError):
    """Pagefind could not be run or failed."""


def executable() -> str:
    """Pagefind's plain binary, as the wheel pagefind-bin ships it (the extended one, which segments
    Chinese itself, is not wanted: our bigrams already segment it, and the two must not index
    differently per machine)."""
    try:
        from pagefind_bin import get_executable  # type: ignore[import-untyped]
    except ImportError:
        found = shutil.which("pagefind")
        if found is None:
            raise BundleError("Pagefind is not installed (expected the pagefind[bin] package)") from None
        return found
    return str(get_executable())


def _write(records: list[Record], folder: Path) -> Path:
    """One document per record, indexed by Pagefind's command in one run; the bundle's folder.

    The command, not Pagefind's Python service: the service's client reads one reply per 0.1 s, and
    the command has written every file when it exits."""
    pages = folder / "records"
    for n, record in enumerate(records):
        path = pages / f"{n}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(document(record), encoding="utf-8")
    out = folder / OUTPUT
    run = subprocess.run(
        [executable(), "--site", str(pages), "--output-path", str(out), "--silent"],
        capture_output=True,
        text=True,
        check=False,
    )
    if run.returncode != 0:
        raise BundleError(f"Pagefind failed ({run.returncode}): {(run.stderr or run.stdout).strip()}")
    return out


def bundle(records: Iterable[Record]) -> dict[str, bytes]:
    """Site-relative path -> content of every file of the search bundle."""
    with tempfile.TemporaryDirectory(prefix="faqsite-search-") as tmp:
        folder = _write(list(records), Path(tmp))
        files = {
            f"{OUTPUT}/{path.relative_to(folder).as_posix()}": path.read_bytes()
            for path in sorted(folder.rglob("*"))
            if path.is_file() and not path.name.startswith(UNUSED)
        }
    entry = f"{OUTPUT}/pagefind-entry.json"
    if entry in files:  # its languages in a stable order: the same records, the same bytes
        files[entry] = json.dumps(json.loads(files[entry]), sort_keys=True, separators=(",", ":")).encode("utf-8")
    return files

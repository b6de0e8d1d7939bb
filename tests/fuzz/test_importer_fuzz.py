"""The importer on any input: a SourceError with one-line problems, or pages; never a traceback or a hang.

Each example runs the whole planning of an import (read, parse, normalize,
render, merge, lock) on a source file written with the generated text, within
the profile's deadline. Pages it plans are written and the import planned
again, so that the merge reads our own output through the page model.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import example, given

from faqsite.errors import SourceError
from faqsite.fileio import write_files
from faqsite.importer.pipeline import ImportOptions, plan_import
from tests.conftest import ROOT
from tests.fuzz.strategies import any_text, faq_text

FIGURES = ROOT / "data" / "figures.yml"
ONE_LINE = re.compile(r"^\S.*:\d+: [^\n]+$")


def plan(folder: Path, source: Path) -> None:
    """Plan the import of ``source`` into ``folder``; write what it plans and plan once more."""
    options = ImportOptions(collection="2030-s1", source=source, docs=folder / "docs", data=folder / "data", figures=FIGURES)
    try:
        result = plan_import(options)
    except SourceError as exc:
        assert exc.problems and all(ONE_LINE.match(str(p)) for p in exc.problems), exc.problems
        return
    assert all(ONE_LINE.match(str(p)) for p in result.warnings), result.warnings
    write_files(result.files, (options.docs, options.data))
    try:
        plan_import(options)
    except SourceError as exc:  # a conflict is possible: a page can read back otherwise than it was written
        assert all(ONE_LINE.match(str(p)) for p in exc.problems), exc.problems


def import_bytes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp, "src.md")
        source.write_bytes(data)
        plan(Path(tmp), source)


@given(faq_text)
@example("# t\r\r## 第 1 期\r\r### Q1.1: 甲？\r\r答案。\r")  # CR line ends (every answer was empty)
@example("# t\n\n## 第 1 期\n\n### Q1.1: 甲？\n\n" + "[" * 3_000 + "\n")  # a traceback
@example("# t\n\n## 第 1 期\n\n### Q1.1: 甲？\n\n" + "*" * 9_000 + "\n")  # a segfault at 150,000
def test_faq_shaped_text_imports_or_is_refused_in_one_line_each(text: str) -> None:
    import_bytes(text.encode("utf-8"))


@given(any_text)
def test_any_text_imports_or_is_refused_in_one_line_each(text: str) -> None:
    import_bytes(text.encode("utf-8", "surrogatepass"))

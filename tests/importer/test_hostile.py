"""Input that cannot hurt: what an attacker's report found, each now a one-line error or a quick import.

Sizes, line ends, digits that are not [0-9], arguments that name the wrong
thing, data files that are not what they claim, front matter that is not YAML:
every command answers ``path:line: what is wrong (expected …)`` and a non-zero
status, never a traceback, a crash or a hang.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from faqsite.cli import run
from faqsite.importer.parse import MAX_LINE_CHARS, MAX_SOURCE_BYTES
from tests.conftest import ROOT

FIGURES = ROOT / "data" / "figures.yml"
HEAD = "# t\n\n## 第 1 期\n\n### Q1.1: 甲？\n\n"
ONE_LINE = re.compile(r"^\S+:\d+: \S")


def import_args(source: Path | str, tmp: Path, *more: str) -> list[str]:
    return ["import", str(source), "--collection", "2030-s1", "--docs", str(tmp / "docs"), "--data", str(tmp / "data"), *more]


def errors(capsys: pytest.CaptureFixture[str]) -> list[str]:
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if not line.startswith("import ")]
    assert "Traceback" not in err and all(ONE_LINE.match(line) for line in lines), err
    return lines


# --- sizes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "error"),
    [
        pytest.param(HEAD + "*" * 150_000 + "\n", r"src\.md:7: line of 150,000 characters \(expected at most 10,000", id="150-KB-of-stars"),
        pytest.param(HEAD + "[" * 20_000 + "\n", r"src\.md:7: line of 20,000 characters", id="20-KB-of-brackets"),
        pytest.param(
            "a\r\n" * 5 + ("x" * 1000 + "\n") * (MAX_SOURCE_BYTES // 1000),
            r"src\.md:\d+: file larger than 512 KiB \(expected an upstream FAQ file",
            id="half-a-MiB",
        ),
    ],
)
def test_limits_are_one_line_naming_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, error: str
) -> None:
    source = tmp_path / "src.md"
    source.write_text(content, encoding="utf-8")
    assert run(import_args(source, tmp_path, "--figures", str(FIGURES))) == 1
    (line,) = errors(capsys)
    assert re.search(error, line), line
    assert MAX_LINE_CHARS >= 10 * 690 and MAX_SOURCE_BYTES >= 10 * 41_405  # far above upstream's longest line and file


def test_an_endless_file_is_refused_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    start = time.process_time()
    assert run(import_args("/dev/zero", tmp_path, "--figures", str(FIGURES))) == 1
    assert time.process_time() - start < 5
    assert errors(capsys) == ["/dev/zero:1: file larger than 512 KiB (expected an upstream FAQ file; the largest is 41 KB)"]


# Lines within the limits that made the importer crash, raise or take minutes (before: the time of 20 KB on one line).
HOSTILE = {
    "brackets": "[" * 9_000,  # 20 KB: 8.7 s, then a traceback
    "stars": "*" * 9_000,  # 150 KB: a segmentation fault
    "empty-links": "[](" * 3_000,  # 24 KB: 17 s in the spacing library alone
    "links": "[a](" * 2_250,
    "code-spans": "``a`" * 2_250,
    "comments": "<!--" * 2_250,
    "images": "![" * 2_000,  # the one answer parsed inline as well (images): 23 µs a character
    "han-links": "中[a](" * 1_800,
    "spaces": "中" + " " * 9_000 + "a",
}


@pytest.mark.parametrize("line", list(HOSTILE.values()), ids=list(HOSTILE))
def test_a_hostile_answer_is_imported_in_bounded_time(tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str) -> None:
    source = tmp_path / "src.md"
    source.write_text(HEAD + (line + "\n") * 3, encoding="utf-8")
    start = time.process_time()
    code = run(import_args(source, tmp_path, "--figures", str(FIGURES)))
    assert time.process_time() - start < 8
    assert code in (0, 1)
    errors(capsys)


# --- line ends --------------------------------------------------------------------

SOURCE = "# t\n\n## 目录\n\n* [第 1 期](#1)(2021.01.05)\n\n## 第 1 期\n\n### Q1.1: 甲？\n\n答案一。\n\n```\ncode\n```\n\n### Q1.2: 乙？\n\n答案二。\n"


@pytest.mark.parametrize(
    "ends",
    [lambda s: s.replace("\n", "\r\n"), lambda s: s.replace("\n", "\r"), lambda s: s.replace("\n\n", "\r\n\r").replace("\n", "\r\n")],
    ids=["crlf", "cr", "mixed"],
)
def test_every_line_end_imports_as_lf(tmp_path: Path, ends: Callable[[str], str]) -> None:
    pages = {}
    for name, text in (("lf", SOURCE), ("other", ends(SOURCE))):
        source = tmp_path / f"{name}.md"
        source.write_bytes(text.encode("utf-8"))
        out = tmp_path / name
        assert run(["import", str(source), "--collection", "2030-s1", "--docs", str(out / "docs"), "--data", str(out / "data"), "--figures", str(FIGURES)]) == 0
        pages[name] = {p.name: p.read_text(encoding="utf-8") for p in (out / "docs/zh/faq/2030-s1").glob("*.md")}
    assert pages["other"] == pages["lf"]
    assert "答案一。" in pages["lf"]["issue-1.md"] and "答案二。" in pages["lf"]["issue-1.md"]


# --- digits and ids ---------------------------------------------------------------


@pytest.mark.parametrize("collection", ["2021-s9\n", "２０２１-s1", "٢٠٢١-s1", "2021-s١"])
def test_season_ids_take_ascii_digits_and_nothing_after(tmp_path: Path, capsys: pytest.CaptureFixture[str], collection: str) -> None:
    source = tmp_path / "src.md"
    source.write_text(SOURCE, encoding="utf-8")
    args = ["import", str(source), "--season", collection, "--docs", str(tmp_path / "docs"), "--data", str(tmp_path / "data")]
    assert run(args) == 1
    assert "collection id" in capsys.readouterr().err and not (tmp_path / "docs").exists()


def test_headings_with_other_digits_are_not_issues_or_questions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "src.md"
    source.write_text("# t\n\n## 第 ٣ 期\n\n### Q٣.١: 甲？\n\n答。\n", encoding="utf-8")
    assert run(import_args(source, tmp_path, "--figures", str(FIGURES))) == 1
    lines = "\n".join(errors(capsys))
    assert "src.md:3: warning: section '第 ٣ 期' is neither an issue nor a part" in lines
    assert "src.md:5: malformed question heading 'Q٣.١: 甲？' (expected 'Qn.m: title')" in lines


# --- arguments and data files -----------------------------------------------------


@pytest.mark.parametrize("command", ["import", "check", "parity", "freshness", "stamp"])
@pytest.mark.parametrize("what", ["a-file", "missing"])
def test_docs_that_is_not_a_folder_is_an_argument_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, what: str
) -> None:
    docs = tmp_path / "docs"
    if what == "a-file":
        docs.write_text("x", encoding="utf-8")
    first = {"import": ["x.md", "--collection", "2030-s1"], "stamp": ["docs/en/x.md"]}.get(command, [])
    if command == "import" and what == "missing":
        return  # a first import creates its docs folder
    with pytest.raises(SystemExit) as exit_:
        run([command, *first, "--docs", str(docs)])
    assert exit_.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1].startswith("faqsite: error: --docs ")


def test_a_folder_that_cannot_be_written_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied", str(kwargs.get("dir")))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)  # as a read-only folder does (root may write anywhere)
    source = tmp_path / "src.md"
    source.write_text(SOURCE, encoding="utf-8")
    assert run(import_args(source, tmp_path, "--figures", str(FIGURES))) == 1
    (line,) = [line for line in errors(capsys) if "warning" not in line]
    assert re.search(r"/docs/zh/faq/2030-s1:0: cannot write: Permission denied \(expected a writable folder\)$", line), line
    assert not list((tmp_path / "docs").rglob("*.md"))


REGISTRIES = {
    "no-file": ("- upstream: X.png\n  width: 3\n  alt: {zh: 甲, en: a}\n  caption: {zh: 甲, en: a}\n", "reg.yml:1: figure entry has no 'file'"),
    "python-tag": ("- !!python/object:os.system {}\n", "reg.yml:1: registry entry cannot be read: could not determine a constructor"),
    "bad-date": ("- {upstream: a.png, tex: !!timestamp 2021-13-45}\n", "reg.yml:1: registry entry cannot be read: month must be in 1..12"),
    "upstream-not-text": ("- {upstream: [1], file: x.svg, width: 3, alt: {zh: a, en: b}, caption: {zh: a, en: b}}\n", "reg.yml:1: figure entry: 'upstream' is not text"),
    "alt-not-text": ("- {upstream: a.png, file: x.svg, width: 3, alt: {zh: [1], en: b}, caption: {zh: a, en: b}}\n", "reg.yml:1: figure a.png: 'alt' needs text"),
    "deep": ("a: " + "[" * 3_000 + "]" * 3_000 + "\n", None),
    "not-utf8": (b"\xff\xfe- x\n", "reg.yml:1: not UTF-8: byte 0xff"),
    "a-folder": (None, "reg.yml:0: cannot be read: Is a directory"),
}


@pytest.mark.parametrize(("content", "error"), list(REGISTRIES.values()), ids=list(REGISTRIES))
def test_a_bad_figure_registry_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | bytes | None, error: str | None
) -> None:
    registry = tmp_path / "reg.yml"
    if content is None:
        registry.mkdir()
    else:
        registry.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    source = tmp_path / "src.md"
    source.write_text(SOURCE, encoding="utf-8")
    code = run(import_args(source, tmp_path, "--figures", str(registry)))
    lines = errors(capsys)
    if error is None:
        assert code == 0  # nested too deep to hold entries: an empty registry
    else:
        assert code == 1 and any(error in line for line in lines), lines


@pytest.mark.parametrize(
    "lock",
    ["collection: [", "- a\n", "collection: x\n", "collection: x\nsource: s.md\nupstream_path: p\ntitle: [1]\n", "collection: x\nsource: s.md\nupstream_path: p\npages: [{page: a.md, meta: {date: 2021-13-45}, questions: []}]\n"],
    ids=["not-yaml", "a-list", "no-source", "title-not-text", "bad-date"],
)
def test_a_bad_lock_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], lock: str) -> None:
    path = tmp_path / "data/upstream/2030-s1.yml"
    path.parent.mkdir(parents=True)
    path.write_text(lock, encoding="utf-8")
    assert run(["import", "--collection", "2030-s1", "--docs", str(tmp_path / "docs"), "--data", str(tmp_path / "data")]) == 1
    (line,) = errors(capsys)
    assert line.startswith(f"{path.as_posix()}:"), line


# --- front matter, by every command ------------------------------------------------

MALFORMED = {
    "not-yaml": ("---\ntitle: [\n---\n", 3),
    "bad-date": ("---\ndate: 2021-13-45\n---\n", 2),
    "alias": ("---\na: &a [1]\nb: *a\n---\n", 3),
}


def _site(tmp: Path, front: str) -> Path:
    docs = tmp / "docs"
    for lang in ("zh", "en"):
        page = docs / lang / "faq/2030-s1/issue-1.md"
        page.parent.mkdir(parents=True)
        page.write_text(front + "\n# t\n\n## Q1.1: 甲 {#q1-1}\n\n答。\n", encoding="utf-8")
    return docs


@pytest.mark.parametrize(("front", "line"), list(MALFORMED.values()), ids=list(MALFORMED))
@pytest.mark.parametrize("command", ["check", "parity", "freshness", "stamp", "import"])
def test_malformed_front_matter_is_reported_with_its_line_by_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, front: str, line: int
) -> None:
    docs = _site(tmp_path, front)
    zh, en = "docs/zh/faq/2030-s1/issue-1.md", "docs/en/faq/2030-s1/issue-1.md"
    args = {
        "stamp": ["stamp", str(docs.parent / en), "--docs", str(docs), "--data", str(tmp_path / "data")],
        "import": [*import_args(tmp_path / "src.md", tmp_path, "--figures", str(FIGURES))],
    }.get(command, [command, "--docs", str(docs)])
    (tmp_path / "src.md").write_text("# t\n\n## 第 1 期\n\n### Q1.1: 甲\n\n答。\n", encoding="utf-8")
    assert run(args) == 1
    captured = capsys.readouterr()
    out = [x for x in (captured.out + captured.err).splitlines() if "front matter" in x]
    assert "Traceback" not in captured.err
    assert out and all(re.search(rf"docs/(zh|en)/faq/2030-s1/issue-1\.md:{line}: front matter is malformed: ", x) for x in out), out
    assert any(zh in x for x in out) if command != "stamp" else any(en in x or zh in x for x in out)

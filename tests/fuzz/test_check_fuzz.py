"""The page model, `check`, `parity`, `freshness` and `stamp` on any page: problems, never a traceback or a hang."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from faqsite.check import check_docs
from faqsite.errors import SourceError
from faqsite.markdown.model import parse_page
from faqsite.translations.freshness import report, stamp
from faqsite.translations.parity import check_parity
from tests.fuzz.strategies import any_text, page_text

ONE_LINE = re.compile(r"^\S.*:\d+: [^\n]+$")
PAGE = "faq/2030-s1/issue-1.md"
# Nine levels of nine aliases: a value of 9**9 items once printed ("season '…' is malformed")
LAUGHS = "".join(f"l{n}: &l{n} [{', '.join([f'*l{n - 1}' if n else 'x'] * 9)}]\n" for n in range(9))
BILLION_LAUGHS = f"---\n{LAUGHS}season: *l8\ntitle: t\n---\n"


@given(st.one_of(page_text, any_text))
@example("---\nseason: 2021-s1\ntitle: t\n---\n\n## a" + " {a" * 3_000 + "\n")  # quadratic attribute-list search
@example(BILLION_LAUGHS)
def test_the_page_model_reads_any_page(text: str) -> None:
    try:
        page = parse_page(text, Path("docs/zh/x.md"))
    except SourceError as exc:
        assert all(ONE_LINE.match(str(p)) for p in exc.problems), exc.problems
        return
    page.heading_ids()
    list(page.prose_lines())
    for q in page.questions:
        q.fingerprint()


def test_line_ends_do_not_change_the_page() -> None:
    text = "---\nseason: 2021-s1\ntitle: t\n---\n\n# t\n\n## Q1.1: 甲 {#q1-1}\n\n见[乙](#q1-1)。\n\n```\ncode\n```\n"
    pages = [parse_page(text.replace("\n", end), Path("x.md")) for end in ("\n", "\r\n", "\r")]
    for page in pages[1:]:
        assert (page.meta, page.heading_ids(), page.links, page.code) == (
            pages[0].meta,
            pages[0].heading_ids(),
            pages[0].links,
            pages[0].code,
        )
        assert [(q.id, q.line, q.body) for q in page.questions] == [(q.id, q.line, q.body) for q in pages[0].questions]


@given(page_text, page_text)
@example("---\nseason: 2021-s1\ntitle: t\n---\n" + "[" * 3_000 + "\n", "x")  # check took 16 s on 20,000
@example(BILLION_LAUGHS, "x")  # check printed the season: hours and gigabytes
@example("## Q1.1: 重复 {#q1-1}\n## Q1.1: 重复 {#q1-1}\n", "## Q1.1: 重复 {#q1-1}\n")  # parity: StopIteration
@example("", '---\nseason: "2021-s1\\n"\ntitle: x\n---\n')  # a problem quoting a value that holds a newline
def test_check_parity_freshness_and_stamp_take_any_pages(zh: str, en: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp, "docs")
        for lang, text in (("zh", zh), ("en", en)):
            page = docs / lang / PAGE
            page.parent.mkdir(parents=True)
            page.write_bytes(text.encode("utf-8", "surrogatepass"))
        problems = check_docs(docs)
        assert all(ONE_LINE.match(str(p)) for p in problems), problems
        try:
            found = check_parity(docs) + [p for ps in report(docs) for p in ps]
            stamp(docs, docs / "en" / PAGE, None, Path(tmp, "data"))
        except SourceError as exc:  # a page whose front matter cannot be read
            found = exc.problems
        assert all(ONE_LINE.match(str(p)) for p in found), found

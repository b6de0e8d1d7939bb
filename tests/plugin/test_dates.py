"""dates.py: where the date-correction note and each question's last change go in a page's Markdown."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment

from faqsite.history import History
from faqsite.markdown.model import parse_page
from faqsite.mkdocs_plugin.dates import DATE_NOTE, QUESTION_UPDATED, page_dates, with_date_note, with_question_dates

ENV = Environment(
    loader=DictLoader({DATE_NOTE: "<div>NOTE {{ source }} {{ date }}</div>", QUESTION_UPDATED: "<div>CHANGED {{ changed.date() }}</div>"}),
    autoescape=True,
)
FRONT = "---\nseason: 2021-s1\nissue: 3\n---\n\n"
BODY = "# 第 3 期\n\n## Q3.1: 一？ {#q3-1}\n\n答一。\n\n- 项\n\n## Q3.2: 二？ {#q3-2}\n\n答二。\n"
PATH = Path("/repo/docs/zh/faq/2021-s1/issue-3.md")
DAY = dt.datetime(2026, 11, 23, 10, tzinfo=dt.UTC)


def test_question_dates_close_each_answer() -> None:
    page = parse_page(FRONT + BODY, PATH)
    # lines 8-13 of the file are Q3.1, 14-16 Q3.2: each line dated by the day it was written
    history = History([DAY, DAY - dt.timedelta(days=1)], {"docs/zh/faq/2021-s1/issue-3.md": [1] * 9 + [0] + [1] * 6}, Path("/repo"))
    out = with_question_dates(BODY, page=page, history=history, env=ENV, config=None)
    assert out == (
        "# 第 3 期\n\n## Q3.1: 一？ {#q3-1}\n\n答一。\n\n- 项\n\n<div>CHANGED 2026-11-23</div>\n\n"
        "## Q3.2: 二？ {#q3-2}\n\n答二。\n\n<div>CHANGED 2026-11-22</div>\n"
    )
    # the page still reads as the same questions, each with its answer
    assert [q.id for q in parse_page(out, PATH).questions] == ["q3-1", "q3-2"]


def test_without_history_the_page_is_unchanged() -> None:
    page = parse_page(FRONT + BODY, PATH)
    assert with_question_dates(BODY, page=page, history=History(), env=ENV, config=None) == BODY


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (BODY, "# 第 3 期\n\n<div>NOTE 2020.01.21 2021-01-21</div>\n\n\n## Q3.1"),
        ("第 3 期\n===\n\n## Q3.1", "第 3 期\n===\n\n<div>NOTE 2020.01.21 2021-01-21</div>\n\n\n## Q3.1"),
        ("## Q3.1", "\n<div>NOTE 2020.01.21 2021-01-21</div>\n\n## Q3.1"),  # the theme prints the title above
    ],
    ids=["atx-title", "setext-title", "no-title"],
)
def test_the_date_note_goes_right_under_the_title(body: str, expected: str) -> None:
    meta = {"date": dt.date(2021, 1, 21), "date_in_source": "2020.01.21"}
    assert with_date_note(body, meta=meta, path=PATH, env=ENV, config=None).startswith(expected)


def test_no_note_without_a_corrected_date() -> None:
    assert with_date_note(BODY, meta={"date": dt.date(2021, 1, 21)}, path=PATH, env=ENV, config=None) == BODY


def test_page_dates_of_the_pages_the_history_knows() -> None:
    history = History([DAY], {"docs/zh/a.md": [0]}, Path("/repo"))
    assert page_dates(history, {"zh/a.md": "/repo/docs/zh/a.md", "zh/b.md": "/repo/docs/zh/b.md", "x.md": None}) == {
        "zh/a.md": DAY
    }

"""catalog.py: natural order, inline titles and the catalog built from pages' front matter."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from markupsafe import Markup

from faqsite.mkdocs_plugin.catalog import (
    Catalog,
    SeasonEntry,
    build_catalog,
    collection_order,
    inline_html,
    natural_key,
)


@pytest.mark.parametrize(
    ("names", "ordered"),
    [
        (["issue-10", "issue-9", "issue-1"], ["issue-1", "issue-9", "issue-10"]),
        (["part-1-10", "part-2-1", "part-1-2", "part-1-1"], ["part-1-1", "part-1-2", "part-1-10", "part-2-1"]),
        (["faq/2021-s1/issue-10.md", "faq/2021-s1/issue-9.md"], ["faq/2021-s1/issue-9.md", "faq/2021-s1/issue-10.md"]),
        (
            ["index.md", "issue-2.md", "issue-12.md", "issue-1.md"],
            ["index.md", "issue-1.md", "issue-2.md", "issue-12.md"],
        ),
        (["2021-s10", "2021-s2", "2020-s1"], ["2020-s1", "2021-s2", "2021-s10"]),
    ],
)
def test_natural_key_orders_numbers_by_value(names: list[str], ordered: list[str]) -> None:
    assert sorted(names, key=natural_key) == ordered


def test_natural_key_splits_digits_into_numbers() -> None:
    assert natural_key("part-1-10") == ["part-", 1, "-", 10, ""]


@pytest.mark.parametrize(
    ("title", "html"),
    [
        ("plain title", "plain title"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("A & B", "A &amp; B"),
        ("Use `paddle.jit.save` to export", "Use <code>paddle.jit.save</code> to export"),
        ("`a<b>` & `c&d`", "<code>a&lt;b&gt;</code> &amp; <code>c&amp;d</code>"),
        ("``x ` y``", "<code>x ` y</code>"),  # a run of two backticks holds a single one
        ("`` `q` ``", "<code>`q`</code>"),  # the spaces around the content are dropped
        ("a lone ` backtick", "a lone ` backtick"),
    ],
)
def test_inline_html_escapes_and_turns_code_spans_into_code(title: str, html: str) -> None:
    out = inline_html(title)
    assert isinstance(out, Markup)
    assert str(out) == html


D = dt.date

# (src_uri, url, front matter) of a small site: two seasons of issues, a season of parts and sections,
# a selection, pages without a season, and a unit whose collection has no index page
PAGES: list[tuple[str, str, dict[str, Any]]] = [
    ("index.md", "", {"title": "Home"}),
    ("faq/2021-s1/index.md", "faq/2021-s1/", {"season": "2021-s1", "title": "FAQ 2021 S1", "nav_title": "2021 S1"}),
    (
        "faq/2021-s1/issue-10.md",
        "faq/2021-s1/issue-10/",
        {"season": "2021-s1", "issue": 10, "title": "Issue 10", "date": D(2021, 6, 1)},
    ),
    (
        "faq/2021-s1/issue-9.md",
        "faq/2021-s1/issue-9/",
        {"season": "2021-s1", "issue": 9, "title": "Issue 9", "date": D(2021, 5, 1)},
    ),
    (
        "faq/2021-s1/issue-2.md",
        "faq/2021-s1/issue-2/",
        {"season": "2021-s1", "issue": 2, "title": "Issue 2", "date": "2021-01-02"},
    ),
    ("faq/2020-s1/index.md", "faq/2020-s1/", {"season": "2020-s1", "title": "FAQ 2020 S1"}),
    (
        "faq/2020-s1/issue-1.md",
        "faq/2020-s1/issue-1/",
        {"season": "2020-s1", "issue": 1, "title": "Issue 1", "date": D(2020, 3, 1)},
    ),
    (
        "faq/2021-s2/part-2-1.md",
        "faq/2021-s2/part-2-1/",
        {"season": "2021-s2", "part": "2.1", "part_title": "Practice", "title": "2.1"},
    ),
    (
        "faq/2021-s2/part-1-10.md",
        "faq/2021-s2/part-1-10/",
        {"season": "2021-s2", "part": "1.10", "part_title": "Theory", "title": "1.10"},
    ),
    ("faq/2021-s2/index.md", "faq/2021-s2/", {"season": "2021-s2", "title": "FAQ 2021 S2"}),
    (
        "faq/2021-s2/part-1-2.md",
        "faq/2021-s2/part-1-2/",
        {"season": "2021-s2", "part": "1.2", "part_title": "Theory", "title": "1.2"},
    ),
    ("faq/selected-30/index.md", "faq/selected-30/", {"season": "selected-30", "title": "Selected"}),
    (
        "faq/selected-30/part-2.md",
        "faq/selected-30/part-2/",
        {"season": "selected-30", "part": "2", "title": "2 Usage"},
    ),
    (
        "faq/selected-30/part-1-1.md",
        "faq/selected-30/part-1-1/",
        {"season": "selected-30", "part": "1.1", "part_title": "Basics", "title": "1.1"},
    ),
    (
        "faq/orphan/issue-1.md",
        "faq/orphan/issue-1/",
        {"season": "orphan", "issue": 1, "title": "Orphan", "date": D(2030, 1, 1)},
    ),
    ("about.md", "about/", {"season": "", "title": "About"}),
]
QUESTIONS = {
    "faq/2021-s1/issue-9.md": [("Q9.1", "First", "q9-1"), ("Q9.2", "Second", "q9-2")],
    "faq/2021-s1/issue-10.md": [("Q10.1", "Only", "q10-1")],
}
LEGACY = {"2021-s1": (["docs/zh_CN/faq_2021_s1.md"], {"q9-1-old": "issue-9/#q9-1"})}


@pytest.fixture
def catalog() -> Catalog:
    return build_catalog(PAGES, QUESTIONS, LEGACY)


def season(catalog: Catalog, id_: str) -> SeasonEntry:
    found = catalog.season(id_)
    assert found is not None, id_
    return found


def test_collections_newest_season_first_then_others_by_id(catalog: Catalog) -> None:
    assert [s.id for s in catalog.seasons] == ["2021-s2", "2021-s1", "2020-s1", "selected-30"]


@pytest.mark.parametrize(
    ("ids", "ordered"),
    [
        (["2021-s1", "2022-s1", "2021-s2"], ["2022-s1", "2021-s2", "2021-s1"]),
        (["2021-s2", "2021-s10"], ["2021-s10", "2021-s2"]),  # season numbers by value
        (["zoo", "selected-30", "2019-s1"], ["2019-s1", "selected-30", "zoo"]),  # seasons before the others
    ],
)
def test_collection_order(ids: list[str], ordered: list[str]) -> None:
    entries = [SeasonEntry(i, i, i, f"faq/{i}/index.md", f"faq/{i}/") for i in ids]
    assert [s.id for s in sorted(entries, key=collection_order)] == ordered


@pytest.mark.parametrize(
    ("id_", "units"),
    [
        ("2021-s1", ["issue-2", "issue-9", "issue-10"]),
        ("2021-s2", ["part-1-2", "part-1-10", "part-2-1"]),
        ("selected-30", ["part-1-1", "part-2"]),
        ("2020-s1", ["issue-1"]),
    ],
)
def test_units_in_natural_order(catalog: Catalog, id_: str, units: list[str]) -> None:
    assert [u.slug for u in season(catalog, id_).units] == units


def test_pages_without_a_collection_are_left_out(catalog: Catalog) -> None:
    assert catalog.season("orphan") is None
    assert catalog.season(None) is None
    assert all(u.season != "orphan" for s in catalog.seasons for u in s.units)


def test_season_entry_fields(catalog: Catalog) -> None:
    s1 = season(catalog, "2021-s1")
    assert (s1.title, s1.nav_title, s1.src_uri, s1.url) == (
        "FAQ 2021 S1",
        "2021 S1",
        "faq/2021-s1/index.md",
        "faq/2021-s1/",
    )
    assert season(catalog, "2020-s1").nav_title == "FAQ 2020 S1"  # no nav_title: the title
    assert (s1.legacy_paths, s1.legacy_anchors) == (["docs/zh_CN/faq_2021_s1.md"], {"q9-1-old": "issue-9/#q9-1"})
    assert (season(catalog, "2020-s1").legacy_paths, season(catalog, "2020-s1").legacy_anchors) == ([], {})
    assert s1.questions == 3
    assert [u.questions for u in s1.units] == [
        [],
        QUESTIONS["faq/2021-s1/issue-9.md"],
        QUESTIONS["faq/2021-s1/issue-10.md"],
    ]


def test_unit_dates_only_from_dates(catalog: Catalog) -> None:
    units = {u.slug: u for u in season(catalog, "2021-s1").units}
    assert units["issue-9"].date == D(2021, 5, 1)
    assert units["issue-2"].date is None  # a string is not a date
    assert season(catalog, "2021-s1").dates == (D(2021, 5, 1), D(2021, 6, 1))
    assert season(catalog, "2021-s2").dates is None


@pytest.mark.parametrize(
    ("id_", "kind"), [("2021-s1", "issue"), ("2020-s1", "issue"), ("2021-s2", "part"), ("selected-30", "part")]
)
def test_kinds(catalog: Catalog, id_: str, kind: str) -> None:
    entry = season(catalog, id_)
    assert entry.kind == kind
    assert {u.kind for u in entry.units} == {kind}


def test_a_collection_of_issues_and_parts_is_a_collection_of_parts() -> None:
    mixed = build_catalog(
        [
            ("c/index.md", "c/", {"season": "c"}),
            ("c/issue-1.md", "c/issue-1/", {"season": "c", "issue": 1}),
            ("c/part-1.md", "c/part-1/", {"season": "c", "part": "1"}),
        ]
    )
    assert season(mixed, "c").kind == "part"
    assert season(mixed, "c").title == "c"  # no title: the id


@pytest.mark.parametrize(
    ("id_", "groups"),
    [
        ("2021-s2", [("Theory", ["part-1-2", "part-1-10"]), ("Practice", ["part-2-1"])]),
        ("selected-30", [("Basics", ["part-1-1"]), ("", ["part-2"])]),
        ("2021-s1", [("", ["issue-2", "issue-9", "issue-10"])]),
    ],
)
def test_groups_by_part_title(catalog: Catalog, id_: str, groups: list[tuple[str, list[str]]]) -> None:
    assert [(title, [u.slug for u in units]) for title, units in season(catalog, id_).groups()] == groups


def test_latest_is_the_newest_dated_unit_of_a_collection(catalog: Catalog) -> None:
    latest = catalog.latest
    assert latest is not None
    assert latest.src_uri == "faq/2021-s1/issue-10.md"  # not the orphan of 2030, which has no collection


def test_latest_on_the_same_date_is_the_later_unit() -> None:
    same_day = build_catalog(
        [
            ("c/index.md", "c/", {"season": "c"}),
            ("c/issue-10.md", "c/issue-10/", {"season": "c", "issue": 10, "date": D(2021, 1, 1)}),
            ("c/issue-9.md", "c/issue-9/", {"season": "c", "issue": 9, "date": D(2021, 1, 1)}),
        ]
    )
    assert same_day.latest is not None and same_day.latest.slug == "issue-10"


def test_latest_without_dates_is_none() -> None:
    assert (
        build_catalog([("c/index.md", "c/", {"season": "c"}), ("c/part-1.md", "c/part-1/", {"season": "c"})]).latest
        is None
    )
    assert build_catalog([]).latest is None

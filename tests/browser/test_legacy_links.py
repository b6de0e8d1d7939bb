"""Old links into the upstream single-page FAQ land on the right issue page and question."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

# (old path, old anchor, where a reader must land); anchors as upstream pages
# produced them: named anchors of both layouts, and headings as GitHub renders them
CASES = [
    ("/zh_CN/FAQ/faq_2021_s1.html", "1", "/faq/2021-s1/issue-1/"),
    ("/zh_CN/FAQ/faq_2021_s1.html", "5", "/faq/2021-s1/issue-5/"),
    ("/zh_CN/faq_series/faq_2021_s1.html", "第3期", "/faq/2021-s1/issue-3/"),
    ("/zh_CN/faq_series/faq_2021_s1/", "第5期", "/faq/2021-s1/issue-5/"),
    ("/zh_CN/FAQ/faq_2021_s1.html", "第-2-期", "/faq/2021-s1/issue-2/"),  # the current layout's heading
    ("/zh_CN/FAQ/faq_2021_s1.html", "q32--acnet-的创新点主要在哪里", "/faq/2021-s1/issue-3/#q3-2"),
    ("/zh_CN/faq_series/faq_2021_s1.html", "q12-训练样本的类别不均衡这个该怎么处理呢", "/faq/2021-s1/issue-1/#q1-2"),
    (
        "/zh_CN/FAQ/faq_2021_s1.html",
        "q43-对于-vision-transformer-模型是如何将图像转换成序列信息传给-encoder",
        "/faq/2021-s1/issue-4/#q4-3",
    ),
    (
        "/zh_CN/faq_series/faq_2021_s1.html",
        "q43-对于vision-transformer模型是如何将图像转换成序列信息传给encoder",
        "/faq/2021-s1/issue-4/#q4-3",
    ),
    ("/zh_CN/FAQ/faq_2021_s1.html", "", "/faq/2021-s1/"),
    ("/zh_CN/FAQ/faq_2021_s1.html", "no-such-anchor", "/faq/2021-s1/"),
]


@pytest.mark.parametrize(
    ("path", "anchor", "expected"), CASES, ids=[f"{c[0].split('/')[2]}#{c[1][:12]}" for c in CASES]
)
def test_old_link_lands_on_the_question(page: Page, base_url: str, path: str, anchor: str, expected: str) -> None:
    page.goto(base_url + path + ("#" + quote(anchor) if anchor else ""))
    page.wait_for_url(lambda url: "/zh_CN/" not in url)
    page.wait_for_load_state("networkidle")
    assert page.url == base_url + expected
    if "#" in expected:
        expect(page.locator(expected[expected.index("#") :])).to_be_in_viewport()

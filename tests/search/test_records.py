"""The questions of a built page as search records (faqsite.search.records), from HTML as data."""

from __future__ import annotations

from faqsite.search.records import question_records

PAGE = """
<h1 id="issue-3">第 3 期</h1>
<p>Preface, not a question.</p>
<h2 data-source-hash="x" id="q3-1">Q3.1: 什么是 <code>batch_size</code>？<a class="headerlink" href="#q3-1" title="永久链接">¶</a></h2>
<p>答案第一段<br>第二行。</p>
<ul><li>一</li><li>二<script>alert(1)</script></li></ul>
<div class="faq-topics faq-meta"><a href="/topics/training/">训练</a></div>
<figure><img alt="图" src="/images/a.svg"><figcaption>图注\u200b文字</figcaption></figure>
<h3 id="sub">小节</h3><p>仍属 Q3.1。</p>
<h2 id="q3-2">Q3.2: Second</h2><p>Answer two.</p>
<h2 id="references">References</h2><p>Not part of Q3.2.</p>
"""


def test_each_question_heading_gives_a_record_with_its_answer() -> None:
    first, second = question_records(PAGE, url="faq/2021-s1/issue-3/", lang="zh", where="2021 第 1 季 · 第 3 期")
    assert first.url == "faq/2021-s1/issue-3/#q3-1" and first.lang == "zh"
    assert (first.label, first.title) == ("Q3.1", "什么是 batch_size？")
    assert first.where == "2021 第 1 季 · 第 3 期"
    assert first.text == "答案第一段 第二行。 一 二 图注文字 小节 仍属 Q3.1。"  # no ¶, script, topics, zero-width space
    assert (second.label, second.title, second.text) == ("Q3.2", "Second", "Answer two.")


def test_a_page_without_questions_gives_none() -> None:
    assert question_records("<h1>Home</h1><p>x</p><h2 id='about'>About</h2>", url="", lang="en", where="") == []

"""Choosing the search engine: today's search, stock Material, prebuilt lunr and Pagefind, side by side.

Usage: python scripts/bench_engines.py [--scales 1 100] [--runs 3] [--large-runs 1] [--index-only 1000]

For each scale, the whole series (scripts/make_corpus.py --unit series: 1x is
docs/ as committed, 100x the real pages and 99 synthetic copies of every
collection) is built with `mkdocs build` (median of the runs; and, for the
ratios, the same build without the search plugin), then served on 127.0.0.1
with gzip (faqsite.devserver) and searched in the system Chromium, headless,
on the same built pages by four engines:

  today     our search as it is (Material's lunr, our worker around it)
  stock     Material's worker alone: the baseline of every ratio
  lunr      an index prebuilt by the lunr PyPI package (the jieba words of the
            built index plus our worker's hidden bigram field), loaded by
            lunr.js (npm, into a temporary folder) in a harness page
  pagefind  Pagefind (PyPI pagefind[extended], its bundled binary) over the
            unit pages' articles, its JS API in a harness page

The harness pages are copies of a real page with scripts/bench_engines/harness.js
added (the engine loads on the first focus of Material's search box and lists
its top results); Material's own index request is blocked there. Measured:
index build time, index size, bytes of a page view that does not search and
of the search machinery a first search needs (compressed, from the network
log), cold first search (page load, click, a query committed at once as an
input method does, until results show), warm commit -> results, the engine
alone per query, and hit@5 over tests/browser/data/search_queries.yml (and its
hyphen/spacing variants). At scales above 1 a query's expected questions are
the listed ones plus every synthetic question containing the word, as the
query set defines them. --index-only builds the lunr and Pagefind indexes
alone at a larger scale, from the largest built scale's pages copied under
new paths with their numbers varied, within --index-timeout.

Prints Markdown tables (for BENCHMARKS.md).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gzip
import html
import itertools
import json
import os
import pickle
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from counting_server import Wire, serve  # noqa: E402
from make_corpus import make_corpus  # noqa: E402

from faqsite.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from faqsite.markdown.model import read_page  # noqa: E402

HARNESS = ROOT / "scripts" / "bench_engines" / "harness.js"
QUERY_FILE = ROOT / "tests" / "browser" / "data" / "search_queries.yml"
LUNR_NPM = "lunr@2.3.9"
ENGINES = ("today", "stock", "lunr", "pagefind")
ENGINE_NAMES = {
    "today": "today (a)",
    "stock": "stock Material (b)",
    "lunr": "lunr prebuilt (c)",
    "pagefind": "Pagefind (d)",
}
LANGS = ("zh", "en")
LANG_ROOT = {"zh": "", "en": "en/"}
PAGE = "faq/2021-s1/issue-3/"
FIRST_QUERY = {"zh": "共享内存", "en": "TensorRT"}  # found by every engine ("shared memory": not by stock)
STOCK_WORKER = "importScripts(new URL(self.location.href).searchParams.get('material'));"
# what the search machinery downloads, per engine (the rest is the page)
ENGINE_FILES = {
    "today": re.compile(r"/search/search_index\.json|/assets/javascripts/workers/|/assets/javascripts/lunr/"),
    "stock": re.compile(r"/search/search_index\.json|/assets/javascripts/workers/|/assets/javascripts/lunr/"),
    "lunr": re.compile(r"/__bench/lunr/|/assets/javascripts/workers/faq-search\.js$"),
    "pagefind": re.compile(r"/pagefind/"),
}
WASM_CSP = "'wasm-unsafe-eval'"
EMPTY_INDEX = json.dumps({"config": {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": []}, "docs": []})
TIMEOUT_MS = 900_000  # today's first search at 100x builds the index in the browser for minutes

# Pagefind: the unit pages' articles only (collection and all-questions pages list every title),
# without the permalink marks and the edit buttons
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"')
HTML_LANG = re.compile(r'<html lang="([^"]+)"')
QUESTION_HEADING = re.compile(r'<h2 [^>]*\bid="q\d')
PAGEFIND_EXCLUDE = [".headerlink", ".md-content__button"]

# today's worker's hidden field, in Python (docs/assets/javascripts/workers/faq-search.js: indexTerms)
HAN_RUN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
IDENTIFIER = re.compile(r"[A-Za-z0-9]+(?:[_./\-][A-Za-z0-9]+)+")
PARTS = re.compile(r"[A-Za-z0-9]+")
TAG = re.compile(r"<[^>]*>")

FIRST_RESULT = """
new MutationObserver((_, observer) => {
  if (document.querySelector('.md-search-result__item, #bench-results li')) {
    window.__firstResult = performance.now(); observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});
"""
# Material's box: the time from a commit (compositionend) to the first result item shown
MEASURE_MATERIAL = """() => {
  const results = document.querySelector('.md-search-result');
  window.__benchLat = []; window.__pending = null;
  document.querySelector('input.md-search__input').addEventListener('compositionend', () => {
    window.__pending = performance.now();
  }, true);
  new MutationObserver(() => {
    if (window.__pending !== null && document.querySelector('.md-search-result__item')) {
      window.__benchLat.push(performance.now() - window.__pending); window.__pending = null;
    }
  }).observe(results, {childList: true, subtree: true, characterData: true});
}"""
MATERIAL_READY = (
    "() => document.querySelector('.md-search-result__meta').textContent.trim() === "
    "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder'].trim()"
)
# predicates are functions: a string expression would be evaluated with eval(), which the site's CSP blocks
HAS_FIRST_RESULT = "() => window.__firstResult !== undefined"
# tests/browser/test_search.py's ENGINE_RANKS, timed, with the worker to ask as an argument
MATERIAL_RANKS = """async ([queries, stock]) => {
    const config = JSON.parse(document.getElementById("__config").textContent);
    const base = new URL(config.base, location.href);
    const index = await (await fetch(new URL("search/search_index.json", base))).json();
    const url = stock ? new URL(config.search, location.href).searchParams.get("material") : config.search;
    const worker = new Worker(url);
    const next = type => new Promise(resolve => {
        worker.onmessage = event => { if (event.data.type === type) resolve(event.data.data); };
    });
    const ready = next(1);
    worker.postMessage({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}});
    await ready;
    const out = [];
    for (const q of queries) {
        const result = next(3);
        const t0 = performance.now();
        worker.postMessage({type: 2, data: q});
        const {items} = await result;
        out.push({ms: performance.now() - t0, hrefs: items.flat().map(doc => new URL(doc.location, base).href)});
    }
    worker.terminate();
    return out;
}"""


# ---------------------------------------------------------------- queries and truth


@dataclass
class Query:
    q: str
    expect: set[str]  # 'collection/q3-2'
    form: str  # the text's form, as a reader writes it (NFKC, lower case)


def reader_form(word: str) -> str:
    return unicodedata.normalize("NFKC", word).lower()


def result_key(label_key: str) -> str:
    collection, label = label_key.split("/")
    return f"{collection}/{label.lower().replace('.', '-')}"


def question_keys(hrefs: list[str]) -> list[str]:
    """Result links -> questions in order, as collection and anchor (tests/browser/test_search.py)."""
    out = []
    for href in hrefs:
        m = re.search(r"/faq/(?P<collection>[^/]+)/[^/#?]+/(?:\?[^#]*)?#(?P<id>q[\d-]+)$", href)
        key = m and f"{m['collection']}/{m['id']}"
        if key and key not in out:
            out.append(key)
    return out


def question_texts(project: Path, lang: str) -> dict[str, str]:
    """'collection/q3-2' -> title and answer as a reader reads them, for every question of the corpus."""
    out = {}
    for path in sorted((project / "docs" / lang / "faq").rglob("*.md")):
        if path.name == "index.md":
            continue
        for q in read_page(path).questions:
            out[f"{path.parent.name}/{q.id}"] = unicodedata.normalize("NFKC", f"{q.title}\n{q.body}").lower()
    return out


def query_sets(project: Path, scale: int) -> dict[str, dict[str, list[Query]]]:
    """lang -> {"queries": [...], "variants": [...]}, expectations extended to the synthetic questions."""
    data = yaml.safe_load(QUERY_FILE.read_text(encoding="utf-8"))
    out: dict[str, dict[str, list[Query]]] = {}
    for lang in LANGS:
        synthetic = {k: t for k, t in question_texts(project, lang).items() if k.startswith("syn")} if scale > 1 else {}

        def make(entry: dict[str, Any], synthetic: dict[str, str] = synthetic) -> Query:
            form = reader_form(entry.get("appears_as", entry["q"]))
            expect = {result_key(label) for label in entry["expect"]}
            expect |= {k for k, t in synthetic.items() if form in t}
            return Query(entry["q"], expect, form)

        out[lang] = {
            "queries": [make(e) for e in data[lang]],
            "variants": [make(v) for v in data.get("variants", []) if v["lang"] == lang],
        }
    return out


def hits_at_5(queries: list[Query], ranked: list[list[str]]) -> int:
    return sum(1 for q, hrefs in zip(queries, ranked, strict=True) if q.expect & set(question_keys(hrefs)[:5]))


# ---------------------------------------------------------------- building


@dataclass
class Timing:
    wall: float
    cpu: float  # user + system of the child processes: less sensitive to a busy machine


def run_timed(cmd: list[str], cwd: Path, timeout: float | None = None) -> Timing:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        cmd,
        cwd=cwd,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=timeout,
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        raise RuntimeError(f"{' '.join(cmd[:4])}… exited {done.returncode}: {done.stderr.strip()[-2000:]}")
    return Timing(wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)


def median_timing(timings: list[Timing]) -> Timing:
    return Timing(statistics.median(t.wall for t in timings), statistics.median(t.cpu for t in timings))


def without_search(project: Path) -> Path:
    """mkdocs.yml without the search plugin (the i18n and faqsite plugins cope): the build to compare with."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    stripped = re.sub(r"^  - search:\n(?:(?:    .*|\s*)\n)*?(?=  - )", "", text, flags=re.M)
    if stripped == text:
        raise RuntimeError("mkdocs.yml: no search plugin block found to remove")
    out = project / "mkdocs-nosearch.yml"
    out.write_text(stripped, encoding="utf-8")
    return out


def mkdocs_build(project: Path, dest: Path, config: str = "mkdocs.yml") -> Timing:
    return run_timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(dest)], project)


def pagefind_source(site: Path, dest: Path) -> int:
    """The unit pages' articles, marked data-pagefind-body (what a template change would do), in copies.

    A copy keeps the page's language and its article, the only part Pagefind
    indexes once a page marks one: Material's navigation, repeated in every
    page, is 1.5 MB of each page at 100x.
    """
    if dest.exists():
        shutil.rmtree(dest)
    count = 0
    for path in site.rglob("index.html"):
        text = path.read_text(encoding="utf-8")
        start = ARTICLE.search(text)
        lang = HTML_LANG.search(text)
        if not QUESTION_HEADING.search(text) or not start or not lang:
            continue
        article = text[start.start() : text.index("</article>", start.end()) + len("</article>")]
        marked = article.replace(start[0], start[0] + " data-pagefind-body", 1)
        target = dest / path.relative_to(site)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            f'<!doctype html>\n<html lang="{lang[1]}"><head><meta charset="utf-8"></head><body>{marked}</body></html>\n',
            encoding="utf-8",
        )
        count += 1
    return count


def pagefind_build(source: Path, out: Path, timeout: float | None = None) -> Timing:
    if out.exists():
        shutil.rmtree(out)
    cmd = [sys.executable, "-m", "pagefind", "--site", str(source), "--output-path", str(out), "--quiet"]
    for selector in PAGEFIND_EXCLUDE:
        cmd += ["--exclude-selectors", selector]
    return run_timed(cmd, source.parent, timeout)


def han_terms(run: str) -> list[str]:
    code = [f"{ord(c):06d}" for c in run]
    if len(code) == 1:
        return ["h" + code[0]]
    return ["h" + a + b for a, b in itertools.pairwise(code)]


def index_terms(markup: str) -> list[str]:
    """faq-search.js's indexTerms: bigrams of Chinese runs, parts of code identifiers."""
    text = unicodedata.normalize("NFKC", TAG.sub(" ", markup or "").replace("\u200b", ""))
    out = [t for run in HAN_RUN.findall(text) for t in han_terms(run)]
    out += [p for ident in IDENTIFIER.findall(text) for p in PARTS.findall(ident.lower())]
    return out


def plain(markup: str) -> str:
    return html.unescape(TAG.sub(" ", markup or "")).replace("\u200b", "")


def lunr_index(source: Path, out: Path) -> None:
    """A lunr.js index (serialized by the lunr PyPI package) of a language's built search index."""
    from lunr import lunr  # type: ignore[import-untyped]

    data = json.loads(source.read_text(encoding="utf-8"))
    separator = re.compile(data["config"]["separator"])

    def words(markup: str) -> list[str]:
        text = html.unescape(TAG.sub(" ", markup or "")).lower()
        return [w for w in separator.split(text) if w]

    docs = [
        {
            "location": d["location"],
            "title": words(d["title"]),
            "text": words(d["text"]),
            "faqterms": index_terms(d["title"]) + index_terms(d["text"]),
        }
        for d in data["docs"]
    ]
    index = lunr(
        ref="location",
        fields=[
            {"field_name": "title", "boost": 1000},  # Material's boosts
            {"field_name": "text", "boost": 1},
            {"field_name": "faqterms", "boost": 1},
        ],
        documents=docs,
    )
    titles = {d["location"]: " ".join(plain(d["title"]).split()) for d in data["docs"]}
    payload = {"separator": data["config"]["separator"], "index": index.serialize(), "titles": titles}
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    tmp.replace(out)


def lunr_build(site: Path, out_dir: Path, timeout: float | None = None) -> Timing:
    """Both languages' lunr indexes, in a child process (timed, and bounded by ``timeout``)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    timings = []
    for lang in LANGS:
        source = site / LANG_ROOT[lang] / "search" / "search_index.json"
        cmd = [sys.executable, str(Path(__file__).resolve()), "lunr-index", str(source), str(out_dir / f"{lang}.json")]
        timings.append(run_timed(cmd, ROOT, timeout))
    return Timing(sum(t.wall for t in timings), sum(t.cpu for t in timings))


def vendor_lunr(dest: Path, npm: Path) -> None:
    """lunr.js from npm (installed into the temporary folder ``npm``), for the harness only."""
    subprocess.run(
        ["npm", "install", "--no-save", "--ignore-scripts", "--no-audit", "--no-fund", "--prefix", str(npm), LUNR_NPM],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(npm / "node_modules" / "lunr" / "lunr.min.js", dest / "lunr.min.js")


def harness_pages(site: Path) -> dict[tuple[str, str, bool], str]:
    """(engine, lang, wasm allowed) -> path of a copy of the benchmark page that loads the harness."""
    (site / "__bench").mkdir(exist_ok=True)
    shutil.copy(HARNESS, site / "__bench" / "harness.js")
    out = {}
    for lang in LANGS:
        page = site / LANG_ROOT[lang] / PAGE / "index.html"
        text = page.read_text(encoding="utf-8")
        for engine in ("lunr", "pagefind"):
            for wasm in (False, True):
                tag = f'<script src="/__bench/harness.js" data-engine="{engine}" data-root="/" defer></script>\n'
                copy = text.replace("</head>", tag + "</head>", 1)
                if wasm:
                    copy = copy.replace("script-src 'self'", f"script-src 'self' {WASM_CSP}", 1)
                name = f"bench-{engine}{'' if wasm else '-csp'}.html"
                (page.parent / name).write_text(copy, encoding="utf-8")
                out[(engine, lang, wasm)] = f"/{LANG_ROOT[lang]}{PAGE}{name}"
    return out


@contextmanager
def headers_with_wasm(site: Path) -> Iterator[None]:
    """The site's _headers policy with 'wasm-unsafe-eval' (what Pagefind needs), for the block."""
    path = site / "_headers"
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("script-src 'self'", f"script-src 'self' {WASM_CSP}"), encoding="utf-8")
    try:
        yield
    finally:
        path.write_text(original, encoding="utf-8")


# ---------------------------------------------------------------- sizes


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6, mtime=0))


def served_size(path: Path) -> int:
    """Bytes on the wire as faqsite.devserver sends the file (gzip for text types)."""
    data = path.read_bytes()
    return gz(data) if path.suffix in (".js", ".json", ".css", ".html") else len(data)


PAGEFIND_RUNTIME = re.compile(r"^(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|wasm\..*|.*\.pf_.*)$")


def pagefind_sizes(bundle: Path) -> dict[str, int]:
    """Disk and served bytes of what searching needs (the UI bundles left out), and per-language index files."""
    files = [p for p in bundle.rglob("*") if p.is_file() and PAGEFIND_RUNTIME.match(p.name)]
    out = {"disk": sum(p.stat().st_size for p in files), "served": sum(served_size(p) for p in files)}
    for lang in LANGS:
        mine = [p for p in files if p.name.startswith(f"{lang}_") or p.name.startswith(f"pagefind.{lang}_")]
        out[f"files_{lang}"] = len(mine)
    out["files"] = len(files)
    return out


# ---------------------------------------------------------------- the browser


class Session:
    """A fresh browser context for one engine, with the routes that engine needs."""

    def __init__(self, browser: Browser, engine: str, wire: Wire) -> None:
        self.wire = wire
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page: Page = self.context.new_page()
        self.violations: list[str] = []
        self.errors: list[str] = []
        if engine == "stock":
            self.page.route(
                "**/workers/faq-search.js?*",
                lambda route: route.fulfill(body=STOCK_WORKER, content_type="text/javascript"),
            )
        if engine in ("lunr", "pagefind"):  # harness pages: Material's own index is not needed (an empty one)
            self.page.route(
                "**/search/search_index.json",
                lambda route: route.fulfill(body=EMPTY_INDEX, content_type="application/json"),
            )
        self.page.expose_function("__benchCsp", lambda message: self.violations.append(message))
        self.page.add_init_script(
            "document.addEventListener('securitypolicyviolation', e => "
            "window.__benchCsp(`${e.violatedDirective} ${e.blockedURI}`));" + FIRST_RESULT
        )
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        self.cdp = self.context.new_cdp_session(self.page)
        self.since = wire.mark()

    def close(self) -> None:
        self.context.close()

    def commit(self, query: str) -> None:
        """An input method's commit of the whole query (tests/browser/test_search.py's SearchBox)."""
        self.cdp.send("Input.imeSetComposition", {"text": "pinyin", "selectionStart": 6, "selectionEnd": 6})
        self.cdp.send("Input.insertText", {"text": query})


def page_view_bytes(browser: Browser, wire: Wire, url: str, engine: str) -> int:
    """A page view that does not search. Stock: without our search setup, so Material fetches its index."""
    s = Session(browser, engine, wire)
    if engine == "stock":
        s.page.route("**/search-setup.js*", lambda route: route.fulfill(body="", content_type="text/javascript"))
    s.page.goto(url, wait_until="networkidle")
    s.page.wait_for_timeout(1500)
    total = wire.total(s.since)
    s.close()
    return total


@dataclass
class Cold:
    load_to_result: float  # ms from navigation start
    commit_to_result: float  # ms from the commit
    engine_bytes: int  # the search machinery's bytes downloaded by the end of the first search
    errors: list[str]
    violations: list[str]


def cold_search(browser: Browser, wire: Wire, url: str, engine: str, query: str, timeout: float) -> Cold:
    s = Session(browser, engine, wire)
    s.page.goto(url, wait_until="load")
    s.page.locator(".md-search__input").first.click()
    committed = float(s.page.evaluate("performance.now()"))
    s.commit(query)
    try:
        s.page.wait_for_function(HAS_FIRST_RESULT, timeout=timeout, polling=20)
        first = float(s.page.evaluate("window.__firstResult"))
    except PlaywrightError as e:  # reported as a failed search, with the page's errors
        s.errors.append(f"no result: {str(e).splitlines()[0]}")
        first = float("nan")
    s.page.wait_for_timeout(500)  # the last responses' loadingFinished events
    out = Cold(first, first - committed, wire.total(s.since, ENGINE_FILES[engine]), s.errors, s.violations)
    s.close()
    return out


def warm_commits(browser: Browser, wire: Wire, url: str, engine: str, queries: list[str]) -> list[float]:
    """Commit -> results in the box of a page whose engine is loaded, over a sample of queries."""
    s = Session(browser, engine, wire)
    s.page.goto(url, wait_until="networkidle")
    s.page.locator(".md-search__input").first.click()
    if engine in ("today", "stock"):
        s.page.wait_for_function(MATERIAL_READY, timeout=TIMEOUT_MS)
        s.page.evaluate(MEASURE_MATERIAL)
    else:
        s.page.evaluate("window.__bench.ready()")
        s.page.evaluate("window.__benchLat = []")
    box = s.page.locator("input.md-search__input")
    for query in queries:
        box.fill("")
        s.page.wait_for_timeout(150)
        before = int(s.page.evaluate("window.__benchLat.length"))
        s.commit(query)
        with contextlib.suppress(PlaywrightError):  # a query without results adds no sample
            s.page.wait_for_function("n => window.__benchLat.length > n", arg=before, timeout=5000, polling=20)
    samples = [float(x) for x in s.page.evaluate("window.__benchLat")]
    s.close()
    return samples


def rank(browser: Browser, wire: Wire, url: str, engine: str, queries: list[str]) -> list[dict[str, Any]]:
    """Each query's result links and the engine's time for it, asked directly (no box)."""
    s = Session(browser, engine, wire)
    s.page.goto(url, wait_until="networkidle")
    s.page.set_default_timeout(TIMEOUT_MS)
    if engine in ("today", "stock"):
        out: list[dict[str, Any]] = s.page.evaluate(MATERIAL_RANKS, [queries, engine == "stock"])
    else:
        out = s.page.evaluate("queries => window.__bench.rank(queries)", queries)
    s.close()
    return out


def csp_probe(browser: Browser, wire: Wire, url: str, engine: str, query: str) -> dict[str, Any]:
    """Does the engine search under the site's own policy (no 'wasm-unsafe-eval')? What is blocked?"""
    s = Session(browser, engine, wire)
    s.page.goto(url, wait_until="load")
    s.page.locator(".md-search__input").first.click()
    s.commit(query)
    try:
        s.page.wait_for_function(HAS_FIRST_RESULT, timeout=20_000)
        works = True
    except PlaywrightError:  # the answer is "it does not"
        works = False
    s.page.wait_for_timeout(500)
    out = {"works": works, "violations": sorted(set(s.violations)), "errors": sorted(set(s.errors))[:5]}
    s.close()
    return out


# ---------------------------------------------------------------- 1000x, the index alone

NUMBER_IN_TEXT = re.compile(r">([^<]*)<")


def multiply_pages(source: Path, dest: Path, copies: int, seed: int = 2021) -> int:
    """``copies`` copies of the marked unit pages under new collection paths, numbers in the text varied."""
    rng = random.Random(seed)
    count = 0
    for path in sorted(source.rglob("index.html")):
        rel = path.relative_to(source)
        text = path.read_text(encoding="utf-8")
        for n in range(copies):
            if n == 0:
                varied, target = text, dest / rel
            else:

                def vary(m: re.Match[str]) -> str:
                    return ">" + re.sub(r"\b\d+\b", lambda _: str(rng.randint(1, 4096)), m[1]) + "<"

                varied = NUMBER_IN_TEXT.sub(vary, text)
                parts = list(rel.parts)
                i = parts.index("faq") + 1
                parts[i] = f"m{n:02d}{parts[i]}"
                target = dest.joinpath(*parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(varied, encoding="utf-8")
            count += 1
    return count


def multiply_index(source: Path, dest: Path, copies: int, seed: int = 2021) -> int:
    """``copies`` copies of a built search index's documents under new locations, numbers varied."""
    rng = random.Random(seed)
    data = json.loads(source.read_text(encoding="utf-8"))
    docs = list(data["docs"])
    for n in range(1, copies):
        for d in data["docs"]:
            if not d["location"].startswith("faq/"):
                continue
            location = re.sub(r"^faq/", f"faq/m{n:02d}", d["location"])
            text = re.sub(r"\b\d+\b", lambda _: str(rng.randint(1, 4096)), d["text"])
            docs.append({**d, "location": location, "text": text})
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps({**data, "docs": docs}, ensure_ascii=False), encoding="utf-8")
    return len(docs)


# ---------------------------------------------------------------- one scale


def ms_list(items: list[dict[str, Any]]) -> list[float]:
    return [float(x["ms"]) for x in items]


def median_or_nan(values: list[float]) -> float:
    values = [v for v in values if v == v]
    return statistics.median(values) if values else float("nan")


def measure_scale(browser: Browser, work: Path, scale: int, runs: int, plain: bool) -> dict[str, Any]:
    """Every measure at one scale; ``plain``: also build without search (for the ratios)."""
    log(f"{scale}x: corpus")
    project = make_corpus(scale, work / f"corpus-{scale}", unit="series")
    row: dict[str, Any] = {"scale": scale, "runs": runs}
    site = work / f"site-{scale}"
    nosearch = without_search(project)
    builds, plain_builds = [], []
    for i in range(runs):
        log(f"{scale}x: build {i + 1}/{runs}")
        builds.append(mkdocs_build(project, site))
        if plain:
            plain_builds.append(mkdocs_build(project, work / f"site-{scale}-nosearch", nosearch.name))
            shutil.rmtree(work / f"site-{scale}-nosearch")
    row["build"] = median_timing(builds)
    if plain_builds:
        row["build_nosearch"] = median_timing(plain_builds)
    row["pages"] = sum(1 for _ in site.rglob("index.html"))
    sets = query_sets(project, scale)
    row["questions"] = {lang: len(question_texts(project, lang)) for lang in LANGS}
    for lang in LANGS:
        index = (site / LANG_ROOT[lang] / "search" / "search_index.json").read_bytes()
        row[f"size_today_{lang}"] = row[f"size_stock_{lang}"] = (len(index), gz(index))

    log(f"{scale}x: Pagefind")
    source = work / f"pagefind-src-{scale}"
    row["pagefind_pages"] = pagefind_source(site, source)
    row["index_pagefind"] = median_timing([pagefind_build(source, site / "pagefind") for _ in range(runs)])
    row["size_pagefind"] = pagefind_sizes(site / "pagefind")

    log(f"{scale}x: lunr")
    lunr_dir = site / "__bench" / "lunr"
    vendor_lunr(lunr_dir, work / "npm")
    row["index_lunr"] = median_timing([lunr_build(site, lunr_dir) for _ in range(runs)])
    for lang in LANGS:
        data = (lunr_dir / f"{lang}.json").read_bytes()
        row[f"size_lunr_{lang}"] = (len(data), gz(data))
    pages = harness_pages(site)

    def url_of(base: str, engine: str, lang: str) -> str:
        return base + (pages[(engine, lang, True)] if engine in ("lunr", "pagefind") else "/" + LANG_ROOT[lang] + PAGE)

    cold_timeout = TIMEOUT_MS if scale > 10 else 60_000

    def each(base: str, wire: Wire, engines: tuple[str, ...]) -> None:
        for lang in LANGS:
            sample = [q.q for q in sets[lang]["queries"][::8]]
            for engine in engines:
                url = url_of(base, engine, lang)
                log(f"{scale}x: {engine} {lang}")
                row[f"view_{engine}_{lang}"] = statistics.median(
                    page_view_bytes(browser, wire, url, engine) for _ in range(runs)
                )
                colds = [cold_search(browser, wire, url, engine, FIRST_QUERY[lang], cold_timeout) for _ in range(runs)]
                row[f"cold_{engine}_{lang}"] = colds
                row[f"warm_{engine}_{lang}"] = [
                    x for _ in range(runs) for x in warm_commits(browser, wire, url, engine, sample)
                ]
                queries, variants = sets[lang]["queries"], sets[lang]["variants"]
                ranked = rank(browser, wire, url, engine, [q.q for q in queries + variants])
                row[f"engine_{engine}_{lang}"] = ms_list(ranked[: len(queries)])
                hrefs = [r["hrefs"] for r in ranked]
                row[f"hit_{engine}_{lang}"] = (hits_at_5(queries, hrefs[: len(queries)]), len(queries))
                row[f"var_{engine}_{lang}"] = (hits_at_5(variants, hrefs[len(queries) :]), len(variants))
                row[f"misses_{engine}_{lang}"] = [
                    q.q
                    for q, h in zip(queries + variants, hrefs, strict=True)
                    if not q.expect & set(question_keys(h)[:5])
                ]

    with serve(site) as (base, wire):
        each(base, wire, ("today", "stock"))
        for engine in ("lunr", "pagefind"):
            for lang in LANGS:
                row[f"csp_{engine}_{lang}"] = csp_probe(
                    browser, wire, base + pages[(engine, lang, False)], engine, FIRST_QUERY[lang]
                )
    with headers_with_wasm(site), serve(site) as (base, wire):
        each(base, wire, ("lunr", "pagefind"))
    return row


def index_only(work: Path, largest: dict[str, Any], scale: int, timeout: float) -> dict[str, Any]:
    """lunr and Pagefind indexes alone at ``scale``, from the largest built scale's pages multiplied."""
    base = largest["scale"]
    copies = max(1, round(scale / base))
    site = work / f"site-{base}"
    out: dict[str, Any] = {"scale": base * copies, "copies": copies}
    log(f"{base * copies}x (index only): pages")
    source = work / f"pagefind-src-{base * copies}"
    out["pagefind_pages"] = multiply_pages(work / f"pagefind-src-{base}", source, copies)
    log(f"{base * copies}x (index only): Pagefind")
    try:
        out["index_pagefind"] = pagefind_build(source, work / f"pagefind-{base * copies}", timeout)
        out["size_pagefind"] = pagefind_sizes(work / f"pagefind-{base * copies}")
    except (subprocess.TimeoutExpired, RuntimeError) as e:
        out["pagefind_failed"] = str(e).splitlines()[0][-200:]
    shutil.rmtree(source, ignore_errors=True)
    log(f"{base * copies}x (index only): lunr")
    big = work / f"site-{base * copies}-index"
    for lang in LANGS:
        out[f"docs_{lang}"] = multiply_index(
            site / LANG_ROOT[lang] / "search" / "search_index.json",
            big / LANG_ROOT[lang] / "search" / "search_index.json",
            copies,
        )
        data = (big / LANG_ROOT[lang] / "search" / "search_index.json").read_bytes()
        out[f"size_today_{lang}"] = (len(data), gz(data))
    try:
        out["index_lunr"] = lunr_build(big, big / "lunr", timeout)
        for lang in LANGS:
            data = (big / "lunr" / f"{lang}.json").read_bytes()
            out[f"size_lunr_{lang}"] = (len(data), gz(data))
    except (subprocess.TimeoutExpired, RuntimeError) as e:
        out["lunr_failed"] = str(e).splitlines()[0][-200:]
    shutil.rmtree(big, ignore_errors=True)
    return out


# ---------------------------------------------------------------- report


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def kib(n: float) -> str:
    return f"{n / 1024:,.0f}"


def ms(x: float) -> str:
    return "—" if x != x else f"{x:,.0f}"


def ratio(x: float, base: float) -> str:
    return "" if x != x or base != base or not base else f" ({x / base:.2f})"


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "| --- | " + " | ".join("---:" for _ in header[1:]) + " |"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def report(rows: list[dict[str, Any]], big: list[dict[str, Any]], command: str, elapsed: float) -> str:
    out = [
        f"Measured {dt.date.today().isoformat()} on {os.cpu_count()} cores with `{command}` "
        f"({elapsed / 60:.0f} min); runs per scale: "
        + ", ".join(f"{r['scale']}× {r['runs']}" for r in rows)
        + " (medians). Chromium headless, the site served with gzip on 127.0.0.1.",
        "",
        "### Build and index",
        "",
    ]
    header = ["measure"] + [f"{r['scale']}×" for r in rows] + [f"{b['scale']}× (index only)" for b in big]
    lines: list[list[str]] = []

    def line(label: str, cell: Callable[[dict[str, Any]], str], cell_big: Callable[[dict[str, Any]], str]) -> None:
        lines.append([label] + [cell(r) for r in rows] + [cell_big(b) for b in big])

    def none(_: dict[str, Any]) -> str:
        return ""

    line(
        "pages built / questions per language",
        lambda r: f"{r['pages']:,} / {r['questions']['zh']:,}",
        lambda b: f"{b['pagefind_pages']:,} unit pages",
    )

    def plain_build(r: dict[str, Any]) -> str:
        return (
            f"{r['build_nosearch'].wall:.1f} / {r['build_nosearch'].cpu:.1f}" if "build_nosearch" in r else "not built"
        )

    def search_build(r: dict[str, Any]) -> str:
        base = r["build_nosearch"].cpu if "build_nosearch" in r else float("nan")
        return f"{r['build'].wall:.1f} / {r['build'].cpu:.1f}{ratio(r['build'].cpu, base)}"

    line("build without search, wall / CPU (s)", plain_build, none)
    line("build with Material's search (today, stock), wall / CPU (s) (CPU ratio)", search_build, none)

    def index_cell(engine: str) -> Callable[[dict[str, Any]], str]:
        def cell(r: dict[str, Any]) -> str:
            if f"{engine}_failed" in r:
                failure = str(r[f"{engine}_failed"])
                if failure.startswith("Command '"):  # subprocess.TimeoutExpired
                    return "did not finish within --index-timeout"
                return f"failed: {failure}"
            t = r[f"index_{engine}"]
            if "build_nosearch" in r:
                total = (r["build_nosearch"].cpu + t.cpu) / r["build_nosearch"].cpu
                return f"{t.wall:.1f} / {t.cpu:.1f} (build + index: {total:.2f})"
            if "build" in r:  # not built without search: the index against the build with Material's search
                return f"{t.wall:.1f} / {t.cpu:.1f} ({t.cpu / r['build'].cpu:.2f} of the build with search)"
            return f"{t.wall:.1f} / {t.cpu:.1f}"

        return cell

    line(
        "Pagefind index, wall / CPU (s) (CPU ratio to the build without search)",
        index_cell("pagefind"),
        index_cell("pagefind"),
    )
    line("lunr (PyPI) index, both languages, wall / CPU (s) (same ratio)", index_cell("lunr"), index_cell("lunr"))

    def raw_gzip(key: str) -> Callable[[dict[str, Any]], str]:
        def cell(r: dict[str, Any]) -> str:
            return f"{kib(r[key][0])} / {kib(r[key][1])}" if key in r else "—"

        return cell

    for lang in LANGS:
        line(
            f"today's / stock index {lang}, raw / gzip (KiB)",
            raw_gzip(f"size_today_{lang}"),
            raw_gzip(f"size_today_{lang}"),
        )
    for lang in LANGS:
        line(
            f"lunr index {lang} (with titles), raw / gzip (KiB)",
            raw_gzip(f"size_lunr_{lang}"),
            raw_gzip(f"size_lunr_{lang}"),
        )

    def pf_size(r: dict[str, Any]) -> str:
        if "size_pagefind" not in r:
            return "—"
        s = r["size_pagefind"]
        return f"{kib(s['disk'])} / {kib(s['served'])} ({s['files']:,} files)"

    line("Pagefind bundle, both languages, disk / served (KiB)", pf_size, pf_size)
    out += [table(header, lines), ""]

    for r in rows:
        out += [f"### Searching at {r['scale']}×", ""]
        header = ["measure"] + [ENGINE_NAMES[e] for e in ENGINES]
        lines = []
        for lang in LANGS:

            def cold(r: dict[str, Any], e: str, key: str, lang: str = lang) -> float:
                return median_or_nan([getattr(c, key) for c in r[f"cold_{e}_{lang}"]])

            lines.append([f"page view without search {lang} (KiB)"] + [kib(r[f"view_{e}_{lang}"]) for e in ENGINES])
            lines.append(
                [f"first search downloads {lang}, engine files (KiB)"]
                + [kib(median_or_nan([c.engine_bytes for c in r[f"cold_{e}_{lang}"]])) for e in ENGINES]
            )
            base_cold = cold(r, "stock", "load_to_result")
            lines.append(
                [f"cold: page load → first result {lang} (ms)"]
                + [ms(cold(r, e, "load_to_result")) + ratio(cold(r, e, "load_to_result"), base_cold) for e in ENGINES]
            )
            lines.append(
                [f"cold: commit → first result {lang} (ms)"] + [ms(cold(r, e, "commit_to_result")) for e in ENGINES]
            )
            base_warm = median_or_nan(r[f"warm_stock_{lang}"])
            lines.append(
                [f"warm: commit → results in the box {lang}, median (ms)"]
                + [
                    ms(median_or_nan(r[f"warm_{e}_{lang}"]))
                    + ratio(median_or_nan(r[f"warm_{e}_{lang}"]), base_warm)
                    + f" n={len(r[f'warm_{e}_{lang}'])}"
                    for e in ENGINES
                ]
            )
            lines.append(
                [f"engine alone per query {lang}, median / p90 (ms)"]
                + [
                    f"{median_or_nan(r[f'engine_{e}_{lang}']):.1f} / "
                    f"{statistics.quantiles(r[f'engine_{e}_{lang}'], n=10)[-1]:.1f}"
                    for e in ENGINES
                ]
            )
            lines.append(
                [f"hit@5 {lang}"]
                + [
                    f"{r[f'hit_{e}_{lang}'][0]}/{r[f'hit_{e}_{lang}'][1]} = {r[f'hit_{e}_{lang}'][0] / r[f'hit_{e}_{lang}'][1]:.1%}"
                    for e in ENGINES
                ]
            )
            lines.append(
                [f"hit@5 of the variants {lang}"]
                + [f"{r[f'var_{e}_{lang}'][0]}/{r[f'var_{e}_{lang}'][1]}" for e in ENGINES]
            )
        out += [table(header, lines), ""]
        problems = []
        for e in ENGINES:
            for lang in LANGS:
                errors = sorted({m for c in r[f"cold_{e}_{lang}"] for m in c.errors + c.violations})
                if errors:
                    problems.append(f"- {ENGINE_NAMES[e]} {lang}, cold search: " + "; ".join(errors)[:400])
        for e in ("lunr", "pagefind"):
            for lang in LANGS:
                p = r[f"csp_{e}_{lang}"]
                problems.append(
                    f"- {ENGINE_NAMES[e]} {lang} under the site's own CSP (no {WASM_CSP}): "
                    + ("searches" if p["works"] else "does not search")
                    + (f"; blocked: {'; '.join(p['violations'])}" if p["violations"] else "")
                    + (f"; console: {'; '.join(p['errors'])}"[:400] if p["errors"] else "")
                )
        for e in ENGINES:
            for lang in LANGS:
                misses = r[f"misses_{e}_{lang}"]
                if misses:
                    problems.append(f"- {ENGINE_NAMES[e]} {lang}, not in the top 5: " + ", ".join(misses)[:600])
        out += [*problems, ""]
    return "\n".join(out)


def main(argv: list[str]) -> int:
    if argv[:1] == ["lunr-index"]:  # the child process of lunr_build
        lunr_index(Path(argv[1]), Path(argv[2]))
        return 0
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scales", type=int, nargs="+", default=[1, 100])
    ap.add_argument("--runs", type=int, default=3, help="runs (medians) at scales up to 10")
    ap.add_argument("--large-runs", type=int, default=1, help="runs above 10x (a 100x run takes about half an hour)")
    ap.add_argument("--index-only", type=int, nargs="*", default=[1000], help="scales for the indexes alone")
    ap.add_argument("--index-timeout", type=float, default=300, help="seconds per index build at --index-only scales")
    ap.add_argument("--out", type=Path, help="also write the report to this file")
    ap.add_argument("--raw", type=Path, help="also keep the measurements (pickle), to print the report again")
    ap.add_argument("--plain-max-scale", type=int, default=10, help="build without search only up to this scale")
    ap.add_argument(
        "--report-from", type=Path, nargs="+", help="print the report of measurements kept with --raw, measure nothing"
    )
    args = ap.parse_args(argv)
    if args.report_from:
        kept = [pickle.loads(path.read_bytes()) for path in args.report_from]
        merged = sorted((r for k in kept for r in k["rows"]), key=lambda r: int(r["scale"]))
        print(
            report(
                merged,
                [b for k in kept for b in k["big"]],
                "; ".join(k["command"] for k in kept),
                sum(k["elapsed"] for k in kept),
            )
        )
        return 0
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found (scripts/install-system-deps.sh installs Debian's chromium)", file=sys.stderr)
        return 1
    shown = [
        a for i, a in enumerate(argv) if a not in ("--out", "--raw") and argv[i - 1 : i] not in (["--out"], ["--raw"])
    ]
    command = " ".join([".venv/bin/python scripts/bench_engines.py", *shown])
    started = time.perf_counter()
    rows: list[dict[str, Any]] = []
    big: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench-engines-") as t, sync_playwright() as p:
        work = Path(t)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for scale in args.scales:
            runs = args.runs if scale <= 10 else min(args.runs, args.large_runs)
            rows.append(measure_scale(browser, work, scale, runs, scale <= args.plain_max_scale))
        browser.close()
        if rows:
            for scale in args.index_only:
                big.append(index_only(work, max(rows, key=lambda r: int(r["scale"])), scale, args.index_timeout))
    elapsed = time.perf_counter() - started
    if args.raw:
        args.raw.write_bytes(pickle.dumps({"rows": rows, "big": big, "command": command, "elapsed": elapsed}))
    text = report(rows, big, command, elapsed)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

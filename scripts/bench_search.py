"""Search benchmark at 1x and 100x the season: build, index size, page weight, search latency.

Usage: python scripts/bench_search.py [--scales 1 100] [--runs 3]

For each scale: a corpus (scripts/make_corpus.py), built --runs times
(median), served on 127.0.0.1 with gzip as a static host would
(faqsite.devserver), and driven in the system Chromium:

- bytes a first page view transfers (no cache, no search);
- time from the start of page load to the first search result shown;
- median time from a keystroke (or an input method's commit) to results.

Search is measured with our worker and, as the baseline in the same run, with
Material's worker alone ("stock": our worker swapped for one that only loads
Material's). Prints Markdown tables for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from make_corpus import make_corpus  # noqa: E402

from faqsite.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from faqsite.devserver import serve  # noqa: E402

STOCK_WORKER = "importScripts(new URL(self.location.href).searchParams.get('material'));"
PAGES = {"zh": "/faq/2021-s1/issue-3/", "en": "/en/faq/2021-s1/issue-3/"}
FIRST_QUERY = {"zh": "共享内存", "en": "TensorRT"}  # found by stock search too
QUERIES = {
    "zh": ["位置编码", "共享内存", "重参数", "过采样", "内存访问成本", "归纳偏置"],
    "en": ["batch_size", "shared memory", "oversampling", "TensorRT", "inductive bias", "num_workers"],
}

MEASURE = """() => {
  const input = document.querySelector('input.md-search__input');
  const results = document.querySelector('.md-search-result');
  window.__lat = []; window.__pending = null;
  const start = () => { window.__pending = performance.now(); };
  input.addEventListener('keydown', start, true);
  input.addEventListener('compositionend', start, true);
  new MutationObserver(() => {
    if (window.__pending !== null && document.querySelector('.md-search-result__item')) {
      window.__lat.push(performance.now() - window.__pending); window.__pending = null;
    }
  }).observe(results, {childList: true, subtree: true, characterData: true});
}"""


def build(project: Path, dest: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(dest)],
        cwd=project,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def new_page(browser: Browser, stock: bool) -> Page:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    if stock:
        page.route(
            "**/workers/faq-search.js*", lambda route: route.fulfill(body=STOCK_WORKER, content_type="text/javascript")
        )
    return page


def page_weight(browser: Browser, url: str, stock: bool) -> int:
    """Bytes on the wire for one page view that does not search.

    stock: without our search setup, so Material downloads the index at once.
    """
    page = new_page(browser, stock=False)
    if stock:
        page.route("**/search-setup.js*", lambda route: route.fulfill(body="", content_type="text/javascript"))
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    sizes: dict[str, float] = {}
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(1500)
    page.context.close()
    return int(sum(sizes.values()))


def type_query(page: Page, cdp: Any, lang: str, query: str) -> None:
    if lang == "zh":
        cdp.send("Input.imeSetComposition", {"text": "pinyin", "selectionStart": 6, "selectionEnd": 6})
        cdp.send("Input.insertText", {"text": query})
    else:
        page.keyboard.type(query, delay=120)


def first_result_ms(browser: Browser, url: str, lang: str, stock: bool) -> float:
    """From navigation start to the first result, typing as soon as the page has loaded."""
    page = new_page(browser, stock)
    cdp = page.context.new_cdp_session(page)
    page.goto(url, wait_until="load")
    page.locator(".md-search__input").first.click()
    type_query(page, cdp, lang, FIRST_QUERY[lang])
    page.wait_for_selector(".md-search-result__item", timeout=120_000)
    ms = float(page.evaluate("performance.now()"))
    page.context.close()
    return ms


def keystroke_ms(browser: Browser, url: str, lang: str, stock: bool) -> list[float]:
    page = new_page(browser, stock)
    cdp = page.context.new_cdp_session(page)
    page.goto(url, wait_until="networkidle")
    page.locator(".md-search__input").first.click()
    page.wait_for_function(  # the worker has built the index: Material shows its placeholder
        "document.querySelector('.md-search-result__meta').textContent.trim() === JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']",
        timeout=180_000,
    )
    page.evaluate(MEASURE)
    for query in QUERIES[lang]:
        page.locator("input.md-search__input").fill("")
        page.wait_for_timeout(200)
        if lang == "zh":
            for word in (query[: len(query) // 2], query[len(query) // 2 :]):  # two commits per query
                type_query(page, cdp, lang, word)
                page.wait_for_timeout(250)
        else:
            type_query(page, cdp, lang, query)
            page.wait_for_timeout(250)
    samples = [float(x) for x in page.evaluate("window.__lat")]
    page.context.close()
    return samples


def kib(n: float) -> str:
    return f"{n / 1024:,.0f}"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scales", type=int, nargs="+", default=[1, 100])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as t, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for scale in args.scales:
            project = make_corpus(scale, Path(t) / f"corpus-{scale}")
            site = Path(t) / f"site-{scale}"
            builds = [build(project, site) for _ in range(args.runs)]
            row: dict[str, Any] = {"scale": scale, "build": statistics.median(builds)}
            for lang, prefix in (("zh", ""), ("en", "en/")):
                index = (site / prefix / "search" / "search_index.json").read_bytes()
                row[f"index_{lang}"] = (len(index), len(gzip.compress(index, 6)))
            with serve(site) as base:
                for lang, path in PAGES.items():
                    url = base + path
                    for mode in ("ours", "stock"):
                        row[f"weight_{lang}_{mode}"] = statistics.median(
                            page_weight(browser, url, mode == "stock") for _ in range(args.runs)
                        )
                    for mode in ("ours", "stock"):
                        stock = mode == "stock"
                        row[f"first_{lang}_{mode}"] = statistics.median(
                            first_result_ms(browser, url, lang, stock) for _ in range(args.runs)
                        )
                        lat = [x for _ in range(args.runs) for x in keystroke_ms(browser, url, lang, stock)]
                        row[f"key_{lang}_{mode}"] = (statistics.median(lat) if lat else float("nan"), len(lat))
            rows.append(row)
            print(f"scale {scale}: done", file=sys.stderr)
        browser.close()

    print(f"runs: {args.runs} (medians), {os.cpu_count()} cores, Chromium headless, gzip served on 127.0.0.1\n")
    print("| measure | " + " | ".join(f"{r['scale']}×" for r in rows) + " |")
    print("| --- | " + " | ".join("---:" for _ in rows) + " |")

    def line(label: str, cell: Any) -> None:
        print(f"| {label} | " + " | ".join(cell(r) for r in rows) + " |")

    line("build time (s)", lambda r: f"{r['build']:.1f}")
    for lang in ("zh", "en"):
        line(
            f"search index {lang}, raw / gzip (KiB)",
            lambda r, lang=lang: f"{kib(r[f'index_{lang}'][0])} / {kib(r[f'index_{lang}'][1])}",
        )
    for lang in ("zh", "en"):
        line(
            f"first page view {lang}, transferred (KiB), ours / stock",
            lambda r, lang=lang: f"{kib(r[f'weight_{lang}_ours'])} / {kib(r[f'weight_{lang}_stock'])}",
        )
    for lang in ("zh", "en"):
        line(
            f"page load → first result {lang} (ms), ours / stock",
            lambda r, lang=lang: f"{r[f'first_{lang}_ours']:.0f} / {r[f'first_{lang}_stock']:.0f}",
        )
    for lang in ("zh", "en"):
        line(
            f"keystroke → results {lang}, median (ms), ours / stock (ratio)",
            lambda r, lang=lang: (
                f"{r[f'key_{lang}_ours'][0]:.0f} / {r[f'key_{lang}_stock'][0]:.0f} ({r[f'key_{lang}_ours'][0] / r[f'key_{lang}_stock'][0]:.2f})"
            ),
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Search as shipped: our Pagefind search against stock Material search, at 1x, 100x and 1,000x the series.

Usage: python scripts/bench_search.py [--scales 1 100] [--runs 3] [--build-scales 1 10]
                                      [--large-runs 1] [--index-only 1000] [--index-timeout 600] [--raw FILE]
       python scripts/bench_search.py --report FILE

At 1x (the real site: the whole series as docs/ holds it), a snapshot of the
project (scripts/make_corpus.py, scale 1) is built three ways, --runs times
each, alternately:

  ours   the project as it is: the faqsite plugin writes the Pagefind bundle
         (src/faqsite/search) and search.js drives Material's search box;
  stock  stock Material search: the faqsite plugin's `search: false`, Material's
         `search` plugin (its defaults; jieba, installed, segments Chinese)
         before mkdocs-static-i18n (its default `reconfigure_search: true`),
         and Material's own header and search box (our partials header.html and
         search.html deleted from the copy); the faqsite plugin drops Material's
         search worker and lunr files from every build, so they are copied back
         from the installed theme after the timed build;
  none   `search: false`: no search at all, the baseline of build times.

At larger scales the index alone: a full build of 100x the series does not
finish in reasonable time here (Material's navigation on every page, see
BENCHMARKS.md), so the real site's question records (read from the built 1x
pages, as the plugin reads them) get scale - 1 deterministic synthetic copies
per language (text recombined from the real answers' sentences with varied
model names and numbers by scripts/make_corpus.py's helpers, each copy with its
own collection path, `faq/syn007-2021-s1/issue-3/#q3-2`), bundled by
faqsite.search.bundle.bundle() in a child process (wall time; CPU of the child
and of the Pagefind process it runs), and served in place of site/pagefind/ of
a copy of the 1x site. For the build target, the project is also built without
search (and with ours) at --build-scales (make_corpus.py --unit series).

The projects and the package's code (src/, through PYTHONPATH) are copied once
at the start, so that edits to the tree during the run change nothing. Every
search bundle (bundled alone or by a build) is checked before it is used: a
bundle with an empty or cut-short file (Pagefind's service, stopped right after
it acknowledges the writing, can leave one on a busy machine) is made again,
and counted.

Every site is served on 127.0.0.1 by faqsite.devserver's handler (gzip, the
site's _headers), which counts the bytes it sends per path (headers and body,
compressed as sent, workers' requests included), and driven in the system
Chromium, headless, on the zh page /faq/2021-s1/issue-3/ and the en page
/en/faq/2021-s1/issue-3/:

- page view: a fresh context loads the page and does not search: bytes sent,
  and how many of them are the search index or engine;
- cold first search: a fresh context loads the page, clicks in the search box
  and commits a query at once as an input method does (CDP imeSetComposition,
  insertText, then the commit key's keyup, which is what Material listens to):
  ms from the commit to the first `.md-search-result__item` in the page, and
  from navigation start; bytes of the search files downloaded by then
  (pagefind/ for ours; Material's index, worker and lunr files for stock),
  and how many of the results shown are in the page's language;
- keystroke -> results: in a page whose engine is loaded, ~20 queries spread
  over tests/browser/data/search_queries.yml, a query with Chinese committed
  by an input method, any other typed key by key; ms from each keydown (or
  commit) to the next update of the result box's content (with ours, once
  aria-busy is "false"), all samples of all runs: median and p90.

Prints Markdown tables (for BENCHMARKS.md); --raw FILE writes every figure as
JSON (after each step, so that a failed run keeps what it measured), and
--report FILE prints the tables of such a file again without measuring.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gzip
import importlib.util
import json
import os
import random
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils import get_theme_dir
from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

import make_corpus  # noqa: E402
from counting_server import Wire, serve  # noqa: E402

from faqsite.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from faqsite.markdown.model import read_page  # noqa: E402
from faqsite.search.records import Record, question_records  # noqa: E402

LANGS = ("zh", "en")
LANG_ROOT = {"zh": "", "en": "en/"}
PAGE = "faq/2021-s1/issue-3/"
FIRST_QUERY = {"zh": "共享内存", "en": "TensorRT"}  # found by both engines
QUERY_FILE = ROOT / "tests" / "browser" / "data" / "search_queries.yml"
KEYSTROKE_QUERIES = 20
MODES = ("ours", "stock", "none")
SEED = 2021
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# the search index and engine, as each mode downloads it (the rest is the page)
SEARCH_FILES = {
    "ours": re.compile(r"/pagefind/"),
    "stock": re.compile(r"/search/search_index\.json|/assets/javascripts/workers/|/assets/javascripts/lunr/"),
    "none": re.compile(r"/pagefind/|/search/search_index\.json|/assets/javascripts/workers/"),
}
MATERIAL = Path(get_theme_dir("material")) / "assets" / "javascripts"  # the theme's search worker and lunr
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">.*?</article>', re.S)
COLLECTION = re.compile(r"(?<![^/])faq/([^/]+)/")
WHERE_SUFFIX = {"zh": "合成副本 {n}", "en": "synthetic copy {n}"}
MARKDOWN_MARKS = re.compile(r"`|\*\*")
KEY_TIMEOUT_MS = 5000
RESULT_TIMEOUT_MS = 120_000

# installed in every page before its scripts: the time of the first commit and of the first result
FIRST_RESULT = """
document.addEventListener('compositionend', () => {
  if (window.__benchCommit === undefined) window.__benchCommit = performance.now();
}, true);
new MutationObserver((_, observer) => {
  if (document.querySelector('.md-search-result__item')) {
    window.__benchFirst = performance.now(); observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});
"""
# the time from each keydown or commit to the next update of the result box's content
KEYSTROKES = """() => {
  const box = document.querySelector('[data-md-component=search-result]');
  const input = document.querySelector('input.md-search__input');
  const bench = window.__benchKeys = {pending: null, samples: []};
  const start = () => { bench.pending = performance.now(); };
  input.addEventListener('keydown', start, true);
  input.addEventListener('compositionend', start, true);
  new MutationObserver(records => {
    if (bench.pending === null || box.getAttribute('aria-busy') === 'true') return;
    if (!records.some(r => r.type !== 'attributes')) return;
    bench.samples.push(performance.now() - bench.pending); bench.pending = null;
  }).observe(box, {childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['aria-busy']});
}"""
CLEAR = "() => { document.querySelector('input.md-search__input').value = ''; window.__benchKeys.pending = null; }"
# each result link shown, for the language check (ours: one per question; stock: pages and their sections)
RESULT_LINKS = "() => Array.from(document.querySelectorAll('.md-search-result__item a[href]'), a => a.href)"
# the child process that bundles records (a JSON-lines file) into a folder, timing bundle() alone
BUNDLE_CHILD = """
import json, resource, sys, time
from pathlib import Path
from faqsite.search.bundle import bundle
from faqsite.search.records import Record

def cpu(who):
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime

records = [Record(**json.loads(line)) for line in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()]
before = time.perf_counter(), cpu(resource.RUSAGE_SELF), cpu(resource.RUSAGE_CHILDREN)
files = bundle(records)
after = time.perf_counter(), cpu(resource.RUSAGE_SELF), cpu(resource.RUSAGE_CHILDREN)
out = Path(sys.argv[2])
for path, content in files.items():
    (out / path).parent.mkdir(parents=True, exist_ok=True)
    (out / path).write_bytes(content)
wall, python, pagefind = (b - a for a, b in zip(before, after))
print(json.dumps({"wall": wall, "cpu": python + pagefind, "pagefind_cpu": pagefind}))
"""
ATTEMPTS = 3


def log(message: str) -> None:
    print(f"[{dt.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- projects and builds


@dataclass
class Timing:
    wall: float
    cpu: float  # user + system of the child processes: less sensitive to a shared machine


def run_timed(cmd: list[str], cwd: Path, timeout: float | None = None) -> tuple[Timing, str]:
    """Runs ``cmd`` in its own process group (killed whole on timeout); its time and standard output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        cwd=cwd,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode:
        raise RuntimeError(f"{' '.join(cmd[:4])}… exited {proc.returncode}: {err.strip()[-2000:]}")
    return Timing(wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime), out


def median_timing(timings: list[Timing]) -> Timing:
    return Timing(statistics.median(t.wall for t in timings), statistics.median(t.cpu for t in timings))


FAQSITE_PLUGIN = re.compile(r"^  - faqsite:?[ \t]*(?:\n|$)((?:      .*(?:\n|$))*)", re.M)  # the entry and its options
I18N_PLUGIN = re.compile(r"^  - i18n:\n", re.M)


def configure(text: str, mode: str) -> str:
    """mkdocs.yml for a mode: as it is (ours), without search (none), with Material's search (stock)."""
    if mode == "ours":
        return text

    def without_search(m: re.Match[str]) -> str:
        options = [line for line in m[1].splitlines() if not line.startswith("      search:")]
        return "\n".join(["  - faqsite:", "      search: false", *options]) + "\n"

    out, found = FAQSITE_PLUGIN.subn(without_search, text, count=1)
    if mode == "stock":
        out, plugin = I18N_PLUGIN.subn("  - search\n  - i18n:\n", out, count=1)
        out = out.replace("reconfigure_search: false", "reconfigure_search: true")  # the plugin's default
        found *= plugin
    if not found:
        raise RuntimeError(f"mkdocs.yml: cannot configure the {mode!r} build (faqsite or i18n plugin entry not found)")
    return out


def make_project(work: Path, scale: int, mode: str) -> Path:
    """A complete project (make_corpus.py --unit series) configured for ``mode``."""
    project = make_corpus.make_corpus(scale, work / f"project-{scale}x-{mode}", SEED, unit="series")
    config = project / "mkdocs.yml"
    config.write_text(configure(config.read_text(encoding="utf-8"), mode), encoding="utf-8")
    if mode == "stock":  # Material's own header and search box
        for name in ("header.html", "search.html"):
            (project / "overrides" / "partials" / name).unlink()
    return project


def build(project: Path, site: Path, mode: str) -> Timing:
    timing, _ = run_timed([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], project)
    if mode == "stock":  # what the faqsite plugin drops from every build (Material's search engine)
        for folder in ("workers", "lunr"):
            shutil.copytree(MATERIAL / folder, site / "assets" / "javascripts" / folder, dirs_exist_ok=True)
    return timing


def snapshot(work: Path, scales: list[int]) -> None:
    """The projects of every scale and mode, and the package's code (src/, which the builds and the
    bundle import through PYTHONPATH), copied at once: the tree may change while the benchmark runs."""
    if importlib.util.find_spec("jieba") is None:  # Material would index Chinese unsegmented, silently
        raise RuntimeError(
            "jieba is not installed: stock Material search needs it for Chinese (.venv/bin/pip install jieba)"
        )
    code = work / "src"
    shutil.copytree(ROOT / "src", code, ignore=shutil.ignore_patterns("__pycache__"))
    os.environ["PYTHONPATH"] = os.pathsep.join([str(code), *filter(None, [os.environ.get("PYTHONPATH")])])
    # the children's temporary files (bundle() writes one document per record) go with the work
    # folder, also when a child is killed on --index-timeout before it can clean up
    (work / "tmp").mkdir()
    os.environ["TMPDIR"] = str(work / "tmp")
    for scale in scales:
        for mode in MODES if scale == 1 else ("ours", "none"):
            make_project(work, scale, mode)


def measure_builds(work: Path, scale: int, modes: tuple[str, ...], runs: int) -> tuple[dict[str, Any], dict[str, Path]]:
    """Builds of each mode (projects made by snapshot()), alternately, ``runs`` times: medians, and the
    last site of each mode."""
    projects = {mode: work / f"project-{scale}x-{mode}" for mode in modes}
    sites = {mode: work / f"site-{scale}x-{mode}" for mode in modes}
    timings: dict[str, list[Timing]] = {mode: [] for mode in modes}
    broken: list[str] = []  # builds made again: failed, or a search bundle not whole (see bundle_problem)
    for run in range(runs):
        for mode in modes:
            for _ in range(ATTEMPTS):
                try:
                    timing = build(projects[mode], sites[mode], mode)
                except RuntimeError as e:
                    broken.append(f"{mode}: {str(e).strip().splitlines()[-1][:200]}")
                    continue
                problem = bundle_problem(sites[mode] / "pagefind") if mode == "ours" else None
                if problem is None:
                    break
                broken.append(f"{mode}: {problem}")
            else:
                raise RuntimeError(f"{scale}x {mode}: no whole build in {ATTEMPTS} attempts: {'; '.join(broken)}")
            timings[mode].append(timing)
            log(f"{scale}x build {mode} {run + 1}/{runs}: {timing.wall:.1f} s")
    units = [p for p in (projects[modes[0]] / "docs" / "zh" / "faq").rglob("*.md") if p.name != "index.md"]
    out: dict[str, Any] = {f"build_{mode}": asdict(median_timing(timings[mode])) for mode in modes}
    out["broken"] = broken
    out["pages"] = sum(1 for _ in sites[modes[0]].rglob("*.html"))
    out["questions"] = sum(len(read_page(p).questions) for p in units)
    return out, sites


# ---------------------------------------------------------------- records and synthetic bundles


def site_records(project: Path, site: Path) -> list[Record]:
    """The question records of the built unit pages, as the faqsite plugin makes them."""
    out: list[Record] = []
    for lang in LANGS:
        for index in sorted((project / "docs" / lang / "faq").glob("*/index.md")):
            meta = read_page(index).meta
            collection = str(meta.get("nav_title", meta.get("title", index.parent.name)))
            for unit in sorted(index.parent.glob("*.md")):
                if unit.name == "index.md":
                    continue
                url = f"{LANG_ROOT[lang]}faq/{index.parent.name}/{unit.stem}/"
                article = ARTICLE.search((site / url / "index.html").read_text(encoding="utf-8"))
                if article is None:
                    raise RuntimeError(f"{url}: no article in the built page")
                where = f"{collection} · {read_page(unit).meta.get('title', unit.stem)}"
                out += question_records(article[0], url=url, lang=lang, where=where)
    return out


def synthetic_records(real: list[Record], scale: int) -> list[Record]:
    """The real records and scale - 1 synthetic copies of them, deterministic (make_corpus.py's text)."""
    pools = {lang: make_corpus.pools(lang) for lang in LANGS}
    out = list(real)
    for n in range(1, scale):
        for i, record in enumerate(real):
            rng = random.Random(f"{SEED}-{n}-{i}")
            titles, sentences = pools[record.lang]
            body = make_corpus.question_body(sentences, rng, record.lang)
            text = " ".join(MARKDOWN_MARKS.sub("", body).split())
            url = COLLECTION.sub(f"faq/syn{n:03d}-" + r"\1/", record.url, count=1)
            where = f"{record.where} · {WHERE_SUFFIX[record.lang].format(n=n)}"
            title = make_corpus.vary(rng.choice(titles), rng)
            out.append(Record(url, record.lang, record.label, title, where, text))
    return out


def bundle_problem(folder: Path) -> str | None:
    """What is wrong with a written Pagefind bundle, if anything: an empty file, a compressed file
    that does not decompress (cut short), an entry that does not parse.

    Pagefind's Python service is stopped as soon as it acknowledges the writing of the files; on a
    busy machine some are then empty or cut short. The benchmark counts such bundles and makes them
    again, so that it measures a whole one."""
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        try:
            if not data:
                return f"{path.name} is empty"
            if path.suffix in (".pf_meta", ".pf_index", ".pf_fragment") or path.name.startswith("wasm."):
                gzip.decompress(data)
            elif path.name == "pagefind-entry.json":
                json.loads(data)
        except (OSError, EOFError, ValueError) as e:
            return f"{path.name}: {e}"
    return None


def bundle_records(records: list[Record], site: Path, work: Path, timeout: float | None) -> dict[str, Any]:
    """faqsite.search.bundle.bundle(records) in a child process, written over ``site``/pagefind/; made
    again (at most ATTEMPTS times) while it fails or its files are not whole."""
    source = work / "records.jsonl"
    source.write_text("".join(json.dumps(asdict(r), ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    broken: list[str] = []
    for _ in range(ATTEMPTS):
        shutil.rmtree(site / "pagefind", ignore_errors=True)
        try:
            _, out = run_timed([sys.executable, "-c", BUNDLE_CHILD, str(source), str(site)], ROOT, timeout)
        except RuntimeError as e:
            broken.append(str(e).strip().splitlines()[-1][:200])
            continue
        problem = bundle_problem(site / "pagefind")
        if problem is None:
            break
        broken.append(problem)
    else:
        raise RuntimeError(f"no whole bundle in {ATTEMPTS} attempts: {'; '.join(broken)}")
    source.unlink()
    child = json.loads(out.strip().splitlines()[-1])
    files = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    return {
        "records": len(records),
        "bundle_wall": child["wall"],  # bundle() alone, in the child
        "bundle_cpu": child["cpu"],  # bundle()'s Python and the Pagefind process it runs
        "pagefind_cpu": child["pagefind_cpu"],
        "files": len(files),
        "disk": sum(p.stat().st_size for p in files),
        "broken": broken,
    }


def site_copy(source: Path, dest: Path) -> Path:
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns("pagefind"))
    return dest


# ---------------------------------------------------------------- serving and the browser


class Session:
    """A fresh browser context (empty cache) on one page."""

    def __init__(self, browser: Browser, wire: Wire) -> None:
        self.wire = wire
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page: Page = self.context.new_page()
        self.page.add_init_script(FIRST_RESULT)
        self.errors: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.cdp = self.context.new_cdp_session(self.page)
        self.since = wire.mark()

    def close(self) -> None:
        self.context.close()

    def commit(self, query: str) -> None:
        """An input method's commit of the whole query, then the release of the commit key (Material
        reads the box on keyup; ours on compositionend)."""
        self.cdp.send("Input.imeSetComposition", {"text": "pinyin", "selectionStart": 6, "selectionEnd": 6})
        self.cdp.send("Input.insertText", {"text": query})
        self.cdp.send(
            "Input.dispatchKeyEvent", {"type": "keyUp", "key": " ", "code": "Space", "windowsVirtualKeyCode": 32}
        )

    def open_box(self) -> None:
        self.page.locator("input.md-search__input").click()


def page_view(browser: Browser, wire: Wire, url: str, mode: str) -> dict[str, int]:
    """A page view that does not search: bytes sent, and those of the search index or engine."""
    s = Session(browser, wire)
    s.page.goto(url, wait_until="networkidle")
    s.page.wait_for_timeout(1000)
    out = {"bytes": wire.total(s.since), "search_bytes": wire.total(s.since, SEARCH_FILES[mode])}
    s.close()
    return out


def cold_search(browser: Browser, wire: Wire, url: str, mode: str, lang: str) -> dict[str, Any]:
    """Load, click in the box, commit the first query at once: until the first result is in the page."""
    s = Session(browser, wire)
    s.page.goto(url, wait_until="load")
    s.open_box()
    s.commit(FIRST_QUERY[lang])
    try:
        s.page.wait_for_function("() => window.__benchFirst !== undefined", timeout=RESULT_TIMEOUT_MS, polling=10)
    except PlaywrightError as e:
        s.close()
        raise RuntimeError(f"{url} ({mode}): no result for {FIRST_QUERY[lang]!r}: {s.errors or str(e)[:300]}") from None
    search_bytes = wire.total(s.since, SEARCH_FILES[mode])
    first, committed = s.page.evaluate("() => [window.__benchFirst, window.__benchCommit]")
    s.page.wait_for_timeout(300)  # the rest of the list, for the language check
    links = [str(h) for h in s.page.evaluate(RESULT_LINKS)]
    own = [h for h in links if ("/en/" in h) == (lang == "en")]
    s.close()
    return {
        "from_commit": float(first) - float(committed),
        "from_navigation": float(first),
        "search_bytes": search_bytes,
        "links": len(links),
        "own_language": len(own),
    }


def keystroke_queries(lang: str) -> list[str]:
    entries = yaml.safe_load(QUERY_FILE.read_text(encoding="utf-8"))[lang]
    step = len(entries) / KEYSTROKE_QUERIES
    return [str(entries[int(i * step)]["q"]) for i in range(KEYSTROKE_QUERIES)]


def keystrokes(browser: Browser, wire: Wire, url: str, lang: str) -> dict[str, Any]:
    """Keydown or commit -> result box updated, in a page whose engine is loaded (a first search done)."""
    s = Session(browser, wire)
    s.page.goto(url, wait_until="load")
    s.open_box()
    s.commit(FIRST_QUERY[lang])
    s.page.wait_for_function("() => window.__benchFirst !== undefined", timeout=RESULT_TIMEOUT_MS, polling=50)
    s.page.wait_for_timeout(300)
    s.page.evaluate(KEYSTROKES)
    events = 0

    def next_sample(send: Callable[[], None]) -> None:
        nonlocal events
        before = int(s.page.evaluate("() => window.__benchKeys.samples.length"))
        send()
        events += 1
        try:
            s.page.wait_for_function(
                "n => window.__benchKeys.samples.length > n", arg=before, timeout=KEY_TIMEOUT_MS, polling=10
            )
        except PlaywrightError:  # no update within the time: counted as a miss
            s.page.evaluate("() => { window.__benchKeys.pending = null; }")

    for query in keystroke_queries(lang):
        # the box emptied without an event, as when the reader selects the query and types over it
        s.page.evaluate(CLEAR)
        s.page.wait_for_timeout(60)
        if HAN.search(query) or not query.isascii():
            next_sample(partial(s.commit, query))
        else:
            for char in query:
                next_sample(partial(s.page.keyboard.press, "Space" if char == " " else char))
    samples = [float(x) for x in s.page.evaluate("() => window.__benchKeys.samples")]
    s.close()
    return {"samples": samples, "events": events}


def measure_search(browser: Browser, sites: dict[str, Path], runs: int) -> dict[str, Any]:
    """Page view, cold first search and keystrokes, per language, on each mode's site, ``runs`` times.

    The modes alternate within each run, after one unrecorded cold search per site and language (the
    browser's own first start is not the engine's)."""
    out: dict[str, Any] = {}
    with contextlib.ExitStack() as stack:
        served = {mode: stack.enter_context(serve(site)) for mode, site in sites.items()}
        for lang in LANGS:
            urls = {mode: f"{base}/{LANG_ROOT[lang]}{PAGE}" for mode, (base, _) in served.items()}
            searched = [mode for mode in served if mode != "none"]
            for mode in searched:
                cold_search(browser, served[mode][1], urls[mode], mode, lang)
            views: dict[str, list[dict[str, int]]] = {mode: [] for mode in served}
            colds: dict[str, list[dict[str, Any]]] = {mode: [] for mode in searched}
            keys: dict[str, list[dict[str, Any]]] = {mode: [] for mode in searched}
            for _ in range(runs):
                for mode, (_, wire) in served.items():
                    views[mode].append(page_view(browser, wire, urls[mode], mode))
                    if mode in searched:
                        colds[mode].append(cold_search(browser, wire, urls[mode], mode, lang))
                        keys[mode].append(keystrokes(browser, wire, urls[mode], lang))
            for mode in served:
                out[f"view_{lang}_{mode}"] = {k: statistics.median(v[k] for v in views[mode]) for k in views[mode][0]}
            for mode in searched:
                out[f"cold_{lang}_{mode}"] = {
                    **{
                        k: statistics.median(c[k] for c in colds[mode])
                        for k in ("from_commit", "from_navigation", "search_bytes")
                    },
                    "own_language": min(c["own_language"] for c in colds[mode]),
                    "links": max(c["links"] for c in colds[mode]),
                    "runs": [round(c["from_commit"], 1) for c in colds[mode]],
                }
                samples = [x for k in keys[mode] for x in k["samples"]]
                out[f"keys_{lang}_{mode}"] = {
                    "median": statistics.median(samples),
                    "p90": statistics.quantiles(samples, n=10)[8],
                    "n": len(samples),
                    "events": sum(k["events"] for k in keys[mode]),
                }
                log(
                    f"{lang} {mode}: cold {out[f'cold_{lang}_{mode}']['from_commit']:.0f} ms from the commit, "
                    f"keystrokes {out[f'keys_{lang}_{mode}']['median']:.1f} ms median"
                )
    return out


# ---------------------------------------------------------------- the run


def index_at(
    scale: int, real: list[Record], base_site: Path, work: Path, runs: int, timeout: float | None
) -> dict[str, Any]:
    """The bundle of ``scale`` times the real records, timed ``runs`` times, written into a copy of the 1x site."""
    records = synthetic_records(real, scale)
    site = site_copy(base_site, work / f"site-{scale}x-index")
    bundles = [bundle_records(records, site, work, timeout) for _ in range(runs)]
    out: dict[str, Any] = {k: statistics.median(b[k] for b in bundles) for k in bundles[0] if k != "broken"}
    out["broken"] = [problem for b in bundles for problem in b["broken"]]
    out["attempts"] = runs + len(out["broken"])
    log(f"{scale}x index: {out['records']} records, {out['bundle_wall']:.1f} s, {out['disk'] / 2**20:.0f} MiB")
    return {**out, "site": site}


def save(result: dict[str, Any], path: Path | None) -> None:
    """Every figure so far as JSON (written after each step, so that a failed run keeps what it measured)."""
    if path is not None:
        path.write_text(json.dumps(result, indent=1, default=str), encoding="utf-8")


def run(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    result: dict[str, Any] = {"builds": {}, "index": {}, "search": {}, "failures": {}}
    snapshot(work, sorted({1, *args.build_scales}))
    one, sites = measure_builds(work, 1, MODES, args.runs)
    result["builds"][1] = one
    real = site_records(work / "project-1x-ours", sites["ours"])
    if len(real) != 2 * one["questions"]:
        raise RuntimeError(f"{len(real)} records read from the 1x site, expected {2 * one['questions']}")
    for scale in sorted(set(args.build_scales) - {1}):
        builds, large = measure_builds(work, scale, ("ours", "none"), args.large_runs)
        result["builds"][scale] = builds
        for site in large.values():
            shutil.rmtree(site)
        save(result, args.raw)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        result["search"][1] = measure_search(browser, sites, args.runs)
        save(result, args.raw)
        for scale in sorted({1, *args.build_scales, *args.scales}):
            index = index_at(scale, real, sites["ours"], work, args.runs if scale <= 10 else args.large_runs, None)
            site = index.pop("site")
            result["index"][scale] = index
            if scale > 1 and scale in args.scales:
                result["search"][scale] = measure_search(browser, {"ours": site}, args.runs)
            shutil.rmtree(site)
            save(result, args.raw)
        for scale in args.index_only:
            try:
                index = index_at(scale, real, sites["ours"], work, 1, args.index_timeout)
            except subprocess.TimeoutExpired:
                result["failures"][scale] = f"the bundle did not finish within {args.index_timeout:.0f} s"
                log(f"{scale}x index: {result['failures'][scale]}")
                continue
            site = index.pop("site")
            result["index"][scale] = index
            try:
                result["search"][scale] = measure_search(browser, {"ours": site}, 1)
            except (RuntimeError, PlaywrightError) as e:
                result["failures"][scale] = f"searching failed: {str(e).splitlines()[0][:300]}"
            shutil.rmtree(site)
        browser.close()
    return result


# ---------------------------------------------------------------- the report


def kib(n: float) -> str:
    return f"{n / 1024:,.0f}"


def mib(n: float) -> str:
    return f"{n / 2**20:,.1f}"


def ms(x: float) -> str:
    return f"{x:,.0f}" if x >= 10 else f"{x:.1f}"


def ratio(x: float, base: float) -> str:
    return f"{x / base:.2f}" if base else "—"


def table(header: list[str], rows: list[list[str]], failures: dict[int, str] | None = None) -> str:
    """A Markdown table; a scale that failed says why in its column's first cell."""
    for scale, why in (failures or {}).items():
        column = header.index(f"{scale:,}×")
        rows[0][column] = why
    lines = ["| " + " | ".join(header) + " |", "| --- | " + " | ".join("---:" for _ in header[1:]) + " |"]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def build_table(builds: dict[int, dict[str, Any]], index: dict[int, dict[str, Any]]) -> str:
    scales = sorted(builds)

    def timing(scale: int, mode: str) -> str:
        b = builds[scale]
        if f"build_{mode}" not in b:
            return "not built"
        t, none = b[f"build_{mode}"], b["build_none"]
        own = f"{t['wall']:.1f} / {t['cpu']:.1f}"
        return own if mode == "none" else f"{own} ({ratio(t['wall'], none['wall'])} / {ratio(t['cpu'], none['cpu'])})"

    rows = [
        [
            "pages built / questions per language",
            *(f"{builds[s]['pages']:,} / {builds[s]['questions']:,}" for s in scales),
        ],
        ["build without search (none), wall / CPU (s)", *(timing(s, "none") for s in scales)],
        ["build with our search, wall / CPU (s) (ratio to none, wall / CPU)", *(timing(s, "ours") for s in scales)],
        ["build with stock Material search, wall / CPU (s) (ratio to none)", *(timing(s, "stock") for s in scales)],
        [
            "of which our index, bundle() wall / CPU (s) (CPU share of none)",
            *(
                f"{index[s]['bundle_wall']:.1f} / {index[s]['bundle_cpu']:.1f} "
                f"({ratio(index[s]['bundle_cpu'], builds[s]['build_none']['cpu'])})"
                if s in index
                else "—"
                for s in scales
            ),
        ],
        ["builds made again: failed, or search bundle not whole", *(str(len(builds[s]["broken"])) for s in scales)],
    ]
    return table(["measure", *(f"{s:,}×" for s in scales)], rows)


def index_table(index: dict[int, dict[str, Any]], builds: dict[int, dict[str, Any]], failures: dict[int, str]) -> str:
    scales = sorted(set(index) | set(failures))
    largest = max(builds)

    def cell(scale: int, value: Callable[[dict[str, Any]], str]) -> str:
        return value(index[scale]) if scale in index else "—"

    def share(scale: int) -> str:
        """The index's CPU over the build without search at the same scale, or at the largest built."""
        built = scale if scale in builds else largest
        cpu = builds[built]["build_none"]["cpu"]
        return cell(scale, lambda i: ratio(i["bundle_cpu"], cpu) + ("" if built == scale else f" (of {built:,}×)"))

    rows = [
        ["questions indexed, both languages", *(cell(s, lambda i: f"{i['records']:,}") for s in scales)],
        ["bundle(), wall (s)", *(cell(s, lambda i: f"{i['bundle_wall']:.1f}") for s in scales)],
        [
            "bundle(), CPU (s): Python and Pagefind (Pagefind alone)",
            *(cell(s, lambda i: f"{i['bundle_cpu']:.1f} ({i['pagefind_cpu']:.1f})") for s in scales),
        ],
        [
            "index CPU / CPU of the build without search (at that scale, or the largest built)",
            *(share(s) for s in scales),
        ],
        [
            "bundle files / size on disk (MiB)",
            *(cell(s, lambda i: f"{i['files']:,} / {mib(i['disk'])}") for s in scales),
        ],
        [
            "bundles made again: files empty or cut short / bundles made",
            *(cell(s, lambda i: f"{len(i['broken'])} / {i['attempts']}") for s in scales),
        ],
    ]
    unmeasured = {s: why for s, why in failures.items() if s not in index}
    return table(["measure", *(f"{s:,}×" for s in scales)], rows, unmeasured)


def compare_table(search: dict[str, Any]) -> str:
    """Ours and stock (and none for page views) at 1x, ratios ours / stock."""
    rows = []
    for lang in LANGS:
        o, st = (search[f"cold_{lang}_{m}"] for m in ("ours", "stock"))
        ko, ks = (search[f"keys_{lang}_{m}"] for m in ("ours", "stock"))
        v = {m: search[f"view_{lang}_{m}"] for m in MODES}
        rows += [
            [
                f"page view without search {lang}, KiB (of which search files)",
                *(f"{kib(v[m]['bytes'])} ({kib(v[m]['search_bytes'])})" for m in MODES),
                ratio(v["ours"]["bytes"], v["stock"]["bytes"]),
            ],
            [
                f"cold: commit → first result {lang} (ms)",
                ms(o["from_commit"]),
                ms(st["from_commit"]),
                "",
                ratio(o["from_commit"], st["from_commit"]),
            ],
            [
                f"cold: navigation start → first result {lang} (ms)",
                ms(o["from_navigation"]),
                ms(st["from_navigation"]),
                "",
                ratio(o["from_navigation"], st["from_navigation"]),
            ],
            [
                f"first search, search files downloaded {lang} (KiB, compressed)",
                kib(o["search_bytes"]),
                kib(st["search_bytes"]),
                "",
                ratio(o["search_bytes"], st["search_bytes"]),
            ],
            [
                f"first search, results in the page's language {lang}",
                f"{o['own_language']}/{o['links']}",
                f"{st['own_language']}/{st['links']}",
                "",
                "",
            ],
            [
                f"keystroke → results {lang}, median / p90 (ms) (n)",
                f"{ms(ko['median'])} / {ms(ko['p90'])} ({ko['n']})",
                f"{ms(ks['median'])} / {ms(ks['p90'])} ({ks['n']})",
                "",
                ratio(ko["median"], ks["median"]),
            ],
        ]
    return table(["measure", "ours", "stock Material", "none", "ratio ours / stock"], rows)


def scale_table(search: dict[int, dict[str, Any]], failures: dict[int, str]) -> str:
    """Ours at every scale searched."""
    scales = sorted(set(search) | set(failures))

    def cell(scale: int, key: str, value: Callable[[dict[str, Any]], str]) -> str:
        if scale not in search:
            return "—"
        return value(search[scale][key]) if key in search[scale] else "—"

    rows = []
    for lang in LANGS:
        rows += [
            [
                f"page view without search {lang}, search files (KiB)",
                *(cell(s, f"view_{lang}_ours", lambda v: kib(v["search_bytes"])) for s in scales),
            ],
            [
                f"cold: commit → first result {lang} (ms)",
                *(cell(s, f"cold_{lang}_ours", lambda c: ms(c["from_commit"])) for s in scales),
            ],
            [
                f"cold: navigation start → first result {lang} (ms)",
                *(cell(s, f"cold_{lang}_ours", lambda c: ms(c["from_navigation"])) for s in scales),
            ],
            [
                f"first search, search files downloaded {lang} (KiB, compressed)",
                *(cell(s, f"cold_{lang}_ours", lambda c: kib(c["search_bytes"])) for s in scales),
            ],
            [
                f"keystroke → results {lang}, median / p90 (ms) (n)",
                *(
                    cell(s, f"keys_{lang}_ours", lambda k: f"{ms(k['median'])} / {ms(k['p90'])} ({k['n']})")
                    for s in scales
                ),
            ],
        ]
    return table(
        ["measure (ours)", *(f"{s:,}×" for s in scales)], rows, {s: w for s, w in failures.items() if s not in search}
    )


def build_bounds(
    scale: int, builds: dict[int, dict[str, Any]], index: dict[int, dict[str, Any]]
) -> tuple[float, float]:
    """Upper bounds of (build with search / build without) at a scale too large to build, in CPU time.

    The search's cost at ``scale``: the bundle measured there, plus the rest of the search's work in
    the build (reading each page's questions), taken from the largest built scale L and grown with
    the pages. Divided by (high) the build without search at L, which the build at ``scale`` cannot
    undercut, and by (low) that build grown with the pages from the 1x one, assuming a page costs
    no less to build in a larger site (each carries Material's navigation of the whole site).
    """
    largest = max(s for s in builds if "build_ours" in builds[s])
    grow = scale / largest
    none_1, none_l = builds[1]["build_none"]["cpu"], builds[largest]["build_none"]["cpu"]
    rest = max(0.0, builds[largest]["build_ours"]["cpu"] - none_l - index[largest]["bundle_cpu"])
    extra = index[scale]["bundle_cpu"] + grow * rest
    return 1 + extra / (none_1 + grow * (none_l - none_1)), 1 + extra / none_l


def targets_table(result: dict[str, Any]) -> str:
    """Issue #13's targets, judged on the figures above."""
    search, builds, index = result["search"], result["builds"], result["index"]
    rows = []

    def yes(ok: bool) -> str:
        return "met" if ok else "not met"

    one = search[1]
    for lang in LANGS:
        o, st = one[f"cold_{lang}_ours"]["from_commit"], one[f"cold_{lang}_stock"]["from_commit"]
        rows.append(
            [f"cold first search ≤ stock at 1× ({lang}, from the commit)", f"{ms(o)} vs {ms(st)} ms", yes(o <= st)]
        )
    big = max((s for s in search if s > 1 and "cold_zh_ours" in search[s]), default=None)
    if big is not None:
        for lang in LANGS:
            c = search[big][f"cold_{lang}_ours"]["from_commit"]
            rows.append(
                [f"cold first search ≤ 500 ms at {big:,}× ({lang}, from the commit)", f"{ms(c)} ms", yes(c <= 500)]
            )
        for lang in LANGS:
            k = search[big][f"keys_{lang}_ours"]["median"]
            rows.append([f"keystroke → results ≤ 50 ms median at {big:,}× ({lang})", f"{ms(k)} ms", yes(k <= 50)])
        for lang in LANGS:
            b = search[big][f"cold_{lang}_ours"]["search_bytes"]
            rows.append([f"first-search bytes ≤ 300 KiB at {big:,}× ({lang})", f"{kib(b)} KiB", yes(b <= 300 * 1024)])
    views = [
        search[s][f"view_{lang}_ours"]["search_bytes"]
        for s in search
        for lang in LANGS
        if f"view_{lang}_ours" in search[s]
    ]
    rows.append(
        [
            "a page view that does not search downloads nothing of the index",
            f"{max(views):.0f} bytes at most",
            yes(max(views) == 0),
        ]
    )
    largest = max(builds)
    for scale in sorted(builds):
        b = builds[scale]
        if "build_ours" in b:
            r = b["build_ours"]["cpu"] / b["build_none"]["cpu"]
            rows.append([f"build with search ≤ 1.2× without at {scale:,}× (CPU, measured)", f"{r:.2f}", yes(r <= 1.2)])
    for scale in sorted(s for s in index if s > largest):
        low, high = build_bounds(scale, builds, index)
        rows.append(
            [
                f"build with search ≤ 1.2× without at {scale:,}× (bound: the build without search at {scale:,}× "
                f"takes at least the {largest:,}× one)",
                f"≤ {high:.2f}",
                "met" if high <= 1.2 else "not shown by this bound",
            ]
        )
        rows.append(
            [
                f"build with search ≤ 1.2× without at {scale:,}× (estimate: a page costs no less to build in a "
                "larger site)",
                f"≤ {low:.2f}",
                "met (estimate)" if low <= 1.2 else "not shown",
            ]
        )
    return table(["target (issue #13)", "measured", "verdict"], rows)


def report(result: dict[str, Any]) -> str:
    parts = [
        f"`{result['command']}`: {result['date']}, {result['cores']} cores, Chromium headless, medians of "
        f"{result['runs']} runs ({result['large_runs']} above 10×), {result['seconds'] / 60:.0f} min.",
        "#### Build time, with and without search\n\n" + build_table(result["builds"], result["index"]),
        "#### The index alone, 1× to 1,000×\n\n" + index_table(result["index"], result["builds"], result["failures"]),
        "#### Searching at 1×: ours, stock Material and none\n\n" + compare_table(result["search"][1]),
        "#### Our search as the index grows\n\n" + scale_table(result["search"], result["failures"]),
        "#### Against the targets\n\n" + targets_table(result),
    ]
    return "\n\n".join(parts) + "\n"


def load(path: Path) -> dict[str, Any]:
    """A run saved by --raw, its scales as numbers again (JSON keys are strings)."""
    result: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    for part in ("builds", "index", "search", "failures"):
        result[part] = {int(scale): value for scale, value in result[part].items()}
    return result


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scales", type=int, nargs="+", default=[1, 100], help="scales searched in the browser")
    ap.add_argument("--runs", type=int, default=3, help="runs of each measure (medians)")
    ap.add_argument("--build-scales", type=int, nargs="+", default=[1, 10], help="scales built with and without search")
    ap.add_argument("--large-runs", type=int, default=1, help="runs of builds and bundles above 10x")
    ap.add_argument("--index-only", type=int, nargs="*", default=[], help="scales bundled (and searched once) only")
    ap.add_argument("--index-timeout", type=float, default=600, help="seconds an --index-only bundle may take")
    ap.add_argument("--raw", type=Path, help="write every figure as JSON to this file")
    ap.add_argument("--report", type=Path, help="measure nothing: print the tables of a run saved by --raw")
    args = ap.parse_args(argv)
    if args.report:
        print(report(load(args.report)))
        return 0
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        result = run(args, Path(tmp))
    result |= {
        "command": " ".join(["python scripts/bench_search.py", *argv]),
        "date": str(dt.date.today()),
        "cores": os.cpu_count(),
        "runs": args.runs,
        "large_runs": args.large_runs,
        "seconds": time.perf_counter() - start,
    }
    save(result, args.raw)
    print(report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

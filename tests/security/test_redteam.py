"""The red-team corpus (redteam.yml), built into a copy of the site and attacked in Chromium.

Every payload becomes a Chinese page and its English twin under ``redteam/``. The
copy is built once, not strict (the payloads make the build warn), into a fresh
directory; the build must succeed, report each page the sanitizer had to change,
and write nothing outside its site directory. The site is then served on
127.0.0.1 and every page opened in one Chromium, where every element is hovered,
focused and (in the article) clicked: no dialog may open, no request leave
127.0.0.1, no console message carry a marker, the Content-Security-Policy
report no violation, and the page's DOM hold no event handler, script URL,
embedded document, form or theme id.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Dialog, Page, Playwright, sync_playwright

from faqsite.browser import CHROMIUM, CHROMIUM_ARGS
from faqsite.devserver import serve
from tests.browser.conftest import Recorder
from tests.browser.test_search import SearchBox
from tests.conftest import project_copy, run_build
from tests.security.corpus import CORPUS, Payload

pytestmark = pytest.mark.browser

LANGUAGES = {"zh": "", "en": "en/"}  # language -> URL prefix
# what the sanitizer logs for a page it changed (MkDocs names pages from the directory it builds in)
SANITIZER_WARNING = re.compile(
    r"^WARNING +- +faqsite: docs/(zh|en)/redteam/([\w.-]+)\.md: unsafe or unknown markup removed: ", re.M
)
# what a payload that ran, or reached out, would print or ask for
MARKERS = ("alert(1)", "evil.example", "pwned", "msgbox")
# pages that list what the payload pages declare (titles, questions): the home, all-questions and
# collection pages
LISTS = ("", "questions/", "faq/2021-s1/")
ATOM = "http://www.w3.org/2005/Atom"

T = TypeVar("T")


@dataclass(frozen=True)
class RedTeamBuild:
    code: int
    log: str
    tmp: Path  # holds only the project and the build's own directory
    project: Path
    out: Path  # empty before the build, which writes its site below it
    files_before: list[str]  # the project's files before the build

    @property
    def site(self) -> Path:
        return self.out / "site"


def tree(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


@pytest.fixture(scope="module")
def redteam(tmp_path_factory: pytest.TempPathFactory) -> RedTeamBuild:
    """The corpus built once per test run: under pytest-xdist, the first worker builds (under a lock) in
    the run's temporary directory, and the others read its record (pytest-xdist's own recipe)."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    tmp, record = shared / "redteam", shared / "redteam.json"
    with (shared / "redteam.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not record.exists():
            project = project_copy(tmp / "project")
            for lang in LANGUAGES:
                folder = project / "docs" / lang / "redteam"
                folder.mkdir()
                for payload in CORPUS:
                    (folder / f"{payload.id}.md").write_text(payload.page(), encoding="utf-8")
            files_before = tree(project)
            (tmp / "out").mkdir()
            code, log = run_build(tmp / "out" / "site", project / "mkdocs.yml", project, strict=False)
            record.write_text(json.dumps({"code": code, "log": log, "files_before": files_before}), "utf-8")
    built = json.loads(record.read_text(encoding="utf-8"))
    return RedTeamBuild(built["code"], built["log"], tmp, tmp / "project", tmp / "out", built["files_before"])


def test_build_succeeds_and_names_every_page_the_sanitizer_changed(redteam: RedTeamBuild) -> None:
    assert redteam.code == 0, redteam.log
    reported = set(SANITIZER_WARNING.findall(redteam.log))
    expected = {(lang, p.id) for p in CORPUS if p.removed for lang in LANGUAGES}
    unreported = sorted(expected - reported)
    assert unreported == [], f"the sanitizer had to remove these payloads, but did not say so: {unreported}"
    unexpected = sorted(reported - expected)
    assert unexpected == [], f"reported as changed, but the corpus expects escaping alone: {unexpected}"


def test_build_writes_nothing_outside_its_site_directory(redteam: RedTeamBuild) -> None:
    assert redteam.code == 0, redteam.log
    assert sorted(p.name for p in redteam.tmp.iterdir()) == ["out", "project"]
    assert [p.name for p in redteam.out.iterdir()] == ["site"]
    assert tree(redteam.project) == redteam.files_before
    assert [p for p in redteam.site.rglob("*") if p.is_symlink()] == []
    for lang, prefix in LANGUAGES.items():
        for payload in CORPUS:
            assert (redteam.site / prefix / "redteam" / payload.id / "index.html").is_file(), (lang, payload.id)


# Counts the policy's violations into the page, and keeps a click that reaches an ordinary link (http,
# https, mailto) from leaving the page; a click on a javascript: or data: link goes ahead, to be caught.
WATCH = """
window.__redteam = { violations: [] };
document.addEventListener("securitypolicyviolation", (e) => {
  window.__redteam.violations.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
}, true);
window.addEventListener("click", (e) => {
  const link = e.target instanceof Element ? e.target.closest("a[href], area[href]") : null;
  if (link && ["http:", "https:", "mailto:"].includes(link.protocol)) e.preventDefault();
}, true);
"""

# Hovers, focuses and clicks every element of the article (not an ordinary link: it would leave the
# page), toggles its details, then lets the handlers this queued (toggle, focus, error) run. Outside
# the article, what the theme prints from a page (titles, table of contents) is inspected, not provoked.
PROVOKE = """
async () => {
  const leaves = (el) => {
    const link = el.closest("a[href], area[href]");
    return link !== null && ["http:", "https:", "mailto:"].includes(link.protocol);
  };
  for (const el of document.querySelectorAll("article *")) {
    for (const type of ["pointerover", "mouseover", "mouseenter", "mousemove"]) {
      el.dispatchEvent(new MouseEvent(type, { bubbles: type !== "mouseenter", cancelable: true, view: window }));
    }
    if (typeof el.focus === "function") el.focus({ preventScroll: true });
    if (!leaves(el)) el.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, view: window }));
  }
  for (const details of document.querySelectorAll("article details")) details.open = !details.open;
  // two turns of the event loop (an animation frame takes 0.2 s in headless Chromium)
  for (const turn of [1, 2]) await new Promise((done) => setTimeout(done, 0));
}
"""

# What a payload that got through would leave in the DOM.
INSPECT = r"""
() => {
  const problems = [];
  const show = (el) => { const s = el.outerHTML.replace(/\s+/g, " "); return s.length > 200 ? s.slice(0, 200) + "…" : s; };
  const URLS = new Set(["href", "xlink:href", "src", "action", "formaction", "data", "poster", "background", "ping",
    "srcset", "imagesrcset", "codebase", "cite", "longdesc", "lowsrc", "dynsrc", "manifest"]);
  const FETCHED = new Set(["src", "data", "poster", "background", "srcset", "imagesrcset", "codebase", "lowsrc", "dynsrc"]);
  const parse = (value) => { try { return new URL(value, document.baseURI); } catch { return null; } };
  for (const el of document.querySelectorAll("*")) {
    for (const { name, value } of el.attributes) {
      if (name.startsWith("on")) problems.push(`event handler ${name}: ${show(el)}`);
      if (name === "style" && /url\s*\(|image-set|expression\s*\(|@import/i.test(value)) problems.push(`style with a resource: ${show(el)}`);
      if (!URLS.has(name)) continue;
      const urls = name.endsWith("srcset") ? value.split(",").map((c) => c.trim().split(/\s+/)[0]) : [value];
      for (const url of urls.map(parse).filter(Boolean)) {
        if (["javascript:", "vbscript:"].includes(url.protocol) || (url.protocol === "data:" && !/^data:image\/(png|gif|jpeg|webp|avif)[;,]/i.test(url.href)))
          problems.push(`${name} with a ${url.protocol} URL: ${show(el)}`);
        else if (FETCHED.has(name) && url.host !== location.host && url.protocol !== "data:")
          problems.push(`${name} from ${url.host || url.protocol}: ${show(el)}`);
      }
    }
  }
  const FORBIDDEN = [
    "iframe, frame, frameset, object, embed, applet, portal, fencedframe, base",
    "meta[http-equiv]:not([http-equiv='Content-Security-Policy' i])",
    // the theme's own forms: the palette switch and the search box
    "body form:not(.md-header__option):not(.md-search__form), body meta, body link, body style",
    "article script, article noscript, article template, article input, article textarea, article select",
    // the theme's and our templates' buttons (code copy, question copy-link): content cannot have any,
    // the sanitizer allows no <button> and no <svg> in a page
    "article button:not(.md-code__button):not(.faq-share__button)",
    "article svg:not(.md-content__button > svg):not(.faq-share__icon > svg), article maction",
    "article annotation-xml, article mglyph, article video, article audio, article source, article map, article area",
  ].join(", ");
  if (document.contentType === "text/html") {
    for (const el of document.querySelectorAll(FORBIDDEN)) problems.push(`forbidden element: ${show(el)}`);
  } else {
    // an XML document (the feed): Chromium shows it as a tree, and keeps its elements in the tree's page
    const source = document.getElementById("webkit-xml-viewer-source-xml") || document;
    const markup = ["http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/svg", "http://www.w3.org/1998/Math/MathML"];
    for (const el of source.querySelectorAll("*")) {
      if (markup.includes(el.namespaceURI)) problems.push(`markup in the XML document: ${show(el)}`);
    }
  }
  const CODE_ID = /^__(code_\d+|codelineno-\d+(-\d+)*)$/;
  for (const el of document.querySelectorAll("article [id^='__'], article [name^='__']")) {
    if (!CODE_ID.test(el.id || el.getAttribute("name"))) problems.push(`theme id in the article: ${show(el)}`);
  }
  const heading = document.querySelector("article h1");
  return {
    problems,
    violations: window.__redteam ? window.__redteam.violations : ["no watcher in this document"],
    heading: heading ? heading.textContent : null,
  };
}
"""
# Both, in one call; and the page's visible text when asked for.
ATTACK = f"""
async (withText) => {{
  await ({PROVOKE.strip()})();
  const found = ({INSPECT.strip()})();
  return {{ ...found, text: withText && document.body ? document.body.innerText : "" }};
}}
"""


@dataclass
class Visit:
    url: str
    problems: list[str] = field(default_factory=list)
    text: str = ""  # the page's visible text
    heading: str | None = None  # the article's first heading


class Attacker:
    """One Chromium, one page, visiting the red-team site.

    tests/browser's ``browser`` fixture is seen only below tests/browser, and
    Playwright's synchronous API runs one instance per thread: when both test
    folders run in one process, that fixture's Chromium is alive. This one
    lives on a thread of its own, and every call to it is made there.
    """

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="redteam-chromium")
        self.dialogs: list[str] = []
        self.console: list[str] = []
        self._playwright: Playwright | None = None
        self._browser: Browser | None = None
        self._context: BrowserContext | None = None
        self._page: Page | None = None
        self._recorder: Recorder | None = None
        self._call(self._start)

    def _call(self, fn: Callable[[], T]) -> T:
        return self._thread.submit(fn).result(timeout=120)

    def _start(self) -> None:
        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        self._context = self._browser.new_context(viewport={"width": 1280, "height": 900})
        self._page = self._context.new_page()
        self._recorder = Recorder(self._page)  # requests, errors, violations (in every document, as tests/browser)
        self._page.add_init_script(WATCH)
        self._page.on("dialog", self._on_dialog)
        self._page.on("console", self._on_console)
        self._page.on("pageerror", lambda e: self.console.append(f"page error: {e}"))

    def _on_dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def _on_console(self, message: ConsoleMessage) -> None:
        self.console.append(f"{message.type}: {message.text}")

    def close(self) -> None:
        def stop() -> None:
            if self._browser is not None:
                self._browser.close()
            if self._playwright is not None:
                self._playwright.stop()

        self._call(stop)
        self._thread.shutdown()

    def visit(self, path: str, *, text: bool = False) -> Visit:
        """Open ``path``, provoke the article's elements, and report what got through (and the page's
        visible text if ``text``)."""
        return self._call(lambda: self._visit(path, None, text))

    def search(self, path: str, query: str) -> Visit:
        """Open ``path``, type ``query`` into the search box, and report what the results let through."""
        return self._call(lambda: self._visit(path, query, True))

    def _visit(self, path: str, query: str | None, with_text: bool) -> Visit:
        page, recorder = self._page, self._recorder
        assert page is not None and recorder is not None
        url = f"{self.base_url}/{path}"
        seen = (len(self.dialogs), len(self.console), len(recorder.requests), len(recorder.violations))
        response = page.goto(url, wait_until="load")
        visit = Visit(url)
        if response is None or response.status != 200:
            visit.problems.append(f"status {response.status if response else None}")
        if query is not None:
            SearchBox(page).type(query)
        found = page.evaluate(ATTACK, with_text)
        visit.heading, visit.text = found["heading"], found["text"]
        if page.url != url:
            visit.problems.append(f"navigated away, to {page.url}")
        visit.problems += found["problems"]
        visit.problems += [f"policy violation: {v}" for v in found["violations"]]
        visit.problems += [f"dialog {d}" for d in self.dialogs[seen[0] :]]
        visit.problems += [f"console {m}" for m in self.console[seen[1] :] if any(k in m for k in MARKERS)]
        visit.problems += [
            f"request to {u}" for u in recorder.requests[seen[2] :] if urlsplit(u).hostname not in ("127.0.0.1", None)
        ]
        reported = [v for v in recorder.violations[seen[3] :] if f"policy violation: {v}" not in visit.problems]
        visit.problems += [f"policy violation (reported): {v}" for v in reported]
        return visit


@pytest.fixture(scope="module")
def attacker(redteam: RedTeamBuild) -> Iterator[Attacker]:
    assert redteam.code == 0, redteam.log
    with serve(redteam.site) as base_url:
        chromium = Attacker(base_url)
        yield chromium
        chromium.close()


@pytest.mark.parametrize("payload", CORPUS, ids=[p.id for p in CORPUS])
def test_payload_runs_nothing_and_reaches_no_other_host(attacker: Attacker, payload: Payload) -> None:
    found = []
    # The English page carries the same payload through the same sanitizer; only what the theme prints
    # from front matter differs by language, so the browser opens both pages for those payloads alone
    # (the build test above checks the sanitizer named both pages).
    prefixes = LANGUAGES.values() if payload.kind == "front-matter" else [LANGUAGES["zh"]]
    for prefix in prefixes:
        visit = attacker.visit(f"{prefix}redteam/{payload.id}/")
        assert visit.heading, f"{visit.url}: the payload's page has no article"
        found += [f"{visit.url}: {problem}" for problem in visit.problems]
    assert not found, f"{payload.kind} payload {payload.id!r} got through:\n{payload.markdown}\n" + "\n".join(found)


@pytest.mark.parametrize("path", LISTS, ids=[p.rstrip("/") or "home" for p in LISTS])
@pytest.mark.parametrize("prefix", LANGUAGES.values(), ids=LANGUAGES.keys())
def test_lists_show_payload_titles_as_text(attacker: Attacker, prefix: str, path: str) -> None:
    visit = attacker.visit(prefix + path, text=True)
    assert not visit.problems, "\n".join(visit.problems)
    assert "Q99.1: <img src=x onerror=alert(1)>" in visit.text  # the unit's question is listed, as text


@pytest.mark.parametrize("prefix", LANGUAGES.values(), ids=LANGUAGES.keys())
def test_feed_carries_payload_titles_as_text(redteam: RedTeamBuild, prefix: str) -> None:
    root = ElementTree.parse(redteam.site / prefix / "feed.xml").getroot()
    assert {el.tag.partition("}")[0] for el in root.iter()} == {f"{{{ATOM}"}, "the feed holds markup of another kind"
    carrying = [el for el in root.iter() if "onerror=alert(1)" in (el.text or "")]
    assert carrying, "the payload's unit is not in the feed"
    assert [el.tag for el in carrying if el.get("type") in ("html", "xhtml")] == [], (
        "a payload reaches the feed as markup"
    )


@pytest.mark.parametrize("prefix", LANGUAGES.values(), ids=LANGUAGES.keys())
def test_search_results_show_payload_titles_as_text(attacker: Attacker, prefix: str) -> None:
    visit = attacker.search(f"{prefix}redteam/heading-entities/", "onerror")
    assert not visit.problems, "\n".join(visit.problems)
    assert "<img src=x onerror=alert(1)>" in visit.text  # a result shows the heading, as text

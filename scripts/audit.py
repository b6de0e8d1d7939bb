"""Quality gates over the built site, served on 127.0.0.1 with gzip as a static host would.

Usage: python scripts/audit.py [--site site] [--skip-build]

- Lighthouse (mobile): performance, accessibility, best practices, SEO >= 95
  on the home, season and an issue page, in both languages;
- axe-core: no violation, light and dark schemes, same pages;
- Nu HTML Checker: no error from our markup (theme-originated messages are
  listed in THEME_HTML_ERRORS and in the README);
- no request to any host but the site's own while loading pages and searching;
- LinkChecker: no broken link or anchor.

Tools come from tools/audit/package.json (npm, --ignore-scripts) and PyPI;
the browser is Debian's Chromium. Prints every figure; exits 1 on any miss.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from faqsite.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from faqsite.devserver import serve  # noqa: E402

TOOLS = ROOT / "tools" / "audit" / "node_modules"
CHROME_FLAGS = " ".join(["--headless=new", *CHROMIUM_ARGS])  # for Lighthouse's own launch
PAGES = ["/", "/faq/2021-s1/", "/faq/2021-s1/issue-3/", "/en/", "/en/faq/2021-s1/", "/en/faq/2021-s1/issue-3/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
THRESHOLD = 0.95
# Nu HTML Checker messages that come from Material's own templates, not from ours.
# From Material's own templates: attributes of its <input> elements (palette
# toggle, search box), and the table-of-contents label its nav renders for a
# page whose contents toggle is absent (partials/toc.html).
THEME_HTML_ERRORS: list[str] = [
    r"^Attribute “autocomplete” is only allowed when the input type is",
    r"^Attribute “autocorrect” not allowed on element “input”",
    r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
]


def lighthouse(base: str) -> list[str]:
    failures = []
    print("\nLighthouse (mobile)")
    print("| page | " + " | ".join(CATEGORIES) + " |")
    print("| --- | " + " | ".join("---:" for _ in CATEGORIES) + " |")
    for path in PAGES:
        out = subprocess.run(
            [
                "node",
                str(TOOLS / "lighthouse/cli/index.js"),
                base + path,
                f"--chrome-path={CHROMIUM}",
                f"--chrome-flags={CHROME_FLAGS}",
                f"--only-categories={','.join(CATEGORIES)}",
                "--output=json",
                "--output-path=stdout",
                "--quiet",
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        if out.returncode != 0:
            failures.append(f"lighthouse {path}: exit {out.returncode}: {out.stderr[-500:]}")
            continue
        report = json.loads(out.stdout)
        scores = {c: report["categories"][c]["score"] for c in CATEGORIES}
        print(f"| {path} | " + " | ".join(f"{round(scores[c] * 100)}" for c in CATEGORIES) + " |")
        for c, score in scores.items():
            if score is None or score < THRESHOLD:
                weak = [
                    a
                    for a in report["categories"][c]["auditRefs"]
                    if a.get("weight") and (report["audits"][a["id"]].get("score") or 0) < 1
                ]
                failures.append(f"lighthouse {path}: {c} {score} < {THRESHOLD} ({', '.join(a['id'] for a in weak)})")
    return failures


def record_hosts(page: Page) -> set[str]:
    """The hosts of the http(s) requests ``page`` makes from now on."""
    hosts: set[str] = set()
    page.on(
        "request",
        lambda r: hosts.add(urlsplit(r.url).netloc) if urlsplit(r.url).scheme in ("http", "https") else None,
    )
    return hosts


def axe_and_requests(base: str) -> list[str]:
    failures: list[str] = []
    axe = (TOOLS / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
    own_host = urlsplit(base).netloc
    print("\naxe-core and network")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for scheme in ("light", "dark"):
            # axe is injected as a script the site's Content-Security-Policy rightly refuses; the
            # browser tests check the policy itself (no violation in any of them)
            context = browser.new_context(
                color_scheme=scheme, viewport={"width": 390, "height": 844}, bypass_csp=True
            )
            page = context.new_page()
            hosts = record_hosts(page)
            for path in PAGES:
                page.goto(base + path, wait_until="networkidle")
                page.add_script_tag(content=axe)
                result = page.evaluate(
                    "async () => (await axe.run(document, {resultTypes: ['violations']})).violations.map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))"
                )
                print(f"  {scheme:5} {path}: {len(result)} violation(s)")
                failures.extend(f"axe {scheme} {path}: {v['id']} at {', '.join(v['nodes'])}" for v in result)
            # use the search too: the index and the worker load on demand
            page.goto(base + PAGES[2], wait_until="networkidle")
            page.locator(".md-header [data-faq-toggle='__search']").first.click()  # the search button on a phone
            page.locator("input.md-search__input").press_sequentially("docker", delay=50)
            page.wait_for_selector(".md-search-result__item")
            other = sorted(h for h in hosts if h != own_host)
            print(f"  {scheme:5} requests to other hosts: {other or 'none'}")
            failures.extend(f"request to another host: {h}" for h in other)
            context.close()
        browser.close()
    return failures


def nu_html(site: Path) -> list[str]:
    jar = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
    files = [str(p) for p in sorted(site.rglob("*.html"))]
    out = subprocess.run(
        ["java", "-jar", str(jar), "--format", "json", "--errors-only", *files],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    messages = json.loads(out.stderr or '{"messages": []}')["messages"]
    ours = [m for m in messages if not any(re.search(pattern, m.get("message", "")) for pattern in THEME_HTML_ERRORS)]
    theme = len(messages) - len(ours)
    print(
        f"\nNu HTML Checker: {len(files)} files, {len(ours)} error(s) from our markup, {theme} from the theme (README)"
    )
    return [f"html {str(m.get('url', '')).removeprefix('file:')}:{m.get('lastLine', 0)}: {m['message']}" for m in ours][
        :50
    ]


def linkchecker(base: str) -> list[str]:
    config = ROOT / "tools" / "audit" / "linkcheckerrc"
    out = subprocess.run(
        [
            str(Path(sys.executable).parent / "linkchecker"),
            "--no-status",
            "-f",
            str(config),
            "-o",
            "text",
            base + "/",
            base + "/en/",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    summary = re.search(r"(\d+) links in \d+ URLs checked\. (\d+) warnings? found\. (\d+) errors? found", out.stdout)
    print(f"\nLinkChecker: {summary.group(0) if summary else out.stdout[-300:]}")
    if out.returncode != 0 or not summary or summary.group(2) != "0" or summary.group(3) != "0":
        return ["linkchecker: " + (summary.group(0) if summary else "no summary")]
    return []


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--site", type=Path, default=ROOT / "site")
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--only", choices=["lighthouse", "axe", "html", "links"], action="append")
    args = ap.parse_args(argv)
    if not args.skip_build:
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(args.site)], cwd=ROOT, check=True
        )
    failures: list[str] = []
    only = set(args.only or ["lighthouse", "axe", "html", "links"])
    with serve(args.site) as base:
        if "lighthouse" in only:
            failures += lighthouse(base)
        if "axe" in only:
            failures += axe_and_requests(base)
        if "links" in only:
            failures += linkchecker(base)
    if "html" in only:
        failures += nu_html(args.site)
    print()
    for failure in failures:
        print("FAIL", failure)
    print(f"audit: {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

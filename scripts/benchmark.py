"""Build-time and size benchmark: our site against a stock MkDocs + Material build of the same pages.

Both builds run in the same invocation, alternating, so the ratio is measured
under the same machine load. Prints a Markdown table (paste into BENCHMARKS.md).

Usage: python scripts/benchmark.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

STOCK_CONFIG = {
    "site_name": "Stock baseline",
    "docs_dir": "docs",
    "theme": {"name": "material", "font": False},
    "plugins": ["search"],
    "markdown_extensions": ["toc", "attr_list", "admonition", "tables"],
}


@dataclass
class Sizes:
    pages: int
    html: int
    css: int
    js: int
    other: int

    @property
    def total(self) -> int:
        return self.html + self.css + self.js + self.other


def measure(site: Path) -> Sizes:
    html = css = js = other = pages = 0
    for f in site.rglob("*"):
        if not f.is_file():
            continue
        size = f.stat().st_size
        if f.suffix == ".html":
            html += size
            pages += f.name != "404.html"
        elif f.suffix == ".css":
            css += size
        elif f.suffix == ".js":
            js += size
        else:
            other += size
    return Sizes(pages, html, css, js, other)


def build(config: Path, dest: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(dest)],
        check=True,
        cwd=config.parent,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def stock_project(tmp: Path) -> Path:
    """The same Markdown pages, both languages, under a stock configuration."""
    docs = tmp / "docs"
    shutil.copytree(ROOT / "docs", docs)
    for index in docs.rglob("index.md"):
        text = index.read_text(encoding="utf-8").replace("template: home.html\n", "")
        index.write_text(text, encoding="utf-8")
    config = tmp / "mkdocs.yml"
    config.write_text(yaml.safe_dump(STOCK_CONFIG), encoding="utf-8")
    return config


def kib(n: float) -> str:
    return f"{n / 1024:,.1f}"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        stock = stock_project(tmp / "stock")
        ours_times, stock_times = [], []
        for _ in range(args.runs):
            ours_times.append(build(ROOT / "mkdocs.yml", tmp / "ours-site"))
            stock_times.append(build(stock, tmp / "stock-site"))
        ours, base = measure(tmp / "ours-site"), measure(tmp / "stock-site")
    ours_t, stock_t = statistics.median(ours_times), statistics.median(stock_times)
    print(f"runs: {args.runs} (median), python {sys.version.split()[0]}, {os.cpu_count()} cores\n")
    print("| measure | this site | stock MkDocs + Material | ratio |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| build time (s, median of {args.runs}) | {ours_t:.2f} | {stock_t:.2f} | {ours_t / stock_t:.2f} |")
    print(f"| pages | {ours.pages} | {base.pages} | |")
    for label, a, b in (
        ("HTML total (KiB)", ours.html, base.html),
        ("HTML per page (KiB)", ours.html / ours.pages, base.html / base.pages),
        ("CSS total (KiB)", ours.css, base.css),
        ("JS total (KiB)", ours.js, base.js),
        ("other files (KiB)", ours.other, base.other),
        ("site total (KiB)", ours.total, base.total),
    ):
        print(f"| {label} | {kib(a)} | {kib(b)} | {a / b:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Screenshots of the built site as readers see it: phone and desktop, light and dark, both languages.

Usage: python scripts/screenshots.py [--site site] [--out screenshots] [PATH ...]
Builds the site first unless --no-build; serves it on 127.0.0.1; writes PNGs.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path
from typing import Literal

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from faqsite.browser import CHROMIUM, CHROMIUM_ARGS
from faqsite.devserver import serve

ROOT = Path(__file__).resolve().parent.parent
VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 900)}
SCHEMES: tuple[Literal["light", "dark"], ...] = ("light", "dark")
DEFAULT_PATHS = [
    "/",
    "/faq/2021-s1/",
    "/faq/2021-s1/issue-3/",
    "/faq/2021-s1/issue-4/#q4-3",
    "/en/",
    "/en/faq/2021-s1/issue-3/",
    "/en/faq/2021-s1/issue-4/#q4-3",
]


FIGURE_PAGES = [
    "/faq/2021-s1/issue-3/",
    "/faq/2021-s1/issue-4/",
    "/en/faq/2021-s1/issue-3/",
    "/en/faq/2021-s1/issue-4/",
]


def name_for(path: str) -> str:
    slug = path.strip("/").replace("/", "_").replace("#", "__") or "home"
    return slug


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("paths", nargs="*", default=DEFAULT_PATHS)
    ap.add_argument("--site", type=Path, default=ROOT / "site")
    ap.add_argument("--out", type=Path, default=ROOT / "screenshots")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--full-page", action="store_true")
    ap.add_argument(
        "--figures",
        action="store_true",
        help="also one shot of every figure and formula, per language, width and scheme",
    )
    args = ap.parse_args(argv)
    if not args.no_build:
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(args.site)], cwd=ROOT, check=True
        )
    args.out.mkdir(parents=True, exist_ok=True)
    with serve(args.site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for device, (width, height) in VIEWPORTS.items():
            for scheme in SCHEMES:
                context = browser.new_context(
                    viewport={"width": width, "height": height}, color_scheme=scheme, device_scale_factor=1
                )
                page = context.new_page()
                for path in args.paths:
                    page.goto(base + path, wait_until="networkidle")
                    out = args.out / f"{name_for(path)}-{device}-{scheme}.png"
                    page.screenshot(path=str(out), full_page=args.full_page)
                    print(out.relative_to(ROOT) if out.is_relative_to(ROOT) else out)
                if args.figures:
                    for path in FIGURE_PAGES:
                        page.goto(base + path, wait_until="networkidle")
                        for i, element in enumerate(page.locator("article figure, article div.math").all()):
                            element.scroll_into_view_if_needed()
                            out = args.out / "figures" / f"{name_for(path)}-{i + 1}-{device}-{scheme}.png"
                            out.parent.mkdir(parents=True, exist_ok=True)
                            element.screenshot(path=str(out))
                            print(out.relative_to(ROOT) if out.is_relative_to(ROOT) else out)
                context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

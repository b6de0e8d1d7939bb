"""Every internal link, fragment and image on every built page resolves."""

from __future__ import annotations

from tests.conftest import BuiltSite
from tests.site.html import content_pages, ids, resolve, soup

# What MkDocs itself says on a clean build; anything else (a warning, a
# third-party banner or chatter) is noise a contributor would have to read past.
BUILD_LINES = ("INFO    -  Cleaning site directory", "INFO    -  Building documentation to directory:",
               "INFO    -  Documentation built in")


def test_build_prints_only_what_a_person_needs(site: BuiltSite) -> None:
    """`mkdocs build`, run directly as CONTRIBUTING does (no opt-out variable set): three lines."""
    noise = [line for line in site.log.splitlines() if line.strip() and not line.startswith(BUILD_LINES)]
    assert noise == []
    assert site.log.count("INFO") == len(BUILD_LINES)


def test_every_internal_link_and_fragment_resolves(site: BuiltSite) -> None:
    broken = []
    checked = 0
    for page in content_pages(site.root):
        for a in soup(page).find_all("a", href=True):
            target, fragment = resolve(site.root, page, str(a["href"]))
            if target is None:
                continue
            checked += 1
            rel = page.relative_to(site.root)
            if not target.exists():
                broken.append(f"{rel}: {a['href']} -> missing file")
            elif fragment and target.suffix == ".html" and fragment not in ids(target):
                broken.append(f"{rel}: {a['href']} -> no element with id '{fragment}'")
    assert broken == []
    assert checked > 100  # the check really looked at links


def test_every_image_resolves_and_has_alt_text(site: BuiltSite) -> None:
    problems = []
    images = 0
    for page in content_pages(site.root):
        for img in soup(page).find_all("img"):
            images += 1
            rel = page.relative_to(site.root)
            target, _ = resolve(site.root, page, str(img.get("src", "")))
            if target is None:
                problems.append(f"{rel}: {img.get('src')} is not served by the site")
            elif not target.exists():
                problems.append(f"{rel}: {img.get('src')} -> missing file")
            if not str(img.get("alt", "")).strip():
                problems.append(f"{rel}: {img.get('src')} has no alt text")
    assert problems == []
    assert images >= 16  # eight figures in each language


def test_no_request_to_third_party_hosts(site: BuiltSite) -> None:
    """Scripts, styles, fonts and images all come from the site itself."""
    external = []
    for page in site.html_files():
        s = soup(page)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src")):
            for el in s.find_all(tag):
                url = str(el.get(attr) or "")
                if tag == "link" and not set(el.get("rel") or []) & {
                    "stylesheet",
                    "preload",
                    "prefetch",
                    "icon",
                    "modulepreload",
                    "preconnect",
                    "dns-prefetch",
                }:
                    continue
                if url.startswith(("http:", "https:", "//")):
                    external.append(f"{page.relative_to(site.root)}: <{tag} {attr}={url}>")
    assert external == []
    css = "".join(p.read_text(encoding="utf-8") for p in site.root.rglob("*.css"))
    assert "fonts.googleapis" not in css and "fonts.gstatic" not in css

"""An independent crawler (LinkChecker, with its anchor check) finds nothing broken on the served site."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import BuiltSite


def test_linkchecker_finds_no_broken_link_anchor_or_image(site: BuiltSite, base_url: str, tmp_path: Path) -> None:
    config = tmp_path / "linkcheckerrc"
    # our own server on 127.0.0.1: no throttling (it also answers with the LinkChecker header, see devserver)
    config.write_text("[checking]\nthreads=4\nmaxrequestspersecond=1000\n[AnchorCheck]\n", encoding="utf-8")
    linkchecker = Path(sys.executable).parent / "linkchecker"
    proc = subprocess.run(
        [
            str(linkchecker),
            "--no-status",
            "-f",
            str(config),
            "-o",
            "text",
            base_url + "/",
            base_url + "/en/",
            base_url + "/en/404.html",
            base_url + "/404.html",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-3000:]
    summary = re.search(r"(\d+) links in (\d+) URLs checked\. (\d+) warnings? found\. (\d+) errors? found", proc.stdout)
    assert summary is not None, proc.stdout[-2000:]
    links, _, warnings, errors = map(int, summary.groups())
    assert (warnings, errors) == (0, 0)
    assert links > 150

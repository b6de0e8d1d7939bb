"""How this project starts Chromium: Debian's build, never a downloaded one.

As root, headless Chromium needs --no-sandbox; the background-networking flags
keep it from calling hosts this machine cannot reach. Tests, screenshots,
benchmarks and the audit all start it with these.
"""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

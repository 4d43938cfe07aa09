"""What every browser test shares: Debian's chromium, its launch flags, and the rule that CI never
skips a browser test. The session's one Playwright browser is the `browser` fixture in conftest.py
(Playwright's sync API allows one instance per thread, so the packages must not start their own).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    # Without these chromium calls home (updates, field trials, sync) on its own.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Nothing resolves but the test server's address (IP literals included, checked), so no
    # request, not even a preconnect, leaves the machine, whatever a page asks for.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def require_browser() -> None:
    """Skip (locally) or fail (CI=true) when Playwright or Debian's chromium is missing."""
    problem = None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        problem = "the playwright package is missing (pip install -r requirements-test.txt)"
    if not CHROMIUM.exists():
        problem = f"{CHROMIUM} is missing (apt-get install chromium; scripts/test does it)"
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{problem}; CI never skips the browser tests", pytrace=False)
        pytest.skip(problem)

"""A small, self-contained browser fixture: Debian's chromium through Playwright, with pages that
record CSP violations, console errors, page errors and dialogs. Sites are served by tests/serving.py.

Skipped when /usr/bin/chromium is missing, except in CI (CI=true), where that is a failure.
"""

from __future__ import annotations

import pytest

from serving import WATCH_CSP as WATCH


@pytest.fixture
def watched_page(browser):
    """A fresh page that records CSP violations, console errors, page errors and dialogs."""
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(WATCH)
    page.problems = []
    page.on("console", lambda m: m.type == "error" and page.problems.append(f"console: {m.text} ({m.location.get('url')})"))
    page.on("pageerror", lambda e: page.problems.append(f"page error: {e}"))
    page.on("dialog", lambda d: (page.problems.append(f"dialog: {d.message}"), d.dismiss()))
    yield page
    context.close()

"""Nothing leaves the site, and every page declares its language: each page the sitemap lists,
read in chromium, requests the test server only and carries the right <html lang>."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from .conftest import Offsite, lang_of, new_context, sitemap_paths

TABS = 6  # pages loading at once: their quiet periods overlap, which keeps the tour short


@pytest.fixture(scope="module")
def tour(site, served, browser) -> dict[str, dict]:
    """Every sitemap page loaded until the network is quiet: {path: {lang, offsite}}."""
    paths = sitemap_paths(site)
    context = new_context(browser, Offsite(served), viewport={"width": 1280, "height": 800})
    tabs = [context.new_page() for _ in range(TABS)]
    visiting: dict[int, str] = {}
    found: dict[str, dict] = {path: {"lang": None, "offsite": []} for path in paths}
    server = urlsplit(served).netloc

    def on_request(request, tab_id: int) -> None:
        if urlsplit(request.url).scheme in ("http", "https", "ws", "wss") and urlsplit(request.url).netloc != server:
            found[visiting[tab_id]]["offsite"].append(request.url)

    for tab_id, tab in enumerate(tabs):
        tab.on("request", lambda request, tab_id=tab_id: on_request(request, tab_id))
    try:
        for start in range(0, len(paths), TABS):
            batch = list(enumerate(paths[start : start + TABS]))
            for tab_id, path in batch:
                visiting[tab_id] = path
                tabs[tab_id].goto(served + path, wait_until="commit")
            for tab_id, path in batch:
                tabs[tab_id].wait_for_load_state("networkidle")
                found[path]["lang"] = tabs[tab_id].evaluate("document.documentElement.lang")
    finally:
        context.close()
    return found


def test_sitemap_lists_both_languages(site):
    langs = {lang_of(path) for path in sitemap_paths(site)}
    assert langs == {"en", "zh"}


def test_no_page_requests_another_host(tour):
    offending = [f"/{path}: {url}" for path, seen in tour.items() for url in seen["offsite"]]
    assert not offending, "requests to hosts other than the site:\n" + "\n".join(offending)


def test_every_page_declares_its_language(tour):
    wrong = {f"/{path}": seen["lang"] for path, seen in tour.items() if seen["lang"] != lang_of(path)}
    assert wrong == {}, "pages whose <html lang> does not match their language folder"

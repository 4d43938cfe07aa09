"""A reader's tour of the whole site: every page in the sitemap, visited once, in chromium.

Each page of the default language is opened, left until the network is quiet, then the header's
language menu is used to go to the other language (that page is visited the same way) and back.
So one tour feeds three tests: nothing leaves the site, no response is an HTTP error, the console
shows no error and no page breaks the Content-Security-Policy it is served with (test_offsite.py), and the switcher leads to the same page in the other language
and back (test_language_switch.py), with a third of the page loads of separate tours. Sitemap pages the switcher did not reach are visited directly afterwards.

Several tabs tour at once: their quiet periods (networkidle waits 500 ms) overlap.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from serving import WATCH_CSP

from .conftest import DEFAULT_LANG, OTHER_LANGS, in_lang, lang_of, new_context, sitemap_paths

TABS = 6


@dataclass
class Visit:
    lang: str | None = None  # <html lang>
    offsite: list[str] = field(default_factory=list)  # requested URLs on other hosts
    missing: list[str] = field(default_factory=list)  # own URLs answered with an HTTP error
    errors: list[str] = field(default_factory=list)  # uncaught script errors
    console: list[str] = field(default_factory=list)  # console messages of type "error" (failed loads too)
    csp: list[str] = field(default_factory=list)  # Content-Security-Policy violations


@dataclass
class Switch:
    there: str  # path the switcher led to from the default-language page
    there_lang: str
    back: str | None  # path the switcher led back to


@dataclass
class Tour:
    paths: list[str]
    visits: dict[str, Visit]
    switches: dict[str, Switch]  # default-language path -> where its switcher led


def _press_language(tab, lang: str) -> str | None:
    """Picks `lang` in the header's language menu as a keyboard reader does: focus (which opens
    the menu) and Enter. Returns the URL being left, or None when the menu has no such entry.
    (A mouse click does the same but waits for the menu's animation.)"""
    link = tab.locator(f".md-header .md-select__link[hreflang='{lang}']")
    if link.count() != 1:
        return None
    before = tab.url
    link.focus()
    tab.keyboard.press("Enter")
    return before


def _arrived(tab, served: str, before: str | None, wait: str) -> str:
    """The site path the tab navigated to from `before`, or what went wrong."""
    if before is None:
        return "(no entry for the language in the menu)"
    try:
        tab.wait_for_url(lambda url: url != before, wait_until=wait)
    except PlaywrightTimeout:
        return "(no navigation)"
    url = tab.url
    return url[len(served) :].split("#")[0] if url.startswith(served) else url


def take_tour(browser, site: Path, served: str) -> Tour:
    paths = sitemap_paths(site)
    visits: dict[str, Visit] = {}
    switches: dict[str, Switch] = {}
    server = urlsplit(served).netloc
    other = OTHER_LANGS[0]
    context = new_context(browser, viewport={"width": 1280, "height": 800})
    context.add_init_script(WATCH_CSP)
    tabs = [context.new_page() for _ in range(TABS)]
    current: dict[int, str] = {}

    def on_request(request, tab_id: int) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != server:
            visits.setdefault(current[tab_id], Visit()).offsite.append(request.url)

    def on_response(response, tab_id: int) -> None:
        if response.status >= 400 and urlsplit(response.url).netloc == server:
            visits.setdefault(current[tab_id], Visit()).missing.append(f"{response.status} {response.url[len(served) - 1 :]}")

    def on_error(error, tab_id: int) -> None:
        visits.setdefault(current[tab_id], Visit()).errors.append(str(error))

    def on_console(message, tab_id: int) -> None:
        if message.type == "error":
            location = message.location.get("url", "") if message.location else ""
            visits.setdefault(current[tab_id], Visit()).console.append(f"{message.text} ({location})")

    for tab_id, tab in enumerate(tabs):
        tab.on("console", lambda message, tab_id=tab_id: on_console(message, tab_id))
        tab.on("request", lambda request, tab_id=tab_id: on_request(request, tab_id))
        tab.on("response", lambda response, tab_id=tab_id: on_response(response, tab_id))
        tab.on("pageerror", lambda error, tab_id=tab_id: on_error(error, tab_id))

    def settle(tab_id: int, path: str) -> None:
        tabs[tab_id].wait_for_load_state("networkidle")
        visit = visits.setdefault(path, Visit())
        visit.lang, visit.csp = tabs[tab_id].evaluate("[document.documentElement.lang, window.__violations || []]")

    def batches(items: list[str]):
        for start in range(0, len(items), TABS):
            yield list(enumerate(items[start : start + TABS]))

    try:
        for batch in batches([p for p in paths if lang_of(p) == DEFAULT_LANG]):
            for tab_id, path in batch:
                current[tab_id] = path
                tabs[tab_id].goto(served + path, wait_until="commit")
            left = {}
            for tab_id, path in batch:
                settle(tab_id, path)
                current[tab_id] = in_lang(path, other)
                left[tab_id] = _press_language(tabs[tab_id], other)
            for tab_id, path in batch:
                there = _arrived(tabs[tab_id], served, left.pop(tab_id), "domcontentloaded")
                if there != in_lang(path, other):  # wrong page: recorded; the twin is visited later
                    switches[path] = Switch(there, tabs[tab_id].evaluate("document.documentElement.lang"), None)
                    continue
                settle(tab_id, there)
                switches[path] = Switch(there, visits[there].lang, None)
                current[tab_id] = path
                left[tab_id] = _press_language(tabs[tab_id], DEFAULT_LANG)
            for tab_id, path in batch:
                if tab_id in left:  # the page itself was visited already: its address is enough,
                    switches[path].back = _arrived(tabs[tab_id], served, left[tab_id], "commit")
                    tabs[tab_id].goto("about:blank")  # so stop loading it a second time
        for batch in batches([p for p in paths if p not in visits]):
            for tab_id, path in batch:
                current[tab_id] = path
                tabs[tab_id].goto(served + path, wait_until="commit")
            for tab_id, path in batch:
                settle(tab_id, path)
    finally:
        context.close()
    return Tour(paths, visits, switches)

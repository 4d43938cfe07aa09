"""Browser fixtures: the built site on a real HTTP server on 127.0.0.1, one chromium per session.

Chromium is Debian's /usr/bin/chromium driven by Playwright (never `playwright install`). When it
is missing the browser tests fail under CI=true and are skipped elsewhere. Chromium resolves no
host name or address but 127.0.0.1 (--host-resolver-rules), so a page's request for another host
fails inside the browser and never leaves the machine; test_offsite.py records such requests.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import ROOT
from serving import serve, site_headers

OUTPUT = ROOT / "test-output" / "browser"
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
DEFAULT_LANG = "en"
OTHER_LANGS = ("zh",)
# How each language's pages declare it (<html lang>, hreflang): the Chinese site is Simplified Chinese.
LANG_TAGS = {"en": "en", "zh": "zh-Hans"}


def lang_of(path: str) -> str:
    """The language of a site path such as 'zh/platforms/linkedin/' ('' is the English home)."""
    return next((lang for lang in OTHER_LANGS if path == f"{lang}/" or path.startswith(f"{lang}/")), DEFAULT_LANG)


def in_lang(path: str, lang: str) -> str:
    """The same page in another language: 'platforms/x/' <-> 'zh/platforms/x/'."""
    current = lang_of(path)
    bare = path if current == DEFAULT_LANG else path[len(current) + 1 :]
    return bare if lang == DEFAULT_LANG else f"{lang}/{bare}"


def sitemap_paths(site: Path) -> list[str]:
    """Every page the sitemap lists, as paths relative to the site root ('' for the home page)."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [el.text.strip() for el in ET.parse(site / "sitemap.xml").getroot().findall("s:url/s:loc", ns)]
    root = min(locs, key=len)  # the home page: site_url itself
    assert all(loc.startswith(root) for loc in locs), f"sitemap entries outside {root}"
    return [loc[len(root) :] for loc in locs]


@pytest.fixture(scope="session")
def served(site: Path) -> Iterator[str]:
    """Base URL (with a trailing slash) of the real site, served for the whole session."""
    with serve(site) as base:
        yield base


def new_context(browser, **options):
    context = browser.new_context(**options)
    context.set_default_timeout(20_000)  # generous: a busy 2-core machine is slow, a passing run is not
    return context


@pytest.fixture
def open_context(browser) -> Iterator[Callable]:
    """open_context(**options) -> a new browser context, closed after the test."""
    contexts = []

    def open_(**options):
        contexts.append(new_context(browser, **options))
        return contexts[-1]

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_context):
    """A desktop-sized page (1280x800)."""
    return open_context(viewport={"width": 1280, "height": 800}).new_page()


@pytest.fixture(scope="session")
def tour(browser, site: Path):
    """Every sitemap page visited once, switching language on the way (see tour.py), served as a
    static host would serve it: with the Content-Security-Policy of the build's _headers file."""
    from .tour import take_tour

    with serve(site, site_headers(site)) as base:
        return take_tour(browser, site, base)

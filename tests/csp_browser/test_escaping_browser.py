"""In a real browser, nothing from a hostile platform's data runs (tests/sample_site.py).

The pages are served WITHOUT the Content-Security-Policy: the policy would block an injected script
anyway, and this test is about the escaping, not the policy. Every element of the article gets the
events an attacker's handler would wait for; a payload that ran would set window.__pwned or open a
dialog.
"""

from __future__ import annotations

import shutil

import pytest

from sample_site import HOSTILE_DESCRIPTIONS, SAMPLE_PAGES
from serving import serve

PROVOKE = """() => {
  for (const el of document.querySelectorAll("article *")) {
    for (const type of ["mouseover", "mouseenter", "focus", "click"]) {
      if (type === "click" && el.closest("a[href]")) continue;  // following links is not the point
      el.dispatchEvent(new Event(type, {bubbles: true}));
    }
  }
  return document.querySelectorAll("article *").length;
}"""


def pwned(page, url: str) -> list[str]:
    page.problems.clear()
    page.goto(url, wait_until="load")
    assert page.evaluate(PROVOKE) > 50
    page.wait_for_timeout(100)  # an onerror of a broken image fires after load
    ran = page.evaluate("window.__pwned")
    return ([f"window.__pwned = {ran}"] if ran else []) + [p for p in page.problems if p.startswith(("dialog", "page error"))]


@pytest.mark.parametrize("rel", SAMPLE_PAGES)
def test_nothing_from_hostile_data_runs(sample_site, watched_page, rel):
    with serve(sample_site, {}) as base:
        assert pwned(watched_page, base + rel.removesuffix("index.html")) == []
        assert "__pwned" in watched_page.inner_text("article"), "the payloads are on the page, as text"


def test_the_check_sees_a_payload_that_runs(sample_site, watched_page, tmp_path):
    """The same check on a copy of the page where one handler was not escaped."""
    site = tmp_path / "site"
    shutil.copytree(sample_site, site)
    page = site / SAMPLE_PAGES[0]
    html = page.read_text(encoding="utf-8")
    escaped = "&lt;img src=x onerror=&quot;window.__pwned=1;alert(1)&quot;&gt;"
    assert escaped in html
    page.write_text(html.replace(escaped, '<img src=x onerror="window.__pwned=1;alert(1)">', 1), encoding="utf-8")
    with serve(site, {}) as base:
        found = pwned(watched_page, base + SAMPLE_PAGES[0].removesuffix("index.html"))
    assert "window.__pwned = 1" in found and "dialog: 1" in found


def stays(page, url: str) -> tuple[str, str]:
    """Where the browser is 1.5 s after loading `url`, and the description it reads."""
    page.goto(url, wait_until="load")
    page.wait_for_timeout(1500)  # a meta refresh of 0 s would have fired by now
    return page.url, page.evaluate("document.querySelector('meta[name=description]').content")


@pytest.mark.parametrize("rel", SAMPLE_PAGES)
def test_a_quote_in_the_description_keeps_it_whole_and_navigates_nowhere(sample_site, watched_page, rel):
    with serve(sample_site, {}) as base:
        url = base + rel.removesuffix("index.html")
        where, description = stays(watched_page, url)
    assert where == url
    assert description == HOSTILE_DESCRIPTIONS[rel]


def test_the_check_sees_a_refresh_that_fires(sample_site, watched_page, tmp_path):
    """The theme's own unescaped head, with a refresh to a page of the same server: the browser goes."""
    site = tmp_path / "site"
    shutil.copytree(sample_site, site)
    page = site / SAMPLE_PAGES[0]
    html = page.read_text(encoding="utf-8")
    head = html.index('<meta name="description"')
    end = html.index(">", head) + 1
    page.write_text(html[:head] + '<meta name="description" content="0;url=../../zh/" http-equiv="refresh">' + html[end:], encoding="utf-8")
    with serve(site, {}) as base:
        where, _ = stays(watched_page, base + SAMPLE_PAGES[0].removesuffix("index.html"))
    assert where == base + "zh/"


@pytest.mark.parametrize("lang", ["", "zh/"])
def test_nothing_from_hostile_data_runs_in_the_plan(sample_site, watched_page, lang):
    """The plan page carries every platform's texts as JSON and the script writes them as text."""
    with serve(sample_site, {}) as base:
        assert pwned(watched_page, base + lang + "plan/#r=EU&p=sample") == []
        watched_page.goto("about:blank")
        watched_page.goto(base + lang + "plan/#r=EU&p=sample")  # the events above clicked its buttons
        watched_page.wait_for_selector("#plan-stop")
        assert "window.__pwned=1" in watched_page.inner_text(".optout-plan-out"), "the hostile setting name is shown, as text"
        assert watched_page.evaluate("window.__pwned") is None

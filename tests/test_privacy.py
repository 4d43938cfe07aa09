"""The built site requests nothing from any host but its own."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from helpers_html import Page, html_files

# Attributes through which a page makes the browser fetch something without a click.
FETCHING = {
    "script": ["src"],
    "img": ["src", "srcset"],
    "iframe": ["src"],
    "source": ["src", "srcset"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "input": ["src"],
}
FETCHING_REL = {"stylesheet", "preload", "prefetch", "preconnect", "dns-prefetch", "icon", "manifest", "modulepreload", "apple-touch-icon"}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])((?:https?:)?//[^'")\s]+)""", re.I)


def third_party(url: str) -> bool:
    return bool(urlsplit(url.strip()).netloc)


def offending_resources(html: str) -> list[str]:
    page = Page(html)
    bad = []
    for tag, attrs in page.elements:
        for attr in FETCHING.get(tag, []):
            for url in (attrs.get(attr) or "").split(","):
                url = url.strip().split(" ")[0]
                if url and third_party(url):
                    bad.append(f"<{tag} {attr}={url}>")
        if tag == "link" and FETCHING_REL & set((attrs.get("rel") or "").lower().split()):
            if third_party(attrs.get("href", "")):
                bad.append(f"<link rel={attrs.get('rel')} href={attrs['href']}>")
        if "style" in attrs:
            bad += CSS_URL.findall(attrs["style"])
    bad += CSS_URL.findall("".join(re.findall(r"<style[^>]*>(.*?)</style>", html, re.S)))
    return bad


def test_no_page_loads_third_party_resources(site):
    problems = {}
    for path in html_files(site):
        bad = offending_resources(path.read_text(encoding="utf-8"))
        if bad:
            problems[str(path.relative_to(site))] = bad
    assert problems == {}


def test_no_stylesheet_imports_third_party(site):
    problems = {str(p.relative_to(site)): CSS_URL.findall(p.read_text(encoding="utf-8")) for p in site.rglob("*.css")}
    assert {k: v for k, v in problems.items() if v} == {}


def test_detector_catches_a_google_font():
    html = '<html><head><link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto"></head></html>'
    assert offending_resources(html)
    assert offending_resources('<img src="//cdn.example.com/x.png">')
    assert not offending_resources('<a href="https://www.linkedin.com/">LinkedIn</a><img src="../assets/x.svg">')


def test_no_analytics_or_repository_widget(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "googletagmanager" not in home and "google-analytics" not in home
    assert "md-source__facts" not in home, "the repository widget would call the GitHub API"

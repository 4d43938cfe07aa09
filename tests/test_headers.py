"""The hosting headers of site/_headers, read back as a static host applies them (issue 13)."""

from __future__ import annotations

import re
import urllib.request
from collections import Counter

from serving import header_rules, headers_for, serve


def _paths(site):
    """The request path of every built file (pages by their folder, as readers ask for them)."""
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        yield "/" + (rel.removesuffix("index.html") if rel.endswith("index.html") else rel)


def test_no_path_gets_a_header_twice(site):
    rules = header_rules(site)
    for path in _paths(site):
        names = Counter(name for name, _ in headers_for(rules, path))
        assert [n for n, count in names.items() if count > 1] == [], path


def test_every_path_gets_the_security_headers(site):
    rules = header_rules(site)
    for path in ("/", "/zh/platforms/linkedin/", "/api/platforms.json", "/assets/javascripts/optout-overview.js"):
        got = dict(headers_for(rules, path))
        assert got["X-Content-Type-Options"] == "nosniff"
        assert got["Referrer-Policy"] == "no-referrer"
        assert "camera=()" in got["Permissions-Policy"] and "clipboard" not in got["Permissions-Policy"]
        assert got["Content-Security-Policy"].startswith("default-src 'self'")


def test_cache_lifetimes(site):
    rules = header_rules(site)
    hashed = [p for p in _paths(site) if re.search(r"\.[0-9a-f]{8}\.min\.(css|js)$", p)]
    assert len(hashed) >= 4
    for path in hashed:
        assert dict(headers_for(rules, path))["Cache-Control"] == "public, max-age=31536000, immutable"
    for path in ("/api/platforms.json", "/zh/feeds/dates.ics", "/search/search_index.json"):
        assert dict(headers_for(rules, path))["Cache-Control"] == "public, max-age=3600"
    for path in ("/", "/platforms/linkedin/", "/assets/javascripts/optout-overview.js", "/assets/stylesheets/optout-tools.css"):
        assert "Cache-Control" not in dict(headers_for(rules, path)), f"{path} keeps the host's revalidating default"


def test_a_server_applying_the_file_sends_them(site):
    """Through HTTP, as a reader's browser receives them."""
    rules = header_rules(site)
    with serve(site, rules=rules) as base:
        with urllib.request.urlopen(
            base + "assets/stylesheets/" + next((site / "assets" / "stylesheets").glob("main.*.min.css")).name
        ) as response:
            assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
            assert response.headers["X-Content-Type-Options"] == "nosniff"
        with urllib.request.urlopen(base + "zh/platforms/linkedin/") as response:
            assert response.headers["Cache-Control"] is None
            assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]

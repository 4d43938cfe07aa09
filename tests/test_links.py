"""External links on the built site: https only, to allowed hosts only, rel="noopener noreferrer".

Allowed hosts (guide.prose.allowed_hosts): every platform's `domains`, the host of every source and
of its archived copy, the short list in data/links.yml (`prose_hosts`), and the repository's host
(mkdocs.yml repo_url) for the theme's repository link.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from conftest import ROOT, load_hook
from guide import checks, prose, texts
from guide.errors import DataError
from helpers_html import Page, html_files

LINKS = load_hook("links")


def allowed_hosts(guide) -> list[str]:
    repo = re.search(r"^repo_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    return prose.allowed_hosts(guide, texts.load(guide.root, guide.region_codes)) + ([checks.host_of(repo.group(1))] if repo else [])


def bad_links(html: str, hosts: list[str]) -> list[str]:
    """Every external <a> that is not https, not to an allowed host, or lacks rel noopener noreferrer."""
    problems = []
    for tag, attrs in Page(html).elements:
        href = (attrs.get("href") or "").strip()
        if tag != "a" or not (urlsplit(href).scheme or href.startswith("//")):
            continue
        parts = urlsplit(href)
        if parts.scheme == "mailto":
            continue
        if parts.scheme != "https":
            problems.append(f"not https: {href}")
        elif not checks.host_allowed((parts.hostname or "").lower(), hosts):
            problems.append(f"host not allowed: {href}")
        if not {"noopener", "noreferrer"} <= set((attrs.get("rel") or "").split()):
            problems.append(f"no rel=noopener noreferrer: {href}")
    return problems


def test_every_external_link_is_https_allowed_and_safe(site, guide):
    hosts = allowed_hosts(guide)
    problems = {}
    count = 0
    for path in html_files(site):
        html = path.read_text(encoding="utf-8")
        count += html.count('href="https://')
        if bad := bad_links(html, hosts):
            problems[str(path.relative_to(site))] = bad
    assert problems == {}
    assert count > 10, "the site has external links to check"


def test_checker_catches_each_kind_of_bad_link():
    hosts = ["example.com"]
    assert bad_links('<a href="http://example.com/" rel="noopener noreferrer">x</a>', hosts) == ["not https: http://example.com/"]
    assert bad_links('<a href="https://evil.test/" rel="noopener noreferrer">x</a>', hosts) == ["host not allowed: https://evil.test/"]
    assert bad_links('<a href="https://www.example.com/">x</a>', hosts) == ["no rel=noopener noreferrer: https://www.example.com/"]
    assert bad_links('<a href="../x/">x</a><a href="#y">y</a><a href="mailto:a@example.com">z</a>', hosts) == []


# --- hooks/links.py ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "tag, expected",
    [
        ('<a href="https://www.example.com/">', '<a href="https://www.example.com/" rel="noopener noreferrer">'),
        ("<a href='//cdn.example.com/x' class=x>", "<a href='//cdn.example.com/x' class=x rel=\"noopener noreferrer\">"),
        ('<a rel="edit" href="https://github.com/x">', '<a rel="edit noopener noreferrer" href="https://github.com/x">'),
        ('<a href="https://x.example/" rel=noopener>', '<a href="https://x.example/" rel="noopener noreferrer">'),
        ('<a href="../platforms/">', '<a href="../platforms/">'),
        ('<a href="#top" class="md-top">', '<a href="#top" class="md-top">'),
        ('<a href="mailto:privacy@example.com">', '<a href="mailto:privacy@example.com">'),
    ],
)
def test_hook_adds_rel_to_external_links_only(tag, expected):
    assert LINKS.secure(f"<p>{tag}x</a></p>", "docs/en/x.md") == f"<p>{expected}x</a></p>"


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java&#x09;script:alert(1)",
        " javascript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
    ],
)
def test_hook_stops_the_build_on_a_dangerous_link(href):
    with pytest.raises(DataError, match=r"^docs/en/x\.md: link .* uses the '(javascript|data|vbscript|file):' scheme"):
        LINKS.secure(f'<p><a href="{href}">x</a></p>', "docs/en/x.md")

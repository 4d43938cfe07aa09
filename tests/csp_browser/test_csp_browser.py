"""The Content-Security-Policy from the build's _headers: the search (a worker that fetches its
index) and the 404 page run under it without a violation or a console error, and a page with a
script the build did not hash does produce one, so the check can fail. Every sitemap page is
checked against the policy by the browser tour (tests/browser/test_offsite.py)."""

from __future__ import annotations

import shutil

from serving import serve, site_headers


def expected(problem: str) -> bool:
    """Material's language selector looks for a sitemap.xml beside each page; with i18n it 404s."""
    return "status of 404" in problem and problem.endswith("sitemap.xml)")


def problems(page) -> list[str]:
    return [p for p in page.evaluate("window.__violations") + page.problems if not expected(p)]


def visit(page, base: str, path: str) -> list[str]:
    """Load one page; return its CSP violations and errors."""
    page.problems.clear()
    page.goto(base + path, wait_until="load")
    page.wait_for_timeout(50)  # Material's bundle starts on load; give it a moment to run
    return problems(page)


def test_headers_file_is_served(sample_site):
    headers = site_headers(sample_site)
    assert headers["Content-Security-Policy"].startswith("default-src 'self'")


def test_the_404_page_runs_under_the_policy(site, watched_page):
    with serve(site, site_headers(site)) as base:
        assert visit(watched_page, base, "404.html") == []
        assert visit(watched_page, base, "zh/404.html") == []


def test_search_runs_under_the_policy(site, watched_page):
    """Search runs in a worker and fetches its index: both must be allowed too."""
    with serve(site, site_headers(site)) as base:
        watched_page.goto(base + "zh/", wait_until="networkidle")
        watched_page.locator("label.md-search__icon, .md-search__input").first.click()
        watched_page.keyboard.type("linkedin")
        watched_page.locator(".md-search-result__item").first.wait_for(timeout=10000)
        assert problems(watched_page) == []


def test_an_unhashed_inline_script_is_blocked_and_reported(site, watched_page, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page_file = copy / "methodology" / "index.html"
    html = page_file.read_text(encoding="utf-8")
    page_file.write_text(html.replace("</body>", "<script>window.__unhashed = 1</script></body>"), encoding="utf-8")
    with serve(copy, site_headers(site)) as base:
        found = visit(watched_page, base, "methodology/")
        assert watched_page.evaluate("window.__unhashed") is None, "the script ran"
        assert any("script-src" in p for p in found), found
        assert visit(watched_page, base, "") == [], "the untouched home page is still clean"

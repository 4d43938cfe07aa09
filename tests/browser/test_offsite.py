"""Nothing leaves the site, and every page declares its language: each page the sitemap lists,
read in chromium until the network is quiet, requests the test server only and carries the right
<html lang>. On the way: no file the page asks for is missing, no script or console error. (The pages are
visited by the tour in tour.py.)"""

from __future__ import annotations

from .conftest import lang_of


def test_the_tour_covers_every_sitemap_page_in_both_languages(tour):
    assert {lang_of(path) for path in tour.paths} == {"en", "zh"}
    assert sorted(set(tour.paths) - set(tour.visits)) == []


def test_no_page_requests_another_host(tour):
    offending = [f"/{path}: {url}" for path, visit in sorted(tour.visits.items()) for url in sorted(set(visit.offsite))]
    assert not offending, "requests to hosts other than the site:\n" + "\n".join(offending)


def test_every_page_declares_its_language(tour):
    wrong = {f"/{path}": visit.lang for path, visit in tour.visits.items() if visit.lang != lang_of(path)}
    assert wrong == {}, "pages whose <html lang> does not match their language folder"


def test_no_page_asks_for_a_missing_file(tour):
    # Every response with status >= 400, with no exception: Material's bundle used to fetch a
    # sitemap.xml beside each <link rel="alternate"> (404); the head's links no longer match its selector.
    missing = [f"/{path}: {m}" for path, visit in sorted(tour.visits.items()) for m in sorted(set(visit.missing))]
    assert not missing, "files a page asks for but the site does not have:\n" + "\n".join(missing)


def test_no_page_logs_a_console_error(tour):
    errors = [f"/{path}: {e}" for path, visit in sorted(tour.visits.items()) for e in visit.console]
    assert not errors, "console errors:\n" + "\n".join(errors)


def test_no_page_has_a_script_error(tour):
    errors = [f"/{path}: {e}" for path, visit in sorted(tour.visits.items()) for e in visit.errors]
    assert not errors, "uncaught script errors:\n" + "\n".join(errors)


def test_no_page_violates_the_content_security_policy(tour):
    """The tour's server sends the policy of the build's _headers file, as the static host will."""
    found = [f"/{path}: {v}" for path, visit in sorted(tour.visits.items()) for v in visit.csp]
    assert not found, "Content-Security-Policy violations:\n" + "\n".join(found)

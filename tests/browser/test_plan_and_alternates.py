"""The real site in chromium: a reader on a phone makes a plan for five platforms on /zh/ (timed), and
no page asks for a sitemap.xml, whatever alternate links its head carries.

Material's bundle fetches "sitemap.xml" beside every <link rel="alternate"> it finds at
DOMContentLoaded; optout-alternates.js hides those links from it for that moment. The head is about to
carry absolute hreflang links, an x-default and an Atom feed link: the second test adds such links to a
served page and checks that none of them leads to a request.
"""

from __future__ import annotations

import time

from .conftest import OUTPUT

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
FIVE = ("linkedin", "meta", "x", "reddit", "chatgpt")


def test_a_five_platform_plan_on_a_phone_in_under_a_minute(served, open_context, guide):
    tab = open_context(**PHONE).new_page()
    chosen = [pid for pid in FIVE if pid in guide.platforms]
    assert len(chosen) == 5, "the five platforms of this test are in the guide"
    started = time.monotonic()
    tab.goto(served + "zh/plan/")
    tab.locator("#optout-plan-region").select_option("EU")
    for pid in chosen:
        box = tab.locator(f"input[name=platform][value={pid}]")
        box.scroll_into_view_if_needed()
        box.tap()
    tab.wait_for_selector("#plan-calendar")
    seconds = time.monotonic() - started
    shown = set(tab.eval_on_selector_all(".optout-plan-out [data-platform]", "items => items.map(i => i.dataset.platform)"))
    assert shown == set(chosen), "every chosen platform, and no other, has something in the plan"
    assert tab.locator("#plan-stop + ul li").count() > 0 and tab.locator("#plan-object + ul li").count() > 0
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / "plan-timing.txt").write_text(f"5-platform plan on /zh/plan/ at 390 px: {seconds:.2f} s\n", encoding="utf-8")
    tab.screenshot(path=str(OUTPUT / "screenshots" / "zh-plan-390.png"), full_page=True)
    assert seconds < 60


def test_no_alternate_link_makes_the_page_ask_for_a_sitemap(served, open_context):
    context = open_context(viewport={"width": 1280, "height": 800})
    extra = (
        '<link rel="alternate" hreflang="en" href="https://optout-guide.example.org/platforms/linkedin/">'
        '<link rel="alternate" hreflang="zh" href="https://optout-guide.example.org/zh/platforms/linkedin/">'
        '<link rel="alternate" hreflang="x-default" href="https://optout-guide.example.org/platforms/linkedin/">'
        '<link rel="alternate" type="application/atom+xml" title="Changes" href="/feeds/changes.atom">'
    )

    def with_links(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace("</head>", extra + "</head>"))

    context.route(served + "platforms/linkedin/", with_links)
    tab = context.new_page()
    asked = []
    tab.on("request", lambda request: asked.append(request.url))
    for path in ("platforms/linkedin/", "zh/platforms/linkedin/", ""):
        tab.goto(served + path, wait_until="networkidle")
    assert tab.goto(served + "platforms/linkedin/", wait_until="networkidle").ok
    assert tab.locator('link[href^="https://optout-guide.example.org/"]').count() == 3, "the test's links are in the page"
    assert tab.eval_on_selector_all('link[rel="alternate"]', "links => links.length") == 4, "rel is put back after the theme's look"
    assert [url for url in asked if "sitemap" in url] == []
    assert [url for url in asked if not url.startswith(served)] == []

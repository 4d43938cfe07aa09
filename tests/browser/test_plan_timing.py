"""The real site in chromium: a reader on a phone makes a plan for five platforms on /zh/ (timed).
(That no page asks for a sitemap.xml is checked for every page by the tour, tests/browser/test_offsite.py.)"""

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

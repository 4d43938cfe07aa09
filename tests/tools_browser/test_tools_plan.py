"""My plan in a real browser, on a phone-sized screen: made on /zh/, it survives a reload, opens from its
shared link in a fresh browser (no storage), lists only what applies to the region and platforms chosen,
and its calendar file (captured as a download, parsed with icalendar) holds the chosen platforms' dates
and no others. Without JavaScript the page points to the full checklist.

The small site of conftest.py: in the EU, alpha starts training on a date to come, omega (worldwide) has
a deadline to come, LinkedIn has a setting and an objection form, and zeta (mainland China, US) says
nothing about the EU.
"""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import SITE_URL

from .conftest import open_page

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def _state(page) -> dict:
    return page.evaluate(
        """() => ({
            region: document.querySelector('#optout-plan-region').value,
            platforms: [...document.querySelectorAll('input[name=platform]:checked')].map(b => b.value),
            dates: [...document.querySelectorAll('#plan-dates + ul li')].map(li => li.dataset.platform),
            stop: [...document.querySelectorAll('#plan-stop + ul li')].map(li => li.dataset.platform),
            object: [...document.querySelectorAll('#plan-object + ul li')].map(li => li.dataset.platform),
            noinfo: [...document.querySelectorAll('.optout-plan-noinfo')].map(p => p.dataset.platform),
            letters: [...document.querySelectorAll('a.optout-plan-letter')].map(a => a.href),
            text: document.querySelector('.optout-plan-out').innerText,
        })"""
    )


def _ics(page) -> bytes:
    with page.expect_download() as info:
        page.click(".optout-plan-out [data-action=ics]")
    download = info.value
    assert download.suggested_filename == "optout-plan.ics"
    return open(download.path(), "rb").read()


def _check_calendar(raw: bytes, chosen: set[str], lang_word: str) -> set[str]:
    """The platforms the calendar's events belong to, after checking RFC 5545's line rules."""
    from icalendar import Calendar

    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""), "every line ends with CRLF"
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "long lines are folded at 75 octets"
    cal = Calendar.from_ical(raw)
    assert str(cal["VERSION"]) == "2.0" and cal["PRODID"]
    events = cal.walk("VEVENT")
    found = set()
    for event in events:
        uid = str(event["UID"])
        pid = next((p for p in ("alpha", "linkedin", "omega", "zeta") if uid.startswith(p + "-")), None)
        assert pid, f"UID {uid!r} names no platform"
        found.add(pid)
        assert event["DTSTART"].dt < event["DTEND"].dt and event["DTSTAMP"]
        assert lang_word in str(event["SUMMARY"])
    assert found <= chosen, f"events of platforms not chosen: {found - chosen}"
    return found


def test_a_plan_made_on_zh_survives_reload_and_opens_from_its_link(in_browser, tools_base):
    def scenario(browser):
        context, page, requests = open_page(browser, tools_base, **PHONE)
        try:
            page.goto(tools_base + "zh/plan/")
            assert not page.locator(".optout-plan-nojs").is_visible()
            assert page.locator(".optout-plan-empty").is_visible()
            started = time.monotonic()
            page.select_option("#optout-plan-region", "EU")
            for pid in ("alpha", "linkedin", "zeta"):
                page.locator(f"input[name=platform][value={pid}]").tap()
            page.wait_for_selector("#plan-calendar")
            made_in = time.monotonic() - started
            assert urlsplit(page.url).fragment == "r=EU&p=alpha,linkedin,zeta"
            first = _state(page)
            assert first["region"] == "EU" and first["platforms"] == ["alpha", "linkedin", "zeta"]
            assert first["dates"] == ["alpha"], "only the chosen platforms' dates to come (not omega's)"
            assert first["stop"] == ["alpha", "linkedin"] and "linkedin" in first["object"] and "zeta" not in first["object"]
            assert first["noinfo"] == ["zeta"], "zeta says nothing about the EU, and the plan says so"
            assert "1. 重要日期" in first["text"] and "2. 关闭今后的使用" in first["text"]
            for href in first["letters"]:
                parts = urlsplit(href)
                assert parts.path == urlsplit(SITE_URL).path + "zh/letters/" and parts.fragment == "letter"
                assert parse_qs(parts.query) == {"platform": ["linkedin"], "law": ["gdpr"]}
            assert first["letters"], "LinkedIn's objection form comes with its letter"
            raw = _ics(page)
            assert _check_calendar(raw, {"alpha", "linkedin", "zeta"}, "生效") == {"alpha"}

            page.reload()
            page.wait_for_selector("#plan-calendar")
            assert _state(page) == first, "the plan survives a reload"
            shared = page.input_value(".optout-plan-link")
            assert shared == page.url and shared.endswith("#r=EU&p=alpha,linkedin,zeta")

            # a fresh browser context: nothing stored; the link alone carries the plan
            other, fresh, _ = open_page(browser, tools_base, **PHONE)
            try:
                fresh.goto(shared)
                fresh.wait_for_selector("#plan-calendar")
                assert _state(fresh) == first
                assert _check_calendar(_ics(fresh), {"alpha", "linkedin", "zeta"}, "生效") == {"alpha"}
                # and it is kept there too
                fresh.goto(tools_base + "zh/plan/")
                fresh.wait_for_selector("#plan-calendar")
                assert _state(fresh)["platforms"] == ["alpha", "linkedin", "zeta"]
            finally:
                other.close()

            # omega's deadline (worldwide) joins the calendar once omega is chosen
            page.locator("input[name=platform][value=omega]").tap()
            assert _check_calendar(_ics(page), {"alpha", "linkedin", "omega", "zeta"}, "") == {"alpha", "omega"}
            # mainland China: zeta's email request and LinkedIn's worldwide form, with letters under the
            # PIPL; LinkedIn's region rows say nothing about mainland China, and the plan says so
            page.select_option("#optout-plan-region", "CN")
            cn = _state(page)
            assert cn["object"] == ["linkedin", "zeta"] and cn["noinfo"] == ["alpha", "linkedin"]
            assert [parse_qs(urlsplit(h).query) for h in cn["letters"]] == [
                {"platform": [p], "law": ["pipl"]} for p in ("linkedin", "zeta")
            ]
            assert page.locator('a[href="mailto:privacy@zeta.example.cn"]').count() == 1
            assert requests.offsite == []
            print(f"plan of 3 platforms made in {made_in:.2f} s")
        finally:
            context.close()

    in_browser(scenario)


def test_add_to_my_plan_from_the_checklist(in_browser, tools_base):
    def scenario(browser):
        context, page, _ = open_page(browser, tools_base)
        try:
            page.goto(tools_base + "plan/#r=GB&p=linkedin")
            page.wait_for_selector("#plan-calendar")
            page.goto(tools_base + "checklist/")
            page.click('#check-alpha ~ .optout-add-plan a[href$="#add=alpha"]')
            page.wait_for_selector("#plan-calendar")
            assert urlsplit(page.url).fragment == "r=GB&p=alpha,linkedin"
            assert _state(page)["platforms"] == ["alpha", "linkedin"]
        finally:
            context.close()

    in_browser(scenario)


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_without_javascript_the_plan_points_to_the_checklist(in_browser, tools_base, prefix):
    def scenario(browser):
        context, page, _ = open_page(browser, tools_base, java_script_enabled=False)
        try:
            page.goto(tools_base + prefix + "plan/")
            note = page.locator(".optout-plan-nojs")
            assert note.is_visible()
            assert note.locator("a").get_attribute("href") == "../checklist/"
            assert not page.locator(".optout-plan").is_visible()
            page.goto(tools_base + prefix + "checklist/")
            assert page.locator("input[type=checkbox][data-key]").count() > 0, "the full checklist is still there"
        finally:
            context.close()

    in_browser(scenario)

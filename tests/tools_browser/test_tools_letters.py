"""Objection letters in a real browser: the law and the platform come from the page address (as platform
pages link), or the law from the region chosen in the overview; the platform's name and its route fill
the letter; the reader's details fill it too and the copy button copies it. Phone and desktop widths,
both languages."""

from __future__ import annotations

import pytest

from conftest import ROOT

from .conftest import open_page

SCREENSHOTS = ROOT / "test-output" / "browser" / "screenshots"

WIDTHS = (390, 1280)
CASES = {
    # lang prefix: (name in the letter, start of the PIPL letter, label of "where to send it")
    "": ("Zeta Test", "Dear person in charge of personal information protection at Zeta Test,"),
    "zh/": ("泽塔测试", "尊敬的泽塔测试个人信息保护负责人："),
}


def _visible_laws(page) -> list[str]:
    return page.eval_on_selector_all(".optout-law", "els => els.filter(e => !e.hidden && e.offsetParent !== null).map(e => e.dataset.law)")


def _visible_routes(page, law: str) -> list[str]:
    return page.eval_on_selector_all(
        f'.optout-law[data-law="{law}"] .optout-routes > li', "els => els.filter(e => !e.hidden).map(e => e.dataset.platform)"
    )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("prefix", list(CASES))
def test_law_and_platform_from_the_address(in_browser, tools_base, prefix, width):
    name, opening = CASES[prefix]

    def scenario(browser):
        context, page, requests = open_page(browser, tools_base)
        try:
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(tools_base + prefix + "letters/?platform=zeta&law=pipl#letter")
            assert page.locator(".optout-letter-fields").is_visible()
            assert page.input_value('[data-choose="law"]') == "pipl"
            assert page.input_value('[data-choose="platform"]') == "zeta"
            assert page.input_value('.optout-letter-fields [data-field="platform"]') == name
            assert _visible_laws(page) == ["pipl"]
            letter = page.locator('.optout-law[data-law="pipl"] .optout-letter-text')
            assert letter.inner_text().startswith(opening)
            # its contact, beside the form and in the law's list (the only platform shown there)
            to = page.locator(".optout-letter-to")
            assert to.is_visible() and to.locator('a[href^="mailto:pi@zeta.example.cn?subject="]').count() == 1
            assert _visible_routes(page, "pipl") == ["zeta"]
            assert page.evaluate("document.documentElement.scrollWidth") <= width, "no sideways scrolling"
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / f"letters-{prefix.strip('/') or 'en'}-{width}.png"))
            # another law: the platform stays, its route under that law is said to be missing
            page.select_option('[data-choose="law"]', "gdpr")
            assert _visible_laws(page) == ["gdpr"]
            assert page.locator('.optout-law[data-law="gdpr"] .optout-routes-none').is_visible()
            assert requests.offsite == []
        finally:
            context.close()

    in_browser(scenario)


def test_law_from_the_region_chosen_in_the_overview(in_browser, tools_base):
    def scenario(browser):
        context, page, _ = open_page(browser, tools_base)
        try:
            page.goto(tools_base + "letters/")
            assert page.input_value('[data-choose="law"]') == "gdpr", "no region, no parameter: the first law"
            assert page.input_value('[data-choose="platform"]') == ""
            assert len(_visible_routes(page, "gdpr")) > 1, "no platform chosen: every route is listed"
            for n, (region, law) in enumerate((("CN", "pipl"), ('"US"', "ccpa"), ("BR", "lgpd"), ("HK", "gdpr"))):
                page.evaluate("r => localStorage.setItem('optout-region', r)", region)
                page.goto(tools_base + f"zh/letters/?platform=zeta&visit={n}#letter")  # a new address, so a new load
                assert page.input_value('[data-choose="law"]') == law, region
            # a law in the address wins over the stored region
            page.goto(tools_base + "letters/?platform=zeta&law=uk-gdpr#letter")
            assert page.input_value('[data-choose="law"]') == "uk-gdpr"
        finally:
            context.close()

    in_browser(scenario)


def test_unknown_parameters_are_ignored(in_browser, tools_base):
    def scenario(browser):
        context, page, _ = open_page(browser, tools_base)
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        try:
            page.goto(tools_base + 'letters/?platform="><img src=x onerror=window.__pwned=1>&law=<script>window.__pwned=1</script>#letter')
            assert page.input_value('[data-choose="law"]') == "gdpr"
            assert page.input_value('[data-choose="platform"]') == ""
            assert page.evaluate("window.__pwned === undefined") and errors == []
        finally:
            context.close()

    in_browser(scenario)


def test_platform_page_link_opens_its_letter(in_browser, tools_base):
    def scenario(browser):
        context, page, _ = open_page(browser, tools_base)
        try:
            for prefix, name in (("", "Zeta Test"), ("zh/", "泽塔测试")):
                page.goto(tools_base + prefix + "platforms/zeta/")
                page.locator('.optout-letter-link a[data-law="pipl"]').click()
                page.wait_for_url("**/letters/?platform=zeta&law=pipl#letter")
                assert page.input_value('[data-choose="law"]') == "pipl"
                assert page.input_value('.optout-letter-fields [data-field="platform"]') == name
        finally:
            context.close()

    in_browser(scenario)


def test_fields_fill_the_letter_and_copy(in_browser, tools_base):
    def scenario(browser):
        context, page, requests = open_page(browser, tools_base, permissions=["clipboard-read", "clipboard-write"])
        try:
            page.goto(tools_base + "letters/?platform=alpha&law=gdpr#letter")
            page.fill('.optout-letter-fields [data-field="name"]', "Ada Example")
            page.fill('.optout-letter-fields [data-field="reason"]', "I am a freelance writer.")
            letter = page.locator('.optout-letter[data-law="gdpr"]')
            assert "Ada Example" in letter.inner_text()
            assert "[YOUR NAME]" not in letter.inner_text() and "[YOUR ACCOUNT]" in letter.inner_text()
            letter.locator(".optout-copy").click()
            page.wait_for_function("[...document.querySelectorAll('.optout-copy-status')].some(s => s.textContent)")
            copied = page.evaluate("navigator.clipboard.readText()")
            assert copied.startswith("Subject: Objection under Article 21 GDPR")
            assert "Dear Alpha Test data protection team" in copied and "Ada Example" in copied and "I am a freelance writer." in copied
            # the platform's name can be changed by hand
            page.fill('.optout-letter-fields [data-field="platform"]', "Example Social")
            assert "Dear Example Social data protection team" in letter.inner_text()
            # in Chinese, a Latin name is set off by spaces
            page.goto(tools_base + "zh/letters/?platform=alpha&law=gdpr#letter")
            text = page.locator('.optout-letter[data-law="gdpr"] .optout-letter-text')
            assert text.inner_text().startswith("尊敬的阿尔法测试数据保护团队：")
            page.fill('.optout-letter-fields [data-field="platform"]', "Example Social")
            assert text.inner_text().startswith("尊敬的 Example Social 数据保护团队：")
            assert requests.offsite == [] and context.cookies() == []
            stored = page.evaluate("JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])")
            assert "Ada Example" not in stored and "freelance" not in stored, "the reader's details are not stored"
        finally:
            context.close()

    in_browser(scenario)

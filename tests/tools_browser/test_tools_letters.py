"""Objection letters in a real browser: the reader's details fill every letter and the copy button copies it."""

from __future__ import annotations

from .conftest import open_page


def test_fields_fill_letters_and_copy(in_browser, tools_base):
    def scenario(browser):
        context, page, requests = open_page(browser, tools_base, permissions=["clipboard-read", "clipboard-write"])
        try:
            page.goto(tools_base + "letters/")
            page.fill('.optout-letter-fields [data-field="name"]', "Ada Example")
            page.fill('.optout-letter-fields [data-field="reason"]', "I am a freelance writer.")
            letter = page.locator("details.optout-letter", has_text="LinkedIn · Data Processing Objection Form")
            letter.locator("summary").click()
            assert "Ada Example" in letter.inner_text()
            assert "[YOUR NAME]" not in letter.inner_text() and "[YOUR ACCOUNT]" in letter.inner_text()
            letter.locator(".optout-copy").click()
            page.wait_for_function("document.querySelector('.optout-copy-status') && [...document.querySelectorAll('.optout-copy-status')].some(s => s.textContent)")
            copied = page.evaluate("navigator.clipboard.readText()")
            assert copied.startswith("Subject: Objection under Article 21 GDPR")
            assert "Dear LinkedIn data protection team" in copied and "Ada Example" in copied and "I am a freelance writer." in copied
            # a platform's own field fills only its letter
            generic = page.locator("details.optout-letter", has_text="Any other platform").first
            generic.locator("summary").click()
            generic.locator('[data-field="platform"]').fill("Example Social")
            assert "Dear Example Social data protection team" in generic.inner_text()
            assert "Example Social" not in letter.inner_text()
            # the PIPL letter goes to the platform with an email address in mainland China
            zeta = page.locator("details.optout-letter", has_text="Zeta Test · Email request")
            assert zeta.locator('a[href^="mailto:privacy@zeta.example.cn"]').count() == 1
            assert requests.offsite == [] and context.cookies() == []
            stored = page.evaluate("JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])")
            assert "Ada Example" not in stored and "freelance" not in stored, "the reader's details are not stored"
        finally:
            context.close()

    in_browser(scenario)

"""The private checklist in a real browser: ticks survive a reload, reset, export and import, nothing
leaves the browser, and the page prints without its buttons."""

from __future__ import annotations

import json

from .conftest import open_page

KEY = "optout-guide:checklist"
ALL = [
    "alpha/stop/switch",
    "linkedin/stop/genai",
    "linkedin/stop/microsoft-ads",
    "linkedin/object/objection-form",
    "zeta/object/email-request",
]
TICK = ["alpha/stop/switch", "linkedin/object/objection-form"]


def _box(page, key):
    return page.locator(f'input[type=checkbox][data-key="{key}"]')


def _ticked(page) -> list[str]:
    return page.eval_on_selector_all("input[data-key]", "boxes => boxes.filter(b => b.checked).map(b => b.dataset.key)")


def _stored(page):
    raw = page.evaluate(f"localStorage.getItem({KEY!r})")
    return json.loads(raw) if raw else None


def test_ticks_persist_reset_export_and_import(in_browser, tools_base, tmp_path):
    def scenario(browser):
        context, page, requests = open_page(browser, tools_base)
        try:
            page.goto(tools_base + "checklist/")
            assert page.eval_on_selector_all("input[data-key]", "b => b.map(x => x.dataset.key)") == ALL
            assert page.text_content(".optout-progress") == f"0 of {len(ALL)} done"
            for key in TICK:
                _box(page, key).check()
            assert page.text_content(".optout-progress") == f"2 of {len(ALL)} done"
            stored = _stored(page)
            assert stored["version"] == 1 and sorted(stored["done"]) == sorted(TICK)

            page.reload()
            assert _ticked(page) == TICK, "ticks survive a reload"
            page.goto(tools_base + "zh/checklist/")
            assert _ticked(page) == TICK, "the Chinese page shows the same ticks"
            assert page.text_content(".optout-progress") == f"已完成 2/{len(ALL)} 项"
            page.goto(tools_base + "checklist/")

            with page.expect_download() as download:
                page.click('[data-action="export"]')
            exported = tmp_path / "exported.json"
            download.value.save_as(exported)
            assert download.value.suggested_filename == "optout-checklist.json"
            data = json.loads(exported.read_text(encoding="utf-8"))
            assert data["app"] == "optout-guide-checklist" and data["version"] == 1 and sorted(data["done"]) == sorted(TICK)

            page.once("dialog", lambda dialog: dialog.dismiss())
            page.click('[data-action="reset"]')
            assert _ticked(page) == TICK, "a dismissed reset changes nothing"
            page.once("dialog", lambda dialog: dialog.accept())
            page.click('[data-action="reset"]')
            assert _ticked(page) == [] and _stored(page) is None
            assert page.text_content(".optout-checklist-status") == "All ticks cleared."
            page.reload()
            assert _ticked(page) == []

            page.set_input_files('input[data-action="import"]', str(exported))
            page.wait_for_function("document.querySelectorAll('input[data-key]:checked').length === 2")
            assert _ticked(page) == TICK
            assert page.text_content(".optout-checklist-status") == "Imported 2 ticked items."
            page.reload()
            assert _ticked(page) == TICK, "imported ticks are stored"

            bad = tmp_path / "bad.json"
            bad.write_text(json.dumps({"app": "something-else", "version": 1, "done": {"x/stop/y": "2025-01-01"}}), encoding="utf-8")
            page.set_input_files('input[data-action="import"]', str(bad))
            page.wait_for_function("document.querySelector('.optout-checklist-status').textContent.includes('not a checklist')")
            assert _ticked(page) == TICK, "a bad file changes nothing"

            assert context.cookies() == [] and page.evaluate("document.cookie") == ""
            assert requests.offsite == []
        finally:
            context.close()

    in_browser(scenario)


def test_checklist_prints_without_its_buttons(in_browser, tools_base):
    def scenario(browser):
        context, page, _ = open_page(browser, tools_base)
        try:
            page.goto(tools_base + "checklist/")
            _box(page, ALL[0]).check()
            assert page.locator(".optout-checklist-tools").is_visible()
            page.emulate_media(media="print")
            assert not page.locator(".optout-checklist-tools").is_visible()
            assert not page.locator(".md-header").is_visible() and not page.locator(".md-sidebar--primary").is_visible()
            assert _box(page, ALL[0]).is_visible() and _box(page, ALL[0]).is_checked()
            assert page.locator(".optout-checklist-items li").first.is_visible()
            pdf = page.pdf()
            assert pdf.startswith(b"%PDF") and len(pdf) > 1000
        finally:
            context.close()

    in_browser(scenario)


def test_without_javascript_the_checklist_says_ticks_are_not_saved(in_browser, tools_base):
    def scenario(browser):
        context, page, _ = open_page(browser, tools_base, java_script_enabled=False)
        try:
            page.goto(tools_base + "checklist/")
            assert page.locator(".optout-nojs").is_visible()
            assert not page.locator(".optout-checklist-tools").is_visible()
            assert page.locator("input[data-key]").count() == len(ALL)
        finally:
            context.close()

    in_browser(scenario)

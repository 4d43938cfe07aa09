"""The overview in a real browser: filters by region and status, sorting, and the table without JavaScript."""

from __future__ import annotations

import pytest

from .conftest import NAMES, open_page

IDS = ["alpha", "linkedin", "omega", "zeta"]


def _visible_ids(page) -> list[str]:
    return page.eval_on_selector_all(
        ".optout-overview tbody tr", "rows => rows.filter(r => !r.hidden && r.offsetParent !== null).map(r => r.dataset.id)"
    )


def _count(page) -> str:
    return page.text_content(".optout-count")


FILTER_CASES = [
    ("", "", IDS),
    ("EU", "", ["alpha", "linkedin", "omega"]),  # zeta says nothing about the EU; omega is worldwide
    ("CN", "", ["omega", "zeta"]),  # LinkedIn's "rest of the world" never covers mainland China; omega is worldwide
    ("", "paused", ["zeta"]),
    ("", "upcoming", ["alpha"]),
    ("", "unconfirmed", ["linkedin", "omega"]),  # LinkedIn's Canada/Hong Kong and mainland China rows
    ("", "in_effect", ["linkedin"]),
    ("US", "not_training", ["zeta"]),
    ("CN", "not_training", []),  # zeta is paused in mainland China, not "not training"
    ("CN", "paused", ["zeta"]),
]


def test_filters_by_region_and_status(in_browser, tools_base):
    def scenario(browser):
        context, page, requests = open_page(browser, tools_base)
        try:
            page.goto(tools_base + "overview/")
            assert page.locator(".optout-filters").is_visible()
            for region, status, expected in FILTER_CASES:
                page.select_option("select[name=region]", region)
                page.select_option("select[name=status]", status)
                assert (region, status, _visible_ids(page)) == (region, status, expected)
                assert _count(page) == f"Showing {len(expected)} of {len(IDS)} platforms"
            page.goto(tools_base + "zh/overview/")
            page.select_option("select[name=region]", "EU")
            assert _visible_ids(page) == ["alpha", "linkedin", "omega"]
            assert _count(page) == "显示 4 个平台中的 3 个"
            assert requests.offsite == []
        finally:
            context.close()

    in_browser(scenario)


def test_region_shows_that_regions_values_and_reset_restores(in_browser, tools_base):
    def scenario(browser):
        context, page, _ = open_page(browser, tools_base)
        try:
            page.goto(tools_base + "overview/")
            default_on = lambda pid: page.text_content(f'tr[data-id="{pid}"] .optout-ov-default')  # noqa: E731
            assert default_on("alpha") == "No" and default_on("omega") == "Unconfirmed"
            page.select_option("select[name=region]", "EU")
            assert default_on("alpha") == "No" and default_on("linkedin") == "Yes"
            # only the EU line of LinkedIn's three region rows (the fixture leaves out mainland China) stays on screen
            lines = page.eval_on_selector_all('tr[data-id="linkedin"] .optout-ov-entry', "spans => spans.map(s => s.offsetParent !== null)")
            assert lines == [False, True, False]
            page.select_option("select[name=status]", "upcoming")
            assert _visible_ids(page) == ["alpha"]
            page.click(".optout-filters button[type=reset]")
            page.wait_for_function("document.querySelector('.optout-count').textContent.startsWith('Showing 4 of 4')")
            assert _visible_ids(page) == IDS
            assert page.eval_on_selector_all(
                'tr[data-id="linkedin"] .optout-ov-entry', "spans => spans.every(s => s.offsetParent !== null)"
            )
        finally:
            context.close()

    in_browser(scenario)


def test_sorting_by_column(in_browser, tools_base):
    def scenario(browser):
        context, page, _ = open_page(browser, tools_base)
        try:
            page.goto(tools_base + "overview/")
            header = lambda n: page.locator(".optout-overview thead th").nth(n)  # noqa: E731
            header(0).locator("button").click()
            assert _visible_ids(page) == IDS and header(0).get_attribute("aria-sort") == "ascending"
            header(0).locator("button").click()
            assert _visible_ids(page) == IDS[::-1] and header(0).get_attribute("aria-sort") == "descending"
            header(5).locator("button").click()  # effort: alpha 1, zeta 1, linkedin 8, omega has none (last)
            assert _visible_ids(page) == ["alpha", "zeta", "linkedin", "omega"]
            assert header(0).get_attribute("aria-sort") is None
            header(5).locator("button").click()
            assert _visible_ids(page) == ["linkedin", "zeta", "alpha", "omega"]
            # sorting keeps the filter
            page.select_option("select[name=region]", "CN")
            assert _visible_ids(page) == ["zeta", "omega"]
        finally:
            context.close()

    in_browser(scenario)


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_without_javascript_the_full_table_shows(in_browser, tools_base, prefix):
    def scenario(browser):
        context, page, _ = open_page(browser, tools_base, java_script_enabled=False)
        try:
            page.goto(tools_base + prefix + "overview/")
            rows = page.locator(".optout-overview tbody tr")
            assert rows.count() == len(IDS)
            assert all(rows.nth(i).is_visible() for i in range(len(IDS)))
            assert page.locator(".optout-overview tbody td").count() == 7 * len(IDS)
            assert all(page.locator(".optout-overview tbody td").nth(i).is_visible() for i in range(7 * len(IDS)))
            # every line of every platform's dates is readable
            assert page.eval_on_selector_all(".optout-ov-entry", "spans => spans.length > 0 && spans.every(s => s.offsetParent !== null)")
            assert not page.locator(".optout-filters").is_visible(), "filters need the script; they stay hidden"
            assert page.locator(".optout-overview thead button").count() == 0
            text = page.inner_text(".optout-overview table")
            names = NAMES if not prefix else ["阿尔法测试", "领英（LinkedIn）", "欧米伽测试", "泽塔测试"]
            assert all(name in text for name in names)
        finally:
            context.close()

    in_browser(scenario)


def test_region_filter_hides_platforms_without_information_and_can_show_them(in_browser, tools_base):
    def scenario(browser):
        context, page, _ = open_page(browser, tools_base)
        try:
            page.goto(tools_base + "overview/")
            toggle = page.locator(".optout-noinfo-toggle")
            assert not toggle.is_visible(), "no region chosen: nothing to show"
            page.select_option("select[name=region]", "EU")
            assert _visible_ids(page) == ["alpha", "linkedin", "omega"]
            assert toggle.is_visible() and toggle.inner_text() == "Also show the 1 platform with no information for this region"
            toggle.click()
            assert _visible_ids(page) == IDS and toggle.get_attribute("aria-pressed") == "true"
            assert _count(page) == "Showing 4 of 4 platforms"
            # zeta is shown as having no information for the EU, never with another region's values
            row = page.locator('tr[data-id="zeta"]')
            assert row.locator(".optout-ov-default").inner_text() == "No information for this region"
            assert row.locator(".optout-ov-opt").inner_text() == "No information for this region"
            assert page.eval_on_selector_all('tr[data-id="zeta"] .optout-ov-entry', "spans => spans.every(s => s.offsetParent === null)")
            toggle.click()
            assert _visible_ids(page) == ["alpha", "linkedin", "omega"]
            page.select_option("select[name=region]", "CN")
            assert toggle.inner_text() == "Also show the 2 platforms with no information for this region"
            # the plan link carries the region
            assert page.get_attribute(".optout-plan-from", "href").endswith("plan/#r=CN")
            page.goto(tools_base + "zh/overview/")
            page.select_option("select[name=region]", "EU")
            assert page.locator(".optout-noinfo-toggle").inner_text() == "同时显示没有这个地区信息的 1 个平台"
        finally:
            context.close()

    in_browser(scenario)


def test_each_region_shows_only_its_own_values(in_browser, tools_base):
    """For every region of the filter, each row shown carries the values of the region entry that
    applies there (recomputed here from the rows' region names, not taken from the script's data), and
    a region no entry covers is never filled with another one's: mainland China is not "rest of the world"."""

    def scenario(browser):
        context, page, _ = open_page(browser, tools_base)
        try:
            page.goto(tools_base + "overview/")
            regions = page.eval_on_selector_all(
                "select[name=region] option", "os => os.map(o => [o.value, o.textContent]).filter(o => o[0])"
            )
            seen = {}
            for code, name in regions:
                page.select_option("select[name=region]", code)
                rows = page.eval_on_selector_all(
                    ".optout-overview tbody tr",
                    """rows => rows.filter(r => !r.hidden).map(r => ({
                        id: r.dataset.id,
                        matched: [...r.querySelectorAll('.optout-ov-entry')].filter(s => s.offsetParent !== null).map(s => s.querySelector('strong').textContent),
                        default_on: r.querySelector('.optout-ov-default').textContent,
                    }))""",
                )
                for row in rows:
                    assert len(row["matched"]) == 1, (code, row)
                    names = row["matched"][0].split(", ")
                    assert (
                        name in names
                        or "Worldwide" in names
                        or ("Rest of the world" in names and code != "CN")
                        or code in ("EU", "EEA")
                        and {"European Union", "European Economic Area"} & set(names)
                    ), (code, row)
                    seen[(code, row["id"])] = row["matched"][0]
            assert ("CN", "linkedin") not in seen, "LinkedIn says nothing about mainland China"
            assert seen[("HK", "linkedin")] == "Canada, Hong Kong" and seen[("CA", "linkedin")] == "Canada, Hong Kong"
            assert seen[("CN", "zeta")] == "Mainland China" and seen[("CN", "omega")] == "Worldwide"
            page.select_option("select[name=region]", "")
            assert page.locator('tr[data-id="alpha"] td').nth(5).inner_text() == "Low (1 step)"
            page.goto(tools_base + "zh/overview/")
            assert page.locator('tr[data-id="alpha"] td').nth(5).inner_text() == "少（1 步）"
        finally:
            context.close()

    in_browser(scenario)


def test_the_whole_heading_cell_sorts_by_keyboard(in_browser, tools_base):
    def scenario(browser):
        context, page, _ = open_page(browser, tools_base)
        try:
            page.goto(tools_base + "overview/")
            th = page.locator(".optout-overview thead th").nth(0)
            cell, button = th.bounding_box(), th.locator("button").bounding_box()
            assert button["width"] >= cell["width"] - 1 and button["x"] <= cell["x"] + 1, "the button fills the heading cell"
            # a click near the cell's right edge, away from the label, sorts too
            page.mouse.click(cell["x"] + cell["width"] - 3, button["y"] + button["height"] / 2)
            assert th.get_attribute("aria-sort") == "ascending"
            th.locator("button").focus()
            page.keyboard.press("Enter")
            assert th.get_attribute("aria-sort") == "descending" and _visible_ids(page) == IDS[::-1]
            page.keyboard.press("Space")
            assert th.get_attribute("aria-sort") == "ascending" and _visible_ids(page) == IDS
        finally:
            context.close()

    in_browser(scenario)

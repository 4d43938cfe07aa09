"""A Chinese reader in the browser, on a phone (390 px) and a desktop (1280 px): the hint beside an
unconfirmed interface label, the may-lag note with its link to the English page, the Chinese 404
page and its language menu, and search for names people use (脸书, 推特)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from zh_fixture import zh_fixture_site

from conftest import SITE_URL
from serving import serve

from .conftest import LANG_TAGS
from .test_live_search import search, site_path

DEVICES = {
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1280, "height": 800}},
}


@pytest.fixture(scope="module")
def fixture_served(tmp_path_factory):
    _, site = zh_fixture_site(tmp_path_factory)
    with serve(site) as base:
        yield base


@pytest.mark.parametrize("device", DEVICES)
def test_unconfirmed_label_hint_is_visible_and_explained(served, open_context, device):
    tab = open_context(**DEVICES[device]).new_page()
    tab.goto(served + "zh/platforms/linkedin/")
    assert tab.evaluate("document.documentElement.lang") == "zh-Hans"
    hint = tab.locator("a.optout-zh-ui").first
    hint.scroll_into_view_if_needed()
    assert hint.is_visible()
    assert hint.inner_text() == "中文界面名称未经核实"
    assert "中文名称只是译名" in hint.get_attribute("title")
    box = hint.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= DEVICES[device]["viewport"]["width"]
    # beside the setting's name, in the same line of text
    line = hint.locator("xpath=..").inner_text()
    assert "Data for Generative AI Improvement" in line
    tab.goto(served + "platforms/linkedin/")
    assert tab.locator("a.optout-zh-ui").count() == 0


@pytest.mark.parametrize("device", DEVICES)
def test_lagging_page_says_so_and_links_to_the_english_page(fixture_served, open_context, device):
    tab = open_context(**DEVICES[device]).new_page()
    tab.goto(fixture_served + "zh/methodology/")
    note = tab.locator(".admonition.warning").first
    assert note.is_visible()
    assert "本页可能落后于英文版" in note.inner_text()
    above = tab.evaluate("""() => {
        const h1 = document.querySelector("article h1"), note = document.querySelector(".admonition.warning");
        return h1.getBoundingClientRect().bottom <= note.getBoundingClientRect().top;
    }""")
    assert above, "the note sits at the top, right under the title"
    note.locator("a", has_text="英文原文").click()
    tab.wait_for_url(re.compile(r"/methodology/$"))
    assert tab.url == fixture_served + "methodology/"
    assert tab.evaluate("document.documentElement.lang") == "en"


def test_chinese_404_page_speaks_chinese_and_switches_to_the_english_one(served, page):
    page.goto(served + "zh/404.html")
    assert page.evaluate("document.documentElement.lang") == "zh-Hans"
    assert page.locator("article h1").inner_text() == "找不到这个页面"
    link = page.locator(f".md-header .md-select__link[hreflang='{LANG_TAGS['en']}']")
    assert link.get_attribute("href") == urlsplit(SITE_URL).path + "404.html"
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/404\.html$"))
    assert page.locator("article h1").inner_text() == "Page not found"


@pytest.mark.parametrize("query, expected", [("脸书", "zh/platforms/meta/"), ("推特", "zh/platforms/x/")])
def test_names_people_search_for_find_the_platform_first(fixture_served, page, query, expected):
    page.goto(fixture_served + "zh/")
    page.locator("input.md-search__input").click()
    results = [site_path(fixture_served, href) for href in search(page, query)]
    assert results and results[0] == expected, f"{query!r}: {results[:5]}"

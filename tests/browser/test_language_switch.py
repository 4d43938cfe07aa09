"""The language switcher leads from every platform page to the same page in the other language,
and back again, used as a keyboard reader uses it: focus the language in the header menu (which
opens it), press Enter. (A mouse click does the same but waits for the menu's animation.)"""

from __future__ import annotations

from .conftest import DEFAULT_LANG, in_lang, lang_of, sitemap_paths

OTHER = "zh"


def switch(tab, served: str, to: str) -> str:
    """Picks `to` in the header's language menu; returns the path the browser lands on."""
    with tab.expect_navigation(wait_until="domcontentloaded"):
        tab.locator(f".md-header .md-select__link[hreflang='{to}']").focus()
        tab.keyboard.press("Enter")
    assert tab.url.startswith(served), f"the switcher left the site: {tab.url}"
    return tab.url[len(served) :].split("#")[0]


def platform_pages(site, guide) -> list[str]:
    listed = set(sitemap_paths(site))
    pages = [f"platforms/{pid}/" for pid in guide.platforms]
    missing = [p for p in pages for p in (p, in_lang(p, OTHER)) if p not in listed]
    assert not missing, f"platform pages missing from the sitemap: {missing}"
    return pages


def test_switcher_round_trip_on_every_platform_page(site, guide, served, page):
    pages = platform_pages(site, guide)
    assert pages
    # Each page load makes Material's search worker index the whole site again, which is most of
    # the CPU a load costs; this test does not search, so the index is not served.
    page.route("**/search/search_index.json", lambda route: route.abort())
    wrong = []
    for path in pages:
        page.goto(served + path, wait_until="domcontentloaded")
        there = switch(page, served, OTHER)
        if there != in_lang(path, OTHER) or page.evaluate("document.documentElement.lang") != OTHER:
            wrong.append(f"/{path} -> /{there}")
            continue
        back = switch(page, served, DEFAULT_LANG)
        if back != path or lang_of(back) != DEFAULT_LANG:
            wrong.append(f"/{path} -> /{there} -> /{back}")
    assert not wrong, "the switcher does not lead to the same page in the other language:\n" + "\n".join(wrong)

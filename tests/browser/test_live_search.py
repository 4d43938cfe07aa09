"""Search in the browser finds pages in the reader's language only.

Material searches on keyup. Typed Chinese characters arrive as text input with no key events (as
from an input method), so a real key is pressed after them, as a reader's next keystroke would.
"""

from __future__ import annotations

import pytest

from helpers_html import page as built_page

from .conftest import lang_of

QUERIES = {
    "zh": ["领英", "退出", "生成式", "隐私"],
    "en": ["LinkedIn", "opt out", "objection"],
}
# A query and the page it must find among the results.
MUST_FIND = {"领英": "zh/platforms/linkedin/", "LinkedIn": "platforms/linkedin/", "objection": "platforms/linkedin/"}


# Results are shown, or Material's own "no matching documents" (in the page's language).
ANSWERED = """() => {
  const none = JSON.parse(document.getElementById("__config").textContent).translations["search.result.none"];
  const meta = document.querySelector(".md-search-result__meta");
  return document.querySelector(".md-search-result__item") !== null || (meta && meta.textContent.trim() === none);
}"""


def search(tab, query: str) -> list[str]:
    """Types `query` into the search box and returns the result links, relative to the site."""
    box = tab.locator("input.md-search__input")
    box.fill("")
    box.press("End")
    tab.locator(".md-search-result__item").first.wait_for(state="detached")
    box.press_sequentially(query)
    box.press("End")  # the keyup Material listens for
    tab.wait_for_function(ANSWERED)
    return tab.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")


def site_path(served: str, href: str) -> str:
    assert href.startswith(served), f"a result outside the site: {href}"
    return href[len(served) :].split("#")[0].split("?")[0]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_search_finds_pages_in_the_readers_language(site, served, page, lang):
    page.goto(served + ("zh/" if lang == "zh" else ""))
    page.locator("input.md-search__input").click()
    for query in QUERIES[lang]:
        hrefs = search(page, query)
        results = [site_path(served, href) for href in hrefs]
        assert results, f"no result for {query!r}"
        other = [r for r in results if lang_of(r) != lang]
        assert not other, f"{query!r} on the {lang} site shows pages of another language: {other}"
        for path in results:
            assert (site / path / "index.html").exists(), f"{query!r}: result {path} is not a page"
        # Relevance: one of the first pages found holds the query. (Material matches a Chinese query
        # that is not a whole indexed word character by character; the site writes "AI", not 人工智能,
        # per data/glossary.yml, so the queries are words the pages use.)
        words = query.lower().split()
        pages = list(dict.fromkeys(results))[:5]
        assert any(any(w in built_page(site, r).text.lower() for w in words) for r in pages), (
            f"{query!r}: none of the first pages {pages} contains it"
        )
        if query in MUST_FIND:
            assert MUST_FIND[query] in results, f"{query!r} does not find /{MUST_FIND[query]}: {results}"

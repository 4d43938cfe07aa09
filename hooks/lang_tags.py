"""Declare each language with its full tag: `<html lang="zh-Hans">` and hreflang="zh-Hans".

The i18n locale stays `zh` (Material's translation partials and mkdocs-static-i18n's alternates are
keyed by it; there is no zh-Hans partial), so the theme prints `zh` wherever it states the language.
This rewrites only what is printed, in pages, the 404 page and the sitemap, from guide.languages.TAGS.
The feeds take their tag from the same table (guide/exports.py).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from guide import languages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

_PATTERNS = {
    locale: (re.compile(rf'(<html\b[^>]*?\blang="){re.escape(locale)}(")'), re.compile(rf'(\bhreflang="){re.escape(locale)}(")'))
    for locale in languages.TAGS
}


def retag(output: str) -> str:
    for locale, (html_lang, hreflang) in _PATTERNS.items():
        full = languages.tag(locale)
        output = html_lang.sub(rf"\g<1>{full}\g<2>", output, count=1)
        output = hreflang.sub(rf"\g<1>{full}\g<2>", output)
    return output


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return retag(output)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    return retag(output_content) if template_name in ("404.html", "sitemap.xml") else output_content

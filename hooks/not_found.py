"""A "page not found" page per language: /404.html in English, /zh/404.html in Chinese.

MkDocs writes 404.html at the site root in every build, and mkdocs-static-i18n builds every
language into the same folder, so the last language built wins: English readers got a Chinese
404. This keeps each language's rendering and writes it where static hosts look for it (Cloudflare
Pages uses the nearest 404.html up the path; the root one is the default language's).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from guide import languages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

_rendered: dict[str, str] = {}  # language -> 404 page of the build under way


def on_pre_build(config: MkDocsConfig) -> None:
    if languages.outer_build(config):  # a new build (or serve rebuild) starts
        _rendered.clear()


@event_priority(-50)  # after the other hooks' changes (links, search base) to the same output
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        _rendered[config.theme["language"]] = output_content
    return output_content


@event_priority(-150)  # after mkdocs-static-i18n built the other languages (-100), before csp.py (-200) hashes scripts
def on_post_build(config: MkDocsConfig) -> None:
    if not languages.outer_build(config):
        return
    site = Path(config.site_dir)
    default = languages.default_language(config)
    for lang, html in _rendered.items():
        target = site / "404.html" if lang == default else site / lang / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")

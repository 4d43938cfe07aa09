"""A "page not found" page per language: /404.html in English, /zh/404.html in Chinese.

MkDocs writes 404.html at the site root in every build, and mkdocs-static-i18n builds every
language into the same folder, so the last language built wins: English readers got a Chinese
404. This keeps each language's rendering and writes it where static hosts look for it (Cloudflare
Pages uses the nearest 404.html up the path; the root one is the default language's).

The page speaks its language (overrides/404.html prints data/strings.yml's nf_* strings, given to the
template here), and its language switcher and hreflang alternates point at the other languages' 404
pages, not at whichever page the build rendered last.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

from guide import data, languages

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

_rendered: dict[str, str] = {}  # language -> 404 page of the build under way


def on_pre_build(config: MkDocsConfig) -> None:
    if languages.outer_build(config):  # a new build (or serve rebuild) starts
        _rendered.clear()


def _lang_path(config: MkDocsConfig, lang: str) -> str:
    """The site folder of a language, from the site's root: '' or 'zh/'."""
    return "" if lang == languages.default_language(config) else f"{lang}/"


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """What overrides/404.html prints: the strings of the build's language and its home page."""
    lang = config.theme["language"]
    guide = data.load(Path(config.config_file_path).parent)
    base = urlsplit(config.site_url or "/").path or "/"
    env.globals["optout_404"] = {"t": guide.strings[lang], "home": posixpath.join(base, _lang_path(config, lang))}
    return env


def on_pre_template(template, *, template_name: str, config: MkDocsConfig):
    """The 404 page's language links go to the other languages' 404 pages.

    mkdocs-static-i18n sets each page's links as an attribute (`config.extra.alternate = ...`), which
    the template reads before the mapping item, and the last page of the previous language's build
    leaves it set: both are replaced."""
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate")
    if template_name == "404.html" and alternates:
        links = [dict(alt, link=_lang_path(config, alt["lang"]) + "404.html") for alt in alternates]
        config.extra["alternate"] = links
        config.extra.alternate = links
    return template


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

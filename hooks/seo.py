"""Search-engine readiness: absolute hreflang alternates with x-default and the Atom feed in every
page head (overrides/main.html prints them), sitemap <lastmod> from each page's content,
robots.txt, and a sitemap per language folder. The rules live in hooks/guide/seo.py.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from guide import data, languages, seo

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

_days: dict[str, str] = {}
_lastmod: dict[str, str] = {}  # absolute page URL -> the day its content last changed, over all languages


def on_pre_build(config: MkDocsConfig) -> None:
    global _days
    if languages.outer_build(config):  # once per run; the other languages reuse it
        _days = seo.git_days(Path(config.config_file_path).parent)
        _lastmod.clear()


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    root = Path(config.config_file_path).parent
    guide = data.load(root)
    lang = config.theme["language"]
    context["alternates"] = seo.alternates(config.site_url, page.url, languages.built_languages(config))
    context["feed_url"] = get_relative_url(seo.lang_prefix(lang) + "feeds/changes.atom", page.url)
    page.update_date = seo.last_changed(Path(page.file.abs_src_path).relative_to(root).as_posix(), guide, _days)
    _lastmod[seo.page_url(config.site_url, lang, page.url)] = page.update_date
    return context


@event_priority(-200)  # after mkdocs-static-i18n's on_post_build (-100), which builds the other languages
def on_post_build(config: MkDocsConfig) -> None:
    if not languages.outer_build(config):
        return
    site = Path(config.site_dir)
    (site / "robots.txt").write_text(seo.robots(config.site_url), encoding="utf-8")
    # The site-wide sitemap is written before the other languages' pages are built: date it here.
    sitemap = seo.dated_sitemap((site / "sitemap.xml").read_text(encoding="utf-8"), _lastmod, config.site_url)
    (site / "sitemap.xml").write_text(sitemap, encoding="utf-8")
    with gzip.GzipFile(site / "sitemap.xml.gz", "wb", mtime=0) as packed:  # mtime 0: reproducible
        packed.write(sitemap.encode("utf-8"))
    for lang in languages.built_languages(config)[1:]:
        (site / lang / "sitemap.xml").write_text(seo.language_sitemap(sitemap, config.site_url, lang), encoding="utf-8")

"""One search index per language.

mkdocs-static-i18n merges every language into site/search/search_index.json, and pages under /zh/
load that same index, so a reader on /zh/ gets English hits. This hook:
- points the search `base` of non-default-language pages at their own folder (e.g. /zh/), so
  Material's search worker loads /zh/search/search_index.json and resolves results from there;
- after all languages are built, writes each language's entries to its own index, with locations
  made relative to that language's folder.

It depends on Material's `__config` JSON (`"base": ...`) and the index shape ({config, docs}); the
tests check both.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority, get_plugin_logger

from guide import languages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _rebase(output, config, page.file.src_uri)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page is a theme template, not a page: its search needs the same base."""
    return _rebase(output_content, config, template_name) if template_name == "404.html" else output_content


def _rebase(output: str, config: MkDocsConfig, where: str) -> str:
    lang = config.theme["language"]
    if lang == languages.default_language(config):
        return output

    def rebase(match: re.Match) -> str:
        data = json.loads(match.group(2))
        # The trailing slash matters: Material resolves "search/search_index.json" and result
        # locations against base with new URL(), which drops a last segment without one.
        data["base"] = posixpath.join(data["base"], lang) + "/"
        return match.group(1) + json.dumps(data, ensure_ascii=False) + match.group(3)

    output, count = _CONFIG.subn(rebase, output, count=1)
    if not count:
        log.warning(f"{where}: no __config script found; search in '{lang}' would use the wrong index")
    return output


@event_priority(-200)  # after mkdocs-static-i18n's on_post_build (-100), which builds the other languages
def on_post_build(config: MkDocsConfig) -> None:
    default, others = languages.default_language(config), languages.other_languages(config)
    if not languages.outer_build(config) or not others:
        return  # an inner build of another language; the outer build splits once, after all of them
    site = Path(config.site_dir)
    index_path = site / "search" / "search_index.json"
    if not index_path.exists():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    buckets: dict[str, list] = {lang: [] for lang in [default, *others]}
    for doc in index["docs"]:
        lang = next((o for o in others if doc["location"].startswith(o + "/")), default)
        if lang != default:
            doc = dict(doc, location=doc["location"][len(lang) + 1 :])
        buckets[lang].append(doc)
    for lang, docs in buckets.items():
        target = index_path if lang == default else site / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            json.dumps({"config": index["config"], "docs": docs}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )

"""Replace `<!-- optout:KIND [PLATFORM] -->` markers with Markdown rendered from data/.

Injection happens in on_page_markdown so the content is searchable and appears in the table of
contents. The language is the build language (`config.theme["language"]`), set by mkdocs-static-i18n.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from guide import data, markers, render, templatecache

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


_renderer: render.Renderer | None = None


def on_pre_build(config: MkDocsConfig) -> None:
    """A fresh Jinja environment for each language build (it carries that language's translations)."""
    global _renderer
    _renderer = render.Renderer(templatecache.share(config.theme.get_env()))


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    guide = data.load(Path(config.config_file_path).parent)
    lang = config.theme["language"]
    where = f"docs/{page.file.src_uri}"
    found = markers.scan(markdown, where, set(guide.platforms))
    if not found:
        return markdown
    out, last = [], 0
    for marker in found:
        out.append(markdown[last : marker.start])
        out.append(render.render(_renderer, guide, lang, marker, page.file.src_uri, page.url, config.site_url))
        last = marker.end
    out.append(markdown[last:])
    return "".join(out)

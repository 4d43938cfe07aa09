"""A 'may be out of date; help us re-verify' note on the page of a platform verified long ago.

A platform's page is docs/LANG/platforms/ID.md. When its last_verified is more than
guide.freshness.STALE_AFTER_DAYS days before the build date, the `stale` macro's note is placed
right under the page's title, in the page's language. No marker is needed, so no page can forget it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from guide import data, freshness, render

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

_PLATFORM_PAGE = re.compile(r"platforms/(?P<id>[a-z0-9-]+)\.md")
_TITLE = re.compile(r"^#[ \t].*\n?", re.M)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    match = _PLATFORM_PAGE.fullmatch(page.file.src_uri.split("/", 1)[-1])
    if not match:
        return markdown
    guide = data.load(Path(config.config_file_path).parent)
    platform = guide.platforms.get(match.group("id"))
    if platform is None or not freshness.is_stale(platform, guide.today):
        return markdown
    note = render.note(config.theme.get_env(), guide, config.theme["language"], platform, page.file.src_uri, "stale")
    title = _TITLE.search(markdown)
    at = title.end() if title else 0
    return markdown[:at] + "\n" + note + "\n\n" + markdown[at:]

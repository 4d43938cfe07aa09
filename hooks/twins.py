"""A note at the top of a Chinese page that may lag its English twin (see guide/twins.py).

A page lags when its English page changed after `translated_from` was recorded, or when a data text
it shows changed in English after data/translations.lock.yml recorded it. The note, in the page's
language, links to the English page. It is placed under the title, like the stale note.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from guide import data, languages, twins

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

_TITLE = re.compile(r"^#[ \t].*\n?", re.M)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = config.theme["language"]
    if lang != twins.TARGET_LANG or languages.default_language(config) == lang:
        return markdown
    root = Path(config.config_file_path).parent
    rel = page.file.src_uri.split("/", 1)[1] if page.file.src_uri.startswith(lang + "/") else page.file.src_uri
    if not (root / "docs" / twins.SOURCE_LANG / rel).exists() or not twins.page_lags(root, rel):
        return markdown
    english = "../" * page.url.count("/") + page.url.split("/", 1)[1]  # zh/platforms/x/ -> ../../../platforms/x/
    template = config.theme.get_env().get_template("partials/optout/twins.html")
    note = str(template.module.lagging(data.load(root).strings[lang], english)).strip("\n")
    title = _TITLE.search(markdown)
    at = title.end() if title else 0
    return markdown[:at] + "\n" + note + "\n\n" + markdown[at:]

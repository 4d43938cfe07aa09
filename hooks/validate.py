"""Validate data/ and every page (markers, links, HTML) before anything is built or written.

Runs in on_pre_build, which MkDocs calls before it empties the site folder; the i18n plugin builds
the other languages later, so checking every language here keeps an existing site/ intact.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from guide import data, languages, markers, prose, texts, twins
from guide.errors import DataError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def on_pre_build(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    # The outer build (default language) starts each build or serve rebuild: read data afresh there;
    # the other languages' inner builds reuse it.
    guide = data.load(root, fresh=languages.outer_build(config))
    texts.load(root, guide.region_codes)  # data/letters.yml and data/myths.yml
    twins.read_lock(root)  # data/translations.lock.yml, read by every Chinese page later
    docs = root / "docs"
    pages = markers.check_docs(docs, data.LANGS, set(guide.platforms))
    hosts = prose.allowed_hosts(guide)
    for where, text in pages.items():
        page = root / where
        lang_dir = docs / where.split("/")[1]
        for line, problem in prose.check_page(text, page, lang_dir, hosts):
            raise DataError(f"{where}:{line}: {problem}")

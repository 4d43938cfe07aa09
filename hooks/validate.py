"""Validate data/ and every page's markers before anything is built or written.

Runs in on_pre_build, which MkDocs calls before it empties the site folder; the i18n plugin builds
the other languages later, so checking every language here keeps an existing site/ intact.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from guide import data, markers, texts

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def on_pre_build(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    # The outer build (default language) starts each build or serve rebuild: read data afresh there;
    # the other languages' inner builds reuse it.
    guide = data.load(root, fresh=not config.plugins["i18n"].building)
    markers.check_docs(root / "docs", data.LANGS, set(guide.platforms))
    texts.load(root, guide.region_codes)  # data/letters.yml and data/myths.yml

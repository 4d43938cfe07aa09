"""Write the open data and feeds after the site is built: /api/ and /feeds/ (and /zh/feeds/).

Files (see guide/exports.py): api/platforms.json, api/platform.schema.json, api/platforms.schema.json,
api/overview.csv, and per built language feeds/changes.atom and feeds/dates.ics. They are written once,
by the outer (default-language) build after mkdocs-static-i18n has built every language, from the data
that guide.data.load validated; nothing is written into docs/.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority, get_plugin_logger

from guide import data, exports, languages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = get_plugin_logger(__name__)


@event_priority(-200)  # after mkdocs-static-i18n's on_post_build (-100), which builds the other languages
def on_post_build(config: MkDocsConfig) -> None:
    if not languages.outer_build(config):
        return  # an inner build of another language; the outer build writes once, after all of them
    root = Path(config.config_file_path).parent
    guide = data.load(root)
    site = Path(config.site_dir)
    site_url = config.site_url or "https://localhost/"
    for rel, content in exports.files(guide, site_url, languages.built_languages(config)).items():
        target = site / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)

"""Validate data/ and every page (markers, links, HTML) before anything is built or written.

Runs in on_pre_build, which MkDocs calls before it empties the site folder; the i18n plugin builds
the other languages later, so checking every language here keeps an existing site/ intact.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from guide import data, frontmatter, languages, markers, prose, texts, twins
from guide.errors import DataError, DataErrors, messages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def on_pre_build(config: MkDocsConfig) -> None:
    """Every problem of data and pages, one line each, before anything is written."""
    if not languages.outer_build(config):
        # The other languages' builds: the default language's build checked the data and the pages
        # of every language already, and nothing has changed since (one run of one process).
        return
    root = Path(config.config_file_path).parent
    found: list[str] = []

    def attempt(check, *args, **kwargs):
        try:
            return check(*args, **kwargs)
        except DataError as error:
            found.extend(messages(error))
            return None

    attempt(frontmatter.check_config, config)
    # The outer build (default language) starts each build or serve rebuild: read data afresh there;
    # the other languages' inner builds reuse it.
    guide = attempt(data.load, root, fresh=True)
    if guide is not None:
        attempt(texts.load, root, guide.region_codes)  # data/letters.yml and data/myths.yml
        platforms = set(guide.platforms)
    else:  # still check the pages, against the platform files that exist
        platforms = {p.stem for p in (root / "data" / "platforms").glob("*.yml")}
    attempt(twins.read_lock, root)  # data/translations.lock.yml, read by every Chinese page later
    docs = root / "docs"
    pages, problems = markers.check_docs(docs, data.LANGS, platforms, require_pages=guide is not None)
    found += problems
    hosts = prose.allowed_hosts(guide) if guide is not None else []
    front = attempt(frontmatter.validator, root)
    for where, text in pages.items():
        if front is not None:
            attempt(frontmatter.check, text, where, front)  # front matter is printed into the page head
        attempt(frontmatter.check_title, text, where)
        found += [f"{where}:{line}: {problem}" for line, problem in prose.todos(text)]
        if guide is not None:
            page = root / where
            lang_dir = docs / where.split("/")[1]
            found += [f"{where}:{line}: {problem}" for line, problem in prose.check_page(text, page, lang_dir, hosts)]
    if found:
        raise DataErrors(found)

"""An existing site/ survives any failed build: the build writes into a sibling folder (site.building)
and replaces site/ with it only when the whole run succeeded, every language, the open data, the
headers, and no warning under --strict (MkDocs raises that abort after on_post_build, so success is
decided at on_shutdown). On any failure the sibling is removed and site/ is as it was.

`mkdocs serve` (which builds into a folder of its own) and `--dirty` builds write in place as before.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from guide import languages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

SUFFIX = ".building"


class _Counter(logging.Handler):
    """Counts warnings and errors, as MkDocs' own strict-mode counter does."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


class _Run:
    command = "build"
    dirty = False
    final: Path | None = None
    building: Path | None = None
    strict = False
    finished = False
    counter: _Counter | None = None


def on_startup(*, command: str, dirty: bool) -> None:
    _Run.command, _Run.dirty = command, dirty


@event_priority(100)  # before mkdocs-static-i18n's on_config (-100) reads the site folder
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _Run.command != "build" or _Run.dirty or not languages.outer_build(config):
        return config
    if _Run.building is not None and Path(config.site_dir) == _Run.building:
        return config  # the i18n plugin configures again for the other languages
    _Run.final = Path(config.site_dir)
    _Run.building = _Run.final.with_name(_Run.final.name + SUFFIX)
    shutil.rmtree(_Run.building, ignore_errors=True)  # left over from a build that was killed
    _Run.strict, _Run.finished = bool(config.strict), False
    _Run.counter = _Counter()
    logging.getLogger("mkdocs").addHandler(_Run.counter)
    config.site_dir = str(_Run.building)
    return config


@event_priority(-1000)  # after every other hook and plugin wrote its files
def on_post_build(config: MkDocsConfig) -> None:
    if _Run.building is not None and languages.outer_build(config):
        _Run.finished = True


def on_shutdown() -> None:
    if _Run.building is None:
        return
    final, building = _Run.final, _Run.building
    logging.getLogger("mkdocs").removeHandler(_Run.counter)
    ok = _Run.finished and not (_Run.strict and _Run.counter.count)
    _Run.final = _Run.building = _Run.counter = None
    if not ok:
        shutil.rmtree(building, ignore_errors=True)
        return
    old = final.with_name(final.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        final.rename(old)
    building.rename(final)
    shutil.rmtree(old, ignore_errors=True)

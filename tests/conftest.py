"""Shared fixtures: in-process strict builds of the real site or of a modified copy of it."""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib.util
import logging
import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from guide import data, yamlsrc  # noqa: E402

PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "hooks", "overrides")
# mkdocs.yml's default site_url (the GitHub Pages address); test builds unset SITE_URL to get it.
SITE_URL = "https://optout-guide.github.io/optout-guide/"


def newest_verified_epoch(root: Path = ROOT) -> int:
    """A build date derived from the data, so pinned builds never see last_verified in the future."""
    newest = max(dt.date.fromisoformat(yamlsrc.read(p)[0]["last_verified"]) for p in (root / "data" / "platforms").glob("*.yml"))
    return int(dt.datetime(newest.year, newest.month, newest.day, 12, tzinfo=dt.UTC).timestamp())


@contextlib.contextmanager
def environ(**values: str | None):
    old = {k: os.environ.get(k) for k in values}
    try:
        for k, v in values.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


class BuildFailed(Exception):
    """A build that MkDocs aborted; the message is what MkDocs logged as errors and warnings."""


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(record.getMessage())


def build(project: Path, site_dir: Path, epoch: int | None = None) -> None:
    """A strict build of `project` into `site_dir`, in this process, as `mkdocs build --strict` does.

    Raises BuildFailed with the logged errors (one per line) when MkDocs aborts.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        with environ(SOURCE_DATE_EPOCH=str(epoch if epoch is not None else newest_verified_epoch(project)), I18N_ONLY=None, SITE_URL=None):
            config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
            try:
                mkdocs_build(config)
            except Abort as abort:
                raise BuildFailed("\n".join(collect.lines) or str(abort)) from None
            finally:
                config.plugins.on_shutdown()
    finally:
        logger.removeHandler(collect)


def load_hook(name: str):
    """A module of hooks/ loaded as MkDocs loads it (each hook file is its own module)."""
    spec = importlib.util.spec_from_file_location(f"{name}_hook", ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def copy_project(target: Path) -> Path:
    """A copy of the site's sources that a test may break or extend."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, target / part)
    return target


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once per test session."""
    out = tmp_path_factory.mktemp("site")
    build(ROOT, out)
    return out


@pytest.fixture(scope="session")
def guide():
    return data.load(ROOT, dt.datetime.fromtimestamp(newest_verified_epoch(), tz=dt.UTC).date())


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The real site plus a hostile, stale `sample` platform (tests/sample_site.py)."""
    from sample_site import build_sample_site

    return build_sample_site(tmp_path_factory.mktemp("sample"))


@pytest.fixture(scope="session")
def browser():
    """One headless chromium for the whole session, shared by every browser test package."""
    from browsing import CHROMIUM, LAUNCH_ARGS, require_browser

    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        yield browser
        browser.close()

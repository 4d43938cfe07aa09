"""An existing site/ survives failures that only show late in a build (hooks/atomic.py), through the
real command line: a strict-mode warning at the very end, and an exception while pages are rendered.
A successful build replaces site/ whole. (Early failures: every case of tests/bad_inputs/.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_project, newest_verified_epoch


def _snapshot(site: Path) -> dict:
    return {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _build(project: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=str(newest_verified_epoch(project)))
    env.pop("I18N_ONLY", None)
    env.pop("SITE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, capture_output=True, text=True, env=env, timeout=600
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A copy of the project with a site/ from a first successful build, plus a file only that site has."""
    project = copy_project(tmp_path_factory.mktemp("atomic") / "project")
    first = _build(project)
    assert first.returncode == 0, first.stderr
    (project / "site" / "left-from-before.txt").write_text("old", encoding="utf-8")
    return project


def _break_and_build(project: Path, tmp_path: Path, edit) -> tuple[subprocess.CompletedProcess, dict, dict]:
    work = copy_project(tmp_path / "p")
    import shutil

    shutil.copytree(project / "site", work / "site")
    before = _snapshot(work / "site")
    edit(work)
    result = _build(work)
    assert not (work / "site.building").exists(), "the half-built folder is removed"
    return result, before, _snapshot(work / "site")


def test_a_strict_warning_at_the_end_keeps_the_old_site(built, tmp_path):
    def broken_anchor(work):
        page = work / "docs" / "zh" / "myths.md"
        page.write_text(page.read_text(encoding="utf-8") + "\n[坏链接](overview.md#no-such-anchor)\n", encoding="utf-8")

    result, before, after = _break_and_build(built, tmp_path, broken_anchor)
    assert result.returncode != 0 and "no-such-anchor" in result.stdout + result.stderr
    assert after == before


def test_an_exception_while_rendering_keeps_the_old_site(built, tmp_path):
    def broken_partial(work):
        partial = work / "overrides" / "partials" / "optout" / "lists.html"
        partial.write_text(
            partial.read_text(encoding="utf-8").replace("{% for p in v.all_platforms() -%}", "{% for p in v.no_such_method() -%}", 1),
            encoding="utf-8",
        )

    result, before, after = _break_and_build(built, tmp_path, broken_partial)
    assert result.returncode != 0
    assert after == before


def test_a_good_build_replaces_the_site_whole(built, tmp_path):
    result, before, after = _break_and_build(built, tmp_path, lambda work: None)
    assert result.returncode == 0, result.stderr
    assert Path("left-from-before.txt") in before and Path("left-from-before.txt") not in after
    assert Path("index.html") in after and Path("zh/index.html") in after and Path("_headers") in after

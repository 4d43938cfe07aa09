"""The quick checks of .pre-commit-config.yaml pass on the whole tree, as they run before each commit:
ruff (lint and format), YAML, the data and pages, the Chinese vocabulary and the twins (issue 15)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    assert found, f"{name} is missing: pip install -r requirements-test.txt"
    return found


def test_ruff_lint_and_format_pass():
    lint = subprocess.run([_tool("ruff"), "check", "--no-cache", "."], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert lint.returncode == 0, lint.stdout
    form = subprocess.run([_tool("ruff"), "format", "--check", "--no-cache", "."], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert form.returncode == 0, form.stdout


def _clean_checkout() -> bool:
    """pre-commit stashes uncommitted changes while it runs: only run it on a clean checkout (CI's clone)."""
    if not (ROOT / ".git").exists():
        return False
    status = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    return status.returncode == 0 and not status.stdout.strip()


@pytest.mark.skipif(
    not _clean_checkout() and not __import__("os").environ.get("CI"), reason="pre-commit runs on a clean git checkout (CI's)"
)
def test_pre_commit_passes_on_every_file(tmp_path):
    env = {
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "NO_MKDOCS_2_WARNING": "1",
    }
    result = subprocess.run(
        [_tool("pre-commit"), "run", "--all-files", "--show-diff-on-failure"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    for hook in ("ruff (lint)", "ruff (format)", "YAML parses", "data and pages", "Chinese vocabulary", "lag their English"):
        assert hook in result.stdout, result.stdout

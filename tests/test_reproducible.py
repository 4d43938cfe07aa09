"""Reproducible builds: with SOURCE_DATE_EPOCH set, two builds of the same sources are byte-identical.

The second build runs as the command line does, in another process with another hash seed (set
and dict orders differ between processes), into another folder, and is compared file by file with
the session's build (tests/conftest.py `site`, built with the same SOURCE_DATE_EPOCH).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, newest_verified_epoch


def digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


def cli_build(target: Path, epoch: int, seed: str) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=str(epoch), PYTHONHASHSEED=seed)
    env.pop("I18N_ONLY", None)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_two_builds_are_byte_identical(site, tmp_path):
    other = tmp_path / "elsewhere" / "site"
    cli_build(other, newest_verified_epoch(), seed="12345")
    first, second = digest(site), digest(other)
    assert len(first) > 20 and "sitemap.xml.gz" in first and "_headers" in first
    assert sorted(first) == sorted(second), "the same files"
    assert [name for name in first if first[name] != second[name]] == []

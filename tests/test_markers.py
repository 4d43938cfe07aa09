"""Bad markers and bad data stop the build before anything is written, with one line."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import BuildFailed, build


def _append(project, rel, text):
    path = project / "docs" / rel
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    return path.read_text(encoding="utf-8").count("\n")


@pytest.mark.parametrize(
    "marker, words",
    [
        ("<!-- optout:stepz linkedin -->", "unknown marker kind 'optout:stepz'"),
        ("<!-- optout:steps nosuchplatform -->", "names unknown platform 'nosuchplatform'"),
        ("<!-- optout:steps -->", "needs a platform id"),
    ],
)
def test_bad_marker_names_page_and_line(project, tmp_path, marker, words):
    line = _append(project, "zh/methodology.md", "\n" + marker + "\n")
    with pytest.raises(BuildFailed) as err:
        build(project, tmp_path / "site")
    assert str(err.value).startswith(f"docs/zh/methodology.md:{line}: ")
    assert words in str(err.value)


def test_page_without_twin_stops_build(project, tmp_path):
    (project / "docs" / "zh" / "extra.md").write_text("# 额外\n", encoding="utf-8")
    with pytest.raises(BuildFailed, match=r"docs/zh/extra.md:1: page has no twin docs/en/extra.md"):
        build(project, tmp_path / "site")


def test_cli_prints_one_line_and_keeps_existing_site(project, tmp_path):
    site = tmp_path / "site"
    build(project, site)
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    path = project / "data" / "platforms" / "linkedin.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("kind: regulator", "kind: blog", 1), encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    errors = [line for line in output.splitlines() if "data/platforms/linkedin.yml:" in line]
    assert len(errors) == 1 and "sources.ico-2024.kind: 'blog' is not allowed" in errors[0], output
    after = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before

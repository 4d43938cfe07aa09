"""A build of the real project with what the Chinese-first features react to, made on purpose:

- search names: Meta is also 脸书 / Facebook, X is also 推特 / Twitter (data/platforms/*.yml search_names);
- a lagging twin: the English methodology page and one English myth changed after their Chinese
  twins were stamped (docs/en/methodology.md, data/myths.yml);
- a confirmed Chinese interface: LinkedIn's first setting carries `zh_ui: confirmed`.

Built once per test session (several test modules and the browser tests read it).
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import build, copy_project

SEARCH_NAMES = {
    "meta": "search_names: {en: [Facebook, Instagram, WhatsApp], zh: [脸书]}\n",
    "x": "search_names: {en: [Twitter], zh: [推特]}\n",
}
CHANGED_MYTH = ("Opting out removes my data from AI models", "Opting out deletes my data from AI models")
LAGGING_PAGES = ("methodology", "myths")
_built: dict[str, Path] = {}


def make_project(workdir: Path) -> Path:
    project = copy_project(workdir / "project")
    for pid, line in SEARCH_NAMES.items():
        path = project / "data" / "platforms" / f"{pid}.yml"
        text = path.read_text(encoding="utf-8")
        # The real data may carry its own names: keep exactly the fixture's, so the test does not depend on it.
        text = re.sub(r"^search_names:\n(?:  .*\n)+", "", text, flags=re.M)
        text = re.sub(r"^search_names: \{.*\}\n", "", text, flags=re.M)
        path.write_text(text.rstrip("\n") + "\n" + line, encoding="utf-8")
    page = project / "docs" / "en" / "methodology.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nPlatforms also rename settings without notice.\n", encoding="utf-8")
    myths = project / "data" / "myths.yml"
    text = myths.read_text(encoding="utf-8")
    assert CHANGED_MYTH[0] in text
    myths.write_text(text.replace(*CHANGED_MYTH), encoding="utf-8")
    linkedin = project / "data" / "platforms" / "linkedin.yml"
    text = linkedin.read_text(encoding="utf-8")
    anchor = "    url: https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement\n"
    assert anchor in text
    linkedin.write_text(text.replace(anchor, anchor + "    zh_ui: confirmed\n", 1), encoding="utf-8")
    return project


def zh_fixture_site(tmp_path_factory) -> tuple[Path, Path]:
    """(project, site) of the fixture build, built on first use."""
    if "site" not in _built:
        workdir = tmp_path_factory.mktemp("zh-fixture")
        _built["project"] = make_project(workdir)
        _built["site"] = workdir / "site"
        build(_built["project"], _built["site"])
    return _built["project"], _built["site"]

"""A build of the real project plus tests/bad_inputs/base's `sample` platform, made hostile.

- Its texts carry markup an attacker would try (<script>, onerror=, attribute lists, quote
  breakouts, Markdown links to javascript: in plain fields). Validation would refuse them, so the
  text checks are switched off for this build: what is tested is that the macros still show them
  as text. (Links to javascript: are left out: hooks/links.py stops the build on them, tested apart.)
- Its data file and pages are written with a BOM, CRLF line ends and no final newline.
- It was last verified long before the build date (the newest real last_verified), so it is stale.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bad_input_cases import BASE, SAMPLE, add_sample
from conftest import build, copy_project
from guide import checks

PWN = "window.__pwned=1"
HOSTILE = {
    # (text in base sample.yml, replacement); the same payloads in both languages where they differ
    "  en: Sample Social trains *generative* AI on public posts; see the [announcement](https://www.example.com/news/ai).": "  en: 'Tricky but fine: a < b > c & \"d\" ''e'' *emphasis* `code <b>` [announcement](https://www.example.com/news/ai).'",
    "  zh: 示例社交用公开动态训练`生成式`人工智能。": f"  zh: '示例<script>{PWN};alert(1)</script>社交'",
    '      en: "Profile data: name and photo."': f"      en: '<img src=x onerror=\"{PWN};alert(1)\">'",
    "{en: Members under 18., zh: 未满 18 岁的会员。}": f'{{en: \'*under 18*{{ onclick="{PWN}" onmouseover="{PWN}" }}\', zh: \'<iframe srcdoc="<script>{PWN}</script>"></iframe>\'}}',
    "{en: Training starts in Europe., zh: 在欧洲开始训练。}": f'{{en: \'" onmouseover="{PWN}" x="\', zh: \'<a href="javascript:{PWN}">点我</a>\'}}',
    "setting: {en: AI training, zh: “AI training”（AI 训练）}": f"setting: {{en: '<svg onload=\"{PWN}\">', zh: '*设置*{{ onclick=\"{PWN}\" }}'}}",
    "    title: Privacy Policy": f"    title: 'Policy\" onmouseover=\"{PWN}'",
    "    publisher: Example News": f"    publisher: '[Example News](javascript:{PWN})'",
    "covers: {en: Objecting to training on data already collected.,": "covers: {en: 'Type javascript:alert(1) in the address bar (as text only).',",
}
SAMPLE_PAGES = ("platforms/sample/index.html", "zh/platforms/sample/index.html")
# Page descriptions that passed validation (quotes are allowed) but once redirected readers, or would
# have added a handler, where the theme printed them unescaped.
HOSTILE_DESCRIPTIONS = {
    SAMPLE_PAGES[0]: '0;url=https://attacker.example/" http-equiv="refresh',
    SAMPLE_PAGES[1]: f'示例“引号”与 " onmouseover="{PWN}" x=" 都只是文字',
}


def _awkward(path: Path) -> None:
    """BOM, CRLF line ends, no final newline: editors on other systems write files like this."""
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_bytes(("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"))


def build_sample_site(workdir: Path) -> Path:
    project = copy_project(workdir / "project")
    add_sample(project)
    text = (BASE / SAMPLE).read_text(encoding="utf-8")
    for old, new in HOSTILE.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    (project / SAMPLE).write_text(text, encoding="utf-8")
    for rel, description in HOSTILE_DESCRIPTIONS.items():
        page = project / "docs" / ("zh" if rel.startswith("zh/") else "en") / "platforms" / "sample.md"
        lines = page.read_text(encoding="utf-8").split("\n")
        assert lines[1].startswith("description: ")
        lines[1] = "description: '" + description.replace("'", "''") + "'"
        page.write_text("\n".join(lines), encoding="utf-8")
    for rel in (SAMPLE, "docs/en/platforms/sample.md", "docs/zh/platforms/sample.md"):
        _awkward(project / rel)
    site = workdir / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(checks, "check_text", lambda *args, **kwargs: iter(()))
        patch.setattr(checks, "check_plain", lambda *args, **kwargs: iter(()))
        build(project, site)
    shutil.rmtree(project)
    return site

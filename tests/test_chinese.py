"""Chinese pages read as Chinese: no stray spaces from line breaks, Chinese punctuation in generated text."""

from __future__ import annotations

import re

from conftest import ROOT
from helpers_html import page

CJK = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”]"


def test_no_line_break_inside_a_chinese_sentence():
    """Browsers render a line break between two Chinese characters as a space."""
    problems = []
    for path in sorted((ROOT / "docs" / "zh").rglob("*.md")):
        lines = path.read_text(encoding="utf-8").split("\n")
        for number, (a, b) in enumerate(zip(lines, lines[1:]), 1):
            if re.search(CJK + "$", a) and re.match(CJK, b):
                problems.append(f"{path.relative_to(ROOT)}:{number}")
    assert problems == []


def test_generated_chinese_uses_chinese_punctuation(site):
    text = page(site, "zh/platforms/linkedin").text
    assert "（欧盟、欧洲经济区、英国、瑞士）" in text
    assert "设置项：" in text
    assert not re.search(CJK + r" \(", text), "ASCII parenthesis after Chinese text"

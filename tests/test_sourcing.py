"""Key facts with a strong source, the share on the methodology page, and the schema 2 fields
(plans, everywhere-except, month-only dates) as a reader sees them, in both languages."""

from __future__ import annotations

import re

import pytest

from bad_input_cases import BASE, SAMPLE, add_sample
from conftest import build, copy_project
from guide import sourcing
from helpers_html import page

EXTRA_ROWS = """  - regions: [WORLD]
    except: [CN, KR]
    plans: {en: Free and Pro, zh: 免费版和专业版}
    training: "yes"
    since: "2024-03-01"
    since_precision: month
    default_on: "yes"
    opt_out: "none-found"
    sources: [press]
timeline:
  - date: "2024-03-01"
    precision: month
    kind: court
    regions: [US]
    text: {en: A class action is filed., zh: 有人提起集体诉讼。}
    sources: [press]
"""


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """The real site plus the sample platform, with a row and an event that only the press supports."""
    work = tmp_path_factory.mktemp("sourcing")
    project = copy_project(work / "project")
    add_sample(project)
    text = (BASE / SAMPLE).read_text(encoding="utf-8").replace("timeline:\n", EXTRA_ROWS, 1)
    (project / SAMPLE).write_text(text, encoding="utf-8")
    build(project, work / "site")
    return work / "site"


def test_a_row_with_only_press_sources_says_so_in_both_languages(sample):
    en = page(sample, "platforms/sample").text
    zh = page(sample, "zh/platforms/sample").text
    assert en.count("not confirmed by an official source") == 2  # the status line and the table row
    assert zh.count("未经官方来源证实") == 2
    assert "None found" in en and "未找到" in zh


def test_plans_and_everywhere_except_name_what_the_row_covers(sample):
    en = page(sample, "platforms/sample").text
    zh = page(sample, "zh/platforms/sample").text
    assert "Worldwide except Mainland China, South Korea (Free and Pro)" in en
    assert "全球（中国内地、韩国除外）（免费版和专业版）" in zh.replace(", ", "、")


def test_month_only_dates_show_the_month(sample):
    html = (sample / "platforms" / "sample" / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2024-03">March 2024</time>' in html
    assert "March 1, 2024" not in html
    zh = (sample / "zh" / "platforms" / "sample" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<time datetime="2024-03">2024\s*年\s*3\s*月</time>', zh)
    assert "Court" in page(sample, "platforms/sample").text


def test_methodology_shows_the_share_the_data_gives(sample, guide):
    text = page(sample, "methodology").text
    overall = sourcing.overall(guide.platforms.values())
    # the sample adds 4 key facts (3 rows, 1 action link); only the WORLD row rests on the press alone
    assert f"{overall.confirmed + 3} of {overall.total + 4} key facts" in text
    zh = page(sample, "zh/methodology").text
    assert f"{overall.total + 4} 条关键事实中有 {overall.confirmed + 3} 条" in zh


def test_share_counts_rows_and_action_links():
    platform = {
        "sources": {"a": {"kind": "official"}, "b": {"kind": "press"}, "c": {"kind": "archive"}},
        "regions": [{"sources": ["a"]}, {"sources": ["b"]}],
        "stop_future": [{"url": "https://x.example/s", "sources": ["b", "c"]}, {"sources": ["b"]}],
        "object": [{"url": "https://x.example/f", "sources": ["b"]}],
    }
    share = sourcing.share(platform)
    assert (share.confirmed, share.total, share.percent) == (2, 4, 50)

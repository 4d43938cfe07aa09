"""Chinese as a first language (issue 11): one vocabulary, one date style, honest interface labels,
names readers search for, zh-Hans wherever the language is declared, pinyin order, and twins that
never lag. Each test reads what a reader gets: the built pages, the search index, the feeds."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from zh_fixture import LAGGING_PAGES, SEARCH_NAMES, zh_fixture_site

from conftest import ROOT, SITE_URL
from guide import dates, glossary, twins
from helpers_html import html_files, page

HAN = "\u3400-\u4dbf\u4e00-\u9fff"
ADJACENT = re.compile(f"[{HAN}][A-Za-z0-9]|[A-Za-z0-9][{HAN}]")
OTHER_DATE_STYLE = re.compile(r"\d[年月日]|[年月]\d")
# Files other helpers rewrite in parallel; their variants are fixed after the merge.
PENDING = lambda file: glossary.is_platform_file(file) or file == "data/letters.yml"  # noqa: E731


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    return zh_fixture_site(tmp_path_factory)


def zh_pages(site: Path) -> list[Path]:
    return [p for p in html_files(site / "zh")]


# --- 1. glossary and lint --------------------------------------------------------------------------


def test_glossary_examples_are_clean_and_every_avoided_form_is_caught():
    terms, rules = glossary.load(ROOT)
    assert len(terms["terms"]) >= 15
    for term in terms["terms"]:
        if "example" in term:
            assert glossary.find(term["example"]["zh"], rules) == [], f"{term['id']}: its own example uses an avoided form"
        for avoid in term["avoid"]:
            if "text" in avoid:
                found = glossary.find(f"这里写了{avoid['text']}。", rules)
                assert [m.group(0) for _, _, m in found] == [avoid["text"]], f"{term['id']}: {avoid['text']} not caught"


@pytest.mark.parametrize(
    "text, found",
    [
        ("《生成式人工智能服务管理暂行办法》要求提供退出方式。", []),
        ("平台用生成式人工智能生成内容。", ["生成式人工智能"]),
        ("引发用户强烈反对后，公司公开表示反对。", []),
        ("你可以行使反对权，提交异议表单。", []),
        ("你可以提出反对。", ["反对"]),
        ("请填写反对表单。", ["反对"]),
        ("在设置中选择退出。", ["选择退出"]),
        ("针对直销的异议无需说明理由。", ["直销"]),
        ("打开“设置”>“隐私”。", ["”>“"]),
        ("打开“设置” > “隐私”。", []),
        ("位于“设置 - 数据管理”中。", ["“设置 - 数据管理”"]),
        ("帮助改进Claude的模型", ["进Claude"]),  # overlapping forms count once
        ("基于Claude 3 的模型", ["于Claude"]),
        ("`人工智能` 与 <!-- optout:steps x --> 和 [链接](https://example.com/人工智能)", []),
    ],
)
def test_lint_finds_exactly_the_avoided_forms(text, found):
    _, rules = glossary.load(ROOT)
    assert [m.group(0) for _, _, m in glossary.find(text, rules)] == found


def test_no_variant_left_in_the_files_this_branch_owns():
    findings = [str(f) for f in glossary.lint(ROOT) if not PENDING(f.file)]
    assert findings == [], "\n".join(findings)


def test_no_variant_left_in_platform_files_and_letters():
    findings = [str(f) for f in glossary.lint(ROOT) if PENDING(f.file)]
    assert findings == [], f"{len(findings)} left:\n" + "\n".join(findings)


def _lint_cli(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "zh_lint.py"), "--root", str(root)], capture_output=True, text=True, timeout=120
    )


def test_a_new_chinese_text_with_an_avoided_form_fails_with_file_and_line(tmp_path):
    root = tmp_path / "p"
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copytree(ROOT / "docs", root / "docs")
    myths = root / "data" / "myths.yml"
    text = myths.read_text(encoding="utf-8")
    old = "      zh: 只要退出，我的数据就会从已经训练好的 AI 模型里删除。"
    assert old in text
    myths.write_text(text.replace(old, "      zh: 只要选择退出，我的数据就会被删除。"), encoding="utf-8")
    myth_line = text[: text.index(old)].count("\n") + 1
    page_ = root / "docs" / "zh" / "letters.md"
    lines = page_.read_text(encoding="utf-8").split("\n")
    lines.append("针对直销的异议随时可以提出。")
    page_.write_text("\n".join(lines), encoding="utf-8")
    result = _lint_cli(root)
    assert result.returncode == 1
    out = result.stdout.splitlines()
    assert f"data/myths.yml:{myth_line}: 退出: found '选择退出'; use '退出'" in out
    assert f"docs/zh/letters.md:{len(lines)}: 直接营销: found '直销'; use '直接营销'" in out


def test_lint_reports_a_broken_glossary_with_file_and_line(tmp_path):
    root = tmp_path / "p"
    shutil.copytree(ROOT / "data", root / "data")
    (root / "docs" / "zh").mkdir(parents=True)
    path = root / "data" / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("      - {text: 选择退出}", "      - {pattern: '选择(退出'}", 1), encoding="utf-8")
    result = _lint_cli(root)
    assert result.returncode == 2
    line = text[: text.index("      - {text: 选择退出}")].count("\n") + 1
    assert result.stderr.startswith(f"data/glossary.yml:{line}: terms[")
    assert "not a valid regular expression" in result.stderr


# --- 2. interface labels -------------------------------------------------------------------------

HINT = "中文界面名称未经核实"


def _hints(site: Path, path: str) -> list[dict]:
    return page(site, path).find("a", **{"class": "optout-zh-ui"})


def test_unconfirmed_labels_carry_a_visible_hint_in_chinese_only(site, guide):
    for pid, platform in guide.platforms.items():
        unconfirmed = [a for a in platform["stop_future"] if a.get("zh_ui") != "confirmed"]
        hints = _hints(site, f"zh/platforms/{pid}")
        assert len(hints) >= len(unconfirmed), pid
        assert all(h.get("title") and h.get("href", "").endswith("methodology/#verified") for h in hints)
        assert not _hints(site, f"platforms/{pid}")
    assert HINT in page(site, "zh/platforms/linkedin").text


def test_a_confirmed_label_is_shown_alone(fixture_site, site):
    _, fixture = fixture_site
    html = (fixture / "zh" / "platforms" / "linkedin" / "index.html").read_text(encoding="utf-8")
    real = (site / "zh" / "platforms" / "linkedin" / "index.html").read_text(encoding="utf-8")
    setting_line = re.compile(r"设置项：<strong>“Data for Generative AI Improvement”[^<]*</strong>(.{0,40})")
    assert "optout-zh-ui" in setting_line.search(real).group(1)
    assert "optout-zh-ui" not in setting_line.search(html).group(1)
    assert len(_hints(fixture, "zh/platforms/linkedin")) == len(_hints(site, "zh/platforms/linkedin")) - 1


# --- 3. one date style ---------------------------------------------------------------------------


class _Timed(HTMLParser):
    """Visible text with each <time> element's text between \x01 and \x02."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")
        if tag == "time":
            self.parts.append("\x01")

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style") and self._skip > 0
        if tag == "time":
            self.parts.append("\x02")

    def handle_data(self, text):
        if not self._skip:
            self.parts.append(text)


def test_generated_dates_in_chinese_pages_are_spaced_from_the_words_around_them(site):
    checked = 0
    for path in zh_pages(site):
        parser = _Timed()
        parser.feed(path.read_text(encoding="utf-8"))
        text = "".join(parser.parts)
        for match in re.finditer(r"(.?)\x01([^\x02]*)\x02(.?)", text, re.S):
            before, inside, after = match.groups()
            checked += 1
            joined = before + inside + after
            assert not ADJACENT.search(joined), f"{path.relative_to(site)}: {joined!r}"
    assert checked > 300


def test_no_date_in_the_other_style_on_any_chinese_page(site):
    """Hand-written and generated text alike: 2025 年 11 月 3 日, never 2025年11月3日."""
    from helpers_html import Page

    for path in zh_pages(site):
        text = Page(path.read_text(encoding="utf-8")).text
        found = OTHER_DATE_STYLE.search(text)
        assert not found, f"{path.relative_to(site)}: {text[max(0, found.start() - 20) : found.end() + 20]!r}"


def test_every_chinese_interface_string_is_spaced_once_filled_in(guide):
    samples = {
        "date": dates.long_date("2025-11-03", "zh"),
        "days": "90",
        "n": "3",
        "total": "32",
        "shown": "5",
        "done": "2",
        "version": "2.0.0",
    }
    for key, value in guide.strings["zh"].items():
        filled = re.sub(r"\{([a-z_]+)\}", lambda m: samples.get(m.group(1), "领英"), value)
        assert not ADJACENT.search(filled), f"zh.{key}: {filled!r}"
    assert dates.long_date("2025-11-03", "zh") == "2025 年 11 月 3 日"
    assert dates.zh_space("超过{days}天") == "超过 {days} 天"
    assert dates.zh_space("自{date}起生效") == "自 {date}起生效"  # a Chinese date ends with 日


def test_status_lines_have_one_colon_per_item(site, guide):
    """ "全球：是否用于训练：未确认" read as a stutter; now "全球：是否用于训练尚未确认"."""
    from helpers_html import Page

    items = 0
    for pid in guide.platforms:
        html = (site / "zh" / "platforms" / pid / "index.html").read_text(encoding="utf-8")
        glance = html[html.index('<div class="optout-glance">') :]
        glance = glance[: glance.index("</ul>")]
        for li in re.findall(r"<li>(.*?)</li>", glance, re.S):
            for part in Page(li).text.split("·"):
                items += 1
                assert part.count("：") <= 1, f"{pid}: {part!r}"
    assert items > 3 * len(guide.platforms)


# --- 5. search names -----------------------------------------------------------------------------


def _index(site: Path, lang: str) -> dict:
    folder = site / "zh" if lang == "zh" else site
    return json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))


def _whole_word_hits(index: dict, word: str) -> list[str]:
    """Entries holding `word` as a whole token, best first by the fields' boosts (as lunr weighs them)."""
    separator = re.compile(index["config"]["separator"])
    scored = []
    for n, doc in enumerate(index["docs"]):
        score = sum(
            options.get("boost", 1)
            for name, options in index["config"]["fields"].items()
            if isinstance(doc.get(name), str) and word.casefold() in {t.casefold() for t in separator.split(doc[name])}
        )
        if score:
            scored.append((-score, n, doc["location"]))
    return [location for _, _, location in sorted(scored)]


@pytest.mark.parametrize(
    "lang, word, pid", [("zh", "脸书", "meta"), ("zh", "推特", "x"), ("en", "Twitter", "x"), ("en", "WhatsApp", "meta")]
)
def test_search_names_find_their_platform_first(fixture_site, lang, word, pid):
    _, site = fixture_site
    index = _index(site, lang)
    assert index["config"]["fields"]["names"] == index["config"]["fields"]["title"], "weighted like the title"
    hits = _whole_word_hits(index, word)
    assert hits and hits[0] == f"platforms/{pid}/", f"{word}: {hits[:5]}"
    if lang == "zh":
        assert hits == [f"platforms/{pid}/"], "only the platform page holds the name"
        assert word not in page(site, f"zh/platforms/{pid}").text, "search names are not printed on the page"


def test_search_names_stay_in_their_language(fixture_site):
    _, site = fixture_site
    assert _whole_word_hits(_index(site, "en"), "脸书") == []
    assert "推特" in SEARCH_NAMES["x"]


# --- 6. zh-Hans, the 404 page, pinyin ------------------------------------------------------------


def test_every_chinese_page_declares_zh_hans_and_no_tag_says_plain_zh(site):
    for path in html_files(site):
        html = path.read_text(encoding="utf-8")
        assert 'hreflang="zh"' not in html and not re.search(r'<html[^>]*lang="zh"', html), path.relative_to(site)
        if path.relative_to(site).parts[0] == "zh":
            assert '<html lang="zh-Hans"' in html, path.relative_to(site)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert 'hreflang="zh-Hans"' in sitemap and 'hreflang="zh"' not in sitemap


def test_feeds_declare_the_same_tags(site):
    atom = (site / "zh" / "feeds" / "changes.atom").read_text(encoding="utf-8")
    assert 'xml:lang="zh-Hans"' in atom
    ics = (site / "zh" / "feeds" / "dates.ics").read_text(encoding="utf-8").replace("\r\n ", "")
    assert "SUMMARY;LANGUAGE=zh-Hans:" in ics and "X-WR-CALNAME;LANGUAGE=zh-Hans:" in ics
    assert "SUMMARY;LANGUAGE=en:" in (site / "feeds" / "dates.ics").read_text(encoding="utf-8")


def test_the_chinese_404_page_is_in_chinese_and_its_twin_is_the_english_404_page(site):
    zh = (site / "zh" / "404.html").read_text(encoding="utf-8")
    en = (site / "404.html").read_text(encoding="utf-8")
    base = urlsplit(SITE_URL).path
    assert "<h1>找不到这个页面</h1>" in zh and "Not found" not in zh
    assert f'<a href="{base}zh/">返回首页</a>' in zh
    assert "<h1>Page not found</h1>" in en
    for html in (zh, en):
        menu = re.findall(r'<a href="([^"]+)" hreflang="([^"]+)" class="md-select__link">', html)
        assert menu == [(f"{base}404.html", "en"), (f"{base}zh/404.html", "zh-Hans")]
        assert "platforms/" not in " ".join(re.findall(r'<link rel="alternate[^>]*>', html)), "no head link to the last page built"


def _pinyin(name: str) -> str:
    from pypinyin import lazy_pinyin

    return " ".join(lazy_pinyin(name)).casefold()


def test_chinese_lists_sort_by_pinyin_and_english_ones_by_name(site, guide):
    by_pinyin = [p["id"] for p in sorted(guide.platforms.values(), key=lambda p: _pinyin(p["name"]["zh"]))]
    by_name = [p["id"] for p in sorted(guide.platforms.values(), key=lambda p: p["name"]["en"].casefold())]
    assert by_pinyin != by_name, "the test needs names whose orders differ"
    for prefix, expected in (("zh/", by_pinyin), ("", by_name)):
        home = (site / prefix / "index.html").read_text(encoding="utf-8")
        listed = list(dict.fromkeys(re.findall(r'href="platforms/([a-z0-9-]+)/"', home)))
        assert listed == expected, prefix or "en"
        checklist = page(site, f"{prefix}checklist")
        headings = [a["id"] for t, a in checklist.elements if t in ("h2", "h3") and a.get("id", "").startswith("check-")]
        assert [h[len("check-") :] for h in headings] == expected
        overview = page(site, f"{prefix}overview")
        assert [a["data-id"] for t, a in overview.elements if t == "tr" and "data-id" in a] == expected


# --- 7. twins ------------------------------------------------------------------------------------


def test_every_chinese_page_and_text_is_stamped_in_sync_now():
    assert twins.report(ROOT) == []
    for path in (ROOT / "docs" / "zh").rglob("*.md"):
        assert twins.recorded(path.read_text(encoding="utf-8")), f"{path.relative_to(ROOT)} has no translated_from"


def test_a_changed_english_page_or_text_puts_a_note_on_its_chinese_twin(fixture_site):
    project, site = fixture_site
    note = "本页可能落后于英文版"
    for name in LAGGING_PAGES:
        p = page(site, f"zh/{name}")
        assert note in p.text, name
        assert p.text.index(note) < p.text.index("英文原文") < len(p.text)
        html = (site / "zh" / name / "index.html").read_text(encoding="utf-8")
        assert f'<a href="../../{name}/" hreflang="en">英文原文</a>' in html
    for path in zh_pages(site):
        if path.parent.name not in LAGGING_PAGES:
            assert note not in path.read_text(encoding="utf-8"), path.relative_to(site)
    for name in LAGGING_PAGES:
        assert "may lag" not in page(site, name).text.lower()


def test_the_report_lists_every_lagging_page_and_text(fixture_site):
    project, _ = fixture_site
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "twins.py"), "--root", str(project)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    out = result.stdout.splitlines()
    assert out[0].startswith("docs/zh/methodology.md:1: translated_from: docs/en/methodology.md changed")
    line = (project / "data" / "myths.yml").read_text(encoding="utf-8").split("\n").index(
        "      zh: 只要退出，我的数据就会从已经训练好的 AI 模型里删除。"
    ) + 1
    assert out[1].startswith(f"data/myths.yml:{line}: myths[1].myth.zh: the English text changed")
    assert len(out) == 2


def test_stamping_brings_a_twin_back_in_sync(tmp_path):
    root = tmp_path / "p"
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copytree(ROOT / "docs", root / "docs")
    (root / "docs" / "en" / "overview.md").write_text(
        (root / "docs" / "en" / "overview.md").read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8"
    )
    assert [lag.file for lag in twins.report(root)] == ["docs/zh/overview.md"]
    before = (root / "docs" / "zh" / "overview.md").read_text(encoding="utf-8")
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "twins.py"), "--root", str(root), "--stamp", "docs/zh/overview.md"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    after = (root / "docs" / "zh" / "overview.md").read_text(encoding="utf-8")
    assert twins.report(root) == []
    assert [a for a in after.split("\n") if a not in before.split("\n")] == [f'translated_from: "{twins.page_hash(root, "overview.md")}"']


@pytest.mark.parametrize(
    "text, expected",
    [
        ("# 标题\n", '---\ntranslated_from: "abc"\n---\n\n# 标题\n'),
        ("---\ndescription: 说明\n---\n\n# 标题\n", '---\ndescription: 说明\ntranslated_from: "abc"\n---\n\n# 标题\n'),
        ('---\ntranslated_from: "old"\ndescription: 说明\n---\n# 标题\n', '---\ntranslated_from: "abc"\ndescription: 说明\n---\n# 标题\n'),
        ("---\r\ndescription: 说明\r\n---\r\n# 标题\r\n", '---\r\ndescription: 说明\r\ntranslated_from: "abc"\r\n---\r\n# 标题\r\n'),
    ],
)
def test_stamped_front_matter(text, expected):
    assert twins.stamped(text, "abc") == expected
    assert twins.recorded(expected) == "abc"


def test_rewrapping_english_text_is_not_a_change():
    assert twins.text_hash("a  b\nc") == twins.text_hash("a b c")
    assert twins.text_hash("a b c") != twins.text_hash("a b d")

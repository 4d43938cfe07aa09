"""The real site, built strictly in both languages: what a reader of the LinkedIn page sees."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from conftest import SITE_URL
from helpers_html import html_files, page


def test_both_languages_built(site):
    assert (site / "index.html").exists()
    assert (site / "zh" / "index.html").exists()
    assert page(site, "").lang == "en"
    assert page(site, "zh").lang == "zh-Hans"


def test_no_marker_survives(site):
    leftovers = [str(p.relative_to(site)) for p in html_files(site) if "optout:" in p.read_text(encoding="utf-8")]
    assert leftovers == []


def test_linkedin_english(site):
    p = page(site, "platforms/linkedin")
    assert "In effect since November 3, 2025" in p.text
    assert p.find("time", datetime="2025-11-03")
    assert "Data for Generative AI Improvement" in p.text
    setting = [
        a
        for t, a in p.elements
        if t == "a" and a.get("href") == "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement"
    ]
    assert setting and setting[0].get("rel") == "noopener noreferrer"
    labels = [a for t, a in p.elements if t == "label"]
    assert len(labels) >= 3  # the web, iOS and Android tabs of the first setting
    for surface in ("Web", "iOS", "Android"):
        assert surface in p.text
    assert "Click your photo (Me) at the top and choose Settings & Privacy." in p.text
    assert "https://www.linkedin.com/help/linkedin/ask/TS-DPRO" in p.links()
    assert "Data Processing Objection Form" in p.text
    assert "Last verified on December 3, 2026, checked against the sources below only" in p.text
    assert "https://www.linkedin.com/legal/privacy/eu" in p.links()
    assert "Information Commissioner's Office" in p.text


def test_linkedin_chinese(site):
    p = page(site, "zh/platforms/linkedin")
    assert "自 2025 年 11 月 3 日起生效" in p.text
    assert "Data for Generative AI Improvement" in p.text
    assert "用于改进生成式 AI 的数据" in p.text
    assert "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement" in p.links()
    for surface in ("网页版", "iOS", "安卓"):
        assert surface in p.text
    assert "https://www.linkedin.com/help/linkedin/ask/TS-DPRO" in p.links()
    assert "最近核实于 2026 年 12 月 3 日" in p.text
    assert "来源" in p.text


def test_every_fact_cites_a_source_on_the_page(site, guide):
    """On every platform page, each citation links to an entry of the page's source list, and every
    source of the data is listed (so each fact's source is shown beside it and at the bottom)."""
    for pid, platform in guide.platforms.items():
        for lang in ("", "zh/"):
            html = (site / f"{lang}platforms/{pid}/index.html").read_text(encoding="utf-8")
            cited = set(re.findall(rf'href="#(src-{pid}-[a-z0-9-]+)"', html))
            defined = set(re.findall(rf'id="(src-{pid}-[a-z0-9-]+)"', html))
            assert cited and cited <= defined, f"{lang}{pid}: citations without a listed source"
            assert defined == {f"src-{pid}-{key}" for key in platform["sources"]}, f"{lang}{pid}: sources not listed"
            for source in platform["sources"].values():
                assert f'href="{source["url"]}"'.replace("&", "&amp;") in html, f"{lang}{pid}: {source['url']} not linked"


def test_headings_have_same_ids_in_both_languages(site):
    en = page(site, "platforms/linkedin")
    zh = page(site, "zh/platforms/linkedin")
    ids = lambda p: [a["id"] for t, a in p.elements if t in ("h2", "h3") and "id" in a]
    assert ids(en) == ids(zh)
    assert all(re.fullmatch(r"[a-z0-9-]+", i) for i in ids(en))


def test_platform_list_generated_from_data(site, guide):
    for lang, prefix in (("en", ""), ("zh", "zh/")):
        p = page(site, f"{prefix}platforms")
        for pid, platform in guide.platforms.items():
            assert platform["name"][lang] in p.text
            assert f"{pid}/" in " ".join(p.links())


def test_language_switcher_is_contextual(site):
    en = page(site, "platforms/linkedin")
    zh = page(site, "zh/platforms/linkedin")
    assert any(h.endswith("zh/platforms/linkedin/") for h in en.links())
    assert any(h.rstrip("/").endswith("platforms/linkedin") and "zh" not in h for h in zh.links() if "linkedin" in h)


def test_site_name_localized(site):
    assert "AI 训练退出指南" in (site / "zh" / "index.html").read_text(encoding="utf-8")
    assert "AI Training Opt-Out Guide" in (site / "index.html").read_text(encoding="utf-8")


def test_not_found_page_in_each_language(site):
    """MkDocs writes one 404.html per build into the same folder; each language keeps its own."""
    assert page(site, "").lang == "en"
    en = (site / "404.html").read_text(encoding="utf-8")
    zh = (site / "zh" / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in en and '<html lang="zh-Hans"' in zh
    assert f'"base": "{urlsplit(SITE_URL).path}zh/"' in zh, "search on the Chinese 404 page uses the Chinese index"

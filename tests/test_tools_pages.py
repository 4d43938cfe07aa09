"""The reader tools' pages, built strictly in both languages: overview, changes, checklist, letters,
myths and open data, read from the built HTML (the browser tests cover what the scripts do)."""

from __future__ import annotations

import html as html_module
import json
import re

import pytest

from conftest import ROOT
from guide import exports, texts, tools
from guide.data import name_key
from helpers_html import Page, page

TOOL_PAGES = ("overview", "changes", "checklist", "letters", "myths", "open-data")
LANGS = (("en", ""), ("zh", "zh/"))


def _rows(p: Page) -> list[dict]:
    return [a for t, a in p.elements if t == "tr" and "data-id" in a]


@pytest.mark.parametrize("name", TOOL_PAGES)
def test_every_tool_page_exists_in_both_languages_and_is_in_the_nav(site, name):
    for lang, prefix in LANGS:
        built = page(site, f"{prefix}{name}")
        assert built.lang == {"en": "en", "zh": "zh-Hans"}[lang]
        assert "optout:" not in (site / f"{prefix}{name}" / "index.html").read_text(encoding="utf-8")
        home = page(site, prefix.rstrip("/"))
        assert any(h.rstrip("/").endswith(name) for h in home.links()), f"{prefix}{name} missing from the navigation"


def test_overview_has_one_complete_row_per_platform(site, guide):
    for lang, prefix in LANGS:
        p = page(site, f"{prefix}overview")
        rows = _rows(p)
        assert [r["data-id"] for r in rows] == [p["id"] for p in guide.ordered(lang)]  # Chinese by pinyin
        html = (site / f"{prefix}overview" / "index.html").read_text(encoding="utf-8")
        body = html[html.index("<tbody>") : html.index("</tbody>")]
        assert body.count("<td") == 7 * len(guide.platforms)
        assert p.find("form", **{"class": "optout-filters", "hidden": "hidden"}), "filters stay hidden until the script runs"
        for platform in guide.platforms.values():
            assert platform["name"][lang] in p.text
            assert f"platforms/{platform['id']}/" in " ".join(p.links())
            for action in platform["object"]:
                assert any(h.endswith(f"platforms/{platform['id']}/#object-{action['id']}") for h in p.links())


def test_overview_region_values_match_the_data(site, guide):
    """Each row's per-region values are those of the region entry that applies there."""
    p = page(site, "overview")
    for row in _rows(p):
        platform = guide.platforms[row["data-id"]]
        by_region = json.loads(row["data-by-region"])
        assert set(by_region) <= set(guide.regions["filter"])
        for _code, value in by_region.items():
            entry = platform["regions"][value["i"]]
            assert value["s"] == tools.region_status(entry, guide.today)
            assert value["d"] == entry.get("since", "")
            assert value["default"] == {"yes": "Yes", "no": "No", "unconfirmed": "Unconfirmed"}[entry["default_on"]]


def _platform(**overrides) -> dict:
    base = {"id": "x", "regions": [], "stop_future": [], "object": [], "timeline": []}
    return {**base, **overrides}


def test_effort_counts_the_shortest_surface_and_each_remedy():
    stop = {"steps": {"web": [1, 2, 3, 4], "ios": [1, 2]}}
    p = _platform(stop_future=[stop], object=[{"steps": [1, 2, 3]}, {"kind": "email"}])
    assert tools.effort_steps(p) == 2 + 3 + 1
    assert tools.effort_level(p) == "medium"
    assert tools.effort_level(_platform(stop_future=[{"steps": {"web": [1]}}])) == "low"
    assert tools.effort_level(_platform(object=[{"steps": list(range(10))}])) == "high"
    assert tools.effort_level(_platform()) == "none"


def test_effort_rule_is_documented_with_the_code_bounds(site):
    (low, _), (medium, _) = tools.EFFORT_LEVELS
    en = page(site, "overview").text
    zh = page(site, "zh/overview").text
    assert f"Up to {low} steps is low, {low + 1} to {medium} is medium, {medium + 1} or more is high" in en
    assert f"{low} 步及以内为“少”，{low + 1} 到 {medium} 步为“中等”，{medium + 1} 步及以上为“多”" in zh


def test_overview_shows_effort_from_the_data(site, guide):
    p = page(site, "overview")
    for platform in guide.platforms.values():
        if tools.effort_level(platform) != "none":
            n = tools.effort_steps(platform)
            assert f"({n} {'step' if n == 1 else 'steps'})" in p.text


def test_applicable_region_entry(guide):
    linkedin = guide.platforms["linkedin"]
    found = tools.applicable(guide, linkedin)
    assert found["GB"] == 1 and found["EU"] == 1 and found["EEA"] == 1
    assert found["US"] == 0 and found["HK"] == 2
    assert found["CN"] == 3, "LinkedIn gives mainland China its own row, so OTHER does not cover it"
    only_cn = {"regions": [{"regions": ["CN"], "training": "paused"}]}
    assert tools.applicable(guide, only_cn) == {"CN": 0}
    world = {"regions": [{"regions": ["DE"], "training": "yes"}, {"regions": ["WORLD"], "training": "no"}]}
    found = tools.applicable(guide, world)
    assert found["EU"] == 0 and found["EEA"] == 0, "a member country's entry applies to its group"
    assert found["US"] == 1 and found["OTHER"] == 1 and found["CN"] == 1, "WORLD covers mainland China"
    other = {"regions": [{"regions": ["OTHER"], "training": "yes"}]}
    assert "CN" not in tools.applicable(guide, other) and tools.applicable(guide, other)["HK"] == 0
    except_cn = {"regions": [{"regions": ["US"], "training": "no"}, {"regions": ["WORLD"], "except": ["CN", "EU"], "training": "yes"}]}
    found = tools.applicable(guide, except_cn)
    assert "CN" not in found and "EU" not in found and "EEA" not in found, "WORLD with except does not cover the excepted regions"
    assert found["US"] == 0 and found["HK"] == 1


def test_changes_upcoming_first_then_newest_first(guide):
    from dataclasses import replace

    def event(day, kind="effective"):
        return {"date": day, "kind": kind, "regions": ["EU"], "text": {"en": day, "zh": day}, "sources": ["s"]}

    p = {
        "id": "p",
        "name": {"en": "P", "zh": "P"},
        "timeline": [event("2020-01-01"), event("2024-06-01"), event("2026-01-01"), event("2025-03-01"), event("2025-03-01")],
    }
    small = replace(guide, today=guide.today.replace(year=2025, month=6, day=1), platforms={"p": p})
    found = tools.changes(small)
    assert [c["when"] for c in found] == ["earlier", "recent", "recent", "recent", "upcoming"]
    assert [c["key"] for c in found if c["event"]["date"] == "2025-03-01"] == ["p/2025-03-01/effective/1", "p/2025-03-01/effective/2"]


def test_changes_page_lists_every_dated_change(site, guide):
    total = sum(len(p["timeline"]) for p in guide.platforms.values())
    for _lang, prefix in LANGS:
        html = (site / f"{prefix}changes" / "index.html").read_text(encoding="utf-8")
        article = html[html.index('id="upcoming"') :]
        article = article[: article.index("</article>")]
        items = re.findall(r"<li><time datetime=\"(\d{4}-\d{2}-\d{2})\">", article)
        assert len(items) == total
        upcoming = article[: article.index('id="recent"')]
        later = article[article.index('id="recent"') :]
        assert all(d > guide.today.isoformat() for d in re.findall(r'<li><time datetime="([\d-]+)"', upcoming))
        past = re.findall(r'<li><time datetime="([\d-]+)"', later)
        assert past == sorted(past, reverse=True) and all(d <= guide.today.isoformat() for d in past)
        for platform in guide.platforms.values():
            for event in platform["timeline"]:
                url = platform["sources"][event["sources"][0]]["url"]
                assert html_module.escape(url) in html  # printed escaped: & becomes &amp;


def test_checklist_has_a_box_per_action_in_both_languages(site, guide):
    for lang, prefix in LANGS:
        keys = [item["key"] for p in guide.ordered(lang) for item in tools.checklist_items(p)]
        assert keys and len(keys) == len(set(keys))
        p = page(site, f"{prefix}checklist")
        boxes = [a["data-key"] for t, a in p.elements if t == "input" and a.get("type") == "checkbox" and "data-key" in a]
        assert boxes == keys
        assert p.find("div", **{"class": "optout-checklist-tools", "hidden": "hidden"})
        for platform in guide.platforms.values():
            assert p.find("h2", id=f"check-{platform['id']}"), "platform headings follow the h1 directly"
            for action in platform["stop_future"]:
                assert any(h.endswith(f"platforms/{platform['id']}/#stop-{action['id']}") for h in p.links())


def test_letters_per_law_with_every_route_in_both_languages(site, guide):
    letters = texts.load(ROOT, guide.region_codes)["letters"]
    for lang, prefix in LANGS:
        html = (site / f"{prefix}letters" / "index.html").read_text(encoding="utf-8")
        p = Page(html)
        for letter in letters["letters"]:
            assert p.find("h2", id=f"letter-{letter['id']}")
            assert p.find("option", value=letter["id"])
            for source in letter["sources"]:
                assert letters["sources"][source]["url"] in p.links()
            for platform, routes in tools.letter_targets(guide, letter):
                assert platform["name"][lang] in p.text
                for route in routes:
                    if route.get("url"):
                        assert route["url"] in p.links()
                    if route.get("email"):
                        assert f"mailto:{route['email']}" in " ".join(p.links())
        # one letter per law, every platform in the chooser
        assert html.count('class="optout-letter-text"') == len(letters["letters"])
        chooser = [o["value"] for o in p.find("option") if o.get("data-name")]
        assert chooser == sorted(guide.platforms, key=lambda pid: name_key(guide.platforms[pid]["name"][lang], lang)), (
            "in the reader's order (pinyin in Chinese)"
        )
        fields = set(letters["fields"])
        assert set(re.findall(r'data-slot="([a-z]+)"', html)) == fields | {"platform"}
        assert set(re.findall(r'data-field="([a-z]+)"', html)) == fields | {"platform"}


def test_letter_without_javascript_shows_placeholders_to_replace(site):
    html = (site / "letters" / "index.html").read_text(encoding="utf-8")
    section = html[html.index('data-law="gdpr"') :]
    letter = section[section.index('class="optout-letter-text"') : section.index("</section>")]
    assert 'Dear <span class="optout-slot" data-slot="platform">[PLATFORM]</span> data protection team' in letter
    assert "Article 21(1)" in letter and "[YOUR REASON]" in letter
    zh = (site / "zh" / "letters" / "index.html").read_text(encoding="utf-8")
    section = zh[zh.index('data-law="pipl"') :]
    assert (
        '尊敬的<span class="optout-slot" data-slot="platform">[平台名称]</span>个人信息保护负责人：'
        in section[: section.index("</section>")]
    )


def test_myths_answered_with_sources(site, guide):
    myths = texts.load(ROOT, guide.region_codes)["myths"]
    for lang, prefix in LANGS:
        p = page(site, f"{prefix}myths")
        for myth in myths["myths"]:
            assert p.find("h2", id=myth["id"])
            assert myth["myth"][lang] in p.text
            for key in myth["sources"]:
                assert myths["sources"][key]["url"] in p.links()


def test_open_data_page_documents_every_field_and_column(site, guide):
    platform_fields = set(guide.schema["properties"])
    wrapper = exports.wrapper_schema(guide)
    documented = set(platform_fields) | set(wrapper["properties"]) | set(exports.CSV_COLUMNS)
    for _lang, prefix in LANGS:
        html = (site / f"{prefix}open-data" / "index.html").read_text(encoding="utf-8")
        codes = set(re.findall(r"<code>([^<]+)</code>", html))
        assert documented - codes == set(), f"undocumented in {prefix}open-data"


def test_open_data_links_point_at_written_files(site):
    for _lang, prefix in LANGS:
        p = page(site, f"{prefix}open-data")
        targets = [h for h in p.links() if "/api/" in h or "feeds/" in h]
        assert len(targets) == 6
        base = site / prefix / "open-data"
        resolved = {(base / href).resolve() for href in targets}
        assert all(path.is_file() for path in resolved), targets
        assert (site / prefix / "feeds" / "changes.atom").resolve() in resolved, "each language links its own feeds"
        assert (site / "api" / "platforms.json").resolve() in resolved, "both languages share /api/"

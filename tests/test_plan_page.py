"""The plan page as built: its data is one JSON block that no text can break out of, that the
Content-Security-Policy does not need to hash, and that says what the plan script relies on (which
actions apply where, the letter's law by region, the calendar's UIDs shared with the feed). And no
page's headings skip a level."""

from __future__ import annotations

import json
import re

import pytest

from conftest import load_hook
from guide import tools
from helpers_html import html_files

BLOCK = re.compile(r'<script type="application/json" id="optout-plan-data">(.*?)</script>', re.S)


def _plan(site, lang: str) -> tuple[str, dict]:
    html = (site / ("" if lang == "en" else f"{lang}/") / "plan" / "index.html").read_text(encoding="utf-8")
    blocks = BLOCK.findall(html)
    assert len(blocks) == 1
    return blocks[0], json.loads(blocks[0])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_hostile_text_stays_inside_the_json_block(sample_site, lang):
    raw, data = _plan(sample_site, lang)
    assert "<" not in raw and ">" not in raw and "&" not in raw, "no character that could end the <script> element"
    sample = next(p for p in data["platforms"] if p["id"] == "sample")
    setting = sample["stop"][0]["name"]
    assert setting in ('<svg onload="window.__pwned=1">', '*设置*{ onclick="window.__pwned=1" }'), "the text itself, unchanged"


def test_the_json_block_needs_no_hash_in_the_policy(site):
    csp = load_hook("csp")
    html = (site / "plan" / "index.html").read_text(encoding="utf-8")
    other = (site / "checklist" / "index.html").read_text(encoding="utf-8")
    assert csp.inline_script_hashes(html) == csp.inline_script_hashes(other), "the plan adds no executable inline script"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_plan_data_follows_the_guide(site, guide, lang):
    _, data = _plan(site, lang)
    assert [p["id"] for p in data["platforms"]] == list(guide.platforms)
    assert data["laws"] == {
        "EU": "gdpr",
        "EEA": "gdpr",
        "GB": "uk-gdpr",
        "CH": "revfadp",
        "CN": "pipl",
        "BR": "lgpd",
        "CA": "pipeda",
        "US": "ccpa",
    }
    assert "BR" in data["regions"] and data["regions"][-1] == "OTHER"
    feed = (site / ("" if lang == "en" else f"{lang}/") / "feeds" / "dates.ics").read_text(encoding="utf-8")
    for p in data["platforms"]:
        platform = guide.platforms[p["id"]]
        known = set(tools.applicable(guide, platform, data["regions"]))
        assert set(p["known"]) == known
        assert "CN" not in known or any(
            ("CN" in e["regions"] or "WORLD" in e["regions"]) and "CN" not in e.get("except", []) for e in platform["regions"]
        ), f"{p['id']}: only a row naming CN or WORLD speaks for mainland China"
        for event in p["events"]:
            assert f"UID:{event['uid']}" in feed.replace("\r\n ", ""), "the plan's calendar events are the feed's"
        for action in p["stop"] + p["object"]:
            assert action["page"].endswith(f"platforms/{p['id']}/#{'stop' if action in p['stop'] else 'object'}-{action['id']}")
            if "CN" in action["regions"]:
                source = next(a for a in platform["stop_future"] + platform["object"] if a["id"] == action["id"])
                assert "CN" in source["regions"] or "WORLD" in source["regions"], f"{p['id']}/{action['id']}: OTHER never covers CN"


def test_headings_never_skip_a_level(site):
    skipped = []
    for path in html_files(site):
        article = re.search(r"<article\b.*?</article>", path.read_text(encoding="utf-8"), re.S)
        if not article:
            continue
        previous = 0
        for level in (int(h) for h in re.findall(r"<h([1-6])\b", article.group(0))):
            if level > previous + 1:
                skipped.append(f"{path.relative_to(site)}: h{previous} -> h{level}")
            previous = level
    assert skipped == []

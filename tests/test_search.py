"""One search index per language; Chinese words segmented."""

from __future__ import annotations

import json
import re

HAN = re.compile(r"[\u4e00-\u9fff]")


def _index(path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_zh_index_holds_chinese_pages_only(site):
    docs = _index(site / "zh" / "search" / "search_index.json")["docs"]
    assert docs
    for doc in docs:
        assert not doc["location"].startswith("zh/"), "locations are relative to /zh/"
        assert HAN.search(doc["title"] + doc["text"]), f"no Chinese in {doc['location']}"
    pages = {d["location"].split("#")[0] for d in docs}
    assert "platforms/linkedin/" in pages
    text = " ".join(d["text"] for d in docs)
    assert "\u200b退出\u200b" in text or "\u200b退出" in text, "jieba segmented 退出 as a word"
    assert "领英" in text


def test_en_index_holds_english_pages_only(site):
    docs = _index(site / "search" / "search_index.json")["docs"]
    assert docs
    for doc in docs:
        assert not doc["location"].startswith("zh/")
        assert not HAN.search(doc["title"]), f"Chinese title in the English index: {doc['title']}"
    assert any(d["location"] == "platforms/linkedin/" for d in docs)


def test_zh_pages_point_search_at_their_own_index(site):
    html = (site / "zh" / "platforms" / "linkedin" / "index.html").read_text(encoding="utf-8")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1))
    assert config["base"] == "../../../zh/"
    html = (site / "platforms" / "linkedin" / "index.html").read_text(encoding="utf-8")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1))
    assert config["base"] == "../.."


def test_separator_splits_on_zero_width_space(site):
    config = _index(site / "zh" / "search" / "search_index.json")["config"]
    assert "\\u200b" in config["separator"]

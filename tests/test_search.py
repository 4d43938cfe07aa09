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
        words = doc["title"] + doc["text"]
        # English pages may quote a Chinese interface label, but are written in English
        assert len(HAN.findall(words)) < 0.2 * len(re.findall(r"[A-Za-z\u4e00-\u9fff]", words)) + 10, doc["location"]
    pages = {d["location"].split("#")[0] for d in docs}
    assert "platforms/linkedin/" in pages
    zh_titles = {d["title"] for d in _index(site / "zh" / "search" / "search_index.json")["docs"]}
    assert not zh_titles & {d["title"] for d in docs if HAN.search(d["title"])}


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


def test_every_platform_name_is_one_search_word(site, guide):
    """A reader typing a platform's name finds its page: the name is indexed as a whole word."""
    import search_words

    for lang, path in (("zh", site / "zh" / "search" / "search_index.json"), ("en", site / "search" / "search_index.json")):
        docs = _index(path)["docs"]
        for pid, platform in guide.platforms.items():
            page = next(d for d in docs if d["location"] == f"platforms/{pid}/")
            words = set(
                w.lower()
                for w in re.split(
                    r"[\s\u200b\u3000\-,:!=\[\]()\"/、。，．？！；：（）《》「」]+",
                    page["title"] + " " + page["text"] + " " + page.get("names", ""),
                )
            )
            expected = [w for w in search_words.names(guide) if w in platform["name"]["zh"]] if lang == "zh" else []
            expected = expected or [platform["name"]["en"].split()[0].strip(":,")]
            for word in expected:
                assert word.lower() in words, f"{lang} {pid}: {word!r} is not a whole word of its page"

"""Names readers search for: platform names as whole Chinese words, and each platform's search_names.

Material's search plugin splits Chinese text with jieba's default tokenizer. A name jieba does not
know, such as 腾讯元宝, is cut into pieces (腾讯 / 元宝), and a reader who types the whole name finds
nothing, because the browser matches whole words. Adding the names from data/ as words keeps them
whole in the index.

A platform may also list the names people search for (`search_names: {en: [Twitter], zh: [推特]}`).
They are not printed on the page: after the indexes are written, each language's names go into a
`names` field of the platform page's entry in that language's index, weighted like the title, so
searching 推特 on /zh/ puts X first.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from guide import data, languages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

# A platform's Chinese name may list several products: 微信、小红书、微博和抖音/豆包
_SPLIT = re.compile(r"[\s、，,/（）()“”]+|和")
_HAN = re.compile(r"^[\u4e00-\u9fff]{2,}$")
FIELD = "names"
BOOST = 1e3  # Material's own weight for titles


def names(guide: data.Guide) -> list[str]:
    words = set()
    for platform in guide.platforms.values():
        words.update(w for w in _SPLIT.split(platform["name"]["zh"]) if _HAN.match(w))
        words.update(w for w in platform.get("search_names", {}).get("zh", []) if _HAN.match(w))
    return sorted(words)


def add_names(index: dict, guide: data.Guide, lang: str) -> dict:
    """The index with each platform page's search names in the `names` field (a pure function)."""
    by_page = {f"platforms/{pid}/": p.get("search_names", {}).get(lang, []) for pid, p in guide.platforms.items()}
    fields = dict(index["config"].get("fields", {}), **{FIELD: {"boost": BOOST}})
    docs = [dict(doc, **{FIELD: " ".join(by_page[doc["location"]])}) if by_page.get(doc["location"]) else doc for doc in index["docs"]]
    return {**index, "config": dict(index["config"], fields=fields), "docs": docs}


def on_pre_build(config: MkDocsConfig) -> None:
    try:
        import jieba
    except ImportError:  # Material then indexes Chinese without segmentation
        return
    jieba.setLogLevel(60)  # its "Building prefix dict" lines on stderr mean nothing to a contributor
    for word in names(data.load(Path(config.config_file_path).parent)):
        jieba.add_word(word)


@event_priority(-250)  # after search_split.py (-200) wrote one index per language
def on_post_build(config: MkDocsConfig) -> None:
    if not languages.outer_build(config):
        return
    guide = data.load(Path(config.config_file_path).parent)
    site, default = Path(config.site_dir), languages.default_language(config)
    for lang in languages.built_languages(config):
        path = site / "search" / "search_index.json" if lang == default else site / lang / "search" / "search_index.json"
        if path.exists():
            index = add_names(json.loads(path.read_text(encoding="utf-8")), guide, lang)
            path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

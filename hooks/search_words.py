"""Teach the Chinese word segmenter the platform names, so searching a name finds its page.

Material's search plugin splits Chinese text with jieba's default tokenizer. A name jieba does not
know, such as 腾讯元宝, is cut into pieces (腾讯 / 元宝), and a reader who types the whole name finds
nothing, because the browser matches whole words. Adding the names from data/ as words keeps them
whole in the index.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from guide import data

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

# A platform's Chinese name may list several products: 微信、小红书、微博和抖音/豆包
_SPLIT = re.compile(r"[\s、，,/（）()“”]+|和")
_HAN = re.compile(r"^[\u4e00-\u9fff]{2,}$")


def names(guide: data.Guide) -> list[str]:
    words = set()
    for platform in guide.platforms.values():
        words.update(w for w in _SPLIT.split(platform["name"]["zh"]) if _HAN.match(w))
    return sorted(words)


def on_pre_build(config: MkDocsConfig) -> None:
    try:
        import jieba
    except ImportError:  # Material then indexes Chinese without segmentation
        return
    jieba.setLogLevel(60)  # its "Building prefix dict" lines on stderr mean nothing to a contributor
    for word in names(data.load(Path(config.config_file_path).parent)):
        jieba.add_word(word)

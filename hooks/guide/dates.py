"""Build date, localized dates, and the spacing of generated Chinese text.

Chinese text on this site puts a space between Chinese characters and Latin letters or digits
("2025 年 11 月 3 日", "超过 90 天", "生成式 AI"), in hand-written pages as in generated ones.
Babel's Chinese dates ("2025年11月3日") and the interface strings of data/strings.yml go through
`zh_space` once, so every generated date and sentence has one style.
"""

from __future__ import annotations

import datetime as dt
import os
import re

from babel.dates import format_date, format_skeleton

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Placeholders of interface strings that the macros fill with digits or dates, never Chinese words.
# A Chinese date starts with a digit but ends with 日 or 月, so it is spaced on its left side only.
STARTS_WITH_DIGIT = ("date", "days", "n", "total", "shown", "done", "version")
ENDS_WITH_DIGIT = ("days", "n", "total", "shown", "done", "version")
_TAGS = r"(?:<[^<>]*>)*"  # markup between the two is skipped: 自<time ...>2025 年
_HAN_THEN_LATIN = re.compile(f"([{_HAN}])({_TAGS})(?=[A-Za-z0-9]|\\{{(?:{'|'.join(STARTS_WITH_DIGIT)})\\}})")
_LATIN_THEN_HAN = re.compile(f"([A-Za-z0-9]|\\{{(?:{'|'.join(ENDS_WITH_DIGIT)})\\}})({_TAGS})(?=[{_HAN}])")


def zh_space(text: str) -> str:
    """One space between a Chinese character and a Latin letter, a digit or a numeric placeholder.

    Markup between them is kept (the space goes before it), so a string that wraps a date in
    <time> is spaced like plain text. Idempotent: spaced text comes back unchanged.
    """
    return _LATIN_THEN_HAN.sub(r"\1 \2", _HAN_THEN_LATIN.sub(r"\1 \2", text))


def build_date() -> dt.date:
    """The day the build describes: SOURCE_DATE_EPOCH (UTC) when set, so builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.datetime.now(tz=dt.UTC).date()


def parse(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def localize(text: str, lang: str) -> str:
    """Generated text in the house style of its language (Chinese: spaced, see zh_space)."""
    return zh_space(text) if lang == "zh" else text


def long_date(value: str | dt.date, lang: str) -> str:
    """`November 3, 2025` in English, `2025 年 11 月 3 日` in Chinese."""
    day = parse(value) if isinstance(value, str) else value
    return localize(format_date(day, "long", locale=lang), lang)


def month(value: str | dt.date, lang: str) -> str:
    """`November 2025` in English, `2025 年 11 月` in Chinese: for dates whose day is not known."""
    day = parse(value) if isinstance(value, str) else value
    return localize(format_skeleton("yMMMM", day, locale=lang), lang)

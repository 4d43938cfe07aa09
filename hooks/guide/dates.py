"""Build date and localized dates."""

from __future__ import annotations

import datetime as dt
import os

from babel.dates import format_date, format_skeleton


def build_date() -> dt.date:
    """The day the build describes: SOURCE_DATE_EPOCH (UTC) when set, so builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    return dt.datetime.now(tz=dt.timezone.utc).date()


def parse(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def long_date(value: str | dt.date, lang: str) -> str:
    """`November 3, 2025` in English, `2025年11月3日` in Chinese."""
    day = parse(value) if isinstance(value, str) else value
    return format_date(day, "long", locale=lang)


def month(value: str | dt.date, lang: str) -> str:
    """`November 2025` in English, `2025年11月` in Chinese: for dates whose day is not known."""
    day = parse(value) if isinstance(value, str) else value
    return format_skeleton("yMMMM", day, locale=lang)

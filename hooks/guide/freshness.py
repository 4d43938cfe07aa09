"""When a platform's facts are old enough to ask readers for help re-verifying them.

Staleness never fails a build: time passing must not turn a good build red. It shows a note on the
platform's page (hooks/stale.py) and is listed by `python3 scripts/stale.py` (run on a schedule).
"""

from __future__ import annotations

import datetime as dt

STALE_AFTER_DAYS = 90


def age(platform: dict, today: dt.date) -> int:
    """Days since the platform's facts were last verified."""
    return (today - dt.date.fromisoformat(platform["last_verified"])).days


def is_stale(platform: dict, today: dt.date, days: int = STALE_AFTER_DAYS) -> bool:
    return age(platform, today) > days


def stale_platforms(platforms: dict[str, dict], today: dt.date, days: int = STALE_AFTER_DAYS) -> list[dict]:
    """Stale platforms, oldest verification first (then by id, so the order is stable)."""
    stale = [p for p in platforms.values() if is_stale(p, today, days)]
    return sorted(stale, key=lambda p: (p["last_verified"], p["id"]))

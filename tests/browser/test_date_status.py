"""Live date status: a page built before an effective date says "takes effect on ..."; the site's
own script (overrides/assets/javascripts/date-status.js) turns that into "in effect since ..." once
the reader's clock reaches the date. Without JavaScript the page still names the date.

The site here is a copy of the project in which one platform's first region starts training 45
days after the build date, with a timeline entry on that day.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import yaml

from conftest import build, copy_project, newest_verified_epoch
from guide.dates import long_date

from .conftest import in_lang, serve

AHEAD = dt.timedelta(days=45)
ZONES = {"en": "America/Los_Angeles", "zh": "Asia/Shanghai"}


@pytest.fixture(scope="module")
def dated(tmp_path_factory) -> dict:
    project = copy_project(tmp_path_factory.mktemp("dated") / "project")
    epoch = newest_verified_epoch(project)
    built = dt.datetime.fromtimestamp(epoch, tz=dt.UTC).date()
    future = built + AHEAD
    path = sorted((project / "data" / "platforms").glob("*.yml"))[0]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    region = data["regions"][0]
    region.update(training="yes", since=future.isoformat())
    data["timeline"].append(
        {
            "date": future.isoformat(),
            "kind": "effective",
            "regions": list(region["regions"]),  # a copy: the same object would be dumped as a YAML alias
            "text": {"en": "Training starts here.", "zh": "这里开始训练。"},
            "sources": [next(iter(data["sources"]))],
        }
    )
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = tmp_path_factory.mktemp("dated-site")
    build(project, site, epoch=epoch)
    with serve(site) as base:
        yield {"base": base, "page": f"platforms/{data['id']}/", "built": built, "future": future}


def read_status(open_context, dated, lang: str, at: dt.datetime | None, js: bool = True) -> dict:
    """What a reader in `lang`'s time zone sees at local time `at` (None: the real clock)."""
    context = open_context(timezone_id=ZONES[lang], java_script_enabled=js)
    tab = context.new_page()
    tab.route("**/search/search_index.json", lambda route: route.abort())  # no search here: spare the CPU
    if at is not None:
        tab.clock.set_fixed_time(at)
    tab.goto(dated["base"] + in_lang(dated["page"], lang))
    day = dated["future"].isoformat()
    status = tab.locator(f".optout-when[data-date='{day}']").first
    upcoming = tab.locator(f".optout-upcoming[data-date='{day}']").first
    return {
        "text": " ".join(status.inner_text().split()),
        "time": status.locator(f"time[datetime='{day}']").count(),
        "upcoming": upcoming.is_visible(),
    }


def expected(guide, lang: str, key: str, day: dt.date) -> str:
    return guide.strings[lang][key].replace("{date}", long_date(day, lang))


def local(day: dt.date, hour: int, minute: int, lang: str) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(ZONES[lang]))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_before_the_date_it_takes_effect(open_context, dated, guide, lang):
    seen = read_status(open_context, dated, lang, local(dated["built"], 12, 0, lang))
    assert seen == {"text": expected(guide, lang, "takes_effect_on", dated["future"]), "time": 1, "upcoming": True}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_from_the_date_on_the_readers_clock_it_is_in_effect(open_context, dated, guide, lang):
    seen = read_status(open_context, dated, lang, local(dated["future"], 0, 5, lang))
    assert seen == {"text": expected(guide, lang, "in_effect_since", dated["future"]), "time": 1, "upcoming": False}
    later = read_status(open_context, dated, lang, local(dated["future"] + dt.timedelta(days=400), 9, 0, lang))
    assert later["text"] == seen["text"]


def test_the_readers_own_day_counts_not_utc(open_context, dated, guide):
    """In Los Angeles at 8 pm the day before, it is already the date in UTC: not yet in effect."""
    at = local(dated["future"] - dt.timedelta(days=1), 20, 0, "en")
    assert at.astimezone(dt.UTC).date() == dated["future"]
    seen = read_status(open_context, dated, "en", at)
    assert seen["text"] == expected(guide, "en", "takes_effect_on", dated["future"])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_without_javascript_the_page_names_the_date(open_context, dated, guide, lang):
    seen = read_status(open_context, dated, lang, None, js=False)
    assert seen["text"] == expected(guide, lang, "takes_effect_on", dated["future"])
    assert seen["time"] == 1

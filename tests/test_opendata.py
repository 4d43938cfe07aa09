"""Open data and feeds: /api/ validates and matches data/, the feeds parse back with a library and hold
one entry or event per dated change, and their ids survive a rebuild."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest
from referencing import Registry, Resource

from conftest import ROOT, SITE_URL, build, copy_project, newest_verified_epoch
from guide import exports, tools

ATOM = "{http://www.w3.org/2005/Atom}"
FEED_LANGS = (("en", ""), ("zh", "zh/"))


def _public(platform: dict) -> dict:
    return {k: v for k, v in platform.items() if not k.startswith("_")}


def _keys(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


def _validator(site):
    platform_schema = json.loads((site / "api" / "platform.schema.json").read_text(encoding="utf-8"))
    wrapper = json.loads((site / "api" / "platforms.schema.json").read_text(encoding="utf-8"))
    registry = Registry().with_resources([(s["$id"], Resource.from_contents(s)) for s in (platform_schema, wrapper)])
    return jsonschema.Draft202012Validator(wrapper, registry=registry, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_platforms_json_validates_and_matches_the_data(site, guide):
    exported = json.loads((site / "api" / "platforms.json").read_text(encoding="utf-8"))
    errors = [e.message for e in _validator(site).iter_errors(exported)]
    assert errors == []
    assert exported["schema_version"] == guide.schema["x-schema-version"]
    assert exported["generated"] == guide.today.isoformat()
    assert exported["license"] == "CC-BY-4.0"
    assert len(exported["platforms"]) == len(guide.platforms)
    assert [p["id"] for p in exported["platforms"]] == list(guide.platforms)
    assert exported["platforms"] == [_public(p) for p in guide.platforms.values()]
    assert not any(k.startswith("_") for k in _keys(exported)), "internal keys such as _file are dropped"
    for p in exported["platforms"]:
        assert set(p["name"]) == {"en", "zh"} and set(p["summary"]) == {"en", "zh"}


def test_validation_catches_a_broken_export(site):
    """The schema check above can fail: a platform missing a required field does not validate."""
    exported = json.loads((site / "api" / "platforms.json").read_text(encoding="utf-8"))
    del exported["platforms"][0]["sources"]
    exported["platforms"][0]["_file"] = "data/platforms/x.yml"
    messages = [e.message for e in _validator(site).iter_errors(exported)]
    assert any("'sources' is a required property" in m for m in messages)
    assert any("_file" in m for m in messages)


def test_published_schemas_are_the_data_schemas(site):
    assert json.loads((site / "api" / "platform.schema.json").read_text(encoding="utf-8")) == json.loads(
        (ROOT / "data/schema/platform.schema.json").read_text(encoding="utf-8")
    )
    wrapper = json.loads((site / "api" / "platforms.schema.json").read_text(encoding="utf-8"))
    assert wrapper["properties"]["platforms"]["items"]["$ref"] == "platform.schema.json"


def test_overview_csv_has_a_row_per_platform_and_region_group(site, guide):
    raw = (site / "api" / "overview.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert tuple(rows[0].keys()) == exports.CSV_COLUMNS
    assert len(rows) == sum(len(p["regions"]) for p in guide.platforms.values())
    for platform in guide.platforms.values():
        mine = [r for r in rows if r["platform_id"] == platform["id"]]
        assert [r["regions"] for r in mine] == [" ".join(e["regions"]) for e in platform["regions"]]
        assert {r["name_zh"] for r in mine} == {platform["name"]["zh"]}
        assert {r["effort_steps"] for r in mine} == {str(tools.effort_steps(platform))}


def _calendar(path):
    from icalendar import Calendar

    return Calendar.from_ical(path.read_bytes())


def _atom(path):
    return ET.fromstring(path.read_bytes())


@pytest.mark.parametrize("lang, prefix", FEED_LANGS)
def test_calendar_has_one_event_per_effective_date_or_deadline(site, guide, lang, prefix):
    cal = _calendar(site / prefix / "feeds" / "dates.ics")
    assert str(cal["VERSION"]) == "2.0" and cal["PRODID"]
    events = cal.walk("VEVENT")
    expected = tools.calendar_changes(guide)
    assert expected, "the data has effective dates to put in the calendar"
    assert len(events) == len(expected)
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    for event, change in zip(events, expected):
        assert event.decoded("DTSTART") == dt.date.fromisoformat(change["event"]["date"])
        assert str(event["UID"]) == exports.ics_uid(SITE_URL, lang, change["key"])
        assert change["platform"]["name"][lang] in str(event["SUMMARY"])
        assert event.decoded("DTSTAMP") == dt.datetime.fromisoformat(change["platform"]["last_verified"] + "T00:00:00+00:00")


@pytest.mark.parametrize("lang, prefix", FEED_LANGS)
def test_atom_feed_has_one_entry_per_dated_change_and_per_platform(site, guide, lang, prefix):
    feed = _atom(site / prefix / "feeds" / "changes.atom")
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == {"en": "en", "zh": "zh-Hans"}[lang]
    entries = feed.findall(f"{ATOM}entry")
    changes = tools.changes(guide)
    assert len(entries) == len(changes) + len(guide.platforms)
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids)
    site_url = SITE_URL
    assert {exports.atom_id(site_url, lang, c["key"]) for c in changes} <= set(ids)
    for platform in guide.platforms.values():
        assert exports.atom_id(site_url, lang, f"{platform['id']}/verified/{platform['last_verified']}") in ids
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True), "newest first"
    assert feed.findtext(f"{ATOM}updated") == updated[0]


def test_feeds_use_no_clock_and_rebuilds_keep_their_ids(site, tmp_path):
    """A rebuild a year later gives identical feeds; a new dated change adds exactly one entry and one event."""
    project = copy_project(tmp_path / "project")
    path = project / "data" / "platforms" / "linkedin.yml"
    text = path.read_text(encoding="utf-8")
    new_event = """  - date: "2030-01-15"
    kind: deadline
    regions: [EU]
    text:
      en: A test deadline.
      zh: 测试用的截止日期。
    sources: [privacy-eu-2025]
"""
    path.write_text(text.replace("\ndisputes:\n", "\n" + new_event + "\ndisputes:\n", 1), encoding="utf-8")
    later = tmp_path / "later"
    build(project, later, epoch=newest_verified_epoch() + 400 * 86400)

    old_ics, new_ics = _calendar(site / "feeds" / "dates.ics"), _calendar(later / "feeds" / "dates.ics")
    old_uids = [str(e["UID"]) for e in old_ics.walk("VEVENT")]
    new_uids = [str(e["UID"]) for e in new_ics.walk("VEVENT")]
    assert set(old_uids) < set(new_uids) and len(new_uids) == len(old_uids) + 1
    assert "linkedin-2030-01-15-deadline-1-en@optout-guide.github.io" in new_uids
    old_events = {str(e["UID"]): e.to_ical() for e in old_ics.walk("VEVENT")}
    new_events = {str(e["UID"]): e.to_ical() for e in new_ics.walk("VEVENT")}
    assert all(new_events[uid] == old_events[uid] for uid in old_events), "unchanged events are byte-identical"

    old_atom = [e.findtext(f"{ATOM}id") for e in _atom(site / "feeds" / "changes.atom").findall(f"{ATOM}entry")]
    new_atom = [e.findtext(f"{ATOM}id") for e in _atom(later / "feeds" / "changes.atom").findall(f"{ATOM}entry")]
    assert set(old_atom) < set(new_atom) and len(new_atom) == len(old_atom) + 1

    exported = json.loads((later / "api" / "platforms.json").read_text(encoding="utf-8"))
    assert exported["generated"] != json.loads((site / "api" / "platforms.json").read_text(encoding="utf-8"))["generated"]


def test_feeds_are_written_once_per_language(site):
    assert (site / "feeds" / "changes.atom").exists() and (site / "zh" / "feeds" / "changes.atom").exists()
    assert not (site / "zh" / "api").exists(), "open data is written once, at the site root"
    assert not (site / "zh" / "zh").exists()

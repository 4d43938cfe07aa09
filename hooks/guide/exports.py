"""Open data and feeds built from a Guide: /api/ files, the Atom feed and the iCalendar feed.

Everything here is a pure function of the data, the site's address and the build date, so two builds
of the same data give the same bytes (platforms.json differs only in its `generated` date).
Feed timestamps come from the data (event dates, last_verified), never from the clock, and ids are
derived from platform id + date + kind (+ n, see tools.event_keys), so rebuilding or re-deploying
never shows a reader's feed or calendar app a duplicate.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import markdown as md

from . import languages, tools
from .data import LANGS, SCHEMA, Guide
from .dates import parse
from .render import View

WRAPPER_SCHEMA = Path("data/schema/platforms.schema.json")
LICENSE = "CC-BY-4.0"
TAG_YEAR = 2025  # the date part of tag: URIs (RFC 4151); fixed forever, or every id would change
CSV_COLUMNS = (
    "platform_id",
    "name_en",
    "name_zh",
    "category",
    "regions",
    "training",
    "since",
    "status",
    "default_on",
    "opt_out",
    "stop_future_actions",
    "remedies",
    "effort_steps",
    "effort",
    "last_verified",
    "verified_by",
    "page_en",
    "page_zh",
)
_MD_LINK = re.compile(r"\[([^\]]*)\]\(\s*<?([^)\s>]*)>?\s*\)")


def page_url(site_url: str, lang: str, path: str = "") -> str:
    """Absolute address of a page in a language, e.g. https://host/zh/platforms/linkedin/."""
    prefix = "" if lang == LANGS[0] else f"{lang}/"
    return f"{site_url.rstrip('/')}/{prefix}{path}"


def _public(value):
    """The data without internal keys such as _file (added by the loader)."""
    if isinstance(value, dict):
        return {k: _public(v) for k, v in value.items() if not k.startswith("_")}
    if isinstance(value, list):
        return [_public(v) for v in value]
    return value


def _midnight(day: str | dt.date) -> dt.datetime:
    day = parse(day) if isinstance(day, str) else day
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


# --- /api/ ---------------------------------------------------------------------------------------


def platforms_json(guide: Guide, site_url: str) -> dict:
    return {
        "schema_version": guide.schema["x-schema-version"],
        "generated": guide.today.isoformat(),
        "license": LICENSE,
        "source": site_url,
        "platforms": [_public(p) for p in guide.platforms.values()],
    }


def platform_schema(guide: Guide, site_url: str | None = None) -> dict:
    return _published(json.loads((guide.root / SCHEMA).read_text(encoding="utf-8")), site_url)


def wrapper_schema(guide: Guide, site_url: str | None = None) -> dict:
    return _published(json.loads((guide.root / WRAPPER_SCHEMA).read_text(encoding="utf-8")), site_url)


def _published(schema: dict, site_url: str | None) -> dict:
    """A schema whose $id is where this build publishes it, so validators resolve its $refs there."""
    if site_url:
        schema["$id"] = site_url + "api/" + schema["$id"].rsplit("/", 1)[-1]
    return schema


def overview_csv(guide: Guide, site_url: str) -> str:
    """The overview as tidy rows: one per platform and region group (RFC 4180: CRLF, quoted as needed)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for p in guide.platforms.values():
        for entry in p["regions"]:
            writer.writerow(
                [
                    p["id"],
                    p["name"]["en"],
                    p["name"]["zh"],
                    p["category"],
                    " ".join(entry["regions"]),
                    entry["training"],
                    entry.get("since", ""),
                    tools.region_status(entry, guide.today),
                    entry["default_on"],
                    entry["opt_out"],
                    len(p["stop_future"]),
                    ";".join(a["kind"] for a in p["object"]),
                    tools.effort_steps(p),
                    tools.effort_level(p),
                    p["last_verified"],
                    p["verified_by"],
                    page_url(site_url, "en", f"platforms/{p['id']}/"),
                    page_url(site_url, "zh", f"platforms/{p['id']}/"),
                ]
            )
    return out.getvalue()


# --- feeds ---------------------------------------------------------------------------------------


def _host(site_url: str) -> str:
    return urlsplit(site_url).hostname or "localhost"


def atom_id(site_url: str, lang: str, key: str) -> str:
    return f"tag:{_host(site_url)},{TAG_YEAR}:{lang}/{key}"


def ics_uid(site_url: str, lang: str, key: str) -> str:
    """Unique per language too: a reader who subscribes to both calendars sees each date twice, not one
    event overwriting the other's text."""
    return key.replace("/", "-") + "-" + lang + "@" + _host(site_url)


def _entry_time(change: dict) -> dt.datetime:
    """When the guide knew of a change: its date, or for a future change the platform's last check."""
    return _midnight(min(change["event"]["date"], change["platform"]["last_verified"]))


def _sources_html(platform: dict, keys: list[str]) -> str:
    items = [f'<a href="{platform["sources"][k]["url"]}">{_escape(platform["sources"][k]["title"])}</a>' for k in keys]
    return "<p>" + " · ".join(items) + "</p>"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def atom(guide: Guide, lang: str, site_url: str) -> bytes:
    """The changes feed: one entry per dated change, and one per platform for its latest verification."""
    from feedgen.feed import FeedGenerator

    v = View(guide, lang)
    entries = []
    for c in tools.changes(guide):
        p, e = c["platform"], c["event"]
        title = (
            v.t["feed_change"]
            .replace("{platform}", v.tx(p["name"]))
            .replace("{kind}", v.t["event_" + e["kind"]])
            .replace("{regions}", v.regions(e["regions"]))
        )
        body = md.markdown(v.date(e["date"]) + v.t["colon"] + v.tx(e["text"])) + _sources_html(p, e["sources"])
        entries.append(
            (_entry_time(c), atom_id(site_url, lang, c["key"]), title, body, page_url(site_url, lang, f"platforms/{p['id']}/"), e["kind"])
        )
    for p in guide.platforms.values():
        title = v.t["feed_verified"].replace("{platform}", v.tx(p["name"])).replace("{date}", v.date(p["last_verified"]))
        body = md.markdown(v.tx(p["summary"]))
        key = f"{p['id']}/verified/{p['last_verified']}"
        entries.append(
            (
                _midnight(p["last_verified"]),
                atom_id(site_url, lang, key),
                title,
                body,
                page_url(site_url, lang, f"platforms/{p['id']}/"),
                "verified",
            )
        )
    entries.sort(key=lambda x: (x[0], x[1]), reverse=True)  # newest first; ties broken by id, so the order is stable

    fg = FeedGenerator()
    self_url = page_url(site_url, lang, "feeds/changes.atom")
    fg.id(self_url)
    fg.title(v.t["feed_title"])
    fg.subtitle(v.t["feed_subtitle"])
    fg.language(languages.tag(lang))  # xml:lang="zh-Hans"
    fg.author(name=v.t["feed_author"], uri=page_url(site_url, lang))
    fg.link(href=self_url, rel="self", type="application/atom+xml")
    fg.link(href=page_url(site_url, lang, "changes/"), rel="alternate", type="text/html")
    fg.rights(LICENSE)
    fg.updated(max((x[0] for x in entries), default=_midnight(guide.today)))
    for when, entry_id, title, body, link, kind in entries:
        fe = fg.add_entry(order="append")
        fe.id(entry_id)
        fe.title(title)
        fe.link(href=link, rel="alternate", type="text/html")
        fe.updated(when)
        fe.published(when)
        fe.category(term=kind)
        fe.content(body, type="html")
    return fg.atom_str(pretty=True)


def _plain(text: str) -> str:
    """Data text for a calendar: Markdown links as `words (address)`."""
    return _MD_LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", text)


def ics(guide: Guide, lang: str, site_url: str) -> bytes:
    """The calendar: one all-day event per effective date or deadline (tools.CALENDAR_KINDS)."""
    from icalendar import Calendar, Event

    v = View(guide, lang)
    cal = Calendar()
    cal.add("prodid", f"-//{_host(site_url)}//AI Training Opt-Out Guide//{lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    language = {"LANGUAGE": languages.tag(lang)}  # RFC 5545 3.2.10, on every text in the reader's language
    cal.add("name", v.t["cal_name"], parameters=language)
    cal.add("x-wr-calname", v.t["cal_name"], parameters=language)
    cal.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")
    for c in tools.calendar_changes(guide):
        p, e = c["platform"], c["event"]
        sources = "\n".join(p["sources"][k]["url"] for k in e["sources"])
        event = Event()
        event.add("uid", ics_uid(site_url, lang, c["key"]))
        event.add("dtstamp", _midnight(p["last_verified"]))
        event.add("dtstart", parse(e["date"]))
        event.add("dtend", parse(e["date"]) + dt.timedelta(days=1))
        event.add(
            "summary",
            v.t["feed_change"]
            .replace("{platform}", v.tx(p["name"]))
            .replace("{kind}", v.t["event_" + e["kind"]])
            .replace("{regions}", v.regions(e["regions"])),
            parameters=language,
        )
        event.add("description", f"{_plain(v.tx(e['text']))}\n\n{sources}", parameters=language)
        event.add("url", page_url(site_url, lang, f"platforms/{p['id']}/"))
        event.add("categories", [e["kind"]])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()


def files(guide: Guide, site_url: str, langs: list[str]) -> dict[str, bytes]:
    """Every output file, by path relative to the site folder, for the languages that were built."""
    dump = lambda obj: (json.dumps(obj, ensure_ascii=False, indent=1) + "\n").encode("utf-8")  # noqa: E731
    compact = json.dumps(platforms_json(guide, site_url), ensure_ascii=False, separators=(",", ":")) + "\n"
    out = {
        "api/platforms.json": compact.encode("utf-8"),  # the big one: no indentation (about a fifth smaller)
        "api/platform.schema.json": dump(platform_schema(guide, site_url)),
        "api/platforms.schema.json": dump(wrapper_schema(guide, site_url)),
        "api/overview.csv": overview_csv(guide, site_url).encode("utf-8"),
    }
    for lang in langs:
        prefix = "" if lang == LANGS[0] else f"{lang}/"
        out[f"{prefix}feeds/changes.atom"] = atom(guide, lang, site_url)
        out[f"{prefix}feeds/dates.ics"] = ics(guide, lang, site_url)
    return out

"""What the reader tools compute from the data: overview rows, effort, dated changes, checklist items.

Pure functions of a Guide (and the build date); the Jinja macros in overrides/partials/optout/tools.html
and the exports in exports.py both use them, so the pages, the CSV and the feeds agree.

Effort is derived from the actions, not written by hand: for each setting that stops future use, the
number of steps on its shortest surface (a reader follows one of web, iOS or Android); for each
objection or erasure action, its number of steps (1 when it lists none). Their sum is the effort in
steps, and EFFORT_LEVELS turns it into low, medium or high.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator

from .data import Guide
from .dates import parse

# Upper bound (inclusive) of each level's step count; anything above the last is "high".
EFFORT_LEVELS = ((4, "low"), (9, "medium"))
# Timeline kinds that go into the calendar feed: the days something starts applying or a deadline falls.
CALENDAR_KINDS = ("effective", "deadline")
# Where a letter goes: a platform's `contacts` of these kinds, else its object actions of LETTER_KINDS.
CONTACT_KINDS = ("email", "form", "postal")
LETTER_KINDS = ("form", "email")
# A name's trailing parenthesis ("领英（LinkedIn）", "Claude (Anthropic)"), left out where a letter addresses the platform.
_TRAILING_PAREN = re.compile(r"\s*[（(][^（）()]*[）)]\s*$")
# How far back "recent" changes reach.
RECENT_DAYS = 365
# The law an objection letter cites, by the region a reader lives in (a plan's region); regions not
# listed get a letter without a law (the letters page then offers its general one).
LAWS = {"EU": "gdpr", "EEA": "gdpr", "GB": "uk-gdpr", "CH": "revfadp", "CN": "pipl", "BR": "lgpd", "CA": "pipeda", "US": "ccpa"}
STATUSES = ("in_effect", "upcoming", "paused", "not_training", "not_offered", "unconfirmed")


def effort_steps(platform: dict) -> int:
    """Steps a reader takes to do everything the platform offers (see the module docstring)."""
    steps = sum(min(len(s) for s in action["steps"].values()) for action in platform["stop_future"])
    return steps + sum(len(action.get("steps", [])) or 1 for action in platform["object"])


def effort_level(platform: dict) -> str:
    """low, medium or high; none when the platform offers no action at all."""
    if not platform["stop_future"] and not platform["object"]:
        return "none"
    steps = effort_steps(platform)
    return next((level for bound, level in EFFORT_LEVELS if steps <= bound), "high")


def region_status(entry: dict, today: dt.date) -> str:
    """One of STATUSES for a platform's region entry on the given day."""
    training = entry["training"]
    if training == "yes":
        return "upcoming" if entry.get("since") and parse(entry["since"]) > today else "in_effect"
    return {"paused": "paused", "no": "not_training", "not-offered": "not_offered", "unconfirmed": "unconfirmed"}[training]


def covers(guide: Guide, item: dict, region: str, named: set[str] = frozenset()) -> str | None:
    """How a row or action (anything with `regions` and an optional `except`) covers a region:
    "direct" when it names the region or overlaps it (a member country, its group), "world" for
    WORLD, "other" for OTHER ("rest of the world"), else None.

    OTHER never covers mainland China (CN): only a row naming CN or WORLD does. OTHER does not cover
    a region in `named` either (the regions the platform names elsewhere). A WORLD or OTHER item with
    `except: [X]` does not cover X (nor X's members or groups).
    """
    wanted = guide.expand([region])
    codes = item["regions"]
    if wanted & guide.expand([c for c in codes if c not in ("WORLD", "OTHER")]) or region in codes:
        return "direct"
    if wanted & guide.expand(item.get("except", [])) or region in item.get("except", []):
        return None
    if "WORLD" in codes:
        return "world"
    if "OTHER" in codes and region != "CN" and not wanted & named:
        return "other"
    return None


def named_regions(guide: Guide, platform: dict) -> set[str]:
    """Every region a platform's region rows name (groups expanded), WORLD and OTHER aside."""
    return guide.expand([c for e in platform["regions"] for c in e["regions"] if c not in ("WORLD", "OTHER")])


def applicable(guide: Guide, platform: dict, regions: list[str] | None = None) -> dict[str, int]:
    """For each region (by default the overview's filter), the index of the platform's region entry that applies.

    An entry naming the region or overlapping it (a member country, its group) applies first; then a
    WORLD entry; then OTHER ("rest of the world"), which covers every region not named elsewhere
    except mainland China (see `covers`). Regions with no applicable entry are left out: the platform
    does not say anything about them.
    """
    entries = platform["regions"]
    named = named_regions(guide, platform)
    out: dict[str, int] = {}
    for code in regions if regions is not None else guide.regions["filter"]:
        how = [covers(guide, e, code, named) for e in entries]
        index = next((i for rank in ("direct", "world", "other") for i, h in enumerate(how) if h == rank), None)
        if index is not None:
            out[code] = index
    return out


def applies(guide: Guide, platform: dict, item: dict, region: str) -> bool:
    """Whether an action or a timeline event of the platform applies to a reader in the region."""
    return covers(guide, item, region, named_regions(guide, platform)) is not None


def remedies(platform: dict) -> list[dict]:
    """Actions for data already collected (objection forms, emails, requests, deletion)."""
    return list(platform["object"])


def event_keys(platform: dict) -> Iterator[tuple[str, int, dict]]:
    """Each timeline event with a stable key `id/date/kind/n` (n counts same-day, same-kind events in file order)."""
    seen: Counter = Counter()
    for event in platform["timeline"]:
        seen[(event["date"], event["kind"])] += 1
        n = seen[(event["date"], event["kind"])]
        yield f"{platform['id']}/{event['date']}/{event['kind']}/{n}", n, event


def changes(guide: Guide) -> list[dict]:
    """Every dated change of every platform: {key, n, platform, event, when} sorted by date, then platform."""
    out = []
    for platform in guide.platforms.values():
        for key, n, event in event_keys(platform):
            day = parse(event["date"])
            if day > guide.today:
                when = "upcoming"
            elif (guide.today - day).days <= RECENT_DAYS:
                when = "recent"
            else:
                when = "earlier"
            out.append({"key": key, "n": n, "platform": platform, "event": event, "when": when})
    return sorted(out, key=lambda c: (c["event"]["date"], c["platform"]["name"]["en"].casefold(), c["key"]))


def calendar_changes(guide: Guide) -> list[dict]:
    """The dated changes that belong in the calendar feed."""
    return [c for c in changes(guide) if c["event"]["kind"] in CALENDAR_KINDS]


def checklist_items(platform: dict) -> list[dict]:
    """One check item per action: {key, group, action}; keys are what the browser stores."""
    items = [{"key": f"{platform['id']}/stop/{a['id']}", "group": "stop", "action": a} for a in platform["stop_future"]]
    items += [{"key": f"{platform['id']}/object/{a['id']}", "group": "object", "action": a} for a in platform["object"]]
    return items


def law_covers(guide: Guide, codes: list[str], wanted: set[str], named: set[str]) -> bool:
    """Whether something naming `codes` (a contact, an action, a region row) applies to a law whose
    expanded regions are `wanted`: an overlap, WORLD, or OTHER for a wanted country that the platform
    names nowhere else (`named`, expanded). OTHER never covers mainland China (CN)."""
    if "WORLD" in codes or wanted & guide.expand(codes):
        return True
    return "OTHER" in codes and bool(wanted - named - {"CN"} - set(guide.regions["groups"]))


def _named(guide: Guide, items: list[dict]) -> set[str]:
    return set().union(*(guide.expand(item["regions"]) for item in items)) if items else set()


def letter_routes(guide: Guide, letter: dict, platform: dict) -> list[dict]:
    """Where a platform receives a letter under one law: its `contacts` covering the law's regions, or,
    when none does, its form or email object actions covering them; only those with an address (an
    email, a link or a postal address). Each route is the contact or action with `via` ("contacts" or
    "object") added; empty when the data names no route there."""
    wanted = guide.expand(letter["regions"])
    for field, kinds in (("contacts", CONTACT_KINDS), ("object", LETTER_KINDS)):
        items = [
            item
            for item in platform.get(field, [])
            if item["kind"] in kinds and (item.get("email") or item.get("url") or item.get("address"))
        ]
        named = _named(guide, items)
        found = [{**item, "via": field} for item in items if law_covers(guide, item["regions"], wanted, named)]
        if found:
            return found
    return []


def letter_applies(guide: Guide, letter: dict, platform: dict) -> bool:
    """Whether a platform belongs under a law: it has a route there, a region row covering the law's
    regions, or (for mainland China) it is a Chinese platform (category `china`)."""
    wanted = guide.expand(letter["regions"])
    named = _named(guide, platform["regions"])
    return (
        bool(letter_routes(guide, letter, platform))
        or any(law_covers(guide, row["regions"], wanted, named) for row in platform["regions"])
        or ("CN" in wanted and platform.get("category") == "china")
    )


def letter_targets(guide: Guide, letter: dict) -> list[tuple[dict, list[dict]]]:
    """(platform, routes) for every platform the law applies to; routes is empty where none was found."""
    return [(p, letter_routes(guide, letter, p)) for p in guide.platforms.values() if letter_applies(guide, letter, p)]


def region_laws(guide: Guide, letters: list[dict]) -> dict[str, str]:
    """For each region of the overview's filter, the id of the first law that applies there (if any)."""
    out = {}
    for code in guide.regions["filter"]:
        wanted = guide.expand([code])
        found = next((letter["id"] for letter in letters if wanted & guide.expand(letter["regions"])), None)
        if found:
            out[code] = found
    return out


def short_name(name: str) -> str:
    """A platform's name without a trailing parenthesis, as a letter's salutation uses it."""
    return _TRAILING_PAREN.sub("", name) or name

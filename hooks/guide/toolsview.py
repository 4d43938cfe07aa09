"""What the reader-tool macros (overrides/partials/optout/tools.html, texts.html) may ask, in one language.

Reached from a macro as `v.tools`; `v` is the guide.render.View of the page being rendered.
Values are prepared here (labels, dates, JSON for data attributes); the macros decide how they look.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from babel import Locale

from . import exports, texts, tools
from .data import LANGS, name_key
from .dates import parse

if TYPE_CHECKING:
    from .render import View


class Tools:
    def __init__(self, view: View):
        self.v = view
        self.guide = view.guide
        self.t = view.t

    def plural(self, key: str, n: int) -> str:
        """The string `key_one`, `key_other` (...) that Babel's plural rules pick for n in this language."""
        form = Locale.parse(self.v.lang).plural_form(n)
        return self.t.get(f"{key}_{form}", self.t[f"{key}_other"]).replace("{n}", str(n))

    # overview
    def filter_regions(self) -> list[tuple[str, str]]:
        return [(code, self.guide.region_name(code, self.v.lang)) for code in self.guide.regions["filter"]]

    def statuses(self) -> list[tuple[str, str]]:
        return [(s, self.t["ov_status_" + s]) for s in tools.STATUSES]

    def rows(self) -> list[dict]:
        """One row per platform, with what the filters and the sorting need."""
        out = []
        for p in self.guide.ordered(self.v.lang):
            entries = [(i, e, tools.region_status(e, self.guide.today)) for i, e in enumerate(p["regions"])]
            by_region = {
                code: {
                    "i": i,
                    "s": entries[i][2],
                    "d": p["regions"][i].get("since", ""),
                    "default": self.v.tri(p["regions"][i]["default_on"]),
                    "opt": self.v.tri(p["regions"][i]["opt_out"]),
                }
                for code, i in tools.applicable(self.guide, p).items()
            }
            dates = sorted(e["since"] for e in p["regions"] if e.get("since"))
            out.append(
                {
                    "p": p,
                    "entries": entries,
                    "by_region": json.dumps(by_region, ensure_ascii=False, separators=(",", ":")),
                    "first_date": dates[0] if dates else "9999-12-31",
                    "steps": tools.effort_steps(p),
                    "effort": tools.effort_level(p),
                    "remedies": tools.remedies(p),
                }
            )
        return out

    def effort_label(self, row: dict) -> str:
        if row["effort"] == "none":
            return self.t["ov_effort_none"]
        steps = self.plural("ov_steps", row["steps"])
        return f"{self.t['ov_effort_' + row['effort']]}{self.t['lparen']}{steps}{self.t['rparen']}"

    def showing_template(self) -> str:
        """ "Showing {shown} of N platforms", its plural form chosen for N (the total never changes)."""
        total = len(self.guide.platforms)
        return self.plural("ov_showing", total).replace("{total}", str(total))

    def noinfo_templates(self) -> str:
        """JSON: for each possible count of platforms with no information, the show-button's label."""
        return json.dumps(
            {n: self.plural("ov_show_noinfo", n) for n in range(len(self.guide.platforms) + 1)}, ensure_ascii=False, separators=(",", ":")
        )

    def effort_bounds(self) -> dict:
        low, medium = (bound for bound, _ in tools.EFFORT_LEVELS)
        return {"low": low, "medium": medium}

    # plan
    def plan_regions(self) -> list[tuple[str, str]]:
        """The regions a plan is made for: the overview's filter, plus those with a law of their own (BR),
        before "rest of the world"."""
        codes = [c for c in self.guide.regions["filter"] if c != "OTHER"]
        codes += [c for c in tools.LAWS if c not in codes]
        codes += [c for c in self.guide.regions["filter"] if c == "OTHER"]
        return [(code, self.guide.region_name(code, self.v.lang)) for code in codes]

    def plan_json(self, site_url: str = "") -> str:
        """Everything the plan script needs, in this language, as JSON safe inside <script>."""
        v, guide = self.v, self.guide
        codes = [code for code, _ in self.plan_regions()]
        root = v.lang_root

        def where(platform: dict, item: dict) -> list[str]:
            return [code for code in codes if tools.applies(guide, platform, item, code)]

        platforms = []
        for p in guide.platforms.values():
            page = f"{root}platforms/{p['id']}/"
            events = []
            for key, _, e in tools.event_keys(p):
                if e["kind"] not in tools.CALENDAR_KINDS:
                    continue
                summary = (
                    v.t["feed_change"]
                    .replace("{platform}", v.tx(p["name"]))
                    .replace("{kind}", v.t["event_" + e["kind"]])
                    .replace("{regions}", v.regions(e["regions"]))
                )
                sources = "\n".join(p["sources"][k]["url"] for k in e["sources"])
                events.append(
                    {
                        "uid": exports.ics_uid(site_url, v.lang, key),
                        "date": e["date"],
                        "end": (parse(e["date"]) + dt.timedelta(days=1)).isoformat(),
                        "label": v.date(e["date"], e.get("precision", "day")),
                        "kind": e["kind"],
                        "kind_label": v.t["event_" + e["kind"]],
                        "summary": summary,
                        "text": exports._plain(v.tx(e["text"])),
                        "description": f"{exports._plain(v.tx(e['text']))}\n\n{sources}",
                        "stamp": p["last_verified"],
                        "regions": where(p, e),
                    }
                )
            stop = [
                {
                    "id": a["id"],
                    "name": v.tx(a["setting"]),
                    "url": a.get("url", ""),
                    "email": a.get("email", ""),
                    "page": f"{page}#stop-{a['id']}",
                    "regions": where(p, a),
                }
                for a in p["stop_future"]
            ]
            objects = [
                {
                    "id": a["id"],
                    "kind": a["kind"],
                    "kind_label": v.t["action_" + a["kind"]],
                    "name": v.tx(a["name"]),
                    "url": a.get("url", ""),
                    "email": a.get("email", ""),
                    "page": f"{page}#object-{a['id']}",
                    "letter": a["kind"] in tools.LETTER_KINDS,
                    "regions": where(p, a),
                }
                for a in p["object"]
            ]
            platforms.append(
                {
                    "id": p["id"],
                    "name": v.tx(p["name"]),
                    "page": page,
                    "known": sorted(tools.applicable(guide, p, codes)),
                    "events": events,
                    "stop": stop,
                    "object": objects,
                }
            )
        keys = (
            "pl_empty",
            "pl_dates",
            "pl_stop",
            "pl_object",
            "pl_calendar",
            "pl_no_dates",
            "pl_no_stop",
            "pl_no_object",
            "pl_no_info",
            "pl_letter",
            "pl_ics",
            "pl_ics_none",
            "pl_ics_name",
            "pl_copied",
            "colon",
            "list_sep",
            "direct_link",
            "write_to",
            "open_page",
            "on_page",
            "stop_future_use",
            "object_or_erase",
        )
        out = {
            "t": {k: v.t[k] for k in keys},
            "lang": v.lang,
            "regions": codes,
            "laws": tools.LAWS,
            "letters": f"{root}letters/",
            "prodid": f"-//{exports._host(site_url)}//AI Training Opt-Out Guide plan//{v.lang.upper()}",
            "platforms": platforms,
        }
        text = json.dumps(out, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        # Inside <script>, "</script" or "<!--" would end or change the element: no "<" at all.
        return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")

    # changes
    def changes(self, when: str) -> list[dict]:
        found = [c for c in tools.changes(self.guide) if c["when"] == when]
        # same-day changes in the language's name order (the data sorts them by English name)
        found.sort(key=lambda c: (c["event"]["date"], name_key(c["platform"]["name"][self.v.lang], self.v.lang)))
        return found if when == "upcoming" else list(reversed(found))

    # checklist
    def checklist(self) -> list[tuple[dict, list[dict]]]:
        return [(p, tools.checklist_items(p)) for p in self.guide.ordered(self.v.lang)]

    def checklist_total(self) -> int:
        return sum(len(items) for _, items in self.checklist())

    # letters and myths
    def _texts(self) -> dict:
        return texts.load(self.guide.root, self.guide.region_codes)

    def fields(self) -> dict:
        return self._texts()["letters"]["fields"]

    def letters(self) -> list[dict]:
        return self._texts()["letters"]["letters"]

    def targets(self, letter: dict) -> list[tuple[dict, list[dict]]]:
        """(platform, routes) under one law, in the page language's order (pinyin in Chinese);
        routes is empty where the data names none."""
        targets = tools.letter_targets(self.guide, letter)
        return sorted(targets, key=lambda t: name_key(t[0]["name"][self.v.lang], self.v.lang))

    def platform_letters(self) -> list[dict]:
        """The laws that apply to the page's platform (v.p)."""
        return [letter for letter in self.letters() if tools.letter_applies(self.guide, letter, self.v.p)]

    def letter_href(self, platform_id: str, law: str = "") -> str:
        """The letters page for a platform (and a law): letters/?platform=ID&law=LAW#letter, as a
        relative .md link that MkDocs resolves in the page's language."""
        query = urlencode({"platform": platform_id, **({"law": law} if law else {})})
        return f"{self.v.link('letters.md')}?{query}#letter"

    def short_name(self, platform: dict) -> str:
        return tools.short_name(self.v.tx(platform["name"]))

    def region_laws(self) -> str:
        """JSON {filter region: law id}, for the letters page to preselect the reader's law."""
        return json.dumps(tools.region_laws(self.guide, self.letters()), separators=(",", ":"))

    def parts(self, letter: dict) -> list[tuple[str, str]]:
        return texts.parts(letter["body"][self.v.lang])

    def letter_source(self, key: str) -> dict:
        return self._texts()["letters"]["sources"][key]

    def letter_cites(self, letter: dict, keys: list[str]) -> list[tuple[int, str, dict]]:
        """(number in the letter's source list, anchor, source) for each key a fact cites."""
        return [(letter["sources"].index(k) + 1, self.letter_anchor(letter, k), self.letter_source(k)) for k in keys]

    def letter_anchor(self, letter: dict, key: str) -> str:
        return f"lsrc-{letter['id']}-{key}"

    def myths(self) -> list[dict]:
        return self._texts()["myths"]["myths"]

    def myth_source(self, key: str) -> dict:
        return self._texts()["myths"]["sources"][key]

    def kind(self, kind: str) -> str:
        return self.t["lt_kind_law"] if kind == "law" else self.t["kind_" + kind]

    # open data
    def schema_version(self) -> str:
        return self.guide.schema["x-schema-version"]

    def platform_count(self) -> int:
        return len(self.guide.platforms)

    def lang_path(self) -> str:
        """The language's folder on the site: / for the default language, /zh/ for Chinese."""
        return "/" if self.v.lang == LANGS[0] else f"/{self.v.lang}/"

    def calendar_kinds(self) -> str:
        return self.t["list_sep"].join(self.t["event_" + k] for k in tools.CALENDAR_KINDS)

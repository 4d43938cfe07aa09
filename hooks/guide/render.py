"""Turning a marker into Markdown by calling a Jinja macro in overrides/partials/optout/.

Python prepares values (dates, region names, status, source numbers); the macros decide how
they look. The theme's Jinja has autoescape off, so macros print data text through `View.md`
(the documented Markdown subset) or their `plain` macro (no Markdown at all), never raw.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re

from . import freshness, sourcing, tools
from .data import LANGS, Guide, name_key
from .dates import long_date, month, parse
from .markers import Marker

# A code span as Python-Markdown reads it (never one that Markdown would not: no backslash before).
_CODE_SPAN = re.compile(r"(?<!\\)(`+)(.+?)(?<!`)\1(?!`)", re.S)


def _prose(text: str) -> str:
    """Outside code: HTML escaped, braces escaped (attr_list would read `{ onclick=... }` as
    attributes), pipes escaped (table cells), one line."""
    return html.escape(text).replace("{", "&#123;").replace("}", "&#125;").replace("|", "\\|").replace("\n", " ")


def markdown_text(text: str) -> str:
    """Data text as Markdown that can only produce the documented subset: emphasis, `code` and
    links (whose targets validation restricted to allowed https hosts). Inside code spans the text
    is left as written, because Markdown escapes it there itself (escaping twice would show
    `&amp;`); only pipes and line breaks are changed."""
    out, last = [], 0
    for match in _CODE_SPAN.finditer(text):
        out.append(_prose(text[last : match.start()]))
        out.append(match.group(0).replace("|", "\\|").replace("\n", " "))
        last = match.end()
    out.append(_prose(text[last:]))
    return "".join(out)


TEMPLATES = {
    "platforms": ("partials/optout/lists.html", "platforms"),
    "sourcing": ("partials/optout/lists.html", "sourcing"),
    "overview": ("partials/optout/tools.html", "overview"),
    "changes": ("partials/optout/tools.html", "changes"),
    "checklist": ("partials/optout/tools.html", "checklist"),
    "opendata": ("partials/optout/tools.html", "opendata"),
    "plan": ("partials/optout/plan.html", "plan"),
    "letters": ("partials/optout/texts.html", "letters"),
    "myths": ("partials/optout/texts.html", "myths"),
}
PLATFORM_TEMPLATE = "partials/optout/platform.html"
# Status values that have an interface string of their own (data/strings.yml).
TRISTATE = ("yes", "no", "unconfirmed", "none-found", "not-offered")


class View:
    """What a macro may ask about the data, in one language."""

    def __init__(self, guide: Guide, lang: str, platform: dict | None = None):
        self.guide = guide
        self.lang = lang
        self.p = platform
        self.t = guide.strings[lang]
        self.today = guide.today
        self._numbers = {key: n for n, key in enumerate(platform["sources"], 1)} if platform else {}

    # text
    def tx(self, text: dict) -> str:
        return text[self.lang]

    def md(self, text: str) -> str:
        return markdown_text(text)

    def date(self, value: str, precision: str = "day") -> str:
        return month(value, self.lang) if precision == "month" else long_date(value, self.lang)

    def zh_ui_unconfirmed(self, action: dict) -> bool:
        """On a Chinese page: does this action name interface labels no cited source shows in Chinese?
        Every setting does; a form or request only when it quotes a label (“...”)."""
        if self.lang != "zh" or action.get("zh_ui", "unconfirmed") == "confirmed":
            return False
        if "setting" in action or action.get("kind") == "setting":
            return True
        texts = [action["name"]["zh"], *(s["zh"] for s in action.get("steps", []))]
        return any("“" in t for t in texts)

    def regions(self, codes: list[str]) -> str:
        return self.t["list_sep"].join(self.guide.region_name(c, self.lang) for c in codes)

    def row_regions(self, row: dict) -> str:
        """A region row's regions, with the regions it leaves out and the plans it covers."""
        label = self.regions(row["regions"])
        if row.get("except"):
            label = self.t["regions_except"].replace("{regions}", label).replace("{except}", self.regions(row["except"]))
        if row.get("plans"):
            label = self.t["for_plans"].replace("{regions}", label).replace("{plans}", self.tx(row["plans"]))
        return label

    def confirmed(self, refs: list[str]) -> bool:
        """At least one cited source is the platform's own, a regulator's, a court's or an archive of one."""
        return sourcing.confirmed(self.p, refs)

    def tri(self, value: str) -> str:
        return self.t[value] if value in TRISTATE else value

    # status at build time
    def in_effect(self, value: str) -> bool:
        return parse(value) <= self.today

    def status_templates(self) -> tuple[str, str]:
        return self.t["in_effect_since"], self.t["takes_effect_on"]

    # sources
    def number(self, key: str) -> int:
        return self._numbers[key]

    def anchor(self, key: str) -> str:
        return f"src-{self.p['id']}-{key}"

    def source(self, key: str) -> dict:
        return self.p["sources"][key]

    def sources(self) -> list[tuple[int, str, dict]]:
        return [(self._numbers[k], k, s) for k, s in self.p["sources"].items()]

    def link(self, target: str) -> str:
        """A relative .md link from the page being rendered, so MkDocs validates it."""
        return posixpath.relpath(target, self.page_dir)

    page_dir = "."
    # Relative prefixes from the page to the site root and to its language's root, for links to files
    # that are not pages (/api/, /feeds/), which MkDocs does not resolve.
    site_root = ""
    lang_root = ""
    site_url = ""  # config.site_url (the plan's calendar UIDs are the feed's, which name its host)

    @property
    def tools(self):
        from .toolsview import Tools  # the reader tools' helpers, only needed on their pages

        return Tools(self)

    def overall(self, platform: dict, key: str) -> str:
        """One value for all regions of a platform, or "varies by region"."""
        values = {r[key] for r in platform["regions"]}
        return self.tri(values.pop()) if len(values) == 1 else self.t["varies"]

    def missing_regions(self) -> list[str]:
        """Regions of the overview's filter that no region row of the platform covers (see tools.applicable)."""
        found = tools.applicable(self.guide, self.p)
        return [code for code in self.guide.regions["filter"] if code not in found]

    def sourcing(self) -> tuple[list[tuple[dict, sourcing.Share]], sourcing.Share]:
        """Each platform's share of confirmed key facts, weakest first, and the share over all."""
        rows = sorted(((p, sourcing.share(p)) for p in self.all_platforms()), key=lambda row: (row[1].percent, row[0]["id"]))
        return rows, sourcing.overall(self.all_platforms())

    def all_platforms(self) -> list[dict]:
        return self.guide.ordered(self.lang)

    def name_key(self, platform: dict) -> str:
        return name_key(platform["name"][self.lang], self.lang)

    def sorted_timeline(self) -> list[dict]:
        return sorted(self.p["timeline"], key=lambda e: e["date"])

    def is_future(self, value: str) -> bool:
        return parse(value) > self.today

    def iso(self, value: dt.date) -> str:
        return value.isoformat()

    def stale_after(self) -> int:
        return freshness.STALE_AFTER_DAYS


class Renderer:
    """Compiled macro modules for one language build.

    MkDocs' Theme.get_env() returns a new Jinja environment on every call, so calling it per page
    would compile the partials again for every page (most of the build's time); one per build.
    """

    def __init__(self, env):
        self.env = env
        self._modules: dict[str, object] = {}

    def module(self, template: str):
        if template not in self._modules:
            self._modules[template] = self.env.get_template(template).module
        return self._modules[template]


def render(renderer: Renderer, guide: Guide, lang: str, marker: Marker, page_src: str, page_url: str = "", site_url: str = "") -> str:
    """The Markdown that replaces one marker on a page whose source path is page_src (URL page_url)."""
    platform = guide.platforms[marker.platform] if marker.platform else None
    view = View(guide, lang, platform)
    view.page_dir = posixpath.dirname(page_src) or "."
    view.site_root = "../" * page_url.count("/")
    view.lang_root = view.site_root + ("" if lang == LANGS[0] else lang + "/")
    view.site_url = site_url or ""
    if marker.kind in TEMPLATES:
        template, macro = TEMPLATES[marker.kind]
    else:
        template, macro = PLATFORM_TEMPLATE, marker.kind
    module = renderer.module(template)
    return str(getattr(module, macro)(view)).strip("\n")


def note(env, guide: Guide, lang: str, platform: dict, page_src: str, macro: str) -> str:
    """The Markdown of one platform macro that no marker asks for (e.g. the staleness note)."""
    view = View(guide, lang, platform)
    view.page_dir = posixpath.dirname(page_src) or "."
    return str(getattr(env.get_template(PLATFORM_TEMPLATE).module, macro)(view)).strip("\n")

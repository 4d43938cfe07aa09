"""Checks the JSON Schema cannot express: references, regions, dates, links and text.

Each check yields (path, problem) pairs; data.py turns the first into `file:line: field: problem`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator
from urllib.parse import SplitResult, urlsplit

Problem = tuple[tuple, str]
DOMAIN = re.compile(r"([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}")  # as in the schema's `domains`

# Markdown allowed in data text: emphasis, inline code and [links](https://allowed.host/...).
# Anything else that Markdown or the browser would turn into markup is refused, with the fix.
_HTML = re.compile(r"<\s*[A-Za-z!/?]|&#|&[a-zA-Z]+;")
_LINK_TARGET = re.compile(r"\]\s*\(\s*<?((?:[^()\s>]|\([^()\s]*\))*)")  # after any "](", however the label nests brackets
_AUTOLINK = re.compile(r"<(?:[a-z][a-z0-9+.-]*):", re.I)
_BAD_SCHEME = re.compile(r"\b(?:javascript|vbscript)\s*:", re.I)  # "data:" is ordinary prose ("Profile data:")
_FOLDED_ZH = re.compile(r"[，。；：！？、] | [，。；：！？、）]")
_REF_LINK = re.compile(r"^\s*\[[^\]]+\]:\s*\S", re.M)
_BRACES = re.compile(r"[{}]")  # attr_list turns "*x*{ onclick=... }" into an attribute
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")  # {date} in interface strings, filled in by the macros
# Bidirectional controls (Trojan Source) and other invisible format characters that disguise text.
_INVISIBLE = re.compile("[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
# Characters a URL may contain (RFC 3986) minus the brackets Markdown would read as link syntax.
_URL_CHARS = re.compile(r"[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]*")


def split_url(url: str) -> SplitResult | None:
    """urlsplit, or None for what it cannot parse (it raises on a stray '[' or ']' in the host)."""
    try:
        parts = urlsplit(url)
        parts.hostname  # noqa: B018 - parsed lazily; this is where it raises
        return parts
    except ValueError:
        return None


def host_of(url: str) -> str:
    parts = split_url(url)
    return ((parts and parts.hostname) or "").lower()


def host_allowed(host: str, domains: list[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def check_url(url: str, path: tuple, domains: list[str] | None, allowed: str = "this platform's domains") -> Iterator[Problem]:
    """An https link with a plain ASCII host, no credentials, and (for actions) an allowed host."""
    parts = split_url(url)
    if parts is None:
        yield path, f"'{url:.80}' is not a valid link; copy the address from the browser's address bar"
        return
    if parts.scheme != "https":
        yield path, f"'{url:.80}' must be an https:// link"
        return
    if parts.username or parts.password or "@" in parts.netloc:
        yield path, f"'{url:.80}' contains credentials (user@host); link to the page itself"
        return
    host = (parts.hostname or "").lower()
    if not host or not re.fullmatch(r"[a-z0-9.-]+", host) or ".." in host:
        yield path, f"'{url:.80}' has a host with characters outside a-z, 0-9, '.' and '-' (look-alike letters are not allowed)"
        return
    bad = _URL_CHARS.sub("", url)
    if bad:
        yield (
            path,
            f"'{url:.80}' contains {bad[0]!r}; percent-encode it (e.g. a space as %20) or copy the address from the browser's address bar",
        )
        return
    if not _balanced(url):
        yield path, f"'{url:.80}' has unbalanced parentheses; percent-encode them as %28 and %29"
        return
    if any(label.startswith("xn--") for label in host.split(".")) and not (domains and host_allowed(host, domains)):
        yield path, f"'{url:.80}' uses an internationalized (punycode) host; use the platform's plain host"
        return
    if domains is not None and not host_allowed(host, domains):
        yield (
            path,
            f"'{url:.80}' points outside {allowed} ({', '.join(domains)}); add the domain to `domains` only if the platform really owns it",
        )


def check_plain(value: str, path: tuple, placeholders: bool = False) -> Iterator[Problem]:
    """One-line text shown as is (titles, publishers, interface strings): no markup, no links."""
    if _INVISIBLE.search(value):
        char = _INVISIBLE.search(value).group(0)
        yield path, f"contains the invisible control character U+{ord(char):04X}; delete it (retype the text if unsure where it is)"
    elif _HTML.search(value) or _AUTOLINK.search(value):
        yield path, "raw HTML is not allowed here; write plain text"
    elif "](" in value.replace(" ", "") or "![" in value:
        yield path, "Markdown links and images are not allowed here; write plain text"
    elif _BRACES.search(_PLACEHOLDER.sub("", value) if placeholders else value):
        yield path, "curly braces { } are not allowed in text (Markdown reads them as attributes); use ( ) instead"
    elif _BAD_SCHEME.search(value):
        yield path, "javascript: and vbscript: are not allowed in text"


def check_text(value: str, path: tuple, link_hosts: list[str]) -> Iterator[Problem]:
    """Text may use emphasis, inline code and https links to allowed hosts; no HTML."""
    if _INVISIBLE.search(value):
        char = _INVISIBLE.search(value).group(0)
        yield path, f"contains the invisible control character U+{ord(char):04X}; delete it (retype the text if unsure where it is)"
        return
    if _HTML.search(value) or _AUTOLINK.search(value):
        yield path, "raw HTML is not allowed in text; write plain text (Markdown emphasis, `code` and [links](https://...) only)"
        return
    if _REF_LINK.search(value):
        yield path, "reference-style Markdown links are not allowed; write [text](https://...)"
        return
    if path and path[-1] == "zh" and _FOLDED_ZH.search(value):
        yield path, "Chinese text has a space beside Chinese punctuation, usually from a YAML line break; write Chinese text on one line"
        return
    if "![" in value:
        yield path, "images are not allowed in text"
        return
    if _BRACES.search(value):
        yield path, "curly braces { } are not allowed in text (Markdown reads them as attributes); use ( ) instead"
        return
    for match in _LINK_TARGET.finditer(value):
        target = match.group(1)
        if not target.lower().startswith("https://"):
            yield path, f"link '{target:.80}' must be an https:// link"
            return
        for problem in check_url(target, path, link_hosts, "the platform's domains and its sources' hosts"):
            yield problem
            return
    if _BAD_SCHEME.search(value):
        yield path, "javascript: and vbscript: are not allowed in text"


def walk_texts(data: object, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every {en, zh} string in the document, with its path."""
    if isinstance(data, dict):
        if set(data) == {"en", "zh"} and all(isinstance(v, str) for v in data.values()):
            for lang in ("en", "zh"):
                yield path + (lang,), data[lang]
            return
        for key, value in data.items():
            if key != "sources" or path:  # the top-level source registry has no {en, zh} text
                yield from walk_texts(value, path + (key,))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from walk_texts(item, path + (index,))


def walk_refs(data: object, path: tuple = ()) -> Iterator[tuple[tuple, list]]:
    """Every `sources: [id, ...]` list of references (not the top-level registry)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "sources" and isinstance(value, list):
                yield path + (key,), value
            elif path or key != "sources":
                yield from walk_refs(value, path + (key,))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from walk_refs(item, path + (index,))


def walk_regions(data: object, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "regions" and isinstance(value, list) and all(isinstance(v, str) for v in value):
                for index, code in enumerate(value):
                    yield path + (key, index), code
            else:
                yield from walk_regions(value, path + (key,))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from walk_regions(item, path + (index,))


TODO = re.compile(r"\bTODO\b|todo\.invalid")  # what scripts/new_platform.py leaves for a contributor to fill


def todos(data: object, path: tuple = ()) -> Iterator[Problem]:
    """Every value (or list item) of a scaffolded file that still says TODO."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from todos(value, path + (key,))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from todos(item, path + (index,))
    elif isinstance(data, str) and TODO.search(data):
        yield path, "still says TODO; fill it in (with a source), or remove the entry"


def semantic(data: dict, stem: str, known_regions: set[str], today: dt.date, denylist: dict[str, str] | None = None) -> Iterator[Problem]:
    """All checks beyond the schema, in document order of importance. `denylist`: host -> why
    (data/source_denylist.yml), hosts no source may be on. A file with TODOs left gets those only."""
    unfinished = list(todos(data))
    if unfinished:
        yield from unfinished
        return
    if data["id"] != stem:
        yield (
            ("id",),
            f"id '{data['id']}' must equal the file name '{stem}': rename the file to {data['id']}.yml or change the id to {stem}",
        )
    if dt.date.fromisoformat(data["last_verified"]) > today:
        yield ("last_verified",), f"{data['last_verified']} is in the future (build date {today.isoformat()}); use the day you checked"
    if not data["stop_future"] and not data["object"] and not data.get("alternatives"):
        yield ("alternatives",), "with no stop_future and no object action, give `alternatives`: what a person can do instead"
    for path, code in walk_regions(data):
        if code not in known_regions:
            hint = (
                "the United Kingdom is GB"
                if code == "UK"
                else "use an ISO 3166-1 alpha-2 code (e.g. DE) or a group from data/regions.yml (e.g. EU)"
            )
            yield path, f"unknown region '{code}'; {hint}"
    registry = data["sources"]
    meant: set[str] = set()  # sources a misspelt reference was probably meant for
    for path, refs in walk_refs(data):
        for index, ref in enumerate(refs):
            if ref not in registry:
                close = difflib.get_close_matches(ref, list(registry), n=1)
                meant.update(close)
                hint = f"did you mean '{close[0]}'?" if close else "define it under `sources:`"
                yield path + (index,), f"unknown source '{ref}'; {hint}"
    used = {ref for _, refs in walk_refs(data) for ref in refs} | meant
    for key in registry:
        if key not in used:
            yield ("sources", key), f"source '{key}' is cited nowhere; cite it or remove it"
    domains = data["domains"]
    yield from check_url(data["homepage"], ("homepage",), domains)
    for index, row in enumerate(data["regions"]):
        if "except" in row and not set(row["regions"]) & {"WORLD", "OTHER"}:
            yield (
                ("regions", index, "except"),
                "`except` is only for a row of WORLD or OTHER (everywhere except ...); list the regions instead",
            )
    for group in ("stop_future", "object"):
        for index, action in enumerate(data[group]):
            if "url" in action:
                yield from check_url(action["url"], (group, index, "url"), domains)
            if "email" in action and not host_allowed(action["email"].rsplit("@", 1)[1], domains):
                yield (group, index, "email"), f"'{action['email']}' is not at one of this platform's domains ({', '.join(domains)})"
    for group in ("stop_future", "object"):
        seen: set[str] = set()
        for index, action in enumerate(data[group]):
            if action["id"] in seen:  # the id is the action's anchor on the page
                yield (group, index, "id"), f"duplicate id '{action['id']}' in {group}; give each entry its own id"
            seen.add(action["id"])
    yield from check_zh_labels(data)
    for key, source in registry.items():
        yield from check_url(source["url"], ("sources", key, "url"), None)
        for part in ("url", "archived"):
            host = host_of(source.get(part, ""))
            banned = next((d for d in denylist or {} if host_allowed(host, [d])), None)
            if banned:
                yield (
                    ("sources", key, part),
                    (
                        f"'{host}' is on data/source_denylist.yml ({denylist[banned]}); cite the original publisher "
                        "(the platform, a regulator, a court, the newspaper that reported it) or mark the fact unconfirmed"
                    ),
                )
        yield from check_plain(source["title"], ("sources", key, "title"))
        yield from check_plain(source["publisher"], ("sources", key, "publisher"))
        if "archived" in source:
            yield from check_url(source["archived"], ("sources", key, "archived"), None)
    link_hosts = list(domains) + sorted({host_of(s["url"]) for s in registry.values()} - set(domains))
    for path, value in walk_texts(data):
        yield from check_text(value, path, link_hosts)


_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'-]+")
_NOT_A_LABEL = {"ai"}
_QUOTED_HAN = re.compile(r"[\"“]([\u4e00-\u9fff][^\"”]*)[\"”]")


def check_zh_labels(data: dict) -> Iterator[Problem]:
    """A setting whose Chinese interface no cited source shows (zh_ui not "confirmed") keeps the
    interface's own label in its Chinese name: “English label”（中文译名）. Its English name gives that
    label: its Latin words, or the Chinese label it quotes when the interface is Chinese only."""
    named = [("stop_future", i, "setting", a) for i, a in enumerate(data["stop_future"])]
    named += [("object", i, "name", a) for i, a in enumerate(data["object"]) if a["kind"] == "setting"]
    for group, index, key, action in named:
        if action.get("zh_ui", "unconfirmed") == "confirmed":
            continue
        en, zh = action[key]["en"], action[key]["zh"]
        # "AI" appears in Chinese text anyway (生成式 AI), so it does not show that the label is there
        labels = [w.casefold() for w in _LATIN_WORD.findall(en) if w.casefold() not in _NOT_A_LABEL] + _QUOTED_HAN.findall(en)
        zh_words = {w.casefold() for w in _LATIN_WORD.findall(zh)}
        if labels and not any(label in zh_words or (not label.isascii() and label in zh) for label in labels):
            yield (
                (group, index, key, "zh"),
                (
                    f"'{zh:.60}' does not show the interface's label '{en:.60}', and zh_ui is not confirmed; "
                    f"write “English label”（中文译名）, or set `zh_ui: confirmed` if a cited source shows the Chinese interface"
                ),
            )

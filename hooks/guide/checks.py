"""Checks the JSON Schema cannot express: references, regions, dates, links and text.

Each check yields (path, problem) pairs; data.py turns the first into `file:line: field: problem`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

Problem = tuple[tuple, str]

# Markdown allowed in data text: emphasis, inline code and [links](https://allowed.host/...).
_HTML = re.compile(r"<\s*[A-Za-z!/?]|&#|&[a-zA-Z]+;")
_MD_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]*)")
_AUTOLINK = re.compile(r"<(?:[a-z][a-z0-9+.-]*):", re.I)
_BAD_SCHEME = re.compile(r"\b(?:javascript|vbscript)\s*:", re.I)  # "data:" is ordinary prose ("Profile data:")
_FOLDED_ZH = re.compile(r"[，。；：！？、] | [，。；：！？、）]")
_REF_LINK = re.compile(r"^\s*\[[^\]]+\]:\s*\S", re.M)


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def host_allowed(host: str, domains: list[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def check_url(url: str, path: tuple, domains: list[str] | None) -> Iterator[Problem]:
    """An https link with a plain ASCII host, no credentials, and (for actions) an allowed host."""
    parts = urlsplit(url)
    if parts.scheme != "https":
        yield path, f"'{url}' must be an https:// link"
        return
    if parts.username or parts.password or "@" in parts.netloc:
        yield path, f"'{url}' contains credentials (user@host); link to the page itself"
        return
    host = (parts.hostname or "").lower()
    if not host or not re.fullmatch(r"[a-z0-9.-]+", host) or ".." in host:
        yield path, f"'{url}' has a host with characters outside a-z, 0-9, '.' and '-' (look-alike letters are not allowed)"
        return
    if any(label.startswith("xn--") for label in host.split(".")) and not (domains and host_allowed(host, domains)):
        yield path, f"'{url}' uses an internationalized (punycode) host; use the platform's plain host"
        return
    if domains is not None and not host_allowed(host, domains):
        yield path, f"'{url}' points outside this platform's domains {domains}; add the domain to `domains` only if the platform really owns it"


def check_text(value: str, path: tuple, link_hosts: list[str]) -> Iterator[Problem]:
    """Text may use emphasis, inline code and https links to allowed hosts; no HTML."""
    if _HTML.search(value) or _AUTOLINK.search(value):
        yield path, "raw HTML is not allowed in text; write plain text (Markdown emphasis, `code` and [links](https://...) only)"
        return
    if _REF_LINK.search(value):
        yield path, "reference-style Markdown links are not allowed; write [text](https://...)"
        return
    if path and path[-1] == "zh" and _FOLDED_ZH.search(value):
        yield path, "Chinese text has a space beside Chinese punctuation, usually from a YAML line break; write Chinese text on one line"
        return
    for match in _MD_LINK.finditer(value):
        if match.group(0).startswith("!"):
            yield path, "images are not allowed in text"
            return
        target = match.group(1)
        if not target.lower().startswith("https://"):
            yield path, f"link '{target}' must be an https:// link"
            return
        for problem in check_url(target, path, link_hosts):
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


def semantic(data: dict, stem: str, known_regions: set[str], today: dt.date) -> Iterator[Problem]:
    """All checks beyond the schema, in document order of importance."""
    if data["id"] != stem:
        yield ("id",), f"id '{data['id']}' must equal the file name '{stem}'"
    if dt.date.fromisoformat(data["last_verified"]) > today:
        yield ("last_verified",), f"{data['last_verified']} is in the future (build date {today.isoformat()}); use the day you checked"
    for path, code in walk_regions(data):
        if code not in known_regions:
            yield path, f"unknown region '{code}'; use an ISO 3166-1 alpha-2 code or a group from data/regions.yml"
    registry = data["sources"]
    for path, refs in walk_refs(data):
        for index, ref in enumerate(refs):
            if ref not in registry:
                yield path + (index,), f"unknown source '{ref}'; define it under `sources:`"
    used = {ref for _, refs in walk_refs(data) for ref in refs}
    for key in registry:
        if key not in used:
            yield ("sources", key), f"source '{key}' is cited nowhere; cite it or remove it"
    domains = data["domains"]
    yield from check_url(data["homepage"], ("homepage",), domains)
    for group in ("stop_future", "object"):
        for index, action in enumerate(data[group]):
            if "url" in action:
                yield from check_url(action["url"], (group, index, "url"), domains)
            if "email" in action and not host_allowed(action["email"].rsplit("@", 1)[1], domains):
                yield (group, index, "email"), f"'{action['email']}' is not at one of this platform's domains {domains}"
    for key, source in registry.items():
        yield from check_url(source["url"], ("sources", key, "url"), None)
        if "archived" in source:
            yield from check_url(source["archived"], ("sources", key, "archived"), None)
    link_hosts = list(domains) + sorted({host_of(s["url"]) for s in registry.values()})
    for path, value in walk_texts(data):
        yield from check_text(value, path, link_hosts)
    if not data["stop_future"] and not data["object"] and not data.get("alternatives"):
        yield ("alternatives",), "with no stop_future and no object action, give `alternatives`: what a person can do instead"

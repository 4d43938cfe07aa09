"""Checks of page prose in docs/: links and HTML that a reviewer could miss in a pull request.

Run before anything is built (hooks/validate.py), so a bad page stops the build with `page:line`:
- every link is relative, mailto:, or https:// to an allowed host (a platform's domain, a source's
  host, or data/links.yml `prose_hosts`); never javascript:, data:, vbscript:, file: or http://;
- a relative link to a page or file points at one that exists in the same language;
- no raw <script>, <iframe>, <object>, <embed>, <style>, <base>, <meta> or <link>, and no on...=
  event attributes (the Content-Security-Policy would block most of them anyway: fail early).
Code (fenced blocks and `inline code`) is skipped: it is shown, not followed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

from .checks import host_allowed, host_of, split_url

_FENCE = re.compile(r"^[ \t]*(?P<fence>```+|~~~+).*?^[ \t]*(?P=fence)[ \t]*$", re.M | re.S)
# A code span never crosses a blank line (a paragraph): a stray backtick must not hide the rest.
_CODE = re.compile(r"(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TODO = re.compile(r"\bTODO\b")
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\r?\n.*?\r?\n(?:\.{3}|-{3})[ \t]*\r?\n", re.S)
_TARGETS = [
    re.compile(r"\]\(\s*<?(?P<url>[^)\s>]+)"),  # [text](url), ![alt](url)
    re.compile(r"^\s{0,3}\[(?!\^)[^\]]+\]:\s*<?(?P<url>[^\s>]+)", re.M),  # [ref]: url (not a footnote)
    re.compile(r"<(?P<url>[a-z][a-z0-9+.-]*:[^>\s]*)>", re.I),  # <https://...>
    re.compile(
        r"""<[a-z][^>]*?\s(?:href|src|action|formaction|poster|data|srcset|xlink:href)\s*=\s*["']?(?P<url>[^"'\s>]+)""", re.I | re.S
    ),
]
_DANGEROUS_TAG = re.compile(r"<\s*(script|iframe|frame|object|embed|style|base|meta|link)\b", re.I)
_EVENT_ATTR = re.compile(r"<[a-z][^>]*?\son[a-z]+\s*=", re.I | re.S)


def allowed_hosts(guide, texts: dict | None = None) -> list[str]:
    """Hosts prose may link to: platforms' domains, sources' hosts (and archives), data/links.yml,
    and the hosts of the sources of data/letters.yml and data/myths.yml (`texts`, from guide.texts.load)."""
    hosts = set(guide.prose_hosts)
    for doc in (texts or {}).values():
        for source in doc.get("sources", {}).values():
            hosts.add(host_of(source["url"]))
    for platform in guide.platforms.values():
        hosts.update(platform["domains"])
        for source in platform["sources"].values():
            hosts.update(host_of(source[key]) for key in ("url", "archived") if key in source)
    return sorted(hosts)


def _blank(match: re.Match) -> str:
    """Code replaced by spaces, keeping line breaks so line numbers stay right."""
    return re.sub(r"[^\n]", " ", match.group(0))


def check_page(text: str, page: Path, lang_dir: Path, hosts: list[str]) -> Iterator[tuple[int, str]]:
    """(line, problem) for every bad link or element in one page's Markdown."""
    text = _FRONT_MATTER.sub(_blank, text, count=1)  # not Markdown; checked by guide.frontmatter
    text = _COMMENT.sub(_blank, _CODE.sub(_blank, _FENCE.sub(_blank, text)))
    line = lambda pos: text.count("\n", 0, pos) + 1  # noqa: E731
    for match in _DANGEROUS_TAG.finditer(text):
        yield line(match.start()), f"<{match.group(1).lower()}> is not allowed in pages; write Markdown"
    for match in _EVENT_ATTR.finditer(text):
        yield line(match.start()), "event attributes (onclick=, onerror=, ...) are not allowed in pages"
    for pattern in _TARGETS:
        for match in pattern.finditer(text):
            problem = check_target(match.group("url"), page, lang_dir, hosts)
            if problem:
                yield line(match.start("url")), problem


def todos(text: str) -> Iterator[tuple[int, str]]:
    """(line, problem) for every TODO left in a page's front matter or prose (not in code or comments)."""
    text = _COMMENT.sub(_blank, _CODE.sub(_blank, _FENCE.sub(_blank, text)))
    for match in _TODO.finditer(text):
        yield text.count("\n", 0, match.start()) + 1, "still says TODO; write it (scripts/new_platform.py left it to fill in)"


def check_target(url: str, page: Path, lang_dir: Path, hosts: list[str]) -> str | None:
    """What is wrong with one link target of a page, or None."""
    cleaned = re.sub(r"[\x00-\x20]", "", url)  # browsers ignore these inside a scheme ("java\tscript:")
    parts = split_url(cleaned)
    if parts is None:
        return f"link '{url:.80}' is not a valid address; check it"
    scheme = parts.scheme.lower()
    if scheme in ("mailto",):
        return None
    if scheme == "http":
        return f"link '{url:.80}' must be https://"
    if scheme and scheme != "https":
        return f"link '{url:.80}' uses the '{scheme}:' scheme; link to an https:// page instead"
    if cleaned.startswith("//"):
        return f"link '{url:.80}' has no scheme; write https://"
    if scheme == "https":
        host = (parts.hostname or "").lower()
        if parts.username or parts.password:
            return f"link '{url:.80}' contains credentials (user@host); link to the page itself"
        if not re.fullmatch(r"[a-z0-9.-]+", host) or any(label.startswith("xn--") for label in host.split(".")):
            return f"link '{url:.80}' has a look-alike or internationalized host; use the site's plain host"
        if not host_allowed(host, hosts):
            return (
                f"link to '{host}' is not an allowed host; link to a platform's or a source's site, "
                "or add the host to data/links.yml `prose_hosts` if it is trustworthy"
            )
        return None
    if parts.path and not parts.path.startswith("/"):
        target = (page.parent / unquote(parts.path)).resolve()
        if not target.exists() or not target.is_relative_to(lang_dir.resolve()):
            return f"link '{url:.80}' points at a file that does not exist in {lang_dir.name}/; check the path"
    return None

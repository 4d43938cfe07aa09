"""What search engines and feed readers are told about each page: its language twins as absolute
URLs (with x-default), the day its content last changed, robots.txt, and a sitemap per language.

A page's "last changed" day comes from its content, not from the build: a platform page's
last_verified (the facts it shows), otherwise the day git last changed the page's source file, and
the build date only when git does not know the file (a fresh, uncommitted page).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from .data import LANGS, Guide
from .languages import tag

_PLATFORM_PAGE = re.compile(r"platforms/(?P<id>[a-z0-9-]+)\.md")
_URL = re.compile(r"<url>.*?</url>", re.S)


def neutral(src_uri: str) -> str:
    """A page's path without its language folder: en/platforms/x.md -> platforms/x.md."""
    first, slash, rest = src_uri.partition("/")
    return rest if first in LANGS and slash else src_uri


def lang_prefix(lang: str) -> str:
    """The folder of a language's pages under the site root ("" for the default language)."""
    return "" if lang == LANGS[0] else lang + "/"


def page_url(site_url: str, lang: str, url: str) -> str:
    """The absolute address of a page (its URL in the default language's terms) in `lang`."""
    url = neutral(url)  # without the build language's folder
    url = "" if url in ("", "./", ".") else url
    return site_url + lang_prefix(lang) + url


def alternates(site_url: str, url: str, langs: list[str]) -> list[tuple[str, str]]:
    """(hreflang, absolute href) for every built language, then x-default (the default language)."""
    hrefs = [(tag(lang), page_url(site_url, lang, url)) for lang in langs]  # zh-Hans
    return hrefs + [("x-default", page_url(site_url, LANGS[0], url))]


def git_days(root: Path) -> dict[str, str]:
    """docs/ path -> the day of the last commit that touched it (one git call for all pages)."""
    try:
        out = subprocess.run(
            ["git", "log", "--format=@%cs", "--name-only", "--", "docs"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    days: dict[str, str] = {}
    day = ""
    for line in out.splitlines():
        if line.startswith("@"):
            day = line[1:]
        elif line and line not in days:  # newest first: keep the first day seen
            days[line] = day
    return days


def last_changed(source: str, guide: Guide, days: dict[str, str]) -> str:
    """The day a page's content last changed; `source` is its path in the repository (docs/zh/x.md)."""
    match = _PLATFORM_PAGE.fullmatch(neutral(source.removeprefix("docs/")))
    platform = guide.platforms.get(match.group("id")) if match else None
    if platform:
        return platform["last_verified"]
    return days.get(source, guide.today.isoformat())


def robots(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url}sitemap.xml\n"


def dated_sitemap(sitemap: str, lastmod: dict[str, str], site_url: str) -> str:
    """The sitemap with each page's <lastmod> from `lastmod` (absolute URL -> day) and an x-default
    alternate (the default language's page) beside the languages' own."""

    def fix(match: re.Match) -> str:
        url = match.group(0)
        loc = re.search(r"<loc>(.*?)</loc>", url).group(1)
        if loc in lastmod:
            url = re.sub(r"<lastmod>.*?</lastmod>", f"<lastmod>{lastmod[loc]}</lastmod>", url)
        default = re.search(rf'hreflang="{LANGS[0]}" href="([^"]*)"', url)
        if default and "x-default" not in url:
            url = url.replace("</url>", f'    <xhtml:link rel="alternate" hreflang="x-default" href="{default.group(1)}"/>\n    </url>')
        return url

    return _URL.sub(fix, sitemap)


def language_sitemap(sitemap: str, site_url: str, lang: str) -> str:
    """The site-wide sitemap cut down to one language's pages: a sitemap may only list URLs under
    its own folder, and the theme asks for one next to the language's root."""
    prefix = site_url + lang + "/"
    kept = [u for u in _URL.findall(sitemap) if re.search(r"<loc>" + re.escape(prefix), u)]
    head = sitemap[: sitemap.index("<url>")]
    return head + "\n    ".join(kept) + "\n</urlset>\n"

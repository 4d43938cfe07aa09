"""Write site/_headers: a strict Content-Security-Policy for static hosts (Netlify, Cloudflare Pages).

The policy allows nothing but the site itself: scripts, styles, fonts, images, the search worker
and its index all come from 'self'. Material's pages carry small inline scripts (reading saved
palette and tab choices before the page paints); they are allowed by their SHA-256 hashes, which
this hook computes from the built pages, so a script that the build did not produce does not run.
<script type="application/json"> (Material's __config) is data, never executed, and needs no hash.
Runs after every language is built (after the i18n plugin's on_post_build).
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from guide import languages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

HEADERS_FILE = "_headers"
_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.S | re.I)
_NOT_EXECUTED = re.compile(r"""\btype\s*=\s*["']?application/(?:ld\+)?json""", re.I)


def inline_script_hashes(html: str) -> set[str]:
    """CSP source expressions ('sha256-...') for every inline script a browser would execute."""
    hashes = set()
    for match in _SCRIPT.finditer(html):
        if re.search(r"\bsrc\s*=", match.group("attrs"), re.I) or _NOT_EXECUTED.search(match.group("attrs")):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return hashes


def policy(hashes: set[str]) -> str:
    directives = [
        "default-src 'self'",
        "script-src 'self' " + " ".join(sorted(hashes)),
        "style-src 'self'",
        "img-src 'self' data:",  # Material's icons are data: SVGs inside its stylesheet
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
    return "; ".join(d.strip() for d in directives)


# Features no page uses; the letters' copy buttons need clipboard-write, which stays allowed.
PERMISSIONS = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()"
)
# The theme's files whose names carry a hash of their content: a new version gets a new name.
_HASHED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:css|js)(?:\.map)?$")
# Data that changes with every content update: an hour, so feed readers and apps see changes soon.
DATA_PATHS = ("/api/*", "/feeds/*", "/zh/feeds/*", "/search/*", "/zh/search/*")
DATA_CACHE = "public, max-age=3600"
IMMUTABLE = "public, max-age=31536000, immutable"


def headers(site: Path) -> str:
    """The _headers file for a built site folder (sorted, so builds are reproducible).

    Netlify and Cloudflare Pages join the values of a header that several matching rules set, so
    no two rules here set the same header for one path: Cache-Control is set for the hashed theme
    files (exact paths) and the data folders only. HTML keeps the hosts' default
    (`public, max-age=0, must-revalidate`: always revalidated), which is what pages want.
    """
    hashes: set[str] = set()
    for page in sorted(site.rglob("*.html")):
        hashes |= inline_script_hashes(page.read_text(encoding="utf-8"))
    out = [
        "# Written by hooks/csp.py at build time; read by static hosts (Netlify, Cloudflare Pages).",
        "/*",
        f"  Content-Security-Policy: {policy(hashes)}",
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: no-referrer",
        f"  Permissions-Policy: {PERMISSIONS}",
    ]
    hashed = sorted(p.relative_to(site).as_posix() for p in (site / "assets").rglob("*") if _HASHED.search(p.name))
    for path in hashed:
        out += [f"/{path}", f"  Cache-Control: {IMMUTABLE}"]
    for path in DATA_PATHS:
        out += [path, f"  Cache-Control: {DATA_CACHE}"]
    return "\n".join(out) + "\n"


@event_priority(-200)  # after mkdocs-static-i18n's on_post_build (-100), which builds the other languages
def on_post_build(config: MkDocsConfig) -> None:
    if not languages.outer_build(config):
        return  # an inner build of another language; the outer build writes the file once, at the end
    site = Path(config.site_dir)
    (site / HEADERS_FILE).write_text(headers(site), encoding="utf-8")

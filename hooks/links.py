"""External links: rel="noopener noreferrer" on every one, and no link with a dangerous scheme.

Runs on every finished page (on_post_page) and on 404.html (on_post_template), so it covers the
theme's links (repository, edit button) and prose links as well as links rendered from data.
- An external link (http(s):// or //host) gets rel="noopener noreferrer", merged with any rel the
  link already has: the opened page can neither script this one nor learn which page sent the reader.
- A link whose scheme is not https, mailto, or relative stops the build. Validation (hooks/validate.py)
  already refuses such links in data and pages with file:line; this is the last line of defence for
  anything that reaches the HTML another way, e.g. through a theme override.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from guide.errors import DataError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

REL = ("noopener", "noreferrer")
ALLOWED_SCHEMES = {"https", "http", "mailto"}  # http is only ever a theme link; the test insists on https

_A = re.compile(r"""<a\b(?:[^>"']|"[^"]*"|'[^']*')*>""", re.I)  # a '>' inside a quoted value does not end the tag
_ATTR = r"""\s{name}\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'>]+))"""
_HREF = re.compile(_ATTR.format(name="href"), re.I)
_REL = re.compile(_ATTR.format(name="rel"), re.I)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.I)


def _value(match: re.Match) -> str:
    return html.unescape(next(g for g in (match.group("dq"), match.group("sq"), match.group("bare")) if g is not None))


def href_scheme(href: str) -> str:
    """The scheme as a browser reads it: it ignores control characters and spaces inside it."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", href)
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else ("//" if cleaned.startswith("//") else "")


def secure(output: str, where: str) -> str:
    """The page with rel added to external links; DataError naming `where` for a dangerous link."""

    def fix(tag_match: re.Match) -> str:
        tag = tag_match.group(0)
        href_match = _HREF.search(tag)
        if not href_match:
            return tag
        href = _value(href_match)
        scheme = href_scheme(href)
        if scheme and scheme != "//" and scheme not in ALLOWED_SCHEMES:
            raise DataError(f"{where}: link '{href[:80]}' uses the '{scheme}:' scheme; only https:// and relative links are allowed")
        if scheme not in ("http", "https", "//"):
            return tag
        rel_match = _REL.search(tag)
        if rel_match:
            words = _value(rel_match).split()
            rel = " ".join(words + [w for w in REL if w not in words])
            return tag[: rel_match.start()] + f' rel="{rel}"' + tag[rel_match.end() :]
        end = len(tag) - (2 if tag.endswith("/>") else 1)
        return tag[:end] + f' rel="{" ".join(REL)}"' + tag[end:]

    return _A.sub(fix, output)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return secure(output, f"docs/{page.file.src_uri}")


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    return secure(output_content, template_name) if template_name.endswith(".html") else output_content

"""Text from data is shown as text. HTML in it is escaped, and only the documented Markdown subset
(emphasis, `code`, links to allowed https hosts) becomes markup.

Two levels: the macros called directly with hostile data that never went through validation, and a
real build with a hostile platform (tests/sample_site.py), read as HTML here and in a browser in
tests/csp_browser/test_escaping_browser.py.
"""

from __future__ import annotations

import copy
import re

import markdown
import pytest
import yaml
from mkdocs.config import load_config

from bad_input_cases import BASE, SAMPLE
from conftest import ROOT, load_hook
from guide import markers, render
from guide.errors import DataError
from helpers_html import Page
from sample_site import PWN, SAMPLE_PAGES

SCRIPT = f"<script>{PWN}</script>"
PAYLOADS = [
    SCRIPT,
    f'<img src=x onerror="{PWN}">',
    f'*x*{{ onclick="{PWN}" }}',
    f"`x`{{ onmouseover={PWN} }}",
    f'" onmouseover="{PWN}" x="',
    f"' onfocus='{PWN}' autofocus x='",
    f"\\`<svg onload={PWN}>`",
    f'<a href="javascript:{PWN}">x</a>',
    f"&lt;script&gt;{PWN}&lt;/script&gt;",
    f"[x [y]](javascript:{PWN})",
    f"[x](https://www.example.com/a)[y](javascript:{PWN})",
]
# Plain fields (titles, names, publishers) keep no Markdown: links in them are shown as text too.
PLAIN_ONLY = PAYLOADS[-2:]


def _walk_texts(doc, payload):
    """Every {en, zh} text and every plain string field set to the payload (ids, urls, dates kept)."""
    if isinstance(doc, dict):
        if set(doc) == {"en", "zh"}:
            return {"en": payload, "zh": payload}
        return {k: (payload if k in ("title", "publisher") else _walk_texts(v, payload)) for k, v in doc.items()}
    if isinstance(doc, list):
        return [_walk_texts(v, payload) for v in doc]
    return doc


@pytest.fixture(scope="module")
def env():
    config = load_config(str(ROOT / "mkdocs.yml"))
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    return config.theme.get_env(), md


def _render_page(env, real_guide, payload, plain_only=False) -> str:
    """Every platform macro, in both languages, for a platform whose texts are all the payload."""
    jinja, md = env
    guide = copy.copy(real_guide)
    doc = yaml.safe_load((BASE / SAMPLE).read_text(encoding="utf-8"))
    hostile = _walk_texts(doc, payload)
    if plain_only:  # only titles and publishers hostile: the rest keeps the sample's valid texts
        hostile = dict(doc, sources={k: dict(s, title=payload, publisher=payload) for k, s in doc["sources"].items()})
    guide.platforms = {"sample": hostile}
    html = []
    for lang in ("en", "zh"):
        for kind, takes_platform in markers.KINDS.items():
            if takes_platform:
                marker = markers.Marker(kind, "sample", 1, 0, 0)
                html.append(md.reset().convert(render.render(render.Renderer(jinja), guide, lang, marker, "platforms/sample.md")))
    return "\n".join(html)


def _active(html: str) -> list[str]:
    """Markup that would run: script elements, event attributes, javascript: links."""
    page = Page(html)
    found = [f"<{t}>" for t, _ in page.elements if t in ("script", "svg", "iframe", "img")]
    found += [f"{t} {k}=" for t, a in page.elements for k in a if k.startswith("on")]
    found += [f"href={a['href']}" for t, a in page.elements if "javascript" in (a.get("href") or "").lower()]
    return found


@pytest.mark.parametrize("payload", PAYLOADS)
def test_macros_show_hostile_text_as_text(env, guide, payload):
    html = _render_page(env, guide, payload)
    active = _active(html)
    if "javascript:" in payload and "](" in payload:
        # A Markdown link to javascript: in prose-like text is markup by design (the subset allows
        # links); validation refuses it, and hooks/links.py stops the build if one ever gets here.
        assert active and all(a.startswith("href=javascript") for a in active), active
        links = _links_hook()
        with pytest.raises(DataError, match="uses the 'javascript:' scheme"):
            links.secure(html, "docs/en/platforms/sample.md")
    else:
        assert active == [], active
        assert PWN in Page(html).text  # shown, as text


@pytest.mark.parametrize("payload", PLAIN_ONLY)
def test_plain_fields_show_markdown_links_as_text(env, guide, payload):
    html = _render_page(env, guide, payload, plain_only=True)
    assert _active(html) == []
    assert PWN in Page(html).text


def test_code_spans_are_escaped_once(env):
    jinja, md = env
    html = md.reset().convert(render.markdown_text('Open `Settings & "Privacy"` & *then* <Data>'))
    assert '<code>Settings &amp; "Privacy"</code>' in html
    assert "&amp; <em>then</em> &lt;Data&gt;" in html


def _links_hook():
    return load_hook("links")


# --- the built hostile platform ------------------------------------------------------------------


@pytest.mark.parametrize("rel", SAMPLE_PAGES)
def test_built_hostile_page_has_no_active_markup(sample_site, rel):
    html = (sample_site / rel).read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    assert _active(article) == []
    assert PWN in Page(article).text
    assert not [s for s in re.findall(r"<script[^>]*>(.*?)</script>", html, re.S) if "__pwned" in s]


def test_built_page_keeps_the_allowed_subset(sample_site):
    page = Page((sample_site / SAMPLE_PAGES[0]).read_text(encoding="utf-8"))
    assert "Tricky but fine: a < b > c & \"d\" 'e' emphasis code <b> announcement." in page.text
    assert page.find("em") and page.find("code")
    assert "https://www.example.com/news/ai" in page.links()
    assert "[Example News](javascript:window.__pwned=1)" in page.text  # a publisher: text, not a link

"""Front matter cannot redirect, restyle or retitle a page (issue 16).

Scans every built page: no <meta http-equiv>, no attribute outside what the theme and the macros
emit, and a <meta name="description"> whose content is exactly the page's front-matter description
(so a quote never cuts it short). The same scan runs on the hostile sample platform, whose
descriptions carry an attempted refresh and an event handler (tests/sample_site.py), and on a page
with the theme's unescaped head, where it must find them.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, BuildFailed, build
from guide import frontmatter
from guide.errors import DataError
from sample_site import HOSTILE_DESCRIPTIONS, SAMPLE_PAGES

# Attribute names the theme and this project's macros and scripts emit (data-* and aria-* are inert
# and free to use). Anything else, above all on*, http-equiv, style, srcdoc, action, formaction, fails.
ALLOWED = {
    "abbr",
    "accept",
    "alt",
    "autocapitalize",
    "autocomplete",
    "autocorrect",
    "charset",
    "checked",
    "class",
    "colspan",
    "content",
    "d",
    "datetime",
    "dir",
    "disabled",
    "download",
    "for",
    "headers",
    "height",
    "hidden",
    "href",
    "hreflang",
    "id",
    "inputmode",
    "label",
    "lang",
    "max",
    "maxlength",
    "min",
    "multiple",
    "name",
    "open",
    "placeholder",
    "readonly",
    "rel",
    "required",
    "role",
    "rows",
    "rowspan",
    "scope",
    "selected",
    "size",
    "spellcheck",
    "src",
    "start",
    "step",
    "tabindex",
    "title",
    "type",
    "value",
    "viewbox",
    "width",
    "xmlns",
}


class _Head(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.descriptions: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        names = [name for name, _ in attrs]
        for name in names:
            if name == "http-equiv":
                self.problems.append(f"<{tag} http-equiv>")
            elif name not in ALLOWED and not name.startswith(("data-", "aria-")):
                self.problems.append(f"<{tag}> attribute {name!r}")
        if len(set(names)) != len(names):
            self.problems.append(f"<{tag}> repeats an attribute")
        if tag == "meta" and dict(attrs).get("name") == "description":
            self.descriptions.append(dict(attrs).get("content") or "")


def head_problems(html: str, description: str) -> list[str]:
    """What is wrong with one built page, given its front-matter description."""
    head = _Head(html)
    problems = list(head.problems)
    if head.descriptions != [description]:
        problems.append(f"description {head.descriptions!r} is not {description!r}")
    return problems


def source_of(site: Path, html: Path) -> Path | None:
    """The docs/ page an HTML file was built from (None for the 404 pages)."""
    rel = html.relative_to(site).as_posix()
    lang = "zh" if rel.startswith("zh/") else "en"
    rel = rel.removeprefix("zh/")
    if rel == "404.html":
        return None
    stem = rel.removesuffix("index.html").rstrip("/")
    docs = ROOT / "docs" / lang
    for candidate in (docs / f"{stem}.md", docs / stem / "index.md") if stem else (docs / "index.md",):
        if candidate.exists():
            return candidate
    raise AssertionError(f"no source page for {rel}")


def description_of(page: Path) -> str:
    return frontmatter.check(page.read_text(encoding="utf-8-sig"), page.as_posix(), frontmatter.validator(ROOT))["description"]


def test_every_built_page_carries_its_whole_description_and_nothing_else(site):
    checked = 0
    for html in sorted(site.rglob("*.html")):
        source = source_of(site, html)
        if source is None:
            continue
        problems = head_problems(html.read_text(encoding="utf-8"), description_of(source))
        assert problems == [], f"{html.relative_to(site)}: {problems}"
        checked += 1
    assert checked >= 80


def test_quotes_in_descriptions_survive_whole(site):
    """The 13 pages whose descriptions hold a quote (e.g. Grammarly's) keep all of it."""
    quoted = [p for p in sorted((ROOT / "docs").rglob("*.md")) if '"' in description_of(p)]
    assert len(quoted) >= 10
    html = (site / "platforms" / "grammarly" / "index.html").read_text(encoding="utf-8")
    assert "switch off &#34;Product Improvement and Training&#34;. Where the switch" in html


@pytest.mark.parametrize("rel", SAMPLE_PAGES)
def test_hostile_descriptions_are_text(sample_site, rel):
    html = (sample_site / rel).read_text(encoding="utf-8")
    assert head_problems(html, HOSTILE_DESCRIPTIONS[rel]) == []


def test_the_scan_finds_the_theme_s_unescaped_head():
    """What Material's own base.html printed for the refresh payload: the scan must fail on it."""
    payload = '0;url=https://attacker.example/" http-equiv="refresh'
    raw = f'<html><head><meta name="description" content="{payload}"></head><body></body></html>'
    found = head_problems(raw, payload)
    assert "<meta http-equiv>" in found and any(p.startswith("description") for p in found)
    handler = '<html><head><meta name="description" content="x" onmouseover="alert(1)"></head></html>'
    assert head_problems(handler, "x") == ["<meta> attribute 'onmouseover'"]
    tag = '<html><head><meta name="description" content=""><script>alert(1)</script>"></head></html>'
    assert head_problems(tag, '"><script>alert(1)</script>') != []


def test_config_values_printed_raw_are_checked(project, tmp_path):
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        config.replace("site_name: AI 训练退出指南", 'site_name: AI 训练"><script>x</script>', 1), encoding="utf-8"
    )
    with pytest.raises(BuildFailed, match=r"mkdocs.yml:1: plugins.i18n.languages\[zh\].site_name: .* write plain text"):
        build(project, tmp_path / "site")


def test_multimarkdown_metadata_is_refused():
    text = 'description: x" http-equiv="refresh\n\n# Title\n'
    with pytest.raises(DataError, match=r"^docs/en/x.md:1: description: MkDocs would read this line as page metadata"):
        frontmatter.check(text, "docs/en/x.md", frontmatter.validator(ROOT))


def test_front_matter_errors_name_the_page_line(tmp_path):
    text = "---\ndescription: A long enough description of a page.\nicon: material/alert\n---\n\n# T\n"
    with pytest.raises(DataError, match=r"^docs/zh/y.md:3: icon: unknown field 'icon'"):
        frontmatter.check(text, "docs/zh/y.md", frontmatter.validator(ROOT))

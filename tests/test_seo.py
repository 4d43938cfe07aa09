"""Search-engine readiness (issue 13): absolute hreflang with x-default and the Atom feed in every
page head, robots.txt, content-dated sitemaps, and one site address from mkdocs.yml."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from conftest import ROOT, SITE_URL
from guide import seo
from helpers_html import Page

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def _pages(site):
    for html in sorted(site.rglob("index.html")):
        rel = html.relative_to(site).as_posix().removesuffix("index.html")
        yield rel, Page(html.read_text(encoding="utf-8"))


def _alternates(page: Page) -> dict[str, str]:
    return {
        a["hreflang"]: a["href"] for t, a in page.elements if t == "link" and a.get("hreflang") and "alternate" in a.get("rel", "").split()
    }


def test_site_url_is_the_pages_address_from_one_place():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert f'site_url: !ENV [SITE_URL, "{SITE_URL}"]' in config
    for part in ("mkdocs.yml", "hooks", "data", "docs", "overrides", "README.md"):
        for path in [ROOT / part] if (ROOT / part).is_file() else sorted((ROOT / part).rglob("*")):
            if path.is_file() and path.suffix in (".yml", ".py", ".md", ".html", ".json"):
                assert "example.org/" not in path.read_text(encoding="utf-8"), path


def test_every_page_names_its_twins_absolutely_with_x_default(site):
    count = 0
    for rel, page in _pages(site):
        alternates = _alternates(page)
        neutral = rel.removeprefix("zh/")
        assert alternates == {
            "en": SITE_URL + neutral,
            "zh-Hans": SITE_URL + "zh/" + neutral,
            "x-default": SITE_URL + neutral,
        }, rel
        count += 1
    assert count >= 80


def test_every_page_links_its_language_s_feed(site):
    for rel, page in _pages(site):
        feeds = [a for t, a in page.elements if t == "link" and a.get("type") == "application/atom+xml"]
        assert len(feeds) == 1, rel
        target = (site / rel / feeds[0]["href"]).resolve()
        expected = site / ("zh/" if rel.startswith("zh/") else "") / "feeds" / "changes.atom"
        assert target == expected.resolve(), rel


def test_the_theme_fetches_no_sitemap_next_to_these_links(site):
    """Material's bundle fetches sitemap.xml beside every link matching [rel=alternate] exactly."""
    html = (site / "platforms" / "linkedin" / "index.html").read_text(encoding="utf-8")
    assert not re.search(r'<link[^>]*\brel="alternate"', html)
    assert html.count('rel="alternate "') == 4


def test_robots_points_at_the_sitemap(site):
    assert (site / "robots.txt").read_text(encoding="utf-8") == f"User-agent: *\nAllow: /\n\nSitemap: {SITE_URL}sitemap.xml\n"


def _urls(path):
    return {u.findtext(f"{SM}loc"): u for u in ET.parse(path).getroot().findall(f"{SM}url")}


def test_sitemap_lastmod_comes_from_content(site, guide):
    urls = _urls(site / "sitemap.xml")
    assert len(urls) >= 80
    for pid, platform in guide.platforms.items():
        for prefix in ("", "zh/"):
            assert urls[f"{SITE_URL}{prefix}platforms/{pid}/"].findtext(f"{SM}lastmod") == platform["last_verified"]
    days = seo.git_days(ROOT)
    for rel in ("myths.md", "letters.md"):
        for lang, prefix in (("en", ""), ("zh", "zh/")):
            expected = days.get(f"docs/{lang}/{rel}", guide.today.isoformat())
            assert urls[SITE_URL + prefix + rel.removesuffix(".md") + "/"].findtext(f"{SM}lastmod") == expected
    for url in urls.values():
        links = {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        assert links["x-default"] == links["en"]


def test_each_language_folder_has_its_own_sitemap(site):
    zh = _urls(site / "zh" / "sitemap.xml")
    assert zh and all(loc.startswith(SITE_URL + "zh/") for loc in zh)
    assert set(zh) == {loc for loc in _urls(site / "sitemap.xml") if loc.startswith(SITE_URL + "zh/")}


def test_calendar_uids_differ_between_languages(site):
    uids = {
        lang: set(re.findall(r"^UID:(.+?)\r?$", (site / prefix / "feeds" / "dates.ics").read_text(encoding="utf-8"), re.M))
        for lang, prefix in (("en", ""), ("zh", "zh"))
    }
    assert uids["en"] and uids["zh"] and not uids["en"] & uids["zh"]


def test_published_schemas_resolve_at_the_site(site):
    import json

    for name in ("platform.schema.json", "platforms.schema.json"):
        schema = json.loads((site / "api" / name).read_text(encoding="utf-8"))
        assert schema["$id"] == f"{SITE_URL}api/{name}"

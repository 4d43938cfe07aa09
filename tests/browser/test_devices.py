"""Phones and desktops: screenshots for people to look at, surface tabs that work by tap, no page
wider than a phone, and Chinese text drawn with a font that has Chinese glyphs (no empty boxes)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from .conftest import OUTPUT, in_lang

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
PAGES = {"home": "", "linkedin": "platforms/linkedin/"}
HAN = re.compile(r"[\u4e00-\u9fff]")


def png_size(path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_screenshots_and_no_sideways_scrolling(served, open_context, device):
    options = PHONE if device == "phone" else DESKTOP
    tab = open_context(**options).new_page()
    folder = OUTPUT / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    size = "{width}x{height}".format(**options["viewport"])
    too_wide = {}
    for lang in ("en", "zh"):
        for name, path in PAGES.items():
            tab.goto(served + in_lang(path, lang))
            target = folder / f"{lang}-{name}-{size}.png"
            tab.screenshot(path=str(target))
            assert png_size(target) == (options["viewport"]["width"], options["viewport"]["height"])
            width = tab.evaluate("document.documentElement.scrollWidth")
            if width > options["viewport"]["width"]:
                too_wide[f"/{in_lang(path, lang)}"] = width
    assert too_wide == {}, f"pages wider than the {device} screen (px)"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_surface_tabs_work_by_tap_on_a_phone(served, open_context, lang):
    tab = open_context(**PHONE).new_page()
    tab.goto(served + in_lang(PAGES["linkedin"], lang))
    tabs = tab.locator(".tabbed-set").first
    labels = tabs.locator(".tabbed-labels > label")
    blocks = tabs.locator(".tabbed-content > .tabbed-block")
    count = labels.count()
    assert count >= 2, "the first setting should have steps for more than one surface (web, iOS, Android)"
    assert blocks.nth(0).is_visible() and not blocks.nth(1).is_visible(), "the first surface is shown first"
    for i in [*range(1, count), 0]:  # iOS, Android, then back to web
        labels.nth(i).tap()
        shown = [blocks.nth(j).is_visible() for j in range(count)]
        assert shown == [j == i for j in range(count)], f"after tapping {labels.nth(i).inner_text()!r}: {shown}"


def chinese_font_families() -> set[str]:
    """Families that fontconfig says cover Chinese (fc-list ships with fontconfig, chromium's dependency)."""
    fc_list = shutil.which("fc-list")
    assert fc_list, "fc-list is missing (Debian package fontconfig)"
    out = subprocess.run([fc_list, ":lang=zh", "family"], capture_output=True, text=True, check=True).stdout
    return {name.strip() for line in out.splitlines() for name in line.split(",") if name.strip()}


# Where the page's own text is: the header title, the navigation and the content. (The search
# box's status text changes while search starts, which would race with the font check.)
STATIC_PARTS = ("md-header__title", "md-main")


def han_text_holders(node: dict, inside: bool = False) -> list[tuple[int, int]]:
    """(nodeId, number of Chinese characters) of each element whose own text has Chinese in it."""
    attrs = node.get("attributes", [])
    classes = dict(zip(attrs[::2], attrs[1::2])).get("class", "").split()
    inside = inside or any(part in classes for part in STATIC_PARTS)
    found = []
    children = node.get("children", [])
    own = "".join(c.get("nodeValue", "") for c in children if c["nodeType"] == 3)
    if inside and node.get("nodeName") not in ("SCRIPT", "STYLE", "NOSCRIPT") and HAN.search(own):
        found.append((node["nodeId"], len(HAN.findall(own))))
    for child in children:
        if child["nodeType"] == 1:
            found += han_text_holders(child, inside)
    return found


def test_chinese_text_renders_with_a_chinese_font(served, open_context):
    """Chromium reports which fonts drew each element's own text and how many glyphs each drew.
    Every Chinese character must be drawn by a font that has Chinese glyphs; Latin letters in the
    same element may come from another font."""
    chinese = chinese_font_families()
    assert chinese, "no font with Chinese glyphs is installed (Debian package fonts-noto-cjk)"
    context = open_context(**DESKTOP)
    tab = context.new_page()
    cdp = context.new_cdp_session(tab)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    checked, boxes = 0, []
    for path in ("zh/", "zh/platforms/linkedin/"):
        tab.goto(served + path)
        root = cdp.send("DOM.getDocument", {"depth": -1})["root"]
        for node_id, han in han_text_holders(root):
            fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node_id})["fonts"]
            if not fonts:
                continue  # not rendered (hidden)
            checked += 1
            drawn = sum(f["glyphCount"] for f in fonts if f["familyName"] in chinese)
            if drawn < han:
                html = cdp.send("DOM.getOuterHTML", {"nodeId": node_id})["outerHTML"][:80]
                boxes.append(
                    f"/{path} {html}: {han} Chinese characters, {drawn} drawn by a Chinese font; fonts {[f['familyName'] for f in fonts]}"
                )
    assert checked >= 10, f"only {checked} rendered elements with Chinese text were found"
    assert not boxes, "Chinese text drawn without Chinese glyphs (empty boxes):\n" + "\n".join(boxes[:20])

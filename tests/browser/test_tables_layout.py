"""Tables a reader can read on a phone and on a desktop: on the LinkedIn page and the overview, in both
languages, at 390 px and 1280 px, every cell of every table is laid out where the reader can see it.

Measured in the layout chromium draws, not judged from a screenshot: each cell has a size, is not
hidden, lies within the viewport's width (so reading it needs no sideways scrolling), and its text is
not cut off inside it. A cell outside the viewport's width only counts when it sits in a scrolling box
that shows a visible hint. On a phone the tables are cards: each cell shows its column's name.
"""

from __future__ import annotations

import pytest

from .conftest import OUTPUT, in_lang

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
PAGES = {"linkedin": "platforms/linkedin/", "overview": "overview/"}

# For every cell of every table in the page's content: where it is and what the reader sees of it.
MEASURE = r"""
() => {
  const out = [];
  const width = window.innerWidth;
  const scroller = (el) => {
    for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
      const style = getComputedStyle(box);
      if (/(auto|scroll)/.test(style.overflowX) && box.scrollWidth > box.clientWidth + 1) return box;
    }
    return null;
  };
  const hinted = (box) => !!box && [...box.parentElement.querySelectorAll("[data-scroll-hint]")]
    .some((hint) => hint.getBoundingClientRect().width > 0 && getComputedStyle(hint).visibility !== "hidden");
  // The part of an element its ancestors let through (overflow hidden or clip cut it off); the
  // scrolling box's own edge is left out, since scrolling reaches what it hides.
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    let {left, right, top, bottom} = r;
    for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
      const style = getComputedStyle(box);
      const cuts = style.clip !== "auto" || /(hidden|clip)/.test(style.overflowX + style.overflowY);
      if (!cuts) continue;
      let b = box.getBoundingClientRect();
      if (style.clip !== "auto" && /rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)/.test(style.clip)) b = {left: b.left, right: b.left, top: b.top, bottom: b.top};
      left = Math.max(left, b.left); right = Math.min(right, b.right);
      top = Math.max(top, b.top); bottom = Math.min(bottom, b.bottom);
    }
    return {left, right, width: Math.max(0, right - left), height: Math.max(0, bottom - top)};
  };
  document.querySelectorAll(".md-content article table").forEach((table, t) => {
    table.querySelectorAll("th, td").forEach((cell) => {
      const rect = shown(cell);
      const style = getComputedStyle(cell);
      const label = cell.getAttribute("data-label");
      const before = getComputedStyle(cell, "::before").content;
      const box = scroller(cell);
      const row = cell.closest("tr");
      out.push({
        table: t,
        tag: cell.tagName.toLowerCase(),
        text: cell.innerText.trim().slice(0, 40),
        rowHidden: !!row && row.hidden,
        left: rect.left, right: rect.right, width: rect.width, height: rect.height,
        visible: style.visibility !== "hidden" && style.display !== "none",
        clipped: cell.scrollWidth > cell.clientWidth + 1,
        label: label,
        labelShown: !!label && before.includes(label),
        inScroller: !!box,
        hinted: hinted(box),
      });
    });
  });
  return {width, cells: out};
}
"""


def _problems(found: dict) -> list[str]:
    width = found["width"]
    cells = found["cells"]
    problems = []
    for c in cells:
        where = f"table {c['table']} {c['tag']} {c['text']!r}"
        if c["rowHidden"]:
            continue
        if c["tag"] == "th" and (c["width"] <= 1 or c["height"] <= 1):
            # A heading drawn as the label of each card instead: every cell of its table must show one.
            tds = [d for d in cells if d["table"] == c["table"] and d["tag"] == "td" and not d["rowHidden"]]
            if not tds or not all(d["labelShown"] for d in tds):
                problems.append(f"{where}: heading hidden and the cells do not show their column's name")
            continue
        if not c["visible"] or c["width"] <= 1 or c["height"] <= 1:
            problems.append(f"{where}: not visible ({c['width']:.0f}x{c['height']:.0f})")
        elif c["left"] < -0.5 or c["right"] > width + 0.5:
            if not (c["inScroller"] and c["hinted"]):
                problems.append(f"{where}: outside the {width}px viewport ({c['left']:.0f}..{c['right']:.0f}) with no visible scroll hint")
        if c["clipped"]:
            problems.append(f"{where}: text cut off inside the cell")
    return problems


@pytest.mark.parametrize("device", list(VIEWPORTS))
def test_every_table_cell_is_visible_or_reachable(served, open_context, device):
    tab = open_context(viewport=VIEWPORTS[device]).new_page()
    folder = OUTPUT / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    problems, counted = [], {}
    for lang in ("en", "zh"):
        for name, path in PAGES.items():
            url = in_lang(path, lang)
            tab.goto(served + url, wait_until="networkidle")
            found = tab.evaluate(MEASURE)
            counted[url] = len(found["cells"])
            problems += [f"/{url} at {found['width']}px: {p}" for p in _problems(found)]
            tab.locator(".md-content article table").first.screenshot(path=str(folder / f"{lang}-{name}-table-{device}.png"))
            if device == "phone":
                labels = [c for c in found["cells"] if c["tag"] == "td"]
                assert labels and all(c["labelShown"] for c in labels), f"/{url}: on a phone every cell shows its column's name"
    assert all(counted.values()), f"pages without a table: {counted}"
    assert problems == [], "\n".join(problems[:40])


def test_the_desktop_overview_needs_no_sideways_scrolling(served, open_context):
    """At 1280 px every column of the overview fits: no cell is in a scrolled box at all."""
    tab = open_context(viewport=VIEWPORTS["desktop"]).new_page()
    for lang in ("en", "zh"):
        tab.goto(served + in_lang("overview/", lang), wait_until="networkidle")
        cells = tab.evaluate(MEASURE)["cells"]
        scrolled = [c["text"] for c in cells if c["inScroller"] or c["right"] > 1280]
        assert scrolled == [], f"/{in_lang('overview/', lang)}: cells needing sideways scrolling: {scrolled[:10]}"

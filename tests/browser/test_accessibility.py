"""axe-core finds no serious or critical accessibility problem on the home page, the fullest
platform page and every page in the main navigation, in both languages and both colour schemes.

axe-core is vendored (tests/browser/vendor/axe-core/, from the npm package, MPL-2.0) and injected
from that file: the test needs no network. Problems are fixed in the site (templates, markup,
colours), not by turning rules off.

Each page is checked with every rule in the light scheme, then switched to the dark scheme with the
header's toggle, as a reader would, and checked again with the rules about colour, the one thing
the scheme changes.
"""

from __future__ import annotations

from .conftest import AXE, in_lang

BLOCKING = ("serious", "critical")

# The rules whose outcome depends on colours (axe-core's "color" tag, less the AAA
# color-contrast-enhanced that axe-core leaves off by default).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]

RUN_AXE = """async (rules) => {
  const options = {resultTypes: ["violations"]};
  if (rules) options.runOnly = {type: "rule", values: rules};
  const result = await axe.run(document, options);
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ")),
  }));
}"""
SCHEME = "document.body.getAttribute('data-md-color-scheme')"


def fullest_platform_page(site, guide) -> str:
    """The platform page with the most markup, so the widest mix of elements gets checked."""
    return max((f"platforms/{pid}/" for pid in guide.platforms), key=lambda p: (site / p / "index.html").stat().st_size)


def nav_pages(tab, served: str) -> list[str]:
    """Every page the main navigation links to, as site paths."""
    hrefs = tab.eval_on_selector_all(".md-nav--primary a.md-nav__link[href]", "links => links.map(a => a.href)")
    return sorted({h.split("#")[0][len(served) :] for h in hrefs if h.startswith(served)})


def toggle_scheme(tab) -> str:
    """Clicks the header's light/dark toggle; returns the scheme it switched to."""
    before = tab.evaluate(SCHEME)
    tab.locator("form[data-md-component='palette'] label:not([hidden])").click()
    tab.wait_for_function(f"{SCHEME} !== {before!r}")
    # Colours fade (CSS transitions): measure contrast once they have arrived.
    tab.evaluate("Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))")
    return tab.evaluate(SCHEME)


def test_no_serious_accessibility_problems(site, guide, served, open_context):
    tab = open_context(viewport={"width": 1280, "height": 800}, color_scheme="light").new_page()
    tab.goto(served)
    pages = {"", fullest_platform_page(site, guide), *nav_pages(tab, served)}
    pages |= {in_lang(p, "zh") for p in pages}
    assert len(pages) >= 6, f"too few pages to check: {sorted(pages)}"
    problems, schemes = [], set()
    for path in sorted(pages):
        tab.goto(served + path)
        tab.add_script_tag(path=str(AXE))
        for toggle in (False, True):  # the scheme the toggle left on the previous page, then the other
            scheme = toggle_scheme(tab) if toggle else tab.evaluate(SCHEME)
            schemes.add(scheme)
            for v in tab.evaluate(RUN_AXE, None if scheme == "default" else COLOUR_RULES):
                if v["impact"] in BLOCKING:
                    problems.append(f"/{path} ({scheme}): {v['impact']} {v['id']} ({v['help']}): {', '.join(v['nodes'])}")
    assert schemes == {"default", "slate"}
    assert not problems, "axe-core:\n" + "\n".join(problems)

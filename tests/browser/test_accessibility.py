"""axe-core finds no serious or critical accessibility problem on the home page, the fullest
platform page and every page in the main navigation, in both languages and both colour schemes.

axe-core is vendored (tests/browser/vendor/axe-core/, from the npm package, MPL-2.0) and injected
from that file: the test needs no network. Problems are fixed in the site (templates, markup,
colours), not by turning rules off.
"""

from __future__ import annotations

import pytest

from .conftest import AXE, in_lang

BLOCKING = ("serious", "critical")

RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ")),
  }));
}"""


def fullest_platform_page(site, guide) -> str:
    """The platform page with the most markup, so the widest mix of elements gets checked."""
    return max((f"platforms/{pid}/" for pid in guide.platforms), key=lambda p: (site / p / "index.html").stat().st_size)


def nav_pages(tab, served: str) -> list[str]:
    """Every page the main navigation links to, as site paths."""
    hrefs = tab.eval_on_selector_all(".md-nav--primary a.md-nav__link[href]", "links => links.map(a => a.href)")
    paths = {h.split("#")[0][len(served) :] for h in hrefs if h.startswith(served)}
    return sorted(paths)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_problems(site, guide, served, open_context, scheme):
    tab = open_context(viewport={"width": 1280, "height": 800}, color_scheme=scheme).new_page()
    tab.goto(served)
    pages = {"", fullest_platform_page(site, guide), *nav_pages(tab, served)}
    pages |= {in_lang(p, "zh") for p in pages}
    problems = []
    for path in sorted(pages):
        tab.goto(served + path)
        tab.add_script_tag(path=str(AXE))
        for v in tab.evaluate(RUN_AXE):
            if v["impact"] in BLOCKING:
                problems.append(f"/{path}: {v['impact']} {v['id']} ({v['help']}): {', '.join(v['nodes'])}")
    assert len(pages) >= 6, f"too few pages checked: {sorted(pages)}"
    assert not problems, f"axe-core ({scheme} scheme):\n" + "\n".join(problems)

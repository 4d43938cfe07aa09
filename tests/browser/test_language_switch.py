"""The language switcher leads from every page, every platform page included, to the same page in
the other language, and back again. (The tour in tour.py uses the switcher on the way.)"""

from __future__ import annotations

from .conftest import LANG_TAGS, in_lang

OTHER = "zh"


def test_every_platform_page_is_in_the_tour(tour, guide):
    missing = [f"platforms/{pid}/" for pid in guide.platforms if f"platforms/{pid}/" not in tour.switches]
    assert guide.platforms and not missing, f"platform pages missing from the sitemap: {missing}"


def test_switcher_leads_to_the_same_page_in_the_other_language_and_back(tour):
    wrong = []
    for path, switch in sorted(tour.switches.items()):
        if (switch.there, switch.there_lang) != (in_lang(path, OTHER), LANG_TAGS[OTHER]):
            wrong.append(f"/{path} -> /{switch.there} (lang {switch.there_lang})")
        elif switch.back != path:
            wrong.append(f"/{path} -> /{switch.there} -> /{switch.back}")
    assert not wrong, "the switcher does not lead to the same page in the other language:\n" + "\n".join(wrong)

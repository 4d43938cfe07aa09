"""Copies of Material partials stay copies: only the intended change differs from the theme's file."""

from __future__ import annotations

from pathlib import Path

import material

from conftest import ROOT

THEME = Path(material.__file__).parent / "templates"


def _body(text: str) -> str:
    """The template without its leading {#- ... -#} comment."""
    return text.split("-#}\n", 1)[1] if text.startswith("{#-") else text


def test_search_partial_differs_from_materials_by_the_dialog_name_only():
    ours = _body((ROOT / "overrides" / "partials" / "search.html").read_text(encoding="utf-8"))
    theirs = _body((THEME / "partials" / "search.html").read_text(encoding="utf-8"))
    named = ' role="dialog" aria-label="{{ lang.t(\'search\') }}">'
    assert named in ours, "the search dialog lost its accessible name"
    assert ours.replace(named, ' role="dialog">') == theirs, "Material's search partial changed: copy it again and re-add the aria-label"

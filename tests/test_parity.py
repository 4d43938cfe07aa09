"""Every page exists in both languages."""

from conftest import ROOT


def test_every_page_has_a_twin():
    docs = ROOT / "docs"
    en = {p.relative_to(docs / "en").as_posix() for p in (docs / "en").rglob("*.md")}
    zh = {p.relative_to(docs / "zh").as_posix() for p in (docs / "zh").rglob("*.md")}
    assert en, "no English pages found"
    assert en - zh == set(), "English pages without a Chinese twin"
    assert zh - en == set(), "Chinese pages without an English twin"


def test_every_platform_has_two_pages(guide):
    for pid in guide.platforms:
        for lang in ("en", "zh"):
            assert (ROOT / "docs" / lang / "platforms" / f"{pid}.md").exists(), f"{lang} page for {pid}"

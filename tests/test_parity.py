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


def _structure(path):
    """The markers and the explicit heading ids of a page, in order."""
    import re

    text = path.read_text(encoding="utf-8")
    markers = re.findall(r"<!--\s*optout:(\S+)(?:\s+(\S+))?\s*-->", text)
    ids = re.findall(r"^#{1,6} .*\{ *#([\w-]+) *\}\s*$", text, re.M)
    return markers, ids


def test_twins_have_the_same_markers_and_heading_ids():
    """A translation may word things its own way, but shows the same data under the same anchors."""
    docs = ROOT / "docs"
    different = []
    for en in sorted((docs / "en").rglob("*.md")):
        zh = docs / "zh" / en.relative_to(docs / "en")
        if _structure(en) != _structure(zh):
            different.append(str(en.relative_to(docs / "en")))
    assert different == []


def test_every_platform_page_shows_the_essentials(guide):
    required = {"status", "regions", "steps", "object", "sources"}
    for pid in guide.platforms:
        markers, _ = _structure(ROOT / "docs" / "en" / "platforms" / f"{pid}.md")
        kinds = {kind for kind, arg in markers if arg == pid}
        assert required <= kinds, f"{pid}: missing {required - kinds}"
        if guide.platforms[pid].get("alternatives"):
            assert "alternatives" in kinds, f"{pid} has alternatives in its data but not on its page"
        if guide.platforms[pid]["timeline"]:
            assert "timeline" in kinds, f"{pid} has a timeline in its data but not on its page"
        if guide.platforms[pid].get("data_used") or guide.platforms[pid].get("data_excluded"):
            assert "data" in kinds, f"{pid} has data facts but no data marker"
        if guide.platforms[pid].get("disputes"):
            assert "disputes" in kinds, f"{pid} has disputes in its data but not on its page"

"""The loader accepts every real data file and rejects broken ones with file:line and the field."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import ROOT, copy_project, newest_verified_epoch
from guide import data
from guide.errors import DataError

# The build date the loader is given: derived from the data, so re-verifying a platform today never
# makes its last_verified "in the future" for these tests.
TODAY = dt.datetime.fromtimestamp(newest_verified_epoch(), dt.UTC).date()
LINKEDIN_VERIFIED = next(
    line
    for line in (ROOT / "data" / "platforms" / "linkedin.yml").read_text(encoding="utf-8").splitlines()
    if line.startswith("last_verified: ")
)


def test_every_real_file_loads(guide):
    files = sorted(p.stem for p in (ROOT / "data" / "platforms").glob("*.yml"))
    assert list(sorted(guide.platforms)) == files
    assert "linkedin" in guide.platforms


def _break(tmp_path, old: str, new: str) -> str:
    project = copy_project(tmp_path / "p")
    path = project / "data" / "platforms" / "linkedin.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as err:
        data.load(project, TODAY)
    return str(err.value)


def _changed_line(tmp_path) -> int:
    """The first line where the broken copy differs from the real file."""
    real = (ROOT / "data" / "platforms" / "linkedin.yml").read_text(encoding="utf-8").split("\n")
    broken = (tmp_path / "p" / "data" / "platforms" / "linkedin.yml").read_text(encoding="utf-8").split("\n")
    return next(i for i, (a, b) in enumerate(zip(real, broken), 1) if a != b)


@pytest.mark.parametrize(
    "old, new, field, words",
    [
        ("url: https://www.linkedin.com/mypreferences", "url: http://www.linkedin.com/mypreferences", "stop_future[0].url", "https://"),
        (LINKEDIN_VERIFIED, 'last_verified: "2026-02-30"', "last_verified", "not a valid date"),
        ("homepage: https://www.linkedin.com/\n", "colour: blue\nhomepage: https://www.linkedin.com/\n", "colour", "unknown field"),
        ('    opt_out: "yes"\n', '    opt_out: "maybe"\n', "regions[0].opt_out", "not allowed"),
        ("  - regions: [US, OTHER]\n", "  - regions: [US, XX]\n", "regions[0].regions[1]", "unknown region"),
        ("    sources: [privacy-eu-2026, autiomaa-2025]", "    sources: [nowhere]", "data_excluded[0].sources[0]", "unknown source"),
        (
            "url: https://www.linkedin.com/help/linkedin/ask/TS-DPRO",
            "url: https://www.linkedin.com.evil.example/ask",
            "object[0].url",
            "outside this platform's domains",
        ),
    ],
)
def test_broken_file_names_file_line_and_field(tmp_path, old, new, field, words):
    message = _break(tmp_path, old, new)
    assert message.startswith(f"data/platforms/linkedin.yml:{_changed_line(tmp_path)}: {field}: "), message
    assert words in message
    assert "\n" not in message


def test_missing_required_field(tmp_path):
    message = _break(tmp_path, "verified_by: sources\n", "")
    assert ": (file): missing required field 'verified_by'" in message


def test_missing_chinese_text(tmp_path):
    message = _break(tmp_path, "      zh: 领英认为可能未满 18 岁的会员。\n", "")
    assert "regions[0].excluded: missing required field 'zh'" in message


def test_norway_is_not_false(tmp_path):
    """YAML 1.1 reads NO as false; the loader keeps it a region code."""
    project = copy_project(tmp_path / "p")
    path = project / "data" / "platforms" / "linkedin.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("regions: [CA, HK]", "regions: [CA, HK, NO]", 1), encoding="utf-8")
    guide = data.load(project, TODAY)
    assert "NO" in guide.platforms["linkedin"]["regions"][2]["regions"]

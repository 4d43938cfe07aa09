"""data/letters.yml and data/myths.yml: mistakes stop the build with `file:line: field: problem`."""

from __future__ import annotations

import pytest

from conftest import BuildFailed, build
from guide import texts
from guide.errors import DataError


def _edit(project, rel, old, new):
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


@pytest.mark.parametrize(
    "rel, old, new, at, field, words",
    [
        # `at`: text on the line the message must name
        (
            "data/letters.yml",
            "Name: {name}\n        Account",
            "Name: {nmae}\n        Account",
            "Name: {nmae}",
            "letters[0].body.en",
            "unknown placeholder '{nmae}'",
        ),
        (
            "data/letters.yml",
            "        账户：{account}\n        居住国家",
            "        账户：\n        居住国家",
            "        尊敬的{platform}数据保护团队：",
            "letters[0].body.zh",
            "['account'] appear in only one of en and zh",
        ),
        (
            "data/letters.yml",
            "    regions: [CN]\n",
            "    regions: [XX]\n",
            "    regions: [XX]",
            "letters[3].regions[0]",
            "unknown region 'XX'",
        ),
        (
            "data/letters.yml",
            "    url: https://www.legislation.gov.uk/",
            "    url: http://www.legislation.gov.uk/",
            "    url: http://www.legislation.gov.uk/",
            "sources.uk-gdpr-21.url",
            "must be an https:// link",
        ),
        (
            "data/letters.yml",
            "      sources: [gdpr]\n",
            "      sources: [pipl]\n",
            "      sources: [pipl]",
            "letters[0].rights.sources[0]",
            "source 'pipl' is not in this letter's `sources`",
        ),
        (
            "data/myths.yml",
            "    sources: [linkedin-help]\n",
            "    sources: [linkedin-hlep]\n",
            "    sources: [linkedin-hlep]",
            "myths[1].sources[0]",
            "unknown source 'linkedin-hlep'",
        ),
        (
            "data/myths.yml",
            "    sources: [quint-2024, independent-2024, usatoday-2015]",
            "    sources: [quint-2024, independent-2024]",
            "  usatoday-2015:",
            "sources.usatoday-2015",
            "cited nowhere",
        ),
        (
            "data/myths.yml",
            "      en: Meta trains its AI on my private messages.",
            "      en: Meta trains its AI on my <b>private</b> messages.",
            "<b>private</b>",
            "myths[3].myth.en",
            "raw HTML is not allowed",
        ),
        ("data/myths.yml", "    kind: press\n", "    kind: blog\n", "    kind: blog", "sources.quint-2024.kind", "'blog' is not allowed"),
    ],
)
def test_mistakes_name_file_line_and_field(project, guide, rel, old, new, at, field, words):
    _edit(project, rel, old, new)
    edited = (project / rel).read_text(encoding="utf-8")
    line = edited[: edited.index(at)].count("\n") + 1
    with pytest.raises(DataError) as err:
        texts.load(project, guide.region_codes)
    message = str(err.value)
    assert message.startswith(f"{rel}:{line}: {field}: "), message
    assert words in message, message


def test_real_files_are_valid(guide):
    from conftest import ROOT

    loaded = texts.load(ROOT, guide.region_codes)
    assert loaded["letters"]["letters"] and loaded["myths"]["myths"]


def test_a_bad_letter_stops_the_build_before_anything_is_written(project, tmp_path):
    _edit(project, "data/letters.yml", "Name: {name}\n        Account", "Name: {nmae}\n        Account")
    site = tmp_path / "site"
    with pytest.raises(BuildFailed) as err:
        build(project, site)
    assert str(err.value).startswith("data/letters.yml:") and "unknown placeholder '{nmae}'" in str(err.value)
    assert not (site / "letters").exists()


def test_letter_parts_split_text_and_slots():
    assert texts.parts("Dear {platform},\n{name}") == [("text", "Dear "), ("slot", "platform"), ("text", ",\n"), ("slot", "name")]

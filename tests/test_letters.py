"""Laws and letters, read from built HTML: a letter per law with each platform's route (its contacts,
else its form or email actions, else an honest "no address found"), the letter link of every platform
page, and the "no information" line for regions without a row.

Route rendering is checked on a small fixture site (the project with LinkedIn and made-up platforms
whose contacts are known), so it does not depend on what the real platform files hold; the link on
every platform page and the PIPL coverage are checked on the real site as well.
"""

from __future__ import annotations

import csv
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import ROOT, build, copy_project
from guide import texts, tools
from helpers_html import page

LANGS = (("en", ""), ("zh", "zh/"))
LAW_IDS = ["gdpr", "uk-gdpr", "revfadp", "pipl", "lgpd", "pipeda", "ccpa"]

FIXTURES = {
    # Contacts per region, plus a worldwide form that only PIPL falls back to (OTHER never covers CN).
    "mailco": """\
id: mailco
name: {en: Mail Co (Example), zh: 邮件公司（Mail Co）}
category: social
homepage: https://mail.example.com/
domains: [mail.example.com]
summary: {en: A made-up platform., zh: 虚构的平台。}
regions:
  - regions: [WORLD]
    training: "yes"
    default_on: "yes"
    opt_out: none-found
    sources: [policy]
timeline: []
stop_future: []
object:
  - id: objection-form
    kind: form
    regions: [WORLD]
    name: {en: Objection form, zh: 异议表}
    url: https://mail.example.com/object
    covers: {en: Objecting., zh: 提出异议。}
    sources: [policy]
contacts:
  - id: dpo
    kind: email
    regions: [EU, EEA, GB, CH]
    name: {en: Data Protection Officer, zh: 数据保护官}
    email: dpo@mail.example.com
    sources: [policy]
  - id: ccpa-form
    kind: form
    regions: [US]
    name: {en: Your privacy choices, zh: 隐私选择}
    url: https://mail.example.com/privacy/choices
    sources: [policy]
  - id: brazil
    kind: postal
    regions: [BR]
    name: {en: Data protection officer (Brazil), zh: 巴西数据保护负责人}
    address: Rua Exemplo 1, 01000-000 São Paulo
    sources: [policy]
  - id: rest
    kind: email
    regions: [OTHER]
    name: {en: Privacy team, zh: 隐私团队}
    email: privacy@mail.example.com
    sources: [policy]
sources:
  policy: {url: "https://mail.example.com/privacy", title: Privacy policy, publisher: Mail Co, kind: official}
last_verified: "{verified}"
verified_by: sources
""",
    # Mainland only, with an email request and no contacts: the PIPL route falls back to the action.
    "cnapp": """\
id: cnapp
name: {en: CN App, zh: 中文应用}
category: china
homepage: https://cnapp.example.cn/
domains: [cnapp.example.cn]
summary: {en: A made-up platform., zh: 虚构的平台。}
regions:
  - regions: [CN]
    training: "yes"
    default_on: unconfirmed
    opt_out: none-found
    sources: [policy]
timeline: []
stop_future: []
object:
  - id: request
    kind: email
    regions: [CN]
    name: {en: Email request, zh: 邮件申请}
    email: pi@cnapp.example.cn
    covers: {en: Requests., zh: 申请。}
    sources: [policy]
sources:
  policy: {url: "https://cnapp.example.cn/privacy", title: 隐私政策, publisher: CN App, kind: official}
last_verified: "{verified}"
verified_by: sources
""",
    # A Chinese platform with no route at all, and rows for the EU only: "no address found", "no information".
    "bare": """\
id: bare
name: {en: Bare App, zh: 空白应用}
category: china
homepage: https://bare.example.cn/
domains: [bare.example.cn]
summary: {en: A made-up platform., zh: 虚构的平台。}
regions:
  - regions: [EU]
    training: not-offered
    default_on: "no"
    opt_out: none-found
    sources: [policy]
timeline: []
stop_future: []
object: []
alternatives:
  - text: {en: Post less., zh: 少发内容。}
    sources: [policy]
sources:
  policy: {url: "https://bare.example.cn/privacy", title: Privacy policy, publisher: Bare, kind: official}
last_verified: "{verified}"
verified_by: sources
""",
}
PAGE = "---\ndescription: A made-up platform for the letters tests.\n---\n\n# {name}\n\n<!-- optout:status {id} -->\n\n<!-- optout:regions {id} -->\n\n<!-- optout:steps {id} -->\n\n<!-- optout:object {id} -->\n\n<!-- optout:sources {id} -->\n"


@pytest.fixture(scope="module")
def letters_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("letters-project"))
    verified = "2026-01-01"
    for path in (project / "data" / "platforms").glob("*.yml"):
        if path.stem != "linkedin":
            path.unlink()
            for lang in ("en", "zh"):
                (project / "docs" / lang / "platforms" / f"{path.stem}.md").unlink()
        else:
            verified = max(verified, re.search(r'last_verified: "?([0-9-]+)', path.read_text(encoding="utf-8")).group(1))
    for pid, text in FIXTURES.items():
        (project / "data" / "platforms" / f"{pid}.yml").write_text(text.replace("{verified}", verified), encoding="utf-8")
        for lang in ("en", "zh"):
            (project / "docs" / lang / "platforms" / f"{pid}.md").write_text(PAGE.format(name=pid, id=pid), encoding="utf-8")
    out = tmp_path_factory.mktemp("letters-site")
    build(project, out)
    return out


def _html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def _section(html: str, law: str) -> str:
    start = html.index(f'<section class="optout-law" data-law="{law}">')
    return html[start : html.index("</section>", start)]


def _route(html: str, law: str, platform: str) -> str | None:
    found = re.search(rf'<li data-platform="{platform}">(.*?)</li>', _section(html, law), re.S)
    return found.group(1) if found else None


def _laws(guide) -> dict:
    return {letter["id"]: letter for letter in texts.load(ROOT, guide.region_codes)["letters"]["letters"]}


# --- the laws -----------------------------------------------------------------------------------


def test_one_letter_per_law_with_the_contract_ids(guide):
    assert list(_laws(guide)) == LAW_IDS


def test_every_law_says_what_it_gives_when_to_expect_an_answer_and_where_to_escalate(site, guide):
    laws = _laws(guide)
    sources = texts.load(ROOT, guide.region_codes)["letters"]["sources"]
    for lang, prefix in LANGS:
        html = _html(site, f"{prefix}letters")
        for law_id, letter in laws.items():
            section = _section(html, law_id)
            for part in ("rights", "reply", "escalate"):
                assert f"<strong>{guide.strings[lang]['lt_' + part]}</strong>" in section, (lang, law_id, part)
                for key in letter[part]["sources"]:
                    assert f'href="#lsrc-{law_id}-{key}"' in section, (lang, law_id, part, key)
            for key in letter["sources"]:
                assert f'id="lsrc-{law_id}-{key}"' in section and sources[key]["url"].replace("&", "&amp;") in section


def test_chinese_letters_read_as_letters(guide):
    for law_id, letter in _laws(guide).items():
        body = letter["body"]["zh"]
        assert body.startswith("尊敬的{platform}"), law_id
        assert "\n此致\n敬礼！\n" in body and "本人" in body and "贵公司" in body, law_id
        for wrong in ("贵方", "人工智能"):
            assert wrong not in body, (law_id, wrong)
        for text in (letter["note"]["zh"], letter["intro"]["zh"], body):
            assert "直销" not in text, law_id
    gdpr = _laws(guide)["gdpr"]["body"]["zh"]
    assert "除非贵公司能证明存在令人信服的正当理由，且其优先于本人的利益、权利和自由，否则不得继续处理" in gdpr


def test_pipl_letter_cites_the_right_articles(guide):
    pipl = _laws(guide)["pipl"]
    for article in ("第十五条", "第四十四条", "第四十七条", "第四十八条"):
        assert article in pipl["body"]["zh"]
    assert "第四十五条" not in pipl["body"]["zh"], "explanation of processing rules is Article 48, not 45"
    assert "(Article 48)" in pipl["body"]["en"] and "Article 45" not in pipl["body"]["en"]


def test_us_letter_says_there_is_no_general_right_to_object(guide):
    ccpa = _laws(guide)["ccpa"]
    assert "no general right to object" in ccpa["intro"]["en"]
    assert "没有赋予一般性的反对权" in ccpa["intro"]["zh"]


def test_a_fact_citing_a_source_outside_its_letter_is_refused(guide):
    data = texts.load(ROOT, guide.region_codes)["letters"]
    letters = [dict(letter) for letter in data["letters"]]
    letters[0] = {**letters[0], "reply": {**letters[0]["reply"], "sources": ["pipl"]}}
    problems = list(texts._semantic("letters", {**data, "letters": letters}, {"EU", "EEA", "GB", "CH", "CN", "BR", "CA", "US"}))
    assert any("not in this letter's `sources`" in p[1] for p in problems)


def test_region_laws_for_the_overview_regions(guide):
    found = tools.region_laws(guide, list(_laws(guide).values()))
    assert found == {
        "EU": "gdpr",
        "EEA": "gdpr",
        "GB": "uk-gdpr",
        "CH": "revfadp",
        "US": "ccpa",
        "CA": "pipeda",
        "BR": "lgpd",
        "CN": "pipl",
    }


# --- routes -------------------------------------------------------------------------------------


ROUTES = {
    # law: (text that must appear in mailco's route, text that must not)
    "gdpr": ('href="mailto:dpo@mail.example.com?subject=', "privacy@mail.example.com"),
    "uk-gdpr": ('href="mailto:dpo@mail.example.com?subject=', "privacy@mail.example.com"),
    "revfadp": ('href="mailto:dpo@mail.example.com?subject=', "privacy@mail.example.com"),
    "ccpa": ('href="https://mail.example.com/privacy/choices"', "dpo@mail.example.com"),
    "lgpd": ("Rua Exemplo 1, 01000-000 São Paulo", "dpo@mail.example.com"),
    "pipeda": ('href="mailto:privacy@mail.example.com?subject=', "dpo@mail.example.com"),
    # no contact covers mainland China (OTHER never does): the worldwide objection form instead
    "pipl": ('href="https://mail.example.com/object"', "privacy@mail.example.com"),
}


@pytest.mark.parametrize("law", LAW_IDS)
def test_each_law_renders_with_the_platforms_contact(letters_site, law):
    must, must_not = ROUTES[law]
    for lang, prefix in LANGS:
        html = _html(letters_site, f"{prefix}letters")
        route = _route(html, law, "mailco")
        assert route is not None and must in route and must_not not in route, (lang, law, route)
        assert 'class="optout-route-none"' not in route
        # the letter under the law has the platform slot and the reader's fields, and the law's own text
        section = _section(html, law)
        assert 'data-slot="platform"' in section and 'class="optout-copy' in section
        assert f'id="letter-{law}"' in section


def test_routes_fall_back_to_actions_then_say_none_was_found(letters_site, guide):
    for lang, prefix in LANGS:
        html = _html(letters_site, f"{prefix}letters")
        cn = _route(html, "pipl", "cnapp")
        assert 'href="mailto:pi@cnapp.example.cn?subject=' in cn
        bare = _route(html, "pipl", "bare")
        assert 'class="optout-route-none"' in bare and 'href="https://bare.example.cn/"' in bare
        none = {"en": "No address for this region was found in its privacy policy", "zh": "在其隐私政策中未找到适用于该地区的地址"}[lang]
        assert none in bare
        assert _route(html, "gdpr", "cnapp") is None, "a mainland-only platform is not listed under the GDPR"
        assert _route(html, "gdpr", "bare") is not None, "its EU row puts it under the GDPR, with no address"
    assert "No platform in this guide offers" not in _html(letters_site, "letters")


def test_every_platform_with_mainland_data_gets_a_pipl_line(site, guide):
    """Real data: a CN row (or category china) gives a PIPL route line, or the honest 'no address found'."""
    for lang, prefix in LANGS:
        html = _html(site, f"{prefix}letters")
        for platform in guide.platforms.values():
            mainland = any("CN" in guide.expand(row["regions"]) for row in platform["regions"]) or platform["category"] == "china"
            if not mainland:
                continue
            route = _route(html, "pipl", platform["id"])
            assert route is not None, (lang, platform["id"])
            assert re.search(r'class="optout-route-(email|form|postal|none)"', route), (lang, platform["id"], route)


def test_salutation_uses_the_short_name(letters_site):
    zh = _html(letters_site, "zh/letters")
    assert '<option value="mailco" data-name="邮件公司">' in zh
    en = _html(letters_site, "letters")
    assert '<option value="mailco" data-name="Mail Co">' in en


# --- links from platform pages -------------------------------------------------------------------


def _letter_links(html: str) -> list[str]:
    block = re.search(r'<p class="optout-letter-link">(.*?)</p>', html, re.S)
    assert block, "no letter link"
    return [h.replace("&amp;", "&") for h in re.findall(r'href="([^"]+)"', block.group(1))]


def _check_links(site: Path, guide, platform_ids):
    for lang, prefix in LANGS:
        for pid in platform_ids:
            url = f"{prefix}platforms/{pid}/"
            html = _html(site, url)
            assert f'class="md-button" data-platform="{pid}"' in html
            links = _letter_links(html)
            for href in links:
                parts = urlsplit(href)
                assert posixpath.normpath(posixpath.join(url, parts.path)) + "/" == f"{prefix}letters/", (lang, pid, href)
                assert parts.fragment == "letter"
                query = parse_qs(parts.query)
                assert query["platform"] == [pid]
                assert set(query) <= {"platform", "law"} and set(query.get("law", LAW_IDS[:1])) <= set(LAW_IDS)
            assert "law" not in links[0], "the first link leaves the law to the reader's region"
            laws = [parse_qs(urlsplit(h).query)["law"][0] for h in links[1:]]
            platform = guide.platforms[pid] if guide else None
            if platform is not None:
                expected = [letter["id"] for letter in _laws(guide).values() if tools.letter_applies(guide, letter, platform)]
                assert laws == expected, (lang, pid)


def test_every_platform_page_links_its_letter_in_both_languages(site, guide):
    _check_links(site, guide, list(guide.platforms))


def test_fixture_platform_pages_link_the_laws_that_apply(letters_site):
    _check_links(letters_site, None, FIXTURES)
    html = _html(letters_site, "platforms/cnapp/")
    assert [parse_qs(urlsplit(h).query).get("law") for h in _letter_links(html)] == [None, ["pipl"]]


# --- status lines ---------------------------------------------------------------------------------


def test_regions_without_a_row_say_no_information(letters_site):
    en = _html(letters_site, "platforms/bare/")
    line = re.search(r'<span class="optout-no-info">(.*?)</span>', en, re.S).group(1)
    assert "Mainland China" in line and "United States" in line and "No information" in line
    assert "European Union" not in line, "the EU has a row"
    zh = _html(letters_site, "zh/platforms/bare/")
    assert "中国内地" in re.search(r'<span class="optout-no-info">(.*?)</span>', zh, re.S).group(1) and "暂无信息" in zh
    assert 'class="optout-no-info"' not in _html(letters_site, "platforms/mailco/"), "a worldwide row covers every region"


def test_hedged_statuses_are_shown_as_such(letters_site):
    en = page(letters_site, "platforms/bare").text
    assert "Opt-out: None found" in en and "Training: not offered here" in en
    zh = page(letters_site, "zh/platforms/mailco").text
    assert "可否退出：未找到" in zh


def test_hedged_statuses_in_the_table_overview_and_exports(letters_site):
    table = _html(letters_site, "platforms/bare/")
    table = table[table.index("optout-regions") :]
    table = table[: table.index("</table>")]
    assert "Not offered here" in table and 'data-label="Opt-out">None found<' in table
    for prefix, labels in (("", ("None found", "Not offered")), ("zh/", ("未找到", "未在此提供服务"))):
        overview = _html(letters_site, f"{prefix}overview")
        start = overview.index('data-id="bare">')
        row = overview[start : overview.index("</tr>", start)]
        opt = re.search(r'<td class="optout-ov-opt"[^>]*>([^<]*)</td>', row)
        assert opt and opt.group(1) == labels[0], (prefix, row)
        assert 'data-status="not_offered"' in row
    with open(letters_site / "api" / "overview.csv", encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["platform_id"] == "bare"]
    assert [(r["training"], r["status"], r["opt_out"]) for r in rows] == [("not-offered", "not_offered", "none-found")]
    data = json.loads((letters_site / "api" / "platforms.json").read_text(encoding="utf-8"))
    bare = next(p for p in data["platforms"] if p["id"] == "bare")
    assert bare["regions"][0]["opt_out"] == "none-found" and bare["regions"][0]["training"] == "not-offered"

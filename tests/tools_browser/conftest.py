"""Browser fixtures for the reader tools: a small site with four platforms, served on 127.0.0.1, and
one chromium driven by Playwright from a thread of its own.

The site is the real project plus three made-up platforms (alpha: upcoming in the EU; zeta: paused
in mainland China, with an email request and a contact for letters there; omega: worldwide,
unconfirmed, nothing to do but a deadline to come), so filters
and sorting have something to tell apart whatever the real data holds. Their dates are derived from
the real data's newest last_verified, so "upcoming" stays upcoming as the data is re-verified.

Playwright's sync API refuses to start in a thread where another sync Playwright is running (another
package's session-wide browser, say), so this one lives in its own thread: tests pass a function to
`in_browser`, which runs it there with the browser and returns its result (or raises its error).
Chromium is Debian's /usr/bin/chromium; when it is missing the tests are skipped, or fail under CI=true.
"""

from __future__ import annotations

import datetime as dt
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from browsing import CHROMIUM, LAUNCH_ARGS, require_browser
from conftest import build, copy_project, newest_verified_epoch
from serving import serve

# The made-up platforms, sorted by English name together with LinkedIn: Alpha Test, LinkedIn, Omega Test, Zeta Test.
NAMES = ["Alpha Test", "LinkedIn", "Omega Test", "Zeta Test"]

PLATFORMS = {
    "alpha": """\
id: alpha
name: {{en: Alpha Test, zh: 阿尔法测试}}
category: social
homepage: https://alpha.example.com/
domains: [alpha.example.com]
summary: {{en: A made-up platform for the tests., zh: 测试用的虚构平台。}}
regions:
  - regions: [EU, EEA]
    training: "yes"
    since: "{future}"
    default_on: "no"
    opt_out: "yes"
    sources: [notice]
timeline:
  - date: "{future}"
    kind: effective
    regions: [EU, EEA]
    text: {{en: Training starts., zh: 开始训练。}}
    sources: [notice]
stop_future:
  - id: switch
    regions: [EU, EEA]
    setting: {{en: AI switch, zh: “AI switch”（AI 开关）}}
    url: https://alpha.example.com/settings
    steps:
      web:
        - {{en: Turn the switch off., zh: 关闭开关。}}
    sources: [notice]
object: []
sources:
  notice: {{url: "https://alpha.example.com/privacy", title: Privacy notice, publisher: Alpha, kind: official}}
last_verified: "{verified}"
verified_by: sources
""",
    "zeta": """\
id: zeta
name: {{en: Zeta Test, zh: 泽塔测试}}
category: china
homepage: https://zeta.example.cn/
domains: [zeta.example.cn]
summary: {{en: A made-up platform for the tests., zh: 测试用的虚构平台。}}
regions:
  - regions: [CN]
    training: paused
    default_on: "yes"
    opt_out: "no"
    sources: [notice]
  - regions: [US]
    training: "no"
    default_on: "no"
    opt_out: "no"
    sources: [notice]
timeline:
  - date: "{past}"
    kind: paused
    regions: [CN]
    text: {{en: Training paused., zh: 暂停训练。}}
    sources: [notice]
stop_future: []
object:
  - id: email-request
    kind: email
    regions: [CN]
    name: {{en: Email request, zh: 邮件申请}}
    email: privacy@zeta.example.cn
    covers: {{en: Asking to stop the use of your data., zh: 要求停止使用你的数据。}}
    sources: [notice]
contacts:
  - id: pi-officer
    kind: email
    regions: [CN]
    name: {{en: Personal information protection officer, zh: 个人信息保护负责人}}
    email: pi@zeta.example.cn
    sources: [notice]
sources:
  notice: {{url: "https://zeta.example.cn/privacy", title: Privacy notice, publisher: Zeta, kind: official}}
last_verified: "{verified}"
verified_by: sources
""",
    "omega": """\
id: omega
name: {{en: Omega Test, zh: 欧米伽测试}}
category: work
homepage: https://omega.example.org/
domains: [omega.example.org]
summary: {{en: A made-up platform for the tests., zh: 测试用的虚构平台。}}
regions:
  - regions: [WORLD]
    training: unconfirmed
    default_on: unconfirmed
    opt_out: "no"
    sources: [notice]
timeline:
  - date: "{future}"
    kind: deadline
    regions: [WORLD]
    text: {{en: Last day to object., zh: 提出异议的最后一天。}}
    sources: [notice]
stop_future: []
object: []
alternatives:
  - text: {{en: Post less., zh: 少发内容。}}
    sources: [notice]
sources:
  notice: {{url: "https://omega.example.org/privacy", title: Privacy notice, publisher: Omega, kind: official}}
last_verified: "{past}"
verified_by: sources
""",
}
PAGE = "---\ndescription: A made-up platform for the reader tools' browser tests.\n---\n\n# {name}\n\n<!-- optout:status {id} -->\n\n<!-- optout:steps {id} -->\n\n<!-- optout:object {id} -->\n\n<!-- optout:alternatives {id} -->\n\n<!-- optout:sources {id} -->\n"


@pytest.fixture(scope="package")
def tools_site(tmp_path_factory) -> Path:
    """The project with LinkedIn as its only real platform, plus three made-up ones and their pages.

    A fixed set of platforms keeps the expected filter results, orders and counts exact however
    many platforms the real data grows to.
    """
    project = copy_project(tmp_path_factory.mktemp("tools-project"))
    for path in (project / "data" / "platforms").glob("*.yml"):
        if path.stem != "linkedin":
            path.unlink()
            for lang in ("en", "zh"):
                (project / "docs" / lang / "platforms" / f"{path.stem}.md").unlink()
    # LinkedIn's own mainland China row (if the real data has one) is left out, so the tests show that
    # its "rest of the world" row never stands in for mainland China.
    linkedin = project / "data" / "platforms" / "linkedin.yml"
    linkedin.write_text(
        re.sub(r"^  - regions: \[CN\]\n(?:    .*\n|      .*\n|\n(?=    ))*", "", linkedin.read_text(encoding="utf-8"), count=1, flags=re.M),
        encoding="utf-8",
    )
    newest = dt.datetime.fromtimestamp(newest_verified_epoch(project), tz=dt.UTC).date()
    dates = {"future": newest + dt.timedelta(days=90), "past": newest - dt.timedelta(days=60), "verified": newest - dt.timedelta(days=1)}
    for pid, text in PLATFORMS.items():
        (project / "data" / "platforms" / f"{pid}.yml").write_text(
            text.format(**{k: v.isoformat() for k, v in dates.items()}), encoding="utf-8"
        )
        name = next(n for n in NAMES if n.lower().startswith(pid))
        for lang in ("en", "zh"):
            (project / "docs" / lang / "platforms" / f"{pid}.md").write_text(PAGE.format(name=name, id=pid), encoding="utf-8")
    out = tmp_path_factory.mktemp("tools-site")
    build(project, out)
    return out


@pytest.fixture(scope="package")
def tools_base(tools_site: Path):
    with serve(tools_site) as base:
        yield base


class BrowserThread:
    """Chromium driven from one dedicated thread (the session's shared `browser` lives in the main
    thread, and Playwright's sync API allows one instance per thread); `run(fn, *args)` calls fn(browser, *args) there."""

    def __init__(self):
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tools-browser")
        self._pool.submit(self._start).result(timeout=120)

    def _start(self):
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self.browser = self._playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)

    def run(self, fn, *args):
        return self._pool.submit(fn, self.browser, *args).result(timeout=180)

    def close(self):
        def stop():
            self.browser.close()
            self._playwright.stop()

        self._pool.submit(stop).result(timeout=60)
        self._pool.shutdown()


@pytest.fixture(scope="package")
def in_browser():
    require_browser()
    thread = BrowserThread()
    yield thread.run
    thread.close()


class Requests:
    """Every request a context makes; anything not for the test server is aborted and kept."""

    def __init__(self, base: str):
        self.netloc = urlsplit(base).netloc
        self.offsite: list[str] = []

    def route(self, route):
        if urlsplit(route.request.url).netloc == self.netloc:
            route.continue_()
        else:
            self.offsite.append(route.request.url)
            route.abort("blockedbyclient")


def open_page(browser, base: str, **options):
    """(context, page, requests): a fresh context (empty storage), requests outside the test server blocked."""
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **options})
    context.set_default_timeout(10_000)
    requests = Requests(base)
    context.route("**/*", requests.route)
    return context, context.new_page(), requests

"""scripts/watch.py against a local HTTP server on 127.0.0.1 that serves a fixture page for every
state the watch reports (issue 13). No request leaves this machine."""

from __future__ import annotations

import importlib.util
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import ROOT

spec = importlib.util.spec_from_file_location("watch", ROOT / "scripts" / "watch.py")
watch = importlib.util.module_from_spec(spec)
sys.modules["watch"] = watch  # dataclasses look their module up there
spec.loader.exec_module(watch)

POLICY = "<html><head><title>Privacy</title></head><body><nav>Home · Help · Sign in</nav><article><h1>Privacy Policy</h1>{body}</article><footer>© Example</footer></body></html>"
BEFORE = "<p>We use your public posts to train our AI models. You can turn this off in Settings.</p><p>This policy is effective from March 1, 2026 for every member of the service.</p>"
AFTER = "<p>We use your public posts and your private messages to train our AI models. You can turn this off in Settings.</p><p>This policy is effective from March 1, 2026 for every member of the service.</p>"


class Fixture(BaseHTTPRequestHandler):
    pages = {
        "/policy": BEFORE,
        "/help": "<p>Open Settings, then Data privacy, then switch AI training off for good.</p><p>It takes effect at once for every future post.</p>",
    }
    seen_agents: list[str] = []

    def do_GET(self):  # noqa: N802 - the base class's name
        self.seen_agents.append(self.headers.get("User-Agent", ""))
        path = self.path
        if path in self.pages:
            self._send(200, POLICY.format(body=self.pages[path]))
        elif path == "/old-form":
            self.send_response(301)
            self.send_header("Location", "/new-form")
            self.end_headers()
        elif path == "/new-form":
            self._send(200, POLICY.format(body="<p>The objection form moved here; fill it in while signed in.</p>"))
        elif path == "/slash":
            self.send_response(301)
            self.send_header("Location", "/slash/")
            self.end_headers()
        elif path == "/slash/":
            self._send(200, POLICY.format(body="<p>The same page, with a trailing slash added by the server.</p>"))
        elif path in ("/gone", "/removed"):
            self._send(404 if path == "/gone" else 410, "<p>Not here</p>")
        elif path in ("/members", "/account"):
            self._send(403 if path == "/members" else 401, "<p>Sign in</p>")
        else:
            self._send(500, "<p>Oops</p>")

    def _send(self, status: int, html: str):
        body = html.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Fixture)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    Fixture.pages["/policy"] = BEFORE
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _targets(base: str, closed_port: int):
    T = watch.Target
    return [
        T("alpha", "sources.policy", f"{base}/policy", False),
        T("alpha", "stop_future.ai", f"{base}/help", True),
        T("alpha", "object.form", f"{base}/old-form", True),
        T("alpha", "sources.slash", f"{base}/slash", False),
        T("beta", "sources.gone", f"{base}/gone", False),
        T("beta", "object.removed", f"{base}/removed", True),
        T("beta", "sources.members", f"{base}/members", False),
        T("beta", "sources.account", f"{base}/account", False),
        T("beta", "sources.broken", f"{base}/error", False),
        T("beta", "sources.offline", f"http://127.0.0.1:{closed_port}/x", False),
        T("gamma", "sources.policy-again", f"{base}/policy", False),  # the same URL: fetched once
    ]


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _statuses(results):
    return {r.target.what: r.status for r in results}


def test_every_state_is_reported_and_changes_show_a_diff(server, tmp_path):
    targets = _targets(server, _closed_port())
    state: dict = {}
    first = watch.run(targets, state, delay=0, timeout=5)
    assert _statuses(first) == {
        "sources.policy": "new",
        "stop_future.ai": "new",
        "object.form": "moved",
        "sources.slash": "new",
        "sources.gone": "gone",
        "object.removed": "gone",
        "sources.members": "login-walled",
        "sources.account": "login-walled",
        "sources.broken": "unreachable",
        "sources.offline": "unreachable",
        "sources.policy-again": "new",
    }
    assert "navigation" not in json.dumps(state) and "Home · Help" not in state[f"{server}/policy"]["text"], "boilerplate is left out"
    assert "/new-form" in next(r.detail for r in first if r.status == "moved")

    Fixture.pages["/policy"] = AFTER
    second = watch.run(targets, state, delay=0, timeout=5)
    statuses = _statuses(second)
    assert statuses["sources.policy"] == statuses["sources.policy-again"] == "changed"
    assert statuses["stop_future.ai"] == statuses["sources.slash"] == "unchanged"
    changed = next(r for r in second if r.target.what == "sources.policy")
    assert any(line.startswith("+") and "private messages" in line for line in changed.diff)
    assert any(line.startswith("-") and "public posts to train" in line for line in changed.diff)

    third = watch.run(targets, state, delay=0, timeout=5)
    assert _statuses(third)["sources.policy"] == "unchanged"


def test_polite_identified_and_one_request_per_address(server):
    Fixture.seen_agents.clear()
    targets = _targets(server, _closed_port())
    watch.run(targets, {}, delay=0, timeout=5)
    assert all(agent == watch.USER_AGENT for agent in Fixture.seen_agents)
    # 10 distinct addresses on the server (the offline one never arrives), plus 2 redirect targets
    assert len(Fixture.seen_agents) == 11


def test_delay_between_requests_to_one_host(server):
    import time

    T = watch.Target
    started = time.monotonic()
    watch.run([T("a", "x", f"{server}/policy", False), T("a", "y", f"{server}/help", False)], {}, delay=0.5, timeout=5)
    assert time.monotonic() - started >= 0.5


def test_reports_one_issue_body_per_platform_to_act_on(server, tmp_path):
    targets = _targets(server, _closed_port())
    state: dict = {}
    watch.run(targets, state, delay=0, timeout=5)
    Fixture.pages["/policy"] = AFTER
    results = watch.run(targets, state, delay=0, timeout=5)
    written = watch.write_reports(results, tmp_path / "report")
    assert written == ["alpha", "beta", "gamma"]
    alpha = (tmp_path / "report" / "alpha.md").read_text(encoding="utf-8")
    assert "**changed**: `sources.policy`" in alpha and "```diff" in alpha and "private messages" in alpha
    assert "**moved**: `object.form` (a link the site shows as a button)" in alpha
    summary = (tmp_path / "report" / "summary.md").read_text(encoding="utf-8")
    assert "## Links the site shows that are gone or moved" in summary
    assert "`object.removed`" in summary and "`object.form`" in summary
    assert "| beta | 0 | 0 | 2 | 2 | 2 | 0 | 0 |" in summary


def test_the_real_data_gives_every_source_and_action_url():
    found = watch.targets(ROOT)
    urls = {t.url for t in found}
    assert len(found) > 150
    assert "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement" in urls
    assert any(t.owner == "letters" for t in found) and any(t.shown for t in found)
    assert all(u.startswith("https://") for u in urls)

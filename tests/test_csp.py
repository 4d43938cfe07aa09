"""The build writes site/_headers with a strict Content-Security-Policy whose script hashes are
exactly those of the inline scripts in the built pages (the browser side is in tests/csp_browser/)."""

from __future__ import annotations

from conftest import load_hook
from helpers_html import html_files

CSP = load_hook("csp")


def _policy(site) -> dict[str, list[str]]:
    lines = (site / "_headers").read_text(encoding="utf-8").splitlines()
    assert "/*" in lines
    value = next(line.split(":", 1)[1] for line in lines if line.strip().startswith("Content-Security-Policy:"))
    return {d.split()[0]: d.split()[1:] for d in value.split(";") if d.strip()}


def test_policy_is_strict(site):
    policy = _policy(site)
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"] and policy["base-uri"] == ["'self'"]
    sources = [s for values in policy.values() for s in values]
    assert not [
        s for s in sources if s in ("*", "'unsafe-inline'", "'unsafe-eval'", "http:", "https:") or "://" in s or "." in s.strip("'")
    ]
    assert set(sources) <= {"'self'", "'none'", "data:"} | {s for s in policy["script-src"] if s.startswith("'sha256-")}


def test_every_inline_script_is_hashed_and_no_hash_is_spare(site):
    wanted = set()
    for path in html_files(site):
        wanted |= CSP.inline_script_hashes(path.read_text(encoding="utf-8"))
    listed = {s for s in _policy(site)["script-src"] if s.startswith("'sha256-")}
    assert wanted and listed == wanted


def test_json_and_external_scripts_need_no_hash():
    html = '<script src="x.js"></script><script id="__config" type="application/json">{"a":1}</script><script>run()</script>'
    assert CSP.inline_script_hashes(html) == {"'sha256-AvyuiL0SD1mVY3NNxR+V2uo+lhk6RMFrytWmRt6CrJQ='"}

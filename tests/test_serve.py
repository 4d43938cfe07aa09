"""`mkdocs serve` rebuilds when a data file or a partial changes, and serves the new content."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import urlsplit

import pytest

from conftest import SITE_URL


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, needle: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    body = ""
    while time.monotonic() < deadline:
        try:
            body = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
            if needle in body:
                return body
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"{needle!r} did not appear at {url} within {timeout} s")


def test_serve_reloads_data_and_partials(project):
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", I18N_ONLY="en")
    env.pop("SITE_URL", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}{urlsplit(SITE_URL).path}platforms/linkedin/"  # serve mounts the site at site_url's path
        _wait_for(url, "Data for Generative AI Improvement")
        data = project / "data" / "platforms" / "linkedin.yml"
        data.write_text(
            data.read_text(encoding="utf-8").replace(
                "      en: Data for Generative AI Improvement", "      en: Renamed Setting For Test", 1
            ),
            encoding="utf-8",
        )
        _wait_for(url, "Renamed Setting For Test")
        partial = project / "overrides" / "partials" / "optout" / "platform.html"
        partial.write_text(
            partial.read_text(encoding="utf-8").replace(
                '<div class="optout-glance" markdown>', '<div class="optout-glance partial-edited" markdown>', 1
            ),
            encoding="utf-8",
        )
        _wait_for(url, "partial-edited")
    finally:
        proc.terminate()
        proc.wait(timeout=20)

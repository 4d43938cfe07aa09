"""A built site on a real HTTP server, as a static host serves it: threaded, on a free port of
127.0.0.1, optionally with the headers of the site's _headers file (Content-Security-Policy)."""

from __future__ import annotations

import contextlib
import functools
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from conftest import SITE_URL

# Collects CSP violations in every page before any of its scripts run (a context's init script).
WATCH_CSP = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile || location.pathname}:${e.lineNumber}`);
});
"""


def header_rules(site: Path) -> list[tuple[str, dict[str, str]]]:
    """The _headers file as (path pattern, headers) rules, in order, as Netlify and Cloudflare Pages read it."""
    rules: list[tuple[str, dict[str, str]]] = []
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), {}))
        else:
            name, _, value = line.strip().partition(":")
            rules[-1][1][name.strip()] = value.strip()
    return rules


def matches(pattern: str, path: str) -> bool:
    """A rule's path pattern against a request path: exact, or a trailing * (splat) for any rest."""
    return path.startswith(pattern[:-1]) if pattern.endswith("*") else path == pattern


def headers_for(rules: list[tuple[str, dict[str, str]]], path: str) -> list[tuple[str, str]]:
    """Every (header, value) the rules give a request path; a header twice means the host would join them."""
    return [item for pattern, headers in rules if matches(pattern, path) for item in headers.items()]


def site_headers(site: Path) -> dict[str, str]:
    """The headers the _headers file gives every path (`/*`)."""
    return dict(headers_for([r for r in header_rules(site) if r[0] == "/*"], "/"))


class _Handler(SimpleHTTPRequestHandler):
    extra: dict[str, str] = {}
    rules: list = []
    # The site's path under its host, as GitHub Pages serves a project (/REPO/): links that MkDocs
    # writes from site_url (the 404 pages', the home page's language switcher) resolve as they will
    # when published; anything outside it is not found, as there.
    mount = urlsplit(SITE_URL).path

    def translate_path(self, path):
        if not path.startswith(self.mount):
            return str(Path(self.directory) / ".not-the-site" / "missing")
        return super().translate_path("/" + path[len(self.mount) :])

    def end_headers(self):
        for name, value in self.extra.items():
            self.send_header(name, value)
        path = self.path.split("?", 1)[0]
        for name, value in headers_for(self.rules, "/" + path[len(self.mount) :] if path.startswith(self.mount) else path):
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A browser that leaves a page mid-download closes the connection: not worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path, headers: dict[str, str] | None = None, rules: list | None = None) -> Iterator[str]:
    """Serve `directory` (with `headers` on every response, and the _headers `rules` that match each
    path); yields the site's base URL (under its Pages path), with a trailing slash."""
    handler = type("Handler", (_Handler,), {"extra": dict(headers or {}), "rules": list(rules or [])})
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, name="test-site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{_Handler.mount}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()

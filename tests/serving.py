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

# Collects CSP violations in every page before any of its scripts run (a context's init script).
WATCH_CSP = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile || location.pathname}:${e.lineNumber}`);
});
"""


def site_headers(site: Path) -> dict[str, str]:
    """The headers the _headers file gives every path (`/*`), as Netlify and Cloudflare Pages read it."""
    headers, current = {}, None
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = line.strip()
        elif current == "/*":
            name, _, value = line.strip().partition(":")
            headers[name.strip()] = value.strip()
    return headers


class _Handler(SimpleHTTPRequestHandler):
    extra: dict[str, str] = {}

    def end_headers(self):
        for name, value in self.extra.items():
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
def serve(directory: Path, headers: dict[str, str] | None = None) -> Iterator[str]:
    """Serve `directory` (with `headers` on every response); yields the base URL, with a trailing slash."""
    handler = type("Handler", (_Handler,), {"extra": dict(headers or {})})
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, name="test-site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()

"""Serving a built site as a static host would: a threaded HTTP server on 127.0.0.1 (a free port)
that sends the headers of the site's _headers file, Content-Security-Policy included."""

from __future__ import annotations

import contextlib
import functools
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# Collects CSP violations in every page before any of its scripts run.
WATCH = """
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

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(site: Path, headers: dict[str, str]):
    """Serve `site` on a free port of 127.0.0.1 with `headers` on every response; yields the base URL."""
    handler = functools.partial(type("Handler", (_Handler,), {"extra": headers}), directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def site_pages(site: Path) -> list[str]:
    """Every page of the sitemap (both languages), as paths relative to the site root, and 404.html."""
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    urls = set(re.findall(r"<loc>([^<]+)</loc>", text)) | set(re.findall(r'hreflang="[^"]+" href="([^"]+)"', text))
    root = re.match(r"https?://[^/]+/", min(urls, key=len)).group(0)
    return sorted({u[len(root) :] for u in urls}) + ["404.html"]

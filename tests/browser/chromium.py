"""How this project drives a browser: Debian's Chromium (Playwright cannot download its own
here) and a static server that knows the runtime's file types. Shared by the browser tests,
bench/checker.py and scripts/screenshots.py."""

from __future__ import annotations

import http.server
import os
from typing import Any

CHROMIUM = os.environ.get("SENDORSKIP_CHROMIUM", "/usr/bin/chromium")
# Without the networking flags Chromium keeps trying to reach Google's hosts from this closed network.
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static server that serves WebAssembly and JavaScript modules with their types."""

    # An instance variable to typeshed (so no ClassVar), though the standard library sets it on
    # the class, as here.
    extensions_map = {  # noqa: RUF012
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
    }

    def log_message(self, format: str, *args: Any) -> None:
        pass

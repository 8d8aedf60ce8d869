"""Real parts for browser tests: the built site served over HTTP on 127.0.0.1 under a sub-path,
and Debian's Chromium driven by Playwright (browser downloads are blocked on this platform).
"""

from __future__ import annotations

import functools
import http.server
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

import pytest

from ..site.conftest import mkdocs_build
from .chromium import ARGS, CHROMIUM, QuietHandler

SUBPATH = "/careers/thank-you/"

pytestmark = pytest.mark.browser


class _Handler(QuietHandler):
    """Serves the site under SUBPATH only, like a career center's server would."""

    headers_to_send: ClassVar[dict[str, str]] = {}  # on every response (a policy, say)

    def end_headers(self) -> None:
        for name, value in self.headers_to_send.items():
            self.send_header(name, value)
        super().end_headers()

    def translate_path(self, path: str) -> str:
        if not path.startswith(SUBPATH):
            return "/nonexistent"
        return super().translate_path("/" + path[len(SUBPATH) :])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_served(url: str) -> None:
    """Until a server just started answers ``url`` (for at most 5 s)."""
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)


@dataclass
class Site:
    root: Path
    url: str  # ends with SUBPATH

    @property
    def origin(self) -> str:
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}"


def serve(
    root: Path, port: int, headers: dict[str, str] | None = None
) -> http.server.ThreadingHTTPServer:
    handler_class = type("_Served", (_Handler,), {"headers_to_send": headers or {}})
    handler = functools.partial(handler_class, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    port = free_port()
    url = f"http://127.0.0.1:{port}{SUBPATH}"
    root = mkdocs_build(tmp_path_factory.mktemp("served"), site_url=url)
    server = serve(root, port)
    yield Site(root, url)
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}: run scripts/setup --browser")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@dataclass
class Watch:
    """What a page did: every request's URL, console errors, uncaught exceptions."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def foreign(self, origin: str) -> list[str]:
        return [
            u
            for u in self.requests
            if not u.startswith(origin) and not u.startswith(("data:", "blob:"))
        ]


@pytest.fixture
def watched(browser: Any) -> Iterator[tuple[Any, Watch]]:
    context = browser.new_context()
    watch = Watch()
    context.on("request", lambda r: watch.requests.append(r.url))
    page = context.new_page()
    page.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: watch.errors.append(str(e)))
    yield page, watch
    context.close()

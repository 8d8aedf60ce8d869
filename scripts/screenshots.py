"""Capture the handbook at phone and desktop width, for a person to look at.

    .venv/bin/python scripts/screenshots.py [OUT_DIR]   (default: tests/artifacts/screenshots)

Builds the site, serves it on 127.0.0.1 and drives Debian's Chromium, as the browser tests do.
"""

from __future__ import annotations

import functools
import http.server
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the browser set-up shared with the tests
from tests.browser.chromium import ARGS, CHROMIUM, QuietHandler  # noqa: E402
from tests.site.conftest import mkdocs_build  # noqa: E402

PAGES = {
    "home": "",
    "panel": "situations/panel/",
    "experts": "experts/",
    "matrix": "who-says-what/",
    "checker": "checker/",
}
SIZES = {"phone": (390, 844), "desktop": (1280, 800)}


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        mkdocs_build(Path(tmp))
        handler = functools.partial(QuietHandler, directory=tmp)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for size, (width, height) in SIZES.items():
                for scheme in ("light", "dark"):
                    page = browser.new_page(
                        viewport={"width": width, "height": height}, color_scheme=scheme
                    )
                    for name, path in PAGES.items():
                        page.goto(base + path, wait_until="networkidle")
                        page.screenshot(
                            path=out / f"{name}-{size}-{scheme}.png", full_page=size == "phone"
                        )
                    page.close()
            browser.close()
        server.shutdown()
        server.server_close()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "artifacts" / "screenshots")

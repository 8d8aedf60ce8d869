"""The checker's start-up and response figures, against a naive baseline measured in the same run.

    .venv/bin/python bench/checker.py [--runs 5]

Ours: the built handbook's checker page (module worker, bytecode-compiled runtime).
Naive: a page that calls ``loadPyodide`` and ``loadPackage`` on the main thread with the stock
(source) standard library. Both are served from 127.0.0.1 and driven in Debian's Chromium.
Prints figures; never fails on them. Targets (2-core machine): cold ≤ 1.0 s, warm ≤ 0.5 s, no
main-thread task over 50 ms, submit→rendered p95 ≤ 50 ms, ≤ 5 MB gzip.

"Warm" is a second visit with the same browser profile. The server sends
``Cache-Control: max-age=600`` with every file, as GitHub Pages does: without any caching
header (``http.server`` sends none) the browser's heuristics decide between its cache and a
revalidation per file, so the warm figure measured those heuristics rather than the page.
Bytes are counted as gzip at level 6: compressing is the web server's job (hosting guide).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import statistics
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

from sendorskip.runtime.build import build_runtime
from sendorskip.runtime.wheel import package_wheel

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the browser set-up shared with the tests
from tests.browser.chromium import ARGS, CHROMIUM, QuietHandler  # noqa: E402
from tests.site.conftest import mkdocs_build  # noqa: E402

LONGTASKS = """
window.__longest = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
}).observe({ type: "longtask", buffered: true });
"""
NAIVE_PAGE = """<!doctype html><html lang="en"><title>naive</title>
<form id="f"><button>advise</button></form><pre id="out"></pre>
<script type="module">
import { loadPyodide } from "./pyodide/pyodide.mjs";
const base = new URL("./pyodide/", import.meta.url).href;
const py = await loadPyodide({ indexURL: base, packageBaseUrl: base });
await py.loadPackage("sendorskip");
py.runPython("import json\\nfrom sendorskip import api");
const advise = py.runPython("lambda text: json.dumps(api.advise(json.loads(text)))");
advise('{"went": "well"}');
document.getElementById("f").addEventListener("submit", (e) => {
  e.preventDefault();
  document.getElementById("out").textContent = advise(JSON.stringify(window.__situation));
});
window.__ready = performance.now();
</script></html>
"""
SITUATION = {
    "went": "well",
    "interviewers": [
        {"name": "Ana", "email_known": True, "topics": ["caching"]},
        {"name": "Ben", "email_known": True},
        {"name": "Cy"},
    ],
}
SUBMITS = """async ([form, out, ready, rounds]) => {
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const target = document.querySelector(out);
    target.replaceChildren();
    const done = new Promise((resolve) => {
      const seen = new MutationObserver(() => { if (document.querySelector(ready)) { seen.disconnect(); resolve(); } });
      seen.observe(target, { childList: true, subtree: true, characterData: true });
    });
    const t0 = performance.now();
    document.querySelector(form).requestSubmit();
    await done;
    times.push(performance.now() - t0);
  }
  return times;
}"""


class Cached(QuietHandler):
    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")  # GitHub Pages' default, see above
        super().end_headers()


def serve(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Cached, directory=str(root))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def build(tmp: Path) -> tuple[Path, Path]:
    ours = tmp / "ours"
    mkdocs_build(ours)
    naive = tmp / "naive"
    build_runtime(naive / "pyodide", package_wheel=package_wheel(tmp / "wheel"), precompiled=False)
    (naive / "index.html").write_text(NAIVE_PAGE, "utf-8")
    return ours, naive


def visit(context: Any, url: str, wait_ready: str) -> tuple[float, float, list[str]]:
    requests: list[str] = []
    page = context.new_page()
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url)
    ready = page.evaluate(wait_ready)
    longest = page.evaluate("window.__longest")
    page.close()
    return ready / 1000, longest, requests


def measure(
    browser_launch: Callable[[str], Any], url: str, wait_ready: str, runs: int
) -> dict[str, Any]:
    cold, warm, longest = [], [], []
    requests: list[str] = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as profile:
            context = browser_launch(profile)
            context.add_init_script(LONGTASKS)
            seconds, task, requests = visit(context, url, wait_ready)
            cold.append(seconds)
            longest.append(task)
            seconds, task, _ = visit(context, url, wait_ready)
            warm.append(seconds)
            longest.append(task)
            context.close()
    return {
        "cold": statistics.median(cold),
        "warm": statistics.median(warm),
        "longest": max(longest),
        "requests": requests,
    }


def submits(
    context: Any, url: str, wait_ready: str, form: str, out: str, ready: str, setup: str
) -> list[float]:
    page = context.new_page()
    page.goto(url)
    page.evaluate(wait_ready)
    page.evaluate(setup)
    page.evaluate(SUBMITS, [form, out, ready, 5])  # warm-up
    times: list[float] = sorted(page.evaluate(SUBMITS, [form, out, ready, 60]))
    page.close()
    return times


def transfer(root: Path, base: str, requests: list[str]) -> tuple[int, int]:
    raw = packed = 0
    for url in set(requests):
        if not url.startswith(base):
            continue
        path = root / urlsplit(url).path.lstrip("/")
        path = path / "index.html" if path.is_dir() else path
        if path.is_file():
            data = path.read_bytes()
            raw += len(data)
            packed += len(gzip.compress(data, 6))
    return raw, packed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        ours_dir, naive_dir = build(Path(tmp))
        ours_server, ours_url = serve(ours_dir)
        naive_server, naive_url = serve(naive_dir)

        def launch(profile: str) -> Any:
            return p.chromium.launch_persistent_context(
                profile, executable_path=CHROMIUM, args=ARGS
            )

        ours_ready = "window.sendorskip.ready.then(() => performance.now())"
        naive_ready = (
            "new Promise(r => { const t = () => window.__ready ? r(window.__ready) : setTimeout(t, 5);"
            " t(); })"
        )
        rows = {}
        for name, base, path, root, ready in (
            ("ours", ours_url, "checker/", ours_dir, ours_ready),
            ("naive", naive_url, "", naive_dir, naive_ready),
        ):
            figures = measure(launch, base + path, ready, runs)
            figures["bytes"] = transfer(root, base, figures["requests"])
            rows[name] = figures
        with tempfile.TemporaryDirectory() as profile:
            context = launch(profile)
            fill = (
                "document.querySelector('input[name=went][value=well]').checked = true;"
                "document.querySelector('.sos-person input[name=name]').value = 'Ana';"
            )
            rows["ours"]["submit"] = submits(
                context,
                ours_url + "checker/",
                ours_ready,
                '[data-sos-form="advise"]',
                "[data-sos-results]",
                "[data-sos-verdict]",
                fill,
            )
            rows["naive"]["submit"] = submits(
                context,
                naive_url,
                naive_ready,
                "#f",
                "#out",
                "#out:not(:empty)",
                f"window.__situation = {SITUATION!r}".replace("True", "true"),
            )
            context.close()
        ours_server.shutdown()
        naive_server.shutdown()

    def pct(times: list[float], q: float) -> float:
        return times[min(len(times) - 1, int(len(times) * q))]

    print(f"checker start-up and response, median of {runs} runs (targets in brackets)")
    print(f"{'':34}{'ours':>12}{'naive':>12}")
    for label, key, unit, target in (
        ("cold time-to-ready, fresh profile", "cold", "s", "≤ 1.0 s"),
        ("warm time-to-ready, same profile", "warm", "s", "≤ 0.5 s"),
    ):
        print(
            f"{label:34}{rows['ours'][key]:>11.2f}{unit}{rows['naive'][key]:>11.2f}{unit}  [{target}]"
        )
    print(
        f"{'longest main-thread task':34}{rows['ours']['longest']:>10.0f}ms{rows['naive']['longest']:>10.0f}ms  [≤ 50 ms]"
    )
    for label, q in (("submit→rendered p50", 0.5), ("submit→rendered p95", 0.95)):
        print(
            f"{label:34}{pct(rows['ours']['submit'], q):>10.1f}ms{pct(rows['naive']['submit'], q):>10.1f}ms"
            + ("  [≤ 50 ms]" if q > 0.9 else "")
        )
    for label, i in (("bytes transferred, raw", 0), ("bytes transferred, gzip", 1)):
        print(
            f"{label:34}{rows['ours']['bytes'][i] / 1e6:>10.2f}MB{rows['naive']['bytes'][i] / 1e6:>10.2f}MB"
            + ("  [≤ 5 MB]" if i else "")
        )


if __name__ == "__main__":
    main()

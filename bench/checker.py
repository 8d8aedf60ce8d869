"""The checker's start-up figures (issue 13's targets): snapshot boot, normal boot, a naive
baseline and the engine alone, measured in the same run, visit after visit in turn.

    .venv/bin/python bench/checker.py [--runs 5] [--server plain|nginx]

- snapshot: the built handbook's checker page as built (the worker restores the snapshot);
- normal: the same build with the worker told to start the normal way (``boot: normal``);
- naive: a page that calls ``loadPyodide`` and ``loadPackage`` on the main thread with the stock
  (source) standard library;
- alone: the engine with no page around it: a bare page of the snapshot build that only starts
  the same worker (start.js) and marks the moment it says ready. No Material, no form: what
  the engine's own start costs here, the floor under the snapshot column.

All are served from 127.0.0.1 and driven in Debian's Chromium. Prints figures; never fails on
them. Time-to-ready counts from navigation. "Cold" is a fresh browser profile, "warm" a second
visit with the same profile, "third" the visit after that: Chromium keeps a script's compiled
code (its code cache) only from the script's second load on, so the third visit is the first
that uses it (pyodide.asm.mjs is 1.25 MB of JavaScript). The phone profile is a cold visit
with the CPU throttled 4x through the DevTools protocol (Emulation.setCPUThrottlingRate),
which Chromium applies to the page's main thread only: it refuses it for workers ("only
supported for pages"), so the engine's own start is not slowed.

Two ways to serve the builds. ``--server plain`` (the default) sends every file as it is from
a small Python server, with ``Cache-Control: max-age=600`` as GitHub Pages does (without a
caching header the browser's heuristics decide between its cache and a revalidation per file,
so "warm" would measure those). ``--server nginx`` serves each build from Debian's nginx set up
as the hosting guide shows (docs/hosting/nginx.conf: the precompressed brotli and gzip copies,
pages and scripts revalidated on every visit, the runtime kept a year): what a center's reader
gets. The naive page's one inline script is allowed there.

CPU is what every Chromium process used between navigation and ready, from /proc (Linux
only): with it over the machine's cores, the shortest a visit could take if nothing ever
waited. Chromium's processes are those whose program is named "chromium".

Bytes are what a cold visit downloads, compressed as a web server would send them: brotli at
quality 11 (as a precompressed file) and gzip at level 6. Long tasks are main-thread tasks over
50 ms; "ours" are those in which a script of ours (assets/sendorskip/) ran for over 50 ms, from
the Long Animation Frames API's script attribution.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import hashlib
import http.server
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import brotli
from playwright.sync_api import sync_playwright

from sendorskip.labels import PHRASES
from sendorskip.runtime.build import WORKER_BOOT, build_runtime
from sendorskip.runtime.wheel import package_wheel
from sendorskip.site.compress import ENCODINGS

ROOT = Path(__file__).resolve().parent.parent
CLOCK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
CORES = os.cpu_count() or 1
VISITS = ("cold", "warm", "third")  # in one browser profile, one after another
sys.path.insert(0, str(ROOT))  # the browser set-up shared with the tests
from tests.browser.chromium import ARGS, CHROMIUM, QuietHandler  # noqa: E402
from tests.browser.conftest import SUBPATH, free_port  # noqa: E402
from tests.browser.nginx import GUIDE_CSP, run_nginx  # noqa: E402
from tests.site.conftest import mkdocs_build  # noqa: E402

TASKS = """
window.__tasks = [];
window.__ours = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__tasks.push(entry.duration);
}).observe({ type: "longtask", buffered: true });
new PerformanceObserver((list) => {
  for (const frame of list.getEntries())
    for (const script of frame.scripts)
      if (script.duration > 50 && script.sourceURL.includes("/assets/sendorskip/")) window.__ours.push([Math.round(script.duration), script.sourceURL.split("/").pop(), script.invokerType]);
}).observe({ type: "long-animation-frame", buffered: true });
new MutationObserver((_, seen) => {
  const stage = document.querySelector("[data-sos-stage]");
  if (stage && stage.textContent === READY_WORDS) {
    window.__readyAt = performance.now();
    seen.disconnect();
  }
}).observe(document, { childList: true, subtree: true, characterData: true });
""".replace("READY_WORDS", json.dumps(PHRASES["ready"]))
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


# The engine alone: start.js, then a script that marks the worker's "ready" (start.js keeps what
# the worker said before anyone listened, so none is missed). Files, not inline scripts, so the
# hosting guide's policy allows them.
ALONE_PAGE = """<!doctype html><html lang="en"><title>engine alone</title>
<script src="../assets/sendorskip/start.js"></script><script src="ready.js"></script></html>
"""
ALONE_SCRIPT = """const { worker, said } = window.sendorskipWorker;
const mark = (event) => {
  if (event.data?.type === "ready") [window.__ready, window.__boot] = [performance.now(), event.data.boot];
};
said.forEach(mark);
worker.addEventListener("message", mark);
"""


def _once(mark: str, result: str) -> str:
    """A promise of ``result`` once the page has set ``mark`` (the moment it was ready)."""
    return f"new Promise(r => {{ const t = () => {mark} ? r({result}) : setTimeout(t, 5); t(); }})"


# Ready is when the page says so, as a reader sees it (observed above): asking the page later,
# once Playwright's goto has returned, would add the wait for the load event and a round trip.
OURS_READY = (
    "window.sendorskip.ready.then((boot) => "
    + _once("window.__readyAt", "[window.__readyAt, boot.boot]")
    + ")"
)
NAIVE_READY = _once("window.__ready", "[window.__ready, 'naive']")
ALONE_READY = _once("window.__ready", "[window.__ready, window.__boot]")
SUBMITS = """async ([rounds]) => {
  document.querySelector("input[name=went][value=well]").checked = true;
  document.querySelector(".sos-person input[name=name]").value = "Ana";
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const target = document.querySelector("[data-sos-results]");
    target.replaceChildren();
    const done = new Promise((resolve) => {
      const seen = new MutationObserver(() => {
        if (document.querySelector("[data-sos-results] .sos-verdict")) { seen.disconnect(); resolve(); }
      });
      seen.observe(target, { childList: true, subtree: true, characterData: true });
    });
    const t0 = performance.now();
    document.querySelector('[data-sos-form="advise"]').requestSubmit();
    await done;
    times.push(performance.now() - t0);
  }
  return times;
}"""


class Cached(QuietHandler):
    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")  # GitHub Pages' default, see above
        super().end_headers()


Served = tuple[Callable[[], None], str]  # how to stop the server; the site's address


def serve(root: Path) -> Served:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Cached, directory=str(root))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server.shutdown, f"http://127.0.0.1:{server.server_address[1]}/"


# The naive page has one inline script (ours have none): the guide's policy allows it that.
NAIVE_CSP = f"{GUIDE_CSP} 'unsafe-inline'"


def serve_nginx(root: Path, tmp: Path, csp: str) -> Served:
    """``root`` behind nginx with the hosting guide's configuration, at the guide's address."""
    port = free_port()
    tmp.mkdir()
    try:
        process = run_nginx(tmp, root, port, csp)
    except FileNotFoundError as missing:
        sys.exit(f"bench: {missing}")

    def stop() -> None:
        process.terminate()
        process.wait(timeout=10)

    return stop, f"http://127.0.0.1:{port}{SUBPATH}"


def build(tmp: Path) -> dict[str, Path]:
    """The sites: the handbook as built (with the bare page of the engine alone), the same told to
    boot normally, the naive page."""
    snapshot = tmp / "snapshot"
    mkdocs_build(snapshot)
    normal = tmp / "normal"
    shutil.copytree(snapshot, normal)
    worker = normal / "assets" / "sendorskip" / "worker.js"
    sealed = worker.read_text("utf-8").replace('("auto")', '("normal")')
    assert WORKER_BOOT == '("auto")' and '("normal")' in sealed
    worker.write_text(sealed, "utf-8")
    for suffix, (encode, _) in ENCODINGS.items():  # what nginx sends in its place
        worker.with_name(worker.name + suffix).write_bytes(encode(sealed.encode("utf-8")))
    naive = tmp / "naive"
    build_runtime(naive / "pyodide", package_wheel=package_wheel(tmp / "wheel"), precompiled=False)
    (naive / "index.html").write_text(NAIVE_PAGE, "utf-8")
    alone = snapshot / "alone"
    alone.mkdir()
    (alone / "index.html").write_text(ALONE_PAGE, "utf-8")
    (alone / "ready.js").write_text(ALONE_SCRIPT, "utf-8")
    return {"naive": naive, "normal": normal, "snapshot": snapshot, "alone": snapshot}


def chromium_cpu() -> dict[int, float]:
    """CPU seconds so far of each running Chromium process, threads included."""
    used: dict[int, float] = {}
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if (proc / "comm").read_text().strip() != "chromium":
                continue
            stat = (proc / "stat").read_text()
        except OSError:  # gone meanwhile
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        used[int(proc.name)] = (int(fields[11]) + int(fields[12])) / CLOCK
    return used


def visit(context: Any, url: str, ready: str, throttle: float = 1) -> dict[str, Any]:
    requests: list[str] = []
    page = context.new_page()
    if throttle != 1:
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    page.on("request", lambda r: requests.append(r.url))
    before = chromium_cpu()
    page.goto(url)
    seconds, boot = page.evaluate(
        f"Promise.race([{ready}, new Promise((_, no) => setTimeout(() => no(new Error('not ready')), 120000))])"
    )
    cpu = sum(s - before.get(pid, 0) for pid, s in chromium_cpu().items())
    page.wait_for_timeout(300)  # long-task entries arrive after the task
    tasks, ours = page.evaluate("[window.__tasks, window.__ours]")
    page.close()
    return {
        "s": seconds / 1000,
        "cpu": cpu,
        "boot": boot,
        "tasks": tasks,
        "ours": ours,
        "requests": requests,
    }


def transfer(
    root: Path, base: str, requests: list[str], memo: dict[str, tuple[int, int, int]]
) -> tuple[int, int, int]:
    """Raw, gzip and brotli bytes of what was requested (each file once; brotli at quality 11
    takes a minute on the wasm, so files are compressed once however many builds hold them)."""
    total = [0, 0, 0]
    for url in sorted(set(requests)):
        if not url.startswith(base):
            continue
        path = root / urlsplit(url).path.removeprefix(urlsplit(base).path)
        path = path / "index.html" if path.is_dir() else path
        if not path.is_file():
            continue
        data = path.read_bytes()
        key = hashlib.sha256(data).hexdigest()
        if key not in memo:
            memo[key] = (
                len(data),
                len(gzip.compress(data, 6)),
                len(brotli.compress(data, quality=11)),
            )
        for i, size in enumerate(memo[key]):
            total[i] += size
    return total[0], total[1], total[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--server", choices=("plain", "nginx"), default="plain")
    args = parser.parse_args()
    runs = args.runs
    figures: dict[str, dict[str, list[Any]]] = {}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        roots = build(Path(tmp))

        def start(name: str, root: Path) -> Served:
            if args.server == "plain":
                return serve(root)
            csp = NAIVE_CSP if name == "naive" else GUIDE_CSP
            return serve_nginx(root, Path(tmp) / f"nginx-{name}", csp)

        served = {name: start(name, root) for name, root in roots.items()}

        def launch(profile: str) -> Any:
            context = p.chromium.launch_persistent_context(
                profile, executable_path=CHROMIUM, args=ARGS
            )
            context.add_init_script(TASKS)
            return context

        for _ in range(runs):
            for name, (_, base) in served.items():
                url, ready = {
                    "naive": (base, NAIVE_READY),
                    "alone": (base + "alone/", ALONE_READY),
                }.get(name, (base + "checker/", OURS_READY))
                row = figures.setdefault(name, {})
                with tempfile.TemporaryDirectory() as profile:
                    context = launch(profile)
                    for key in VISITS:
                        row.setdefault(key, []).append(visit(context, url, ready))
                        print(name, key, row[key][-1]["s"], file=sys.stderr)
                    context.close()
                with tempfile.TemporaryDirectory() as profile:
                    context = launch(profile)
                    row.setdefault("phone", []).append(visit(context, url, ready, throttle=4))
                    print(name, "phone", row["phone"][-1]["s"], file=sys.stderr)
                    context.close()
        with tempfile.TemporaryDirectory() as profile:
            context = launch(profile)
            page = context.new_page()
            page.goto(served["snapshot"][1] + "checker/")
            page.evaluate(OURS_READY)
            page.evaluate(SUBMITS, [5])  # warm-up
            submit = sorted(page.evaluate(SUBMITS, [60]))
            context.close()
        memo: dict[str, tuple[int, int, int]] = {}
        sizes = {
            name: transfer(roots[name], served[name][1], figures[name]["cold"][0]["requests"], memo)
            for name in served
        }
        for stop, _ in served.values():
            stop()

    names = list(figures)
    med = {
        n: {k: statistics.median(v["s"] for v in figures[n][k]) for k in (*VISITS, "phone")}
        for n in names
    }
    print(
        f"checker start-up, median of {runs} runs, {len(names)} builds in turn, "
        f"{args.server} server (targets in brackets)"
    )
    print(f"{'':36}" + "".join(f"{n:>11}" for n in names))

    def line(label: str, values: list[str], target: str = "") -> None:
        print(
            f"{label:36}"
            + "".join(f"{v:>11}" for v in values)
            + (f"  [{target}]" if target else "")
        )

    line("cold time-to-ready, desktop", [f"{med[n]['cold']:.2f} s" for n in names], "≤ 0.6 s")
    line("  x naive", [f"{med[n]['cold'] / med['naive']['cold']:.2f}" for n in names], "≤ 0.3x")
    line("warm time-to-ready", [f"{med[n]['warm']:.2f} s" for n in names], "≤ 0.35 s")
    line("cold, phone profile (CPU 4x)", [f"{med[n]['phone']:.2f} s" for n in names], "≤ 1.5 s")
    # Visits on a small machine vary by a tenth of a second and more: the spread says how far
    # a median near a target can be trusted.
    line("third visit", [f"{med[n]['third']:.2f} s" for n in names])
    for key in (*VISITS, "phone"):
        spread = {n: sorted(v["s"] for v in figures[n][key]) for n in names}
        line(f"  {key}: fastest-slowest", [f"{s[0]:.2f}-{s[-1]:.2f}" for s in spread.values()])
    for key in VISITS:
        cpu = {n: statistics.median(v["cpu"] for v in figures[n][key]) for n in names}
        line(f"CPU per visit, {key} (all Chromium)", [f"{cpu[n]:.2f} s" for n in names])
        line(f"  over {CORES} cores", [f"{cpu[n] / CORES:.2f} s" for n in names])
    line(
        "bytes, brotli 11",
        [f"{sizes[n][2] / 1e6:.2f} MB" for n in names],
        "normal ≤ 4.5, snapshot ≤ 6.5 MB",
    )
    line("bytes, gzip 6", [f"{sizes[n][1] / 1e6:.2f} MB" for n in names])
    line("bytes, raw", [f"{sizes[n][0] / 1e6:.2f} MB" for n in names])
    every = {n: [v for k in (*VISITS, "phone") for v in figures[n][k]] for n in names}
    line(
        "tasks > 50 ms per visit, all",
        [f"{statistics.median(len(v['tasks']) for v in every[n]):.0f}" for n in names],
    )
    # The naive page's code is inline, outside assets/sendorskip/: not counted there.
    line(
        "tasks > 50 ms caused by our code",
        ["—" if n == "naive" else f"{sum(len(v['ours']) for v in every[n])}" for n in names],
        "0",
    )
    line(
        "longest main-thread task",
        [f"{max(max(v['tasks'], default=0) for v in every[n]):.0f} ms" for n in names],
    )
    for n in names:
        found = [(key, o) for key in (*VISITS, "phone") for v in figures[n][key] for o in v["ours"]]
        if found and n != "naive":
            print(f"  {n}: ours over 50 ms (visit, [ms, script, how]): {found}")
    boots = {n: sorted({v["boot"] for v in every[n]}) for n in names}
    line("boot used", ["/".join(boots[n]) for n in names])
    print(
        f"submit→rendered (snapshot build): p50 {submit[len(submit) // 2]:.1f} ms, p95 {submit[int(len(submit) * 0.95)]:.1f} ms"
    )


if __name__ == "__main__":
    main()

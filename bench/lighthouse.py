"""Lighthouse's accessibility score for every page of the built handbook, light and dark.

    .venv/bin/python bench/lighthouse.py [PAGE ...]   (PAGE as served: "" for home, checker/, 404.html)

Builds the site (``mkdocs build --strict``), serves it on 127.0.0.1 and runs Lighthouse (npm
``lighthouse``, pinned in package.json; ``scripts/setup`` installs it) with Debian's Chromium over
every page, one page after another: the machine has two cores. Prints a score for each page in each scheme,
then each failing audit with its items; exits 1 when any score is below 100. The developer
guide asks for 100 on every page in both schemes; tests/browser/test_lighthouse.py runs the same
call on a few pages so that a regression fails CI.

Dark: Material follows ``prefers-color-scheme`` until the reader picks a scheme. Chromium's
``--blink-settings=preferredColorScheme`` (0 dark, 1 light) sets it for the whole browser that
Lighthouse launches; Lighthouse emulates a phone's screen, not a colour scheme. Nothing is
assumed: each run's full-page screenshot must be dark or light as asked (measured in Chromium),
and a page opened with the same flag must match ``(prefers-color-scheme: dark)`` and carry
Material's ``data-md-color-scheme="slate"`` (``default`` in light).
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the browser set-up shared with the tests
from tests.browser.chromium import ARGS, CHROMIUM, QuietHandler  # noqa: E402
from tests.site.conftest import mkdocs_build  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
# Chromium's blink setting: 0 is dark, 1 is light. Light is set too, so that a scheme chosen by
# the machine's own settings never decides what is audited.
SCHEMES = {"light": 1, "dark": 0}
MATERIAL_SCHEME = {"light": "default", "dark": "slate"}
# Mean relative luminance of a screenshot, from 0 (black) to 1 (white).
LUMINANCE = """async (src) => {
  const img = new Image();
  img.src = src;
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = img.width;
  canvas.height = img.height;
  const context = canvas.getContext("2d");
  context.drawImage(img, 0, 0);
  const data = context.getImageData(0, 0, img.width, img.height).data;
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) {
    sum += 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
  }
  return sum / (data.length / 4) / 255;
}"""
SCHEME_IN_PAGE = """() => [
  matchMedia("(prefers-color-scheme: dark)").matches,
  document.body.getAttribute("data-md-color-scheme"),
]"""


@dataclass(frozen=True)
class Result:
    page: str
    scheme: str
    score: int  # 0 to 100, as Lighthouse shows it
    failures: list[str]  # each failing audit, then its items indented
    screenshot: str  # the full-page screenshot, a data: URL


def chrome_flags(scheme: str) -> str:
    return f"--headless=new --no-sandbox --blink-settings=preferredColorScheme={SCHEMES[scheme]}"


def site_pages(root: Path) -> list[str]:
    """Every page of a built site as a path under its root: "" (home), "checker/", "404.html"."""
    pages = []
    for html in sorted(root.rglob("*.html")):
        path = html.relative_to(root).as_posix()
        if not path.startswith("assets/"):
            pages.append(path.removesuffix("index.html"))
    return pages


def run_lighthouse(url: str, scheme: str) -> dict[str, Any]:
    """Lighthouse's report (JSON) of the accessibility category for one page."""
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE}: not found; run scripts/setup (npm ci installs it).")
    cmd = [
        str(LIGHTHOUSE),
        url,
        "--only-categories=accessibility",
        f"--chrome-flags={chrome_flags(scheme)}",
        "--output=json",
        "--output-path=stdout",
        "--quiet",
    ]
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"lighthouse {url} ({scheme}) exited {done.returncode}:\n{done.stderr}")
    report: dict[str, Any] = json.loads(done.stdout)
    if report.get("runtimeError"):
        raise RuntimeError(f"lighthouse {url} ({scheme}): {report['runtimeError']}")
    return report


def failing_audits(report: dict[str, Any]) -> list[str]:
    lines = []
    for ref in report["categories"]["accessibility"]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] == 0 or audit["score"] is None or audit["score"] >= 1:
            continue
        lines.append(f"{audit['id']}: {audit['title']}")
        for item in audit.get("details", {}).get("items", []):
            node = item.get("node", {})
            explanation = " ".join(node.get("explanation", "").split())
            lines.append(f"    {node.get('snippet', item)}  {explanation}")
    return lines


def audit(base: str, page: str, scheme: str) -> Result:
    report = run_lighthouse(base + page, scheme)
    score = round(report["categories"]["accessibility"]["score"] * 100)
    screenshot = report["fullPageScreenshot"]["screenshot"]["data"]
    return Result(page, scheme, score, failing_audits(report), screenshot)


def shown_scheme(browser: Any, result: Result) -> str:
    """The scheme a run's screenshot shows: "dark", "light", or "unclear"."""
    page = browser.new_page()
    luminance = float(page.evaluate(LUMINANCE, result.screenshot))
    page.close()
    if luminance < 0.4:
        return "dark"
    return "light" if luminance > 0.6 else "unclear"


def scheme_in_page(chromium: Any, url: str, scheme: str) -> tuple[bool, str]:
    """(whether the page matches prefers-color-scheme: dark, Material's data-md-color-scheme) in
    Chromium (Playwright's browser type) started with the flag Lighthouse is given for that
    scheme."""
    flag = chrome_flags(scheme).split()[-1]
    browser = chromium.launch(executable_path=CHROMIUM, args=[*ARGS, flag])
    # "null": no emulation, so the flag alone decides (Playwright emulates "light" by default).
    page = browser.new_context(color_scheme="null").new_page()
    page.goto(url)
    dark, material = page.evaluate(SCHEME_IN_PAGE)
    browser.close()
    return bool(dark), str(material)


def scheme_problems(base: str, results: list[Result]) -> list[str]:
    """Where a scheme was not the one audited: the flag's effect in a page, then each run's
    screenshot. Measured after the runs, in a browser of its own."""
    problems = []
    with sync_playwright() as playwright:
        for scheme in SCHEMES:
            dark, material = scheme_in_page(playwright.chromium, base, scheme)
            if dark != (scheme == "dark") or material != MATERIAL_SCHEME[scheme]:
                problems.append(f"{scheme}: prefers dark {dark}, data-md-color-scheme {material}")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for r in results:
            if (shown := shown_scheme(browser, r)) != r.scheme:
                problems.append(f"{r.page or '(home)'} {r.scheme}: the screenshot is {shown}")
        browser.close()
    return problems


def table(results: list[Result]) -> str:
    scores: dict[str, dict[str, int]] = {}
    for r in results:
        scores.setdefault(r.page, {})[r.scheme] = r.score
    width = max(len("page"), *(len(page or "(home)") for page in scores))
    lines = [f"{'page':<{width}}  light  dark", f"{'-' * width}  -----  ----"]
    for page, by_scheme in scores.items():
        cells = [f"{by_scheme.get(s, '-')!s:>5}" for s in SCHEMES]
        lines.append(f"{page or '(home)':<{width}}  {cells[0]}  {cells[1]:>4}")
    return "\n".join(lines)


def main(chosen: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        root = mkdocs_build(Path(tmp))
        handler = functools.partial(QuietHandler, directory=str(root))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        results = []
        for page in chosen or site_pages(root):
            for scheme in SCHEMES:
                results.append(audit(base, page, scheme))
                print(f"{page or '(home)'} {scheme}: {results[-1].score}", file=sys.stderr)
        problems = scheme_problems(base, results)
        server.shutdown()
        server.server_close()
    print(table(results))
    for r in results:
        if r.failures:
            print(f"\n{r.page or '(home)'} ({r.scheme}, {r.score}):")
            print("\n".join(f"  {line}" for line in r.failures))
    for problem in problems:
        print(problem)
    below = sum(r.score < 100 for r in results)
    print(f"\n{len(results)} runs, {below} below 100, {len(problems)} scheme problems")
    return 1 if below or problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

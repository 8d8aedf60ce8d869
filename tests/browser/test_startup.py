"""Material's start-up scripts as files (site/startup.py) do in Chromium what its inline scripts
do: a reader's palette and linked tab come back on the next page, at any depth, stored under the
same scope; and they run under a policy that forbids inline scripts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from ..site.conftest import mkdocs_build
from ..site.test_startup import SITE
from .conftest import SUBPATH, free_port, serve

pytestmark = pytest.mark.browser
POLICY = {"Content-Security-Policy": "script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'"}
CSP_WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
"""
# What a page shows before Material's bundle runs: the start-up scripts' work alone.
STATE = """() => {
  const tab = document.querySelector(".tabbed-set > input:checked");
  return {
    scheme: document.body.getAttribute("data-md-color-scheme"),
    tab: document.querySelector(`label[for="${tab.id}"]`).innerText.trim(),
    csp: window.__csp,
  };
}"""
PAGES = {"home": "", "deep": "a/b/deep/"}
# After choosing the dark scheme and tab "Two" on the deep page, every page has them again.
RESTORED = {name: {"scheme": "slate", "tab": "Two", "csp": []} for name in PAGES}


@pytest.fixture(scope="module")
def urls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Material's inline scripts served plainly and with a strict policy; our files with it."""
    tmp = tmp_path_factory.mktemp("startup")
    inline = mkdocs_build(tmp / "inline", config=SITE / "no-checker.yml")
    files = mkdocs_build(tmp / "files", config=SITE / "mkdocs.yml")
    served = {"inline": (inline, {}), "files": (files, POLICY), "inline, strict": (inline, POLICY)}
    ports = {name: free_port() for name in served}
    servers = [serve(root, ports[name], headers) for name, (root, headers) in served.items()]
    yield {name: f"http://127.0.0.1:{port}{SUBPATH}" for name, port in ports.items()}
    for server in servers:
        server.shutdown()
        server.server_close()


def choose_then_revisit(browser: Any, url: str) -> dict[str, Any]:
    context = browser.new_context()
    context.add_init_script(CSP_WATCH)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url + PAGES["deep"])
    page.get_by_title("Switch to dark mode").click()
    page.locator(".tabbed-labels label", has_text="Two").click()
    page.route("**/bundle.*.min.js", lambda route: route.abort())
    seen: dict[str, Any] = {}
    for name, path in PAGES.items():
        page.goto(url + path)
        seen[name] = page.evaluate(STATE)
    seen["storage"] = page.evaluate("Object.keys(localStorage).sort()")
    seen["errors"] = [e for e in errors if "bundle" not in e]
    context.close()
    return seen


def test_palette_and_tabs_come_back_as_with_materials_inline_scripts(
    browser: Any, urls: dict[str, str]
) -> None:
    seen = {name: choose_then_revisit(browser, urls[name]) for name in ("inline", "files")}
    assert seen["files"] == seen["inline"]
    assert {name: seen["files"][name] for name in PAGES} == RESTORED
    # The scope is the site's root on every page, whatever its depth.
    assert seen["files"]["storage"] == [f"{SUBPATH}.__palette", f"{SUBPATH}.__tabs"]
    assert seen["files"]["errors"] == []


def test_without_the_files_the_policy_blocks_materials_scripts(
    browser: Any, urls: dict[str, str]
) -> None:
    """Why the files exist: under the same policy, Material's inline scripts do not run."""
    context = browser.new_context()
    context.add_init_script(CSP_WATCH)
    page = context.new_page()
    page.goto(urls["inline, strict"] + PAGES["deep"])
    blocked = page.evaluate("window.__csp")
    context.close()
    assert len(blocked) == 4 and {v.split()[0] for v in blocked} == {"script-src-elem"}

"""Material's search on the checker page (start.js): its index is asked for once the engine has
started or failed, not while it starts; a reader who goes to the search box first gets it at
once; and search works either way."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import Site

pytestmark = pytest.mark.browser

# When the engine's worker said it was ready or had failed. Listening from the constructor puts
# this listener before start.js's own, so it runs first for the same message.
SAID_AT = """
window.__engineSaidAt = null;
window.Worker = class extends Worker {
  constructor(url, options) {
    super(url, options);
    if (String(url).endsWith("/worker.js"))
      this.addEventListener("message", ({ data }) => {
        if (data.type === "ready" || data.type === "failed") window.__engineSaidAt ??= performance.now();
      });
  }
};
"""
INDEX_ASKED_AT = """() => performance.getEntriesByType("resource")
  .find((e) => e.name.endsWith("/search/search_index.json"))?.startTime ?? null"""
# How the engine's start ends: as built, or with the runtime missing.
ENDS = {"ready": None, "failed": "**/pyodide.asm.wasm"}


def search_finds_the_timing_page(page: Any) -> None:
    # Typed key by key, as a reader does: Material reads the query on keyup (and on focus, and
    # once its index is ready), never on input, so fill() could be missed on a busy machine.
    page.get_by_role("textbox", name="Search").press_sequentially("handwritten card")
    results = page.locator("[data-md-component=search-result]")
    # A result is a link around an article; Chromium does not name the link from it.
    expect(results.get_by_role("link").filter(has_text="Timing and medium")).not_to_have_count(0)


@pytest.mark.parametrize("end", ENDS)
def test_the_index_is_asked_for_once_the_engine_has_started(
    site: Site, browser: Any, end: str
) -> None:
    context = browser.new_context()
    context.add_init_script(SAID_AT)
    if ENDS[end]:
        context.route(ENDS[end], lambda route: route.fulfill(status=404, body="not here"))
    page = context.new_page()
    page.goto(site.url + "checker/")
    page.wait_for_function(INDEX_ASKED_AT)
    said_at, asked_at = page.evaluate(f"[window.__engineSaidAt, ({INDEX_ASKED_AT})()]")
    assert said_at is not None and asked_at >= said_at
    search_finds_the_timing_page(page)
    context.close()


def test_going_to_the_search_box_asks_for_the_index_at_once(site: Site, browser: Any) -> None:
    context = browser.new_context()
    context.add_init_script(SAID_AT)
    held: list[Any] = []
    context.route("**/pyodide.asm.wasm", lambda route: held.append(route))  # never ready
    asked: list[str] = []
    context.on("request", lambda r: asked.append(r.url) if "search_index" in r.url else None)
    page = context.new_page()
    page.goto(site.url + "checker/")
    page.wait_for_function("() => window.sendorskip")  # Material's bundle has run, and ours
    assert asked == []
    search_finds_the_timing_page(page)
    assert len(asked) == 1
    assert page.evaluate("window.__engineSaidAt") is None
    context.close()

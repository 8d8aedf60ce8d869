"""The snapshot boot in Chromium: the built site restores it and answers like CPython; every way
it can fail (missing, damaged, made on other memory, refused by Pyodide's loader, served with
another standard library) ends in a
normal boot that answers too; a reader who saves data gets the normal boot without the snapshot.
"""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from sendorskip import api

from ..conftest import SITUATIONS
from .conftest import Site

ROOT = Path(__file__).parents[2]
TAMPER = ROOT / "tests" / "node" / "tamper.mjs"
READY = "window.sendorskip.ready"
ADVISE_ALL = """async (situations) => {
  const out = {};
  for (const [name, situation] of Object.entries(situations)) {
    out[name] = await window.sendorskip.advise(situation);
  }
  return out;
}"""
# How each fallback is forced, and what the worker then says about the snapshot.
FALLBACKS = {
    "missing": "snapshot.bin: HTTP 404",
    "damaged": "snapshot: damaged",
    "rests-on": "snapshot: fresh memory differs",
    "build-id": "Snapshot build id mismatch",
    "stdlib": "snapshot: standard library differs",
}


def cpython(situations: dict[str, Any]) -> dict[str, Any]:
    return {name: json.loads(json.dumps(api.advise(s))) for name, s in situations.items()}


@pytest.fixture
def open_checker(browser: Any, site: Site) -> Iterator[Callable[..., tuple[Any, list[str]]]]:
    """A fresh context on the checker page; ``route`` (optional) answers for ``pattern``."""
    contexts: list[Any] = []

    def go(
        route: Callable[[Any], None] | None = None, pattern: str = "**/snapshot.bin"
    ) -> tuple[Any, list[str]]:
        context = browser.new_context()
        contexts.append(context)
        requests: list[str] = []
        context.on("request", lambda r: requests.append(r.url))
        if route:
            context.route(pattern, route)
        page = context.new_page()
        page.goto(site.url + "checker/")
        return page, requests

    yield go
    for context in contexts:
        context.close()


def snapshot_file(site: Site) -> Path:
    (path,) = site.root.glob("assets/sendorskip/pyodide/*/snapshot.bin")
    return path


def test_snapshot_boot_answers_every_situation_like_cpython(
    open_checker: Callable[..., tuple[Any, list[str]]],
) -> None:
    page, requests = open_checker()
    assert page.evaluate(READY) == {"boot": "snapshot", "fallback": None}
    assert page.evaluate(ADVISE_ALL, SITUATIONS) == cpython(SITUATIONS)
    # The snapshot holds the wheels' files and its own standard library: neither is downloaded.
    assert not [url for url in requests if url.endswith((".whl", "python_stdlib.zip"))]


def test_a_standard_library_arriving_after_the_snapshot_still_restores(
    open_checker: Callable[..., tuple[Any, list[str]]],
) -> None:
    # Pyodide writes the standard library in a step of its own, once its download is in; the
    # snapshot's check of it must wait for that rather than find no file and give up.
    def late(route: Any) -> None:
        time.sleep(1.5)
        route.continue_()

    page, _ = open_checker(late, "**/snapshot_stdlib.zip")
    assert page.evaluate(READY) == {"boot": "snapshot", "fallback": None}
    some = {name: SITUATIONS[name] for name in list(SITUATIONS)[:3]}
    assert page.evaluate(ADVISE_ALL, some) == cpython(some)


@pytest.mark.parametrize("how", FALLBACKS)
def test_each_fallback_ends_in_a_normal_boot_that_answers(
    open_checker: Callable[..., tuple[Any, list[str]]], site: Site, tmp_path: Path, how: str
) -> None:
    body = b""
    pattern = "**/snapshot.bin"
    if how == "stdlib":
        pattern = "**/snapshot_stdlib.zip"
        body = (snapshot_file(site).parent / "python_stdlib.zip").read_bytes()
    elif how != "missing":
        out = tmp_path / "snapshot.bin"
        subprocess.run(["node", str(TAMPER), str(snapshot_file(site)), str(out), how], check=True)
        body = out.read_bytes()

    def route(r: Any) -> None:
        if how == "missing":
            r.fulfill(status=404, body="not here")
        else:
            r.fulfill(status=200, body=body, content_type="application/octet-stream")

    page, requests = open_checker(route, pattern)
    ready = page.evaluate(READY)
    assert ready["boot"] == "normal"
    assert FALLBACKS[how] in ready["fallback"]
    some = {name: SITUATIONS[name] for name in list(SITUATIONS)[:3]}
    assert page.evaluate(ADVISE_ALL, some) == cpython(some)
    assert [url for url in requests if url.endswith(".whl")]  # the normal boot's wheels


def test_a_reader_on_a_slow_connection_gets_the_normal_boot(browser: Any, site: Site) -> None:
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    # Chromium reports a 3g effective type for round trips this slow; downloads stay fast.
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 400, "downloadThroughput": -1, "uploadThroughput": -1},
    )
    page.goto(site.url + "checker/")
    assert page.evaluate("navigator.connection.effectiveType") in ("slow-2g", "2g", "3g")
    assert page.evaluate(READY) == {"boot": "normal", "fallback": None}
    assert not [url for url in requests if url.endswith("snapshot.bin")]
    assert (
        page.evaluate("window.sendorskip.advise({went: 'well'})")
        == cpython({"x": {"went": "well"}})["x"]
    )
    context.close()

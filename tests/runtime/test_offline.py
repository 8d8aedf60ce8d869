"""Building without registry access: an empty cache stops at once, naming the file it lacks and
the guide's section; a kit's cache builds with the registries cut off.

The registries are "cut off" by pointing npm and pip at a closed local port, with their own
caches and configuration files out of the way, so nothing reaches the network.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from sendorskip.runtime import fetch, kit
from sendorskip.runtime.build import RuntimeBuildError, build_runtime, default_cache
from sendorskip.runtime.wheel import package_wheel

PINS = fetch.load_pins()
HINT = (
    "Fill the cache from an offline kit: see Offline intranets in the host-your-own guide "
    "(docs/host-your-own.md)."
)
Fetch = Callable[[Path, fetch.Pins], Path]
# (step, the file it needs inside the cache, the client that fails to get it)
STEPS: list[tuple[Fetch, str, str]] = [
    (
        fetch.pyodide_dir,
        f"downloads/pyodide-{PINS.pyodide_version}.tgz",
        "npm pack pyodide@314.0.7",
    ),
    (fetch.jinja2_wheel, "downloads/jinja2-3.1.6-py3-none-any.whl", "pip download jinja2==3.1.6"),
    (
        fetch.markupsafe_wheel,
        "built/markupsafe-3.0.3-py3-none-any.whl",
        "pip wheel markupsafe==3.0.3 (pure Python, from the sdist)",
    ),
]
# The bound only catches a hang (the retries took minutes); this is not a timing test.
HANG = 10.0

needs_npm = pytest.mark.skipif(
    shutil.which("npm") is None or shutil.which("node") is None, reason="needs Node.js and npm"
)


@pytest.fixture
def no_registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("npm_config_registry", "http://127.0.0.1:9/")
    monkeypatch.setenv("npm_config_cache", str(tmp_path / "npm-cache"))
    monkeypatch.setenv("PIP_INDEX_URL", "http://127.0.0.1:9/simple")
    monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)
    monkeypatch.setenv("PIP_NO_CACHE_DIR", "1")
    for name in ("PIP_FIND_LINKS", "PIP_EXTRA_INDEX_URL", "SENDORSKIP_OFFLINE"):
        monkeypatch.delenv(name, raising=False)


@needs_npm
@pytest.mark.parametrize("offline", [False, True], ids=["unreachable", "offline"])
@pytest.mark.parametrize(("step", "needs", "client"), STEPS, ids=[s[1] for s in STEPS])
def test_empty_cache_without_registry_stops_at_once(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_registry: None,
    step: Fetch,
    needs: str,
    client: str,
    offline: bool,
) -> None:
    if offline:
        monkeypatch.setenv("SENDORSKIP_OFFLINE", "1")
    cache = tmp_path / "cache"
    why = (
        "SENDORSKIP_OFFLINE=1" if offline else f"{client} could not get it from a package registry"
    )
    started = time.monotonic()
    with pytest.raises(RuntimeBuildError) as caught:
        step(cache, PINS)
    assert time.monotonic() - started < HANG
    assert caught.value.problems == [
        f"runtime: the cache holds no {cache / needs}, and {why}. {HINT}"
    ]


@needs_npm
def test_a_build_from_a_kit_needs_no_registry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_registry: None
) -> None:
    if not all((default_cache() / name).is_file() for name in kit.pinned_files(PINS)):
        pytest.skip("the runtime cache is not filled yet (tests/runtime/test_build.py fills it)")
    # The kit is filled from this machine's cache with the registries already cut off: nothing
    # it needs may come from the network, neither then nor in the build that uses it.
    kit.fill(tmp_path / "kit")
    monkeypatch.setenv("SENDORSKIP_CACHE", str(tmp_path / "kit"))
    monkeypatch.setenv("SENDORSKIP_OFFLINE", "1")
    built = build_runtime(tmp_path / "site", package_wheel=package_wheel(tmp_path))
    assert {"pyodide.asm.wasm", "sendorskip-0.1.0-cp314-none-any.whl"} <= {
        f.name for f in built.files
    }

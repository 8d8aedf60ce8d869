"""The snapshot boot under Node: made by a real build, restored the way the worker restores it,
and answering exactly like a normal boot and like CPython over every situation in the tests'
table. (tests/browser/test_snapshot.py restores it in Chromium and forces each fallback.)
"""

from __future__ import annotations

import json
import struct
import subprocess
from pathlib import Path
from typing import Any

import pytest

from sendorskip import bridge
from sendorskip.runtime import snapshot
from sendorskip.runtime.build import (
    RuntimeBuildError,
    RuntimeFile,
    RuntimeFiles,
    build_runtime,
    seal,
)
from sendorskip.runtime.fetch import sha256_file

ROOT = Path(__file__).parents[2]
BOOT = ROOT / "tests" / "node" / "boot.mjs"
SITUATIONS = ROOT / "tests" / "data" / "situations.json"

pytestmark = pytest.mark.node


def boot(runtime: RuntimeFiles, how: str) -> dict[str, Any]:
    done = subprocess.run(
        ["node", str(BOOT), str(runtime.dest), how, str(SITUATIONS)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def meta(path: Path) -> dict[str, Any]:
    """The snapshot file's META (snapfile.mjs describes the layout)."""
    data = path.read_bytes()
    magic, length = struct.unpack_from("<II", data)
    assert magic == 0x70616E73
    found: dict[str, Any] = json.loads(data[8 : 8 + length])
    return found


def test_snapshot_boot_answers_like_a_normal_boot_and_like_cpython(runtime: RuntimeFiles) -> None:
    situations = json.loads(SITUATIONS.read_text("utf-8"))
    cpython = {
        name: json.loads(bridge.call("advise", json.dumps(situation)))
        for name, situation in situations.items()
    }
    restored, normal = boot(runtime, "snapshot"), boot(runtime, "normal")
    assert len(cpython) == len(situations) > 30
    assert all(reply["ok"] for reply in cpython.values())
    assert restored["advice"] == cpython
    assert normal["advice"] == cpython


def test_snapshot_rests_on_what_the_build_set(runtime: RuntimeFiles) -> None:
    found = meta(runtime.dest / snapshot.NAME)
    # The build's environment, as Pyodide completed it, and one timestamp for site-packages.
    assert found["env"] == {**snapshot.ENV, "PYTHONINSPECT": "1"}
    assert (found["executable"], found["mtime"]) == (snapshot.EXECUTABLE, snapshot.MTIME)
    files = {path for path, _ in found["files"]}
    # Data and templates are read from files; modules already imported live in memory only.
    assert {"sendorskip/data/rules.toml", "sendorskip/data/templates/headline.txt.j2"} <= files
    assert "sendorskip/cli.pyc" in files  # not imported by the engine: on disk for later
    assert not files & {"sendorskip/bridge.pyc", "jinja2/__init__.pyc", "markupsafe/__init__.pyc"}
    # Only the pages Python changed: well under the 30 MB of memory.
    changed = sum(count for _, count in found["runs"]) * 4096
    assert found["memory"] == 30 * 2**20 and changed < found["memory"] / 2
    assert len(found["build_id"]) == 64 and len(found["rests_on"]) == 32


def test_snapshot_is_made_once_per_input(
    runtime: RuntimeFiles, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_job(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"a cached snapshot ran {args}")

    monkeypatch.setattr(snapshot, "run_job", no_job)
    (wheel,) = runtime.dest.parent.glob("sendorskip-*-py3-none-any.whl")
    again = build_runtime(runtime.dest.parent / "again", package_wheel=wheel)
    assert again[snapshot.NAME] == runtime[snapshot.NAME]


@pytest.mark.parametrize("boot_choice", ["auto", "snapshot", "normal"])
def test_seal_writes_the_sites_boot_choice_into_the_worker(
    tmp_path: Path, boot_choice: str
) -> None:
    dest = tmp_path / "pyodide"
    dest.mkdir()
    (dest / "a.txt").write_text("a")
    worker = tmp_path / "worker.js"
    worker.write_text('const base = "./pyodide/";\nconst BOOT = /** @type {x} */ ("auto");\n')
    files = RuntimeFiles(dest, (RuntimeFile("a.txt", 1, sha256_file(dest / "a.txt")),), 0.0)
    sealed = seal(files, worker, boot_choice)
    assert worker.read_text() == (
        f'const base = "./pyodide/{sealed.name}/";\n'
        f'const BOOT = /** @type {{x}} */ ("{boot_choice}");\n'
    )


def test_seal_refuses_a_worker_without_its_markers(tmp_path: Path) -> None:
    dest = tmp_path / "pyodide"
    dest.mkdir()
    worker = tmp_path / "worker.js"
    worker.write_text('const base = "./pyodide/";\n')
    with pytest.raises(RuntimeBuildError) as caught:
        seal(RuntimeFiles(dest, (), 0.0), worker)
    assert caught.value.problems == [
        """runtime: worker.js should name ("auto") once, to be set at build time."""
    ]

"""Run a build job in Pyodide under Node: one way for every job (bytecode, stdlib record,
snapshot).

A job is a script next to this module that starts with ``runJob`` from node.mjs; it gets a
request (JSON, host paths) and writes its outputs where the request says. Node is the one place
Pyodide's own CPython runs at build time, which is what bytecode and a memory snapshot need.
"""

from __future__ import annotations

import contextlib
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .fetch import NODE_HINT, run

HERE = Path(__file__).parent


@contextlib.contextmanager
def scratch(cache: Path) -> Iterator[Path]:
    """A temporary folder inside the cache, for a job's request and outputs (same file system,
    so outputs move into the cache atomically)."""
    (cache / "tmp").mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache / "tmp") as tmp:
        yield Path(tmp)


def run_job(script: str, pyodide: Path, request: dict[str, Any], *, tmp: Path, what: str) -> None:
    """``node script PYODIDE_DIR REQUEST`` with ``request`` written into ``tmp``; a failure
    becomes a RuntimeBuildError naming ``what`` and the job's own message."""
    request_file = tmp / "request.json"
    request_file.write_text(json.dumps(request), encoding="utf-8")
    run(
        ["node", str(HERE / script), str(pyodide), str(request_file)],
        what=what,
        hint=NODE_HINT,
        timeout=900,
    )

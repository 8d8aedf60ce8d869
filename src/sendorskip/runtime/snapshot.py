"""The snapshot boot's file: the engine's memory once started, taken at build time under Node.

The worker restores it instead of starting Python, importing the package and answering once,
which is most of a normal start (README, "Benchmarks"). snapshot.mjs takes it; restore.mjs (a
site asset, shared with the worker) lays it out and restores it. A snapshot freezes what the
interpreter read while it started, so everything it could read is set here on purpose:

- the environment (``PYTHONHASHSEED=0`` fixes str hashes, so a rebuild gives the same memory),
  the program name, the language, and ``random``'s seed if anything imported it;
- site-packages: the wheels' files, each with one fixed timestamp, which the worker writes the
  same way (Jinja2 recompiles a template whose file's time changed);
- the standard library: the very zip the page downloads (zipimport keeps its index in memory).

Outputs are cached like the bytecode, under a key of everything above and the scripts.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from collections.abc import Sequence
from pathlib import Path

from .node import HERE, run_job, scratch
from .precompile import content_digest, tools_digest

NAME = "snapshot.bin"
TOOLS = (
    HERE / "snapshot.mjs",
    HERE / "node.mjs",
    HERE.parent / "site" / "assets" / "restore.mjs",
)
ENV = {"PYTHONHASHSEED": "0", "LANG": "C.UTF-8", "HOME": "/home/pyodide"}
EXECUTABLE = "python"
MTIME = 315532800  # 1980-01-01, the timestamp the wheels' own members carry
PREPARE = """
import importlib
import sys
importlib.invalidate_caches()
from sendorskip import api, bridge
bridge.call("advise", '{"went": "well"}')
if "random" in sys.modules:
    sys.modules["random"].seed(0)
"""


def snapshot(
    stdlib: Path, wheels: Sequence[Path], *, pyodide: Path, pyodide_sha256: str, cache: Path
) -> Path:
    """The snapshot file for this standard library and these wheels: cached, or made now."""
    key = hashlib.sha256(tools_digest(pyodide_sha256, TOOLS).encode("ascii"))
    for path in (stdlib, *wheels):
        key.update(content_digest(path).encode("ascii"))
    key.update(json.dumps([ENV, EXECUTABLE, MTIME, PREPARE]).encode("utf-8"))
    out = cache / "snapshot" / key.hexdigest()[:32] / NAME
    if out.is_file():
        return out
    with scratch(cache) as tmp:
        site = tmp / "site"
        files: list[str] = []
        for wheel in wheels:
            with zipfile.ZipFile(wheel) as archive:
                files += [info.filename for info in archive.infolist() if not info.is_dir()]
                archive.extractall(site)
        request = {
            "stdlib": str(stdlib.resolve()),
            "site": str(site),
            "files": sorted(files),
            "mtime": MTIME,
            "env": ENV,
            "executable": EXECUTABLE,
            "prepare": PREPARE,
            "dst": str(tmp / NAME),
        }
        run_job("snapshot.mjs", pyodide, request, tmp=tmp, what="take the start-up snapshot")
        out.parent.mkdir(parents=True, exist_ok=True)
        os.replace(tmp / NAME, out)
    return out

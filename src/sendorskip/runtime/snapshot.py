"""The snapshot boot's file: the engine's memory once started, taken at build time under Node.

The worker restores it instead of starting Python, importing the package and answering once,
which is most of a normal start (README, "Benchmarks"). snapshot.mjs takes it; snapfile.mjs (a
site asset, shared with the worker) lays it out, and restore.mjs restores it in the worker. A snapshot freezes what the
interpreter read while it started, so everything it could read is set here on purpose:

- the environment (``PYTHONHASHSEED=0`` fixes str hashes, so a rebuild gives the same memory),
  the program name, the language, and ``random``'s seed if anything imported it;
- site-packages: the wheels' files, each with one fixed timestamp, which the worker writes the
  same way (Jinja2 recompiles a template whose file's time changed), less the modules already
  imported, which are in memory;
- the standard library: the very zip the page downloads (zipimport keeps its index in memory),
  which holds only what the engine had not imported when the memory was taken.

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
STDLIB = "snapshot_stdlib.zip"  # what the snapshot boot downloads instead of python_stdlib.zip
TOOLS = (
    HERE / "snapshot.mjs",
    HERE / "node.mjs",
    HERE.parent / "site" / "assets" / "snapfile.mjs",
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
# Files of site-packages the engine has imported: the snapshot holds them in memory, so the
# worker need not write them (the rest stay: data, templates, modules imported later).
IMPORTED = """
import json, sys
site = next(entry for entry in sys.path if entry.endswith("/site-packages")) + "/"
json.dumps(sorted(
    module.__spec__.origin[len(site):]
    for module in list(sys.modules.values())
    if str(getattr(getattr(module, "__spec__", None), "origin", "")).startswith(site)
))
"""
# Then the standard library is cut down to what the engine has not imported yet (the snapshot
# holds the rest in memory), stored uncompressed so the web server's brotli does better than
# zip's deflate, and put in place of the full one before the memory is taken: the interpreter's
# zip index in memory then describes the file the worker downloads.
SLIM_STDLIB = """
import importlib, sys, zipimport
archive = next(entry for entry in sys.path if entry.endswith(".zip"))
imported = {
    module.__spec__.origin[len(archive) + 1 :]
    for module in list(sys.modules.values())
    if str(getattr(getattr(module, "__spec__", None), "origin", "")).startswith(archive + "/")
}
import zipfile
with zipfile.ZipFile(archive) as full:
    kept = [info for info in full.infolist() if info.filename not in imported]
    members = [(info, full.read(info)) for info in kept]
with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as slim:
    for info, data in members:
        entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
        entry.external_attr = info.external_attr
        slim.writestr(entry, data)
zipimport._zip_directory_cache.clear()
for path in [path for path in sys.path_importer_cache if path.startswith(archive)]:
    del sys.path_importer_cache[path]
importlib.invalidate_caches()
"""


def snapshot(
    stdlib: Path, wheels: Sequence[Path], *, pyodide: Path, pyodide_sha256: str, cache: Path
) -> tuple[Path, Path]:
    """The snapshot file for this standard library and these wheels, and the standard library
    it was taken with (see SLIM_STDLIB): cached, or made now."""
    key = hashlib.sha256(tools_digest(pyodide_sha256, TOOLS).encode("ascii"))
    for path in (stdlib, *wheels):
        key.update(content_digest(path).encode("ascii"))
    key.update(json.dumps([ENV, EXECUTABLE, MTIME, PREPARE, IMPORTED, SLIM_STDLIB]).encode("utf-8"))
    out = cache / "snapshot" / key.hexdigest()[:32] / NAME
    slim = out.with_name(STDLIB)
    if out.is_file() and slim.is_file():
        return out, slim
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
            "imported": IMPORTED,
            "slim_stdlib": SLIM_STDLIB,
            "dst": str(tmp / NAME),
            "dst_stdlib": str(tmp / STDLIB),
        }
        run_job("snapshot.mjs", pyodide, request, tmp=tmp, what="take the start-up snapshot")
        out.parent.mkdir(parents=True, exist_ok=True)
        os.replace(tmp / STDLIB, slim)
        os.replace(tmp / NAME, out)
    return out, slim

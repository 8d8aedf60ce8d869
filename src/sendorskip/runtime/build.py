"""Build the self-hosted Python runtime for the in-browser checker: Pyodide plus three wheels.

:func:`build_runtime` puts into one folder of the built site exactly what a page needs:

- Pyodide's loader, Emscripten module and wasm binary, byte for byte as released on npm;
- ``python_stdlib.zip`` and the wheels of sendorskip, Jinja2 and MarkupSafe, compiled to
  bytecode by Pyodide's own CPython (start-up time is mostly compiling, see precompile.py),
  the standard library cut down to the modules the checker can need (runtime.toml, ``trim``);
- a slim ``pyodide-lock.json`` listing only those wheels with their sha256, so that
  ``await pyodide.loadPackage("sendorskip")`` installs all three and checks their hashes;
- ``snapshot.bin``: the engine's memory once started, which the worker restores instead of
  starting Python, with ``snapshot_stdlib.zip``, the standard library it rests on (snapshot.py);
  the normal start's files stay, as its fallback.

Nothing is fetched from a CDN: versions and hashes are pinned in runtime.toml and the pieces
come through npm and pip. Everything is cached, so only the first build is slow.
"""

from __future__ import annotations

import email.parser
import hashlib
import json
import os
import shutil
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import fetch
from .bytecode import select
from .fetch import RuntimeBuildError, log, sha256_file
from .precompile import Job, precompile, stdlib_members
from .requirements import canonicalize_name, dependencies, pyodide_environment, retagged
from .samples import sample_calls
from .snapshot import NAME as SNAPSHOT
from .snapshot import STDLIB as SNAPSHOT_STDLIB
from .snapshot import snapshot

__all__ = [
    "RuntimeBuildError",
    "RuntimeFile",
    "RuntimeFiles",
    "build_runtime",
    "default_cache",
    "seal",
]

LOCK = "pyodide-lock.json"
STDLIB = "python_stdlib.zip"


@dataclass(frozen=True)
class RuntimeFile:
    """One file of the runtime: its name in the destination folder, size in bytes, sha256."""

    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class RuntimeFiles:
    """What :func:`build_runtime` wrote, in a stable order (for checks and benchmarks)."""

    dest: Path
    files: tuple[RuntimeFile, ...]
    seconds: float

    @property
    def total_size(self) -> int:
        return sum(file.size for file in self.files)

    def __getitem__(self, name: str) -> RuntimeFile:
        return next(file for file in self.files if file.name == name)


def default_cache() -> Path:
    """``$SENDORSKIP_CACHE``, else ``$XDG_CACHE_HOME/sendorskip``, else ``~/.cache/sendorskip``."""
    if os.environ.get("SENDORSKIP_CACHE"):
        return Path(os.environ["SENDORSKIP_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "sendorskip"


def build_runtime(
    dest: Path,
    *,
    package_wheel: Path,
    cache: Path | None = None,
    precompiled: bool = True,
    snapshotted: bool = True,
) -> RuntimeFiles:
    """Write the runtime into ``dest`` (created if needed) and describe what is there.

    ``package_wheel`` is sendorskip's own pure-Python wheel. ``cache`` defaults to
    :func:`default_cache`. ``precompiled=False`` ships the sources as released instead of
    bytecode (for benchmarks, or to see source lines in a browser traceback). ``dest``
    belongs to the runtime: files of ours from an earlier build that are no longer part of it
    (an older wheel) are removed; other files are kept.
    Raises :class:`RuntimeBuildError` with a message a person can act on.
    """
    started = time.monotonic()
    cache = (cache or default_cache()).expanduser()
    pins = fetch.load_pins()
    if not package_wheel.is_file():
        raise RuntimeBuildError(
            [
                f"runtime: the package wheel {package_wheel} does not exist; "
                "build it first (pip wheel --no-deps -w DIR .)."
            ]
        )
    pyodide = fetch.pyodide_dir(cache, pins)
    upstream = json.loads((pyodide / LOCK).read_text(encoding="utf-8"))
    major, minor = str(upstream["info"]["python"]).split(".")[:2]
    tag = f"cp{major}{minor}"
    wheels = [fetch.jinja2_wheel(cache, pins), fetch.markupsafe_wheel(cache, pins), package_wheel]
    jobs = [Job("stdlib", pyodide / STDLIB, STDLIB)]
    jobs += [Job("wheel", wheel, retagged(wheel.name, tag)) for wheel in wheels]
    if precompiled:
        compiled = precompile(
            jobs,
            pyodide=pyodide,
            pyodide_sha256=pins.pyodide_sha256,
            python_tag=tag,
            optimize=pins.optimize,
            cache=cache,
        )
    else:
        jobs = [Job(job.kind, job.src, job.src.name) for job in jobs]
        compiled = {job.name: job.src for job in jobs}

    dest.mkdir(parents=True, exist_ok=True)
    for stale in [*dest.glob("*.whl"), dest / SNAPSHOT, dest / SNAPSHOT_STDLIB]:
        if stale.name not in compiled and stale.is_file():
            stale.unlink()
    names = [name for name in pins.pyodide_files if name not in (STDLIB, LOCK)]
    for name in names:
        shutil.copyfile(pyodide / name, dest / name)
    wheel_names = [job.name for job in jobs[1:]]
    if precompiled and pins.trim:
        packages = set()
        for name in wheel_names:
            with zipfile.ZipFile(compiled[name]) as archive:
                packages |= _top_level(archive.namelist())
        members = stdlib_members(
            compiled[STDLIB],
            [compiled[name] for name in wheel_names],
            sample_calls(),
            sorted(packages),
            pyodide=pyodide,
            pyodide_sha256=pins.pyodide_sha256,
            cache=cache,
        )
        select(str(compiled.pop(STDLIB)), str(dest / STDLIB), members)
    for name, path in compiled.items():
        shutil.copyfile(path, dest / name)
    lock = slim_lock(upstream, [dest / name for name in wheel_names])
    (dest / LOCK).write_text(json.dumps(lock, indent=2) + "\n", encoding="utf-8")

    files = [*names, STDLIB, LOCK, *wheel_names]
    if precompiled and snapshotted:
        made = snapshot(
            dest / STDLIB,
            [dest / name for name in wheel_names],
            pyodide=pyodide,
            pyodide_sha256=pins.pyodide_sha256,
            cache=cache,
        )
        for path in made:
            shutil.copyfile(path, dest / path.name)
            files.append(path.name)
    seconds = time.monotonic() - started
    log.info("runtime: %d files in %s (%.1f s)", len(files), dest, seconds)
    return RuntimeFiles(dest, tuple(_describe(dest / name) for name in files), seconds)


# The one place worker.js names the runtime's folder; seal() points it at the sealed one.
WORKER_BASE = '"./pyodide/"'
# The one place worker.js says how to start (BOOTS); seal() writes the site's choice there.
WORKER_BOOT = '("auto")'
BOOTS = ("auto", "snapshot", "normal")


def seal(runtime: RuntimeFiles, worker: Path, boot: str = "auto") -> Path:
    """Move the runtime into a folder named after its content, and point ``worker`` at it.

    A new rule or template makes a new wheel, hence a new folder name: the runtime can be
    cached for a year (the hosting guide says ``immutable``), yet a redeploy reaches a returning
    reader at once, since the worker and the pages are revalidated on every visit. ``boot``
    (one of BOOTS) is written into the worker too: ``auto`` restores the snapshot unless the
    reader saves data, ``snapshot`` always tries it first, ``normal`` never does.
    """
    digest = hashlib.sha256("".join(f.name + f.sha256 for f in runtime.files).encode())
    sealed = runtime.dest / digest.hexdigest()[:12]
    sealed.mkdir(exist_ok=True)
    for file in runtime.files:
        os.replace(runtime.dest / file.name, sealed / file.name)
    script = worker.read_text("utf-8")
    for marker in (WORKER_BASE, WORKER_BOOT):
        if script.count(marker) != 1:
            raise RuntimeBuildError(
                [f"runtime: {worker.name} should name {marker} once, to be set at build time."]
            )
    script = script.replace(WORKER_BASE, f'"./pyodide/{sealed.name}/"')
    worker.write_text(script.replace(WORKER_BOOT, f'("{boot}")'), "utf-8")
    return sealed


def slim_lock(upstream: dict[str, Any], wheels: list[Path]) -> dict[str, Any]:
    """Upstream's lock file with its packages replaced by ``wheels`` (which must be closed
    under their dependencies: each one's requirements are among them)."""
    environment = pyodide_environment(upstream["info"])
    entries = {
        canonicalize_name(entry["name"]): entry
        for entry in (_lock_entry(wheel, environment) for wheel in wheels)
    }
    problems = [
        f"runtime: {entry['file_name']} requires {dep!r}, which the runtime does not "
        "ship: add it to runtime.toml and build_runtime."
        for entry in entries.values()
        for dep in entry["depends"]
        if dep not in entries
    ]
    if problems:
        raise RuntimeBuildError(problems)
    return {**upstream, "packages": dict(sorted(entries.items()))}


def _lock_entry(wheel: Path, environment: dict[str, str]) -> dict[str, Any]:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = email.parser.BytesHeaderParser().parsebytes(archive.read(metadata_name))
    return {
        "name": metadata["Name"],
        "version": metadata["Version"],
        "file_name": wheel.name,
        "install_dir": "site",
        "sha256": sha256_file(wheel),
        "package_type": "package",
        "imports": sorted(_top_level(names)),
        # Judged in Pyodide, with no extra chosen (jinja2[i18n] -> Babel is not a dependency).
        "depends": dependencies(metadata.get_all("Requires-Dist", []), environment, wheel.name),
        "unvendored_tests": False,
    }


def _top_level(names: list[str]) -> set[str]:
    """Importable top-level names in a wheel: packages and modules outside its metadata."""
    found = set()
    for name in names:
        top, _, rest = name.partition("/")
        if top.endswith((".dist-info", ".data")):
            continue
        if rest in ("__init__.py", "__init__.pyc"):
            found.add(top)
        elif not rest and top.endswith((".py", ".pyc")):
            found.add(top.rpartition(".")[0])
    return found


def _describe(path: Path) -> RuntimeFile:
    return RuntimeFile(path.name, path.stat().st_size, sha256_file(path))

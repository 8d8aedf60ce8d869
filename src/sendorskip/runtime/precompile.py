"""Run precompile.mjs in Pyodide under Node (node.py) for whatever the bytecode cache does not hold yet.

Loading Pyodide in Node costs seconds, so outputs are cached, each under a key made of what
determines its bytes: the input's *contents* (names and bytes of its members, not its
timestamps, so rebuilding an unchanged package wheel is still a cache hit), the Pyodide
release, the optimisation level and the two scripts that do the work.

:func:`stdlib_members` asks the same Node script which standard library members the checker
needs; its answer is cached the same way, keyed by everything it ran.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .node import HERE, run_job, scratch

TOOLS = (HERE / "precompile.mjs", HERE / "node.mjs", HERE / "bytecode.py")


@dataclass(frozen=True)
class Job:
    """Compile ``src`` (the stdlib zip or a wheel) into a file called ``name``."""

    kind: Literal["stdlib", "wheel"]
    src: Path
    name: str


def content_digest(path: Path) -> str:
    """sha256 over a zip's member names and contents, in order; blind to timestamps."""
    digest = hashlib.sha256()
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            digest.update(info.filename.encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(archive.read(info)).digest())
    return digest.hexdigest()


def tools_digest(pyodide_sha256: str, tools: Sequence[Path] = TOOLS) -> str:
    """What a job's output depends on besides its inputs: the Pyodide release, the scripts."""
    digest = hashlib.sha256(pyodide_sha256.encode("ascii"))
    for tool in tools:
        digest.update(tool.read_bytes())
    return digest.hexdigest()


def precompile(
    jobs: Sequence[Job],
    *,
    pyodide: Path,
    pyodide_sha256: str,
    python_tag: str,
    optimize: int,
    cache: Path,
) -> dict[str, Path]:
    """Compiled outputs by name: from the cache, or made by one Node run for all misses."""
    tools = tools_digest(pyodide_sha256)
    outputs: dict[str, Path] = {}
    missing: list[Job] = []
    for job in jobs:
        key = json.dumps([tools, python_tag, optimize, job.kind, content_digest(job.src)])
        folder = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
        outputs[job.name] = cache / "bytecode" / folder / job.name
        if not outputs[job.name].is_file():
            missing.append(job)
    if not missing:
        return outputs
    # A compiled standard library already in the cache makes Pyodide start three times faster.
    ready = [outputs[job.name] for job in jobs if job.kind == "stdlib" and job not in missing]
    with scratch(cache) as tmp:
        request = {
            "python_tag": python_tag,
            "stdlib": str(ready[0].resolve()) if ready else None,
            "jobs": [
                {
                    "kind": job.kind,
                    "src": str(job.src.resolve()),
                    "dst": str(Path(tmp, job.name)),
                    "optimize": optimize,
                    "label": job.src.name,
                }
                for job in missing
            ],
        }
        names = ", ".join(job.name for job in missing)
        run_job("precompile.mjs", pyodide, request, tmp=tmp, what=f"precompile {names}")
        for job in missing:
            outputs[job.name].parent.mkdir(parents=True, exist_ok=True)
            os.replace(Path(tmp, job.name), outputs[job.name])
    return outputs


def stdlib_members(
    stdlib: Path,
    wheels: Sequence[Path],
    calls: Sequence[tuple[str, Any]],
    packages: Sequence[str],
    *,
    pyodide: Path,
    pyodide_sha256: str,
    cache: Path,
) -> set[str]:
    """Members of the compiled ``stdlib`` zip that the ``wheels`` can need (see
    bytecode.stdlib_members): from the cache, or found by one Node run."""
    key = hashlib.sha256(tools_digest(pyodide_sha256).encode("ascii"))
    for path in (stdlib, *wheels):
        key.update(content_digest(path).encode("ascii"))
    key.update(json.dumps([list(calls), list(packages)], sort_keys=True).encode("utf-8"))
    out = cache / "bytecode" / key.hexdigest()[:32] / "stdlib-members.json"
    if not out.is_file():
        with scratch(cache) as tmp:
            dst = Path(tmp, out.name)
            request = {
                "stdlib": str(stdlib.resolve()),
                "jobs": [],
                "record": {
                    "wheels": [str(wheel.resolve()) for wheel in wheels],
                    "calls": list(calls),
                    "packages": list(packages),
                    "dst": str(dst),
                },
            }
            run_job(
                "precompile.mjs",
                pyodide,
                request,
                tmp=tmp,
                what="record the standard library modules the checker imports",
            )
            out.parent.mkdir(parents=True, exist_ok=True)
            os.replace(dst, out)
    members: list[str] = json.loads(out.read_text(encoding="utf-8"))
    return set(members)

"""The runtime half of an offline kit: ``python -m sendorskip.runtime.kit DIR``.

Fills ``DIR`` with everything the checker's runtime build fetches or compiles (the pinned
Pyodide tarball, the Jinja2 and MarkupSafe wheels, bytecode), laid out as the build's cache, so
a machine without registry access builds with ``SENDORSKIP_CACHE=DIR SENDORSKIP_OFFLINE=1``.
``scripts/offline-kit`` adds the Python wheels; docs/host-your-own.md ("Offline intranets") says
how to use both.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from . import fetch
from .build import RuntimeBuildError, build_runtime, default_cache
from .wheel import package_wheel


def pinned_files(pins: fetch.Pins) -> list[str]:
    """The downloads a build needs, as paths inside the cache (fetch.py names them so)."""
    return [
        f"downloads/pyodide-{pins.pyodide_version}.tgz",
        f"downloads/jinja2-{pins.jinja2_version}-py3-none-any.whl",
        f"built/markupsafe-{pins.markupsafe_version}-py3-none-any.whl",
    ]


def fill(kit: Path, source: Path | None = None) -> None:
    """Make ``kit`` a cache a build can use offline. Files already in ``source`` (the machine's
    own cache) are copied instead of fetched again; the build checks every hash before use."""
    source = source or default_cache()
    for name in pinned_files(fetch.load_pins()):
        if (source / name).is_file() and not (kit / name).is_file():
            (kit / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source / name, kit / name)
    # One real build fetches whatever is missing and compiles the standard library and the
    # wheels, which offline would otherwise take Node a minute on every fresh kit.
    with tempfile.TemporaryDirectory() as tmp:
        build_runtime(Path(tmp, "pyodide"), package_wheel=package_wheel(Path(tmp)), cache=kit)
    shutil.rmtree(kit / "tmp", ignore_errors=True)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m sendorskip.runtime.kit DIR", file=sys.stderr)
        return 2
    try:
        fill(Path(argv[0]).resolve())
    except RuntimeBuildError as error:
        print("\n".join(error.problems), file=sys.stderr)
        return 1
    print(f"kit: the runtime cache is in {argv[0]}; build with SENDORSKIP_CACHE pointing at it.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""Our package as a pure-Python wheel for the browser, zipped straight from the installed files.

No build backend runs: the package is already laid out, and a career center's overrides are
baked in under ``sendorskip/data/overrides/`` so the checker in the browser uses them too.
The build-time subpackages (``site``, ``runtime``) stay out: the browser never builds a site.
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path

from ..knowledge import BUNDLED_OVERRIDES
from .bytecode import wheel_record
from .requirements import without_extras

PACKAGE = Path(__file__).resolve().parent.parent
BUILD_TIME = ("site", "runtime")
# Fixed timestamps: the same inputs give the same bytes, so the bytecode cache keeps hitting.
EPOCH = (1980, 1, 1, 0, 0, 0)


def make_wheel(
    out: Path, name: str, version: str, files: Mapping[str, bytes], requires: list[str]
) -> Path:
    """A minimal valid wheel (PEP 427) holding ``files``."""
    info = f"{name}-{version}.dist-info"
    meta = [f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"]
    meta += [f"Requires-Dist: {r}\n" for r in requires]
    members: dict[str, bytes] = {
        **files,
        f"{info}/METADATA": "".join(meta).encode(),
        f"{info}/WHEEL": b"Wheel-Version: 1.0\nGenerator: sendorskip\nRoot-Is-Purelib: true\nTag: py3-none-any\n\n",
    }
    record = f"{info}/RECORD"
    rows: list[tuple[str, bytes | None]] = [*members.items(), (record, b"")]
    members[record] = wheel_record(rows, record)
    path = out / f"{name}-{version}-py3-none-any.whl"
    out.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            archive.writestr(zipfile.ZipInfo(member, EPOCH), data, zipfile.ZIP_DEFLATED)
    return path


def package_files(overrides: Path | None = None) -> dict[str, bytes]:
    files = {
        f"sendorskip/{p.relative_to(PACKAGE).as_posix()}": p.read_bytes()
        for p in sorted(PACKAGE.rglob("*"))
        if p.is_file()
        and "__pycache__" not in p.parts
        and p.suffix != ".pyc"
        and p.relative_to(PACKAGE).parts[0] not in BUILD_TIME
    }
    if overrides is not None:
        for p in sorted(overrides.rglob("*")):
            if p.is_file() and p.suffix in (".toml", ".j2"):
                files[
                    f"sendorskip/data/{BUNDLED_OVERRIDES}/{p.relative_to(overrides).as_posix()}"
                ] = p.read_bytes()
    return files


def package_wheel(out: Path, overrides: Path | None = None) -> Path:
    """sendorskip's wheel for Pyodide, with ``overrides`` (a center's directory) baked in."""
    # The build-time extra (site) stays out, with the build-time code.
    requires = without_extras(metadata.requires("sendorskip") or [], "sendorskip")
    return make_wheel(
        out, "sendorskip", metadata.version("sendorskip"), package_files(overrides), requires
    )

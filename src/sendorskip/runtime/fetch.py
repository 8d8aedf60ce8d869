"""Fetch the pinned runtime pieces into the cache, checking every byte against runtime.toml.

Only the ordinary package clients are used (``npm pack``, ``pip download``, ``pip wheel``), so
the build reaches nothing but the package registries the machine is configured for. A file is
moved into the cache only after its sha256 matched, so whatever the cache holds was verified.

Without a registry the build stops at the first miss, within seconds, naming the file the cache
lacks: clients do not retry, and with ``SENDORSKIP_OFFLINE=1`` they are not even started.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import SendOrSkipError

PINS_FILE = Path(__file__).with_name("runtime.toml")
# Under "mkdocs.", so that `mkdocs build` shows these lines; the name is just a string here.
log = logging.getLogger("mkdocs.plugins.sendorskip.runtime")

NODE_HINT = "Install Node.js 18 or newer with npm (on Debian: apt-get install nodejs npm)."
PIP_HINT = f"Install pip into the Python that runs the build: {sys.executable} -m ensurepip"
OFFLINE_HINT = (
    "Fill the cache from an offline kit: see Offline intranets in the host-your-own guide "
    "(docs/host-your-own.md)."
)
# What npm (its error codes) and pip print when no registry answers or none has the file: refused,
# unresolvable, unroutable, timed out. Without retries pip says only that it found no version.
UNREACHABLE = re.compile(
    r"\(from versions: none\)"
    r"|\bE(?:CONNREFUSED|NOTFOUND|AI_AGAIN|TIMEDOUT|CONNRESET|NETUNREACH|HOSTUNREACH)\b"
)


class RuntimeBuildError(SendOrSkipError):
    """The browser runtime could not be built; each problem says what failed and what to do."""


@dataclass(frozen=True)
class Pins:
    """runtime.toml: exact versions and hashes of everything the browser runtime is made of."""

    pyodide_version: str
    pyodide_sha256: str
    pyodide_files: tuple[str, ...]
    jinja2_version: str
    jinja2_sha256: str
    markupsafe_version: str
    markupsafe_sdist_sha256: str
    markupsafe_wheel_sha256: str
    setuptools: str
    source_date_epoch: int
    optimize: int
    trim: bool


def load_pins(path: Path = PINS_FILE) -> Pins:
    with path.open("rb") as file:
        data = tomllib.load(file)
    try:
        pyodide, jinja2, markupsafe = data["pyodide"], data["jinja2"], data["markupsafe"]
        return Pins(
            pyodide_version=str(pyodide["version"]),
            pyodide_sha256=str(pyodide["sha256"]),
            pyodide_files=tuple(str(name) for name in pyodide["files"]),
            jinja2_version=str(jinja2["version"]),
            jinja2_sha256=str(jinja2["wheel_sha256"]),
            markupsafe_version=str(markupsafe["version"]),
            markupsafe_sdist_sha256=str(markupsafe["sdist_sha256"]),
            markupsafe_wheel_sha256=str(markupsafe["wheel_sha256"]),
            setuptools=str(markupsafe["setuptools"]),
            source_date_epoch=int(markupsafe["source_date_epoch"]),
            optimize=int(data["precompile"]["optimize"]),
            trim=bool(data["precompile"]["trim"]),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise RuntimeBuildError([f"{path.name}: missing or malformed entry: {error}."]) from None


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def run(
    argv: list[str],
    *,
    what: str,
    hint: str,
    timeout: float,
    needs: Path | None = None,
    env: Mapping[str, str] | None = None,
    umask: int = -1,
) -> None:
    """Run a client (to fetch ``needs``, a file the cache lacks, or locally if None); turn every
    way it can fail into one RuntimeBuildError a person can act on."""
    if needs and os.environ.get("SENDORSKIP_OFFLINE") == "1":
        raise RuntimeBuildError(
            [f"runtime: the cache holds no {needs}, and SENDORSKIP_OFFLINE=1. {OFFLINE_HINT}"]
        )
    exe = shutil.which(argv[0])
    if exe is None:
        raise RuntimeBuildError([f"runtime: {what}: {argv[0]} was not found. {hint}"])
    started = time.monotonic()
    try:
        done = subprocess.run(
            [exe, *argv[1:]],
            capture_output=True,
            text=True,
            check=False,
            timeout=timeout,
            env=env,
            umask=umask,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        raise RuntimeBuildError([f"runtime: {what}: gave up after {timeout:.0f} s."]) from None
    except OSError as error:
        raise RuntimeBuildError([f"runtime: {what}: could not run {exe}: {error}."]) from None
    output = done.stderr + done.stdout
    if done.returncode != 0 and needs and UNREACHABLE.search(output):
        raise RuntimeBuildError(
            [
                f"runtime: the cache holds no {needs}, and {what} could not get it from a "
                f"package registry. {OFFLINE_HINT}"
            ]
        )
    if done.returncode != 0:
        # The client's own last lines say what went wrong (unknown version, full disk...).
        tail = (done.stderr.strip() or done.stdout.strip()).splitlines()[-12:]
        lines = [f"runtime: {what} failed (exit status {done.returncode}):", *tail]
        raise RuntimeBuildError(["\n    ".join(lines)])  # one problem, however many lines
    log.info("runtime: %s (%.1f s)", what, time.monotonic() - started)


def _accept(candidate: Path, expected: str, target: Path, what: str) -> Path:
    """Move a fresh download into the cache if its hash is the pinned one, else refuse it."""
    if not candidate.is_file():
        raise RuntimeBuildError(
            [f"runtime: {what}: the client reported success but wrote no {candidate.name}."]
        )
    actual = sha256_file(candidate)
    if actual != expected:
        raise RuntimeBuildError(
            [
                f"runtime: {what}: {candidate.name} has sha256 {actual}, but runtime.toml pins "
                f"{expected}. It was not used. If the pin is right, the package index served "
                "different bytes: do not update the pin without finding out why."
            ]
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(candidate, target)
    return target


def _pip(*args: str) -> list[str]:
    if importlib.util.find_spec("pip") is None:
        raise RuntimeBuildError([f"runtime: pip is not available. {PIP_HINT}"])
    # The build's own Python, so the pip (and its configuration) of the build's environment.
    # No retries: they cost minutes without a registry (issue 11), and a build without one
    # should say so at once; a flaky connection costs a rerun instead.
    flags = ["--disable-pip-version-check", "--no-input", "--retries", "0"]
    return [sys.executable, "-m", "pip", *flags, *args]


def pyodide_dir(cache: Path, pins: Pins) -> Path:
    """The pinned Pyodide files, extracted from the verified npm tarball."""
    target = cache / f"pyodide-{pins.pyodide_version}"
    if all((target / name).is_file() for name in pins.pyodide_files):
        return target
    tarball = cache / "downloads" / f"pyodide-{pins.pyodide_version}.tgz"
    if tarball.is_file() and sha256_file(tarball) != pins.pyodide_sha256:
        tarball.unlink()  # damaged or replaced since it was verified: fetch it again
    with tempfile.TemporaryDirectory(dir=_tmp(cache)) as tmp:
        if not tarball.is_file():
            spec = f"pyodide@{pins.pyodide_version}"
            run(
                ["npm", "pack", spec, "--ignore-scripts", "--pack-destination", tmp],
                what=f"npm pack {spec}",
                hint=NODE_HINT,
                timeout=600,
                needs=tarball,
                env={
                    **os.environ,
                    "npm_config_fetch_retries": "0",  # see _pip: stop at the first failure
                    "npm_config_fund": "false",
                    "npm_config_audit": "false",
                    "npm_config_update_notifier": "false",
                },
            )
            _accept(Path(tmp, tarball.name), pins.pyodide_sha256, tarball, f"npm pack {spec}")
        extracted = Path(tmp, "pyodide")
        extracted.mkdir()
        with tarfile.open(tarball) as archive:
            for name in pins.pyodide_files:
                # Read members by name and write the bytes ourselves: no path from the
                # archive decides where anything lands.
                try:
                    member = archive.extractfile(f"package/{name}")
                except KeyError:  # not in the archive (None: there, but not a file)
                    member = None
                if member is None:
                    raise RuntimeBuildError([f"runtime: {tarball.name} has no {name}."])
                (extracted / name).write_bytes(member.read())
        shutil.rmtree(target, ignore_errors=True)
        os.replace(extracted, target)
    return target


def jinja2_wheel(cache: Path, pins: Pins) -> Path:
    """Jinja2's own py3-none-any wheel, as published."""
    target = cache / "downloads" / f"jinja2-{pins.jinja2_version}-py3-none-any.whl"
    if target.is_file() and sha256_file(target) == pins.jinja2_sha256:
        return target
    spec = f"jinja2=={pins.jinja2_version}"
    with tempfile.TemporaryDirectory(dir=_tmp(cache)) as tmp:
        run(
            _pip("download", "--no-deps", "--only-binary", ":all:", "--dest", tmp, spec),
            what=f"pip download {spec}",
            hint=PIP_HINT,
            timeout=600,
            needs=target,
        )
        return _accept(Path(tmp, target.name), pins.jinja2_sha256, target, f"pip download {spec}")


def markupsafe_wheel(cache: Path, pins: Pins) -> Path:
    """A pure-Python MarkupSafe wheel built from the pinned sdist, reproducibly."""
    version = pins.markupsafe_version
    target = cache / "built" / f"markupsafe-{version}-py3-none-any.whl"
    if target.is_file() and sha256_file(target) == pins.markupsafe_wheel_sha256:
        return target
    spec = f"markupsafe=={version}"
    with tempfile.TemporaryDirectory(dir=_tmp(cache)) as tmp:
        # pip checks the sdist against the pinned hash before building (--require-hashes)...
        requirements = Path(tmp, "requirements.txt")
        requirements.write_text(
            f"{spec} --hash=sha256:{pins.markupsafe_sdist_sha256}\n", encoding="utf-8"
        )
        # ...and PIP_CONSTRAINT reaches the isolated build environment, pinning setuptools.
        constraints = Path(tmp, "build-constraints.txt")
        constraints.write_text(f"setuptools=={pins.setuptools}\n", encoding="utf-8")
        env = {
            **os.environ,
            "PIP_CONSTRAINT": str(constraints),
            "CC": "false",  # the C speedups fail to compile, so setup.py builds pure Python
            "SOURCE_DATE_EPOCH": str(pins.source_date_epoch),
        }
        # CIBUILDWHEEL=1 makes MarkupSafe's C extension mandatory; a build-isolation opt-out
        # would build with whatever setuptools is installed. Neither may leak in from outside.
        for name in ("CIBUILDWHEEL", "PIP_NO_BUILD_ISOLATION"):
            env.pop(name, None)
        out = Path(tmp, "wheel")
        # --no-cache-dir: pip's wheel cache may hold an earlier build with the C extension.
        # umask 022: the wheel records file modes, so a stricter umask changes its hash.
        run(
            _pip(
                "wheel",
                "--no-deps",
                "--no-binary",
                ":all:",
                "--no-cache-dir",
                "--require-hashes",
                "-r",
                str(requirements),
                "-w",
                str(out),
            ),
            what=f"pip wheel {spec} (pure Python, from the sdist)",
            hint=PIP_HINT,
            timeout=600,
            needs=target,
            env=env,
            umask=0o022,
        )
        if not Path(out, target.name).is_file():
            built = ", ".join(sorted(p.name for p in out.glob("*.whl"))) or "nothing"
            raise RuntimeBuildError(
                [
                    f"runtime: pip wheel {spec} built {built}, not the "
                    f"pure-Python {target.name} (did a C compiler run?)."
                ]
            )
        return _accept(
            Path(out, target.name), pins.markupsafe_wheel_sha256, target, f"pip wheel {spec}"
        )


def _tmp(cache: Path) -> Path:
    """Scratch space inside the cache, so finished files move into place atomically."""
    path = cache / "tmp"
    path.mkdir(parents=True, exist_ok=True)
    return path

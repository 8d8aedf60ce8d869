"""Rewrite a zip of Python sources (the standard library, a wheel) as sourceless bytecode.

This module runs *inside Pyodide's CPython under Node* (``precompile.mjs`` loads it), never on
the host at build time: bytecode only loads in the interpreter version that wrote it, and the
host Python is older than Pyodide's. So it uses the standard library only.

Each ``.py`` becomes a ``.pyc`` at the same place (sourceless: zipimport and the path finder
load ``name.pyc`` when there is no ``name.py``), written by ``py_compile`` hash-based and
unchecked (PEP 552): there is no source to check against, and nothing needs a timestamp. Its
magic number is therefore Pyodide's CPython's, which is the one that loads it. Start-up then
skips compiling, which is most of its cost.

:func:`stdlib_members` finds which members of the standard library zip the checker needs, so
that the page downloads (and zipimport indexes) those alone: see its docstring.
"""

from __future__ import annotations

import base64
import contextlib
import csv
import hashlib
import importlib
import importlib.abc
import importlib.util
import io
import json
import modulefinder
import os
import py_compile
import sys
import sysconfig
import tempfile
import zipfile
from collections.abc import Iterator
from types import CodeType
from typing import Any

# A fixed time and mode for every member, so the output depends on the input alone.
_EPOCH = (1980, 1, 1, 0, 0, 0)
_FILE_MODE = 0o100644 << 16
_DIR_MODE = (0o040755 << 16) | 0x10  # 0x10: the MS-DOS directory bit


def python_tag() -> str:
    """The wheel tag of this interpreter's bytecode, e.g. ``cp314``."""
    return f"cp{sys.version_info.major}{sys.version_info.minor}"


def pyc(source: bytes, filename: str, optimize: int, scratch: str) -> bytes:
    """Sourceless unchecked-hash bytecode for one module, as ``py_compile`` writes it.

    ``filename`` is the path tracebacks will show; ``scratch`` a folder for py_compile's files.
    Raises SyntaxError or ValueError (a null byte) as compile() does.
    """
    src, dst = os.path.join(scratch, "module.py"), os.path.join(scratch, "module.pyc")
    with open(src, "wb") as file:
        file.write(source)
    try:
        py_compile.compile(
            src,
            dst,
            dfile=filename,
            doraise=True,
            optimize=optimize,
            invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
        )
    except py_compile.PyCompileError as error:
        raise error.exc_value from None
    with open(dst, "rb") as file:
        return file.read()


def record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return "sha256=" + digest.decode("ascii")


def wheel_record(members: list[tuple[str, bytes | None]], record_name: str) -> bytes:
    """A wheel RECORD (PEP 376/427) listing every member with its hash; RECORD has none."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for name, data in members:
        if data is None:
            continue
        if name == record_name:
            writer.writerow([name, "", ""])
        else:
            writer.writerow([name, record_hash(data), len(data)])
    return out.getvalue().encode("utf-8")


def _retag(wheel_metadata: bytes, tag: str) -> bytes:
    """WHEEL file with its ``Tag:`` lines replaced by one: the bytecode fits one version."""
    lines = wheel_metadata.decode("utf-8").splitlines()
    kept = [line for line in lines if not line.startswith("Tag:")]
    insert_at = next((i for i, line in enumerate(kept) if not line.strip()), len(kept))
    kept.insert(insert_at, f"Tag: {tag}")
    return ("\n".join(kept).rstrip("\n") + "\n\n").encode("utf-8")


def rewrite(
    src: str, dst: str, *, prefix: str, optimize: int, wheel: bool, label: str = ""
) -> list[str]:
    """Copy zip ``src`` to ``dst`` with every ``.py`` compiled; return problems (none = ok).

    ``prefix`` is where the members will live at run time, so tracebacks name real paths.
    For a wheel, the WHEEL tag becomes this interpreter's and RECORD is regenerated, so the
    installer's view of the files stays true. ``label`` names ``src`` in problems.
    """
    label = label or src
    problems: list[str] = []
    members: list[tuple[str, bytes | None]] = []  # None marks a directory entry
    record_name = ""
    with zipfile.ZipFile(src) as zin, tempfile.TemporaryDirectory() as scratch:
        for info in zin.infolist():
            name = info.filename
            if info.is_dir():
                members.append((name, None))
                continue
            data = zin.read(info)
            # A wheel's .data/ folders hold scripts and data that are installed as they are.
            in_data = wheel and name.split("/", 1)[0].endswith(".data")
            if name.endswith(".py") and not in_data:
                try:
                    members.append((name + "c", pyc(data, prefix + name, optimize, scratch)))
                except (SyntaxError, ValueError) as error:
                    problems.append(f"{label}: {name}: does not compile: {error}")
                continue
            if "/__pycache__/" in "/" + name:
                continue  # stale bytecode from another interpreter would only mislead
            if wheel and name.endswith(".dist-info/WHEEL"):
                data = _retag(data, f"{python_tag()}-none-any")
            if wheel and name.endswith(".dist-info/RECORD"):
                record_name = name
            members.append((name, data))
    if wheel and not record_name:
        problems.append(f"{label}: not a wheel: it has no .dist-info/RECORD.")
    if problems:
        return problems
    if wheel:
        members = [(n, wheel_record(members, n) if n == record_name else d) for n, d in members]
    with zipfile.ZipFile(dst, "w") as zout:
        for name, content in members:
            entry = zipfile.ZipInfo(name, date_time=_EPOCH)
            entry.external_attr = _DIR_MODE if content is None else _FILE_MODE
            # Stored, not deflated: brotli over the whole zip (site/compress.py, the server)
            # then shrinks it a third more than deflate member by member can.
            entry.compress_type = zipfile.ZIP_STORED
            zout.writestr(entry, b"" if content is None else content)
    return []


def stdlib_prefix() -> str:
    """Where the standard library zip is mounted (``/lib/python314.zip/`` in Pyodide)."""
    zips = [entry for entry in sys.path if entry.endswith(".zip")]
    return (zips[0] if zips else "/lib/python.zip") + "/"


def precompile(request_json: str) -> str:
    """Entry point for ``precompile.mjs``: run every job; return the problems as JSON.

    The request is ``{"python_tag": "cp314", "jobs": [{"src", "dst", "kind", "optimize"}]}``
    with ``kind`` ``"stdlib"`` or ``"wheel"``; paths are in Pyodide's file system.
    """
    request: dict[str, Any] = json.loads(request_json)
    if request["python_tag"] != python_tag():
        return json.dumps(
            [
                f"precompile: the build expected {request['python_tag']} bytecode "
                f"but this Pyodide runs {python_tag()}; the runtime pins disagree."
            ]
        )
    # sys.prefix is "/" in Pyodide, so sysconfig says "//lib/...": one slash is the real path.
    site_packages = "/" + sysconfig.get_paths()["purelib"].lstrip("/") + "/"
    problems: list[str] = []
    for job in request["jobs"]:
        wheel = job["kind"] == "wheel"
        problems += rewrite(
            job["src"],
            job["dst"],
            optimize=int(job["optimize"]),
            wheel=wheel,
            prefix=site_packages if wheel else stdlib_prefix(),
            label=job.get("label", ""),
        )
    return json.dumps(problems)


# Codecs that str.encode/bytes.decode import on first use, by name, at any time: cheap
# insurance against input that makes some library pick one the sample never did.
CODECS = (
    "aliases",
    "ascii",
    "charmap",
    "cp1252",
    "cp437",
    "latin_1",
    "raw_unicode_escape",
    "unicode_escape",
    "utf_16",
    "utf_16_be",
    "utf_16_le",
    "utf_32",
    "utf_32_be",
    "utf_32_le",
    "utf_8",
    "utf_8_sig",
)


def _code_objects(code: CodeType) -> Iterator[CodeType]:
    yield code
    for const in code.co_consts:
        if isinstance(const, CodeType):
            yield from _code_objects(const)


def imports_in(code: CodeType) -> set[str]:
    """Every absolute module name an ``import`` anywhere in ``code`` may load, including the
    imports inside functions (which run late, on some input only). ``from a import b`` gives
    ``a`` and ``a.b``, since ``b`` may be a submodule.

    modulefinder reads the import statements; it cannot follow them into the standard library,
    a zip it has no loader for, so stdlib_members imports them and reads ``sys.modules``."""
    finder = modulefinder.ModuleFinder()
    found: set[str] = set()
    for block in _code_objects(code):
        for kind, args in finder.scan_opcodes(block):
            # Relative imports stay inside the same distribution, which ships whole.
            if kind == "absolute_import":
                fromlist, name = args
                found.add(name)
                found.update(f"{name}.{item}" for item in fromlist or () if item != "*")
    return found


def _package_code(package: str) -> Iterator[CodeType]:
    """The code of every module file of an installed package (sourceless .pyc or .py), read
    by the import system's own loaders, which check a .pyc's header."""
    spec = importlib.util.find_spec(package)
    roots = list(spec.submodule_search_locations or []) if spec else []
    for root in roots:
        for folder, _, files in os.walk(root):
            for name in sorted(files):
                if not name.endswith((".py", ".pyc")):
                    continue
                module = importlib.util.spec_from_file_location(name, os.path.join(folder, name))
                loader = module.loader if module else None
                if isinstance(loader, importlib.abc.InspectLoader):
                    code = loader.get_code(name)
                    if code is not None:
                        yield code


def _try_import(name: str) -> None:
    # Fails for an optional dependency (Babel), or a name that is an attribute, not a module.
    with contextlib.suppress(Exception):
        importlib.import_module(name)


def stdlib_members(request_json: str) -> str:
    """Members of the standard library zip that the checker can need: a JSON list.

    Runs in a Pyodide that has started from the full (compiled) standard library and has
    installed our wheels, the way a page does: the interpreter's own record, ``sys.modules``,
    says what was imported. The answer is the union of:

    - ``present``: what was imported before this module was loaded (Pyodide's own start-up
      and package loader included); this module's own imports are forgotten, so they count
      only where the checker imports them too;
    - what ``calls`` import: ``[op, payload]`` pairs run through the worker's own bridge,
      bad input included, so error paths count too;
    - every module an ``import`` statement anywhere in ``packages`` names, even inside a
      function that the sample never reaches, with whatever those import in turn;
    - the codecs in :data:`CODECS`.

    A module that is left out fails with ModuleNotFoundError, so this errs on the side of
    keeping: a library function that imports a stdlib module lazily, not reached by any call
    and not named by our packages' code, is the one case it can miss.
    """
    request: dict[str, Any] = json.loads(request_json)
    # Forget the modules that only this one imported (zipfile, py_compile, modulefinder...),
    # holding on to them, so that what the checker imports is imported again, and recorded.
    present = set(request["present"])
    for name in [name for name in sys.modules if name not in present]:
        del sys.modules[name]
    # Imported here: at build time the wheels are installed just before this runs.
    from sendorskip.bridge import call

    for op, payload in request["calls"]:
        call(op, json.dumps(payload))
    for package in request["packages"]:
        for code in _package_code(package):
            for name in sorted(imports_in(code)):
                _try_import(name)
    for codec in CODECS:
        _try_import(f"encodings.{codec}")
    prefix = stdlib_prefix()
    members = set()
    for module in list(sys.modules.values()):
        origin = getattr(getattr(module, "__spec__", None), "origin", None)
        if isinstance(origin, str) and origin.startswith(prefix):
            members.add(origin[len(prefix) :])
    return json.dumps(sorted(members))


def select(src: str, dst: str, members: set[str]) -> None:
    """Copy zip ``src`` to ``dst`` keeping only ``members`` (and the folders holding them)."""
    folders = {name.rsplit("/", 1)[0] + "/" for name in members if "/" in name}
    folders |= {f"{'/'.join(f.split('/')[:i])}/" for f in folders for i in range(1, f.count("/"))}
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            if info.filename in members or info.filename in folders:
                entry = zipfile.ZipInfo(info.filename, date_time=_EPOCH)
                entry.external_attr = info.external_attr
                entry.compress_type = zipfile.ZIP_STORED  # as in rewrite()
                zout.writestr(entry, zin.read(info))

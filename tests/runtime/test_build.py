"""The browser runtime: its pieces on the host, then a real build checked file by file and run
under Node against CPython's answers.

Tests marked ``node`` need Node.js with npm, and the first run on a machine fetches the pinned
pieces through npm and pip (about 30 s); later runs hit the cache (``$SENDORSKIP_CACHE`` or
``~/.cache/sendorskip``) and take a few seconds, most of it the Node smoke test.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import io
import json
import subprocess
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import pytest

from sendorskip import api
from sendorskip.runtime import bytecode, fetch
from sendorskip.runtime.build import (
    RuntimeBuildError,
    RuntimeFiles,
    build_runtime,
    default_cache,
    slim_lock,
)
from sendorskip.runtime.bytecode import record_hash
from sendorskip.runtime.wheel import make_wheel

ROOT = Path(__file__).parents[2]
SMOKE = ROOT / "tests" / "node" / "smoke.mjs"
PINS = fetch.load_pins()

# What a page needs, in the order build_runtime reports it.
EXPECTED_FILES = [
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
    "jinja2-3.1.6-cp314-none-any.whl",
    "markupsafe-3.0.3-cp314-none-any.whl",
    "sendorskip-0.1.0-cp314-none-any.whl",
    "snapshot.bin",
    "snapshot_stdlib.zip",
]
# Shipped byte for byte as released on npm.
UPSTREAM_FILES = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm"]
# Lock entries: name -> (imports, depends). loadPackage("sendorskip") must pull in all three.
EXPECTED_LOCK = {
    "jinja2": (["jinja2"], ["markupsafe"]),
    "markupsafe": (["markupsafe"], []),
    "sendorskip": (["sendorskip"], ["jinja2"]),
}
# The smoke test's requests, as smoke.mjs sends them.
SMOKE_CALLS = {
    "advise": (api.advise, {"went": "well"}),
    "check": (api.check, {"notes": [{"text": "Thank you for your time."}]}),
}

node = pytest.mark.node


def record_problems(wheel: Path) -> list[str]:
    """Every way the wheel's RECORD disagrees with its members (PEP 376)."""
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        record = next(n for n in names if n.endswith(".dist-info/RECORD"))
        rows = {row[0]: row[1:] for row in csv.reader(io.StringIO(archive.read(record).decode()))}
        problems = [f"{n}: not in RECORD" for n in names if n not in rows]
        problems += [f"{n}: in RECORD, not in wheel" for n in rows if n not in names]
        problems += [
            f"{n}: hash or size differs"
            for n in names
            if n != record
            and n in rows
            and rows[n] != [record_hash(data := archive.read(n)), str(len(data))]
        ]
    return problems


# --- Host-side pieces (no Node needed) -------------------------------------------------------


def test_rewrite_compiles_sources_and_keeps_the_record_true(tmp_path: Path) -> None:
    src = make_wheel(
        tmp_path,
        "demo",
        "1.0",
        {
            "demo/__init__.py": b"VALUE = 1\n",
            "demo/data/table.toml": b"x = 1\n",
        },
        requires=[],
    )
    out = tmp_path / "out.whl"
    assert bytecode.rewrite(str(src), str(out), prefix="/site/", optimize=0, wheel=True) == []
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        pyc = archive.read("demo/__init__.pyc")
        wheel_meta = archive.read("demo-1.0.dist-info/WHEEL").decode()
    assert not [n for n in names if n.endswith(".py")]
    assert "demo/data/table.toml" in names
    # PEP 552 header: this interpreter's magic, then flags 0b01 (hash-based, unchecked).
    assert pyc[:4] == importlib.util.MAGIC_NUMBER and pyc[4:8] == b"\x01\x00\x00\x00"
    assert f"Tag: {bytecode.python_tag()}-none-any" in wheel_meta.splitlines()
    assert record_problems(out) == []


def test_rewrite_reports_a_file_that_does_not_compile(tmp_path: Path) -> None:
    src = make_wheel(tmp_path, "demo", "1.0", {"demo/__init__.py": b"def (:\n"}, requires=[])
    problems = bytecode.rewrite(
        str(src), str(tmp_path / "out.whl"), prefix="/", optimize=0, wheel=True, label="demo.whl"
    )
    assert len(problems) == 1 and problems[0].startswith("demo.whl: demo/__init__.py: does not")


def test_slim_lock_refuses_a_dependency_it_does_not_ship(tmp_path: Path) -> None:
    wheel = make_wheel(
        tmp_path,
        "demo",
        "1.0",
        {"demo/__init__.pyc": b""},
        requires=["requests>=2", 'babel>=2; extra == "i18n"'],
    )
    with pytest.raises(RuntimeBuildError) as caught:
        slim_lock({"info": {"python": "3.14.2"}}, [wheel])
    assert caught.value.problems == [
        "runtime: demo-1.0-py3-none-any.whl requires 'requests', which the runtime does not "
        "ship: add it to runtime.toml and build_runtime."
    ]


def test_missing_npm_is_reported_with_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no npm, no node
    wheel = make_wheel(tmp_path, "sendorskip", "0.1.0", {}, requires=[])
    with pytest.raises(RuntimeBuildError) as caught:
        build_runtime(tmp_path / "dest", package_wheel=wheel, cache=tmp_path / "cache")
    assert caught.value.problems == [
        f"runtime: npm pack pyodide@{PINS.pyodide_version}: npm was not found. "
        "Install Node.js 18 or newer with npm (on Debian: apt-get install nodejs npm)."
    ]


# --- A real build ----------------------------------------------------------------------------


def rezipped(runtime: RuntimeFiles, out: Path) -> Path:
    """The package wheel of the ``runtime`` build, zipped again: same bytes, new timestamps."""
    (wheel,) = runtime.dest.parent.glob("sendorskip-*-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as src, zipfile.ZipFile(out / wheel.name, "w") as dst:
        for name in src.namelist():
            dst.writestr(name, src.read(name))
    return out / wheel.name


def lock(runtime: RuntimeFiles) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((runtime.dest / "pyodide-lock.json").read_text("utf-8"))
    return data


@node
def test_dest_holds_exactly_the_runtime_files(runtime: RuntimeFiles) -> None:
    assert [f.name for f in runtime.files] == EXPECTED_FILES
    assert sorted(p.name for p in runtime.dest.iterdir()) == sorted(EXPECTED_FILES)
    for file in runtime.files:
        path = runtime.dest / file.name
        assert (path.stat().st_size, fetch.sha256_file(path)) == (file.size, file.sha256)


@node
def test_pyodide_files_are_the_released_bytes(runtime: RuntimeFiles) -> None:
    tarball = default_cache() / "downloads" / f"pyodide-{PINS.pyodide_version}.tgz"
    assert fetch.sha256_file(tarball) == PINS.pyodide_sha256
    with tarfile.open(tarball) as archive:
        for name in UPSTREAM_FILES:
            member = archive.extractfile(f"package/{name}")
            assert member is not None
            assert hashlib.sha256(member.read()).hexdigest() == runtime[name].sha256, name


@node
def test_lock_lists_our_three_wheels_with_their_hashes(runtime: RuntimeFiles) -> None:
    data = lock(runtime)
    assert data["info"]["python"] == "3.14.2"
    packages = data["packages"]
    assert {n: (p["imports"], p["depends"]) for n, p in packages.items()} == EXPECTED_LOCK
    for package in packages.values():
        assert package["sha256"] == runtime[package["file_name"]].sha256


@node
def test_stdlib_zip_is_sourceless_bytecode(runtime: RuntimeFiles) -> None:
    with zipfile.ZipFile(runtime.dest / "python_stdlib.zip") as archive:
        names = archive.namelist()
        header = archive.read("json/__init__.pyc")[:8]
    assert [n for n in names if n.endswith(".py")] == []
    assert header[4:8] == b"\x01\x00\x00\x00"  # PEP 552: hash-based, unchecked
    pycs = {n for n in names if n.endswith(".pyc")}
    # Trimmed (runtime.toml): what the engine, Jinja2 and Pyodide import, lazily too...
    assert PINS.trim
    assert {
        "json/__init__.pyc",
        "tomllib/__init__.pyc",
        "re/__init__.pyc",
        "textwrap.pyc",
        "importlib/resources/__init__.pyc",
        "argparse.pyc",  # named only by sendorskip.cli: the static scan keeps it
        "encodings/latin_1.pyc",  # CODECS
        "pyodide/_package_loader.pyc",
        "tarfile.pyc",  # the package loader's
    } <= pycs
    # ...and not what nothing imports.
    assert not pycs & {"unittest/__init__.pyc", "pydoc.pyc", "sqlite3/__init__.pyc"}
    assert 100 < len(pycs) < 300


def test_imports_in_sees_imports_inside_functions() -> None:
    code = compile(
        "import json\nfrom . import sibling\n"
        "def later():\n    import difflib\n    from importlib import resources\n",
        "demo.py",
        "exec",
    )
    assert bytecode.imports_in(code) == {
        "json",
        "difflib",
        "importlib",
        "importlib.resources",
    }


def test_select_keeps_members_and_their_folders(tmp_path: Path) -> None:
    src = tmp_path / "in.zip"
    with zipfile.ZipFile(src, "w") as archive:
        for name in ("a/", "a/b/", "a/b/c.pyc", "a/d.pyc", "e.pyc", "f/", "f/g.pyc"):
            archive.writestr(name, b"" if name.endswith("/") else name.encode())
    bytecode.select(str(src), str(tmp_path / "out.zip"), {"a/b/c.pyc", "e.pyc"})
    with zipfile.ZipFile(tmp_path / "out.zip") as archive:
        assert archive.namelist() == ["a/", "a/b/", "a/b/c.pyc", "e.pyc"]
        assert archive.read("a/b/c.pyc") == b"a/b/c.pyc"


@node
@pytest.mark.parametrize("name", [n for n in EXPECTED_FILES if n.endswith(".whl")])
def test_wheels_are_bytecode_with_a_true_record(runtime: RuntimeFiles, name: str) -> None:
    with zipfile.ZipFile(runtime.dest / name) as archive:
        assert [n for n in archive.namelist() if n.endswith(".py")] == []
    assert record_problems(runtime.dest / name) == []


@node
def test_second_build_is_all_cache_hits(
    runtime: RuntimeFiles, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_subprocess(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"a cached build ran {args}")

    monkeypatch.setattr(subprocess, "run", no_subprocess)
    again = build_runtime(tmp_path / "again", package_wheel=rezipped(runtime, tmp_path))
    assert again.files == runtime.files  # same bytes: the output depends on the inputs only


@node
def test_sources_build_ships_the_released_wheels(runtime: RuntimeFiles, tmp_path: Path) -> None:
    stock = build_runtime(
        tmp_path / "stock", package_wheel=rezipped(runtime, tmp_path), precompiled=False
    )
    # Sources only, so no snapshot: the page starts the normal way.
    names = [
        name.replace("cp314", "py3") for name in EXPECTED_FILES if not name.startswith("snapshot")
    ]
    assert [f.name for f in stock.files] == names
    assert stock["jinja2-3.1.6-py3-none-any.whl"].sha256 == PINS.jinja2_sha256
    assert {n: (p["imports"], p["depends"]) for n, p in lock(stock)["packages"].items()} == (
        EXPECTED_LOCK
    )


@node
def test_runtime_runs_under_node_and_answers_like_cpython(runtime: RuntimeFiles) -> None:
    done = subprocess.run(
        ["node", str(SMOKE), str(runtime.dest)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["python"] == "3.14.2" and result["jinja2"] == "1"
    assert all(path.endswith(".pyc") for path in result["files"].values()), result["files"]
    for key, (call, request) in SMOKE_CALLS.items():
        assert result[key] == json.loads(json.dumps(call(request))), key

"""Our wheel for the browser, zipped from the installed package: a valid wheel, the same bytes
from the same files, without the build-time code, with a center's overrides baked in."""

from __future__ import annotations

import zipfile
from importlib import metadata
from pathlib import Path

from sendorskip.runtime.wheel import EPOCH, make_wheel, package_files, package_wheel

from .test_build import record_problems

FILES = {"demo/__init__.py": b"X = 1\n", "demo/data/a.toml": b"a = 1\n"}


def members(wheel: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(wheel) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_make_wheel_writes_a_valid_wheel(tmp_path: Path) -> None:
    wheel = make_wheel(tmp_path / "out", "demo", "1.2", FILES, requires=["jinja2<4,>=3.1"])
    assert wheel == tmp_path / "out" / "demo-1.2-py3-none-any.whl"
    found = members(wheel)
    assert list(found) == [
        *FILES,
        *(f"demo-1.2.dist-info/{n}" for n in ("METADATA", "WHEEL", "RECORD")),
    ]
    assert {n: found[n] for n in FILES} == FILES
    assert found["demo-1.2.dist-info/METADATA"] == (
        b"Metadata-Version: 2.1\nName: demo\nVersion: 1.2\nRequires-Dist: jinja2<4,>=3.1\n"
    )
    assert found["demo-1.2.dist-info/WHEEL"] == (
        b"Wheel-Version: 1.0\nGenerator: sendorskip\nRoot-Is-Purelib: true\nTag: py3-none-any\n\n"
    )
    assert record_problems(wheel) == []


def test_the_same_files_give_the_same_bytes(tmp_path: Path) -> None:
    first = make_wheel(tmp_path / "a", "demo", "1.2", FILES, requires=[])
    with zipfile.ZipFile(first) as archive:
        assert {i.date_time for i in archive.infolist()} == {EPOCH}
        assert {i.compress_type for i in archive.infolist()} == {zipfile.ZIP_DEFLATED}
    assert first.read_bytes() == make_wheel(tmp_path / "c", "demo", "1.2", FILES, []).read_bytes()


def test_package_files_leave_out_build_time_code_and_caches() -> None:
    files = package_files()
    assert all(name.startswith("sendorskip/") for name in files)
    assert {"sendorskip/api.py", "sendorskip/data/rules.toml", "sendorskip/labels.py"} <= set(files)
    assert any(name.startswith("sendorskip/data/templates/") for name in files)
    left_out = ("sendorskip/site/", "sendorskip/runtime/")
    assert [
        n for n in files if n.startswith(left_out) or "__pycache__" in n or n.endswith(".pyc")
    ] == []
    assert list(files) == sorted(files)


def test_a_centers_data_and_templates_are_baked_in_and_nothing_else(tmp_path: Path) -> None:
    center = tmp_path / "center"
    for name, text in {
        "rules.toml": "[[rule]]\n",
        "templates/interviewer.txt.j2": "Dear {{ name }}",
        "templates/notes.md": "ours",
        "README.txt": "ours",
        "center.yml": "site_name: C\n",
    }.items():
        (center / name).parent.mkdir(parents=True, exist_ok=True)
        (center / name).write_text(text, "utf-8")
    baked = {n: d for n, d in package_files(center).items() if n not in package_files()}
    assert baked == {
        "sendorskip/data/overrides/rules.toml": b"[[rule]]\n",
        "sendorskip/data/overrides/templates/interviewer.txt.j2": b"Dear {{ name }}",
    }


def test_package_wheel_needs_only_what_the_browser_loads(tmp_path: Path) -> None:
    version = metadata.version("sendorskip")
    wheel = package_wheel(tmp_path)
    assert wheel.name == f"sendorskip-{version}-py3-none-any.whl"
    meta = members(wheel)[f"sendorskip-{version}.dist-info/METADATA"].decode()
    # The site extra (mkdocs, brotli, packaging) is build-time: the browser never loads it.
    assert [line for line in meta.splitlines() if line.startswith("Requires-Dist")] == [
        "Requires-Dist: jinja2<4,>=3.1"
    ]
    assert record_problems(wheel) == []

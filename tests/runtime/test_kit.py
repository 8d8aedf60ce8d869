"""The offline kit's runtime half: the files it names are the ones the build's fetch steps look
for, so a kit filled with them builds offline; and its command line. (Filling a kit runs a
whole build: tests/runtime/test_offline.py does that.)"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sendorskip.runtime import fetch, kit
from sendorskip.runtime.build import default_cache

PINS = fetch.load_pins()
STEPS: list[Callable[[Path, fetch.Pins], Path]] = [
    fetch.pyodide_dir,
    fetch.jinja2_wheel,
    fetch.markupsafe_wheel,
]


def test_the_kit_names_one_file_per_fetch_step_with_the_pinned_versions() -> None:
    assert kit.pinned_files(PINS) == [
        "downloads/pyodide-314.0.7.tgz",
        "downloads/jinja2-3.1.6-py3-none-any.whl",
        "built/markupsafe-3.0.3-py3-none-any.whl",
    ]


def test_a_cache_holding_just_those_files_needs_no_client(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = default_cache()
    names = kit.pinned_files(PINS)
    if not all((source / name).is_file() for name in names):
        pytest.skip("the runtime cache is not filled yet (tests/runtime/test_build.py fills it)")
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).symlink_to(source / name)  # read, never written: the hashes decide
    monkeypatch.setenv("SENDORSKIP_OFFLINE", "1")  # any client started would fail, naming its file
    pyodide, jinja2, markupsafe = (step(tmp_path, PINS) for step in STEPS)
    assert sorted(p.name for p in pyodide.iterdir()) == sorted(PINS.pyodide_files)
    assert [jinja2, markupsafe] == [tmp_path / name for name in names[1:]]


@pytest.mark.parametrize("argv", [[], ["a", "b"]], ids=["no folder", "two folders"])
def test_the_command_takes_one_folder(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert kit.main(argv) == 2
    assert capsys.readouterr() == ("", "usage: python -m sendorskip.runtime.kit DIR\n")

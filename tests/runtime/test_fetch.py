"""fetch.py's parts that need no registry: the pins, hashing, running a client and reading what
it says, accepting a download only by its hash, and the cache it fills. Clients here are this
Python, told what to print; tarballs are made in tmp_path with pins to match."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import stat
import sys
import tarfile
from collections.abc import Callable
from pathlib import Path

import pytest

from sendorskip.runtime import fetch
from sendorskip.runtime.fetch import RuntimeBuildError

PINS = fetch.load_pins()
HINT = "Install the client."
OFFLINE = f"and SENDORSKIP_OFFLINE=1. {fetch.OFFLINE_HINT}"


def test_the_pins_are_the_ones_runtime_toml_gives() -> None:
    assert (PINS.pyodide_version, PINS.jinja2_version, PINS.markupsafe_version) == (
        "314.0.7",
        "3.1.6",
        "3.0.3",
    )
    hashes = [PINS.pyodide_sha256, PINS.jinja2_sha256, PINS.markupsafe_wheel_sha256]
    assert all(len(h) == 64 and int(h, 16) >= 0 for h in [*hashes, PINS.markupsafe_sdist_sha256])
    assert "pyodide.asm.wasm" in PINS.pyodide_files and PINS.optimize in (0, 1, 2)


def test_a_pin_left_out_is_named(tmp_path: Path) -> None:
    text = fetch.PINS_FILE.read_text("utf-8").replace("wheel_sha256 = ", "wheel_sha = ", 1)
    (tmp_path / "runtime.toml").write_text(text, "utf-8")
    with pytest.raises(RuntimeBuildError) as caught:
        fetch.load_pins(tmp_path / "runtime.toml")
    # Which table it is missing from ([jinja2]) is not said: reported.
    assert caught.value.problems == ["runtime.toml: missing or malformed entry: 'wheel_sha256'."]


HASHES = [
    (b"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    (b"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
]


@pytest.mark.parametrize(("data", "digest"), HASHES)
def test_sha256_file(tmp_path: Path, data: bytes, digest: str) -> None:
    (tmp_path / "f").write_bytes(data)
    assert fetch.sha256_file(tmp_path / "f") == digest


def test_sha256_file_reads_past_its_first_block(tmp_path: Path) -> None:
    data = os.urandom((1 << 20) + 7)
    (tmp_path / "f").write_bytes(data)
    assert fetch.sha256_file(tmp_path / "f") == hashlib.sha256(data).hexdigest()


def python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


# (a client's code, exit status, what it prints: the problem)
FAILURES = [
    (
        "stderr's last lines",
        "import sys; print('\\n'.join(map(str, range(20))), file=sys.stderr); sys.exit(3)",
        "runtime: job failed (exit status 3):\n    " + "\n    ".join(map(str, range(8, 20))),
    ),
    (
        "stdout when stderr says nothing",
        "print('disk full'); raise SystemExit(1)",
        "runtime: job failed (exit status 1):\n    disk full",
    ),
]


@pytest.mark.parametrize(
    ("code", "problem"), [f[1:] for f in FAILURES], ids=[f[0] for f in FAILURES]
)
def test_a_failing_client_is_quoted(code: str, problem: str) -> None:
    with pytest.raises(RuntimeBuildError) as caught:
        fetch.run(python(code), what="job", hint=HINT, timeout=60)
    assert caught.value.problems == [problem]


def test_a_client_not_installed_says_what_to_install() -> None:
    with pytest.raises(RuntimeBuildError) as caught:
        fetch.run(["no-such-client-sos"], what="npm pack x", hint=HINT, timeout=60)
    assert caught.value.problems == [
        f"runtime: npm pack x: no-such-client-sos was not found. {HINT}"
    ]


def test_a_client_that_hangs_is_stopped() -> None:
    with pytest.raises(RuntimeBuildError) as caught:
        fetch.run(python("import time; time.sleep(30)"), what="job", hint=HINT, timeout=1)
    assert caught.value.problems == ["runtime: job: gave up after 1 s."]


UNREACHABLE = ["npm error code ENOTFOUND", "npm error code EAI_AGAIN", "(from versions: none)"]


@pytest.mark.parametrize("said", UNREACHABLE)
def test_no_registry_names_the_file_the_cache_lacks(tmp_path: Path, said: str) -> None:
    needs = tmp_path / "downloads" / "x.tgz"
    with pytest.raises(RuntimeBuildError) as caught:
        fetch.run(
            python(f"print({said!r}); exit(1)"),
            what="npm pack x",
            hint=HINT,
            timeout=60,
            needs=needs,
        )
    assert caught.value.problems == [
        f"runtime: the cache holds no {needs}, and npm pack x could not get it from a package "
        f"registry. {fetch.OFFLINE_HINT}"
    ]


def test_offline_a_fetch_is_not_started_but_a_local_job_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SENDORSKIP_OFFLINE", "1")
    marker = tmp_path / "ran"
    code = python(f"open({str(marker)!r}, 'w')")
    with pytest.raises(RuntimeBuildError) as caught:
        fetch.run(code, what="pip download x", hint=HINT, timeout=60, needs=tmp_path / "x.whl")
    assert caught.value.problems == [f"runtime: the cache holds no {tmp_path / 'x.whl'}, {OFFLINE}"]
    assert not marker.exists()
    fetch.run(code, what="job", hint=HINT, timeout=60)
    assert marker.is_file()


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600)])
def test_the_client_gets_the_umask_asked_for(tmp_path: Path, umask: int, mode: int) -> None:
    # pip wheel records file modes: the MarkupSafe wheel's hash depends on this.
    made = tmp_path / "made"
    fetch.run(python(f"open({str(made)!r}, 'w')"), what="job", hint=HINT, timeout=60, umask=umask)
    assert stat.S_IMODE(made.stat().st_mode) == mode


def test_accept_moves_only_the_pinned_bytes(tmp_path: Path) -> None:
    candidate, target = tmp_path / "tmp" / "x.whl", tmp_path / "cache" / "downloads" / "x.whl"
    candidate.parent.mkdir()
    candidate.write_bytes(b"abc")
    with pytest.raises(RuntimeBuildError) as caught:
        fetch._accept(candidate, "0" * 64, target, "pip download x")
    assert caught.value.problems == [
        f"runtime: pip download x: x.whl has sha256 {HASHES[1][1]}, but runtime.toml pins "
        f"{'0' * 64}. It was not used. If the pin is right, the package index served different "
        "bytes: do not update the pin without finding out why."
    ]
    assert not target.exists()
    assert fetch._accept(candidate, HASHES[1][1], target, "pip download x") == target
    assert target.read_bytes() == b"abc" and not candidate.exists()


def test_accept_says_when_the_client_wrote_nothing(tmp_path: Path) -> None:
    with pytest.raises(RuntimeBuildError) as caught:
        fetch._accept(tmp_path / "x.whl", "0" * 64, tmp_path / "y", "pip download x")
    assert caught.value.problems == [
        "runtime: pip download x: the client reported success but wrote no x.whl."
    ]


FILES = {"pyodide.mjs": b"export {}\n", "pyodide.asm.wasm": b"\0asm"}


def tarball(path: Path, members: dict[str, bytes]) -> fetch.Pins:
    path.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(path, "w:gz") as archive:
        for name, data in {**members, "package/README.md": b"not shipped"}.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    sha = fetch.sha256_file(path)
    return dataclasses.replace(
        PINS, pyodide_version="0.0.1", pyodide_sha256=sha, pyodide_files=tuple(FILES)
    )


def test_pyodide_dir_takes_only_the_pinned_files_from_a_verified_tarball(tmp_path: Path) -> None:
    pins = tarball(
        tmp_path / "downloads" / "pyodide-0.0.1.tgz", {f"package/{n}": d for n, d in FILES.items()}
    )
    target = fetch.pyodide_dir(tmp_path, pins)
    assert target == tmp_path / "pyodide-0.0.1"
    assert {p.name: p.read_bytes() for p in target.iterdir()} == FILES
    assert list((tmp_path / "tmp").iterdir()) == []


def test_pyodide_dir_names_a_file_the_tarball_lacks(tmp_path: Path) -> None:
    pins = tarball(tmp_path / "downloads" / "pyodide-0.0.1.tgz", {"package/pyodide.mjs": b""})
    with pytest.raises(RuntimeBuildError) as caught:
        fetch.pyodide_dir(tmp_path, pins)
    assert caught.value.problems == ["runtime: pyodide-0.0.1.tgz has no pyodide.asm.wasm."]
    assert not (tmp_path / "pyodide-0.0.1").exists()


def test_a_damaged_tarball_is_dropped_and_fetched_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "downloads" / "pyodide-0.0.1.tgz"
    pins = tarball(path, {f"package/{n}": d for n, d in FILES.items()})
    path.write_bytes(path.read_bytes() + b"\0")
    monkeypatch.setenv("SENDORSKIP_OFFLINE", "1")  # "again" stops here, and says so
    with pytest.raises(RuntimeBuildError) as caught:
        fetch.pyodide_dir(tmp_path, pins)
    assert caught.value.problems == [f"runtime: the cache holds no {path}, {OFFLINE}"]
    assert not path.exists()


Step = Callable[[Path, fetch.Pins], Path]
Pin = Callable[[str], fetch.Pins]
WHEELS: list[tuple[str, Step, str, Pin]] = [
    (
        "jinja2",
        fetch.jinja2_wheel,
        "downloads/jinja2-3.1.6-py3-none-any.whl",
        lambda sha: dataclasses.replace(PINS, jinja2_sha256=sha),
    ),
    (
        "markupsafe",
        fetch.markupsafe_wheel,
        "built/markupsafe-3.0.3-py3-none-any.whl",
        lambda sha: dataclasses.replace(PINS, markupsafe_wheel_sha256=sha),
    ),
]


@pytest.mark.parametrize(
    ("step", "name", "pin"), [w[1:] for w in WHEELS], ids=[w[0] for w in WHEELS]
)
def test_a_cached_wheel_is_used_only_with_the_pinned_hash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: Step, name: str, pin: Pin
) -> None:
    monkeypatch.setenv("SENDORSKIP_OFFLINE", "1")  # a fetch would fail: none may start
    cached = tmp_path / name
    cached.parent.mkdir()
    cached.write_bytes(b"abc")
    assert step(tmp_path, pin(HASHES[1][1])) == cached
    with pytest.raises(RuntimeBuildError) as caught:
        step(tmp_path, PINS)
    assert caught.value.problems == [f"runtime: the cache holds no {cached}, {OFFLINE}"]

"""Requirements and names of the runtime's wheels, read with ``packaging`` (PEP 508, PEP 503,
the wheel file name spec) rather than by hand.

The wheels are installed in Pyodide, not on the host, so a requirement's marker is judged in
Pyodide's environment, as its lock file describes it (``info``: python, platform, arch).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import InvalidWheelFilename, canonicalize_name, parse_wheel_filename

from .fetch import RuntimeBuildError

__all__ = ["canonicalize_name", "dependencies", "pyodide_environment", "retagged", "without_extras"]


def pyodide_environment(info: Mapping[str, Any]) -> dict[str, str]:
    """PEP 508 marker values in the Pyodide that a lock file's ``info`` describes, with no
    extra chosen: ``{"python": "3.14.2", "platform": "emscripten_5_0_3", "arch": "wasm32"}``."""
    python = str(info["python"])
    return {
        "os_name": "posix",
        "sys_platform": "emscripten",
        "platform_system": "Emscripten",
        "platform_machine": str(info.get("arch", "wasm32")),
        "platform_release": str(info.get("platform", ""))
        .removeprefix("emscripten_")
        .replace("_", "."),
        "platform_version": "",
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
        "implementation_version": python,
        "python_full_version": python,
        "python_version": ".".join(python.split(".")[:2]),
        "extra": "",
    }


def _parsed(requires: Iterable[str], where: str) -> list[Requirement]:
    parsed = []
    for text in requires:
        try:
            parsed.append(Requirement(text))
        except InvalidRequirement as error:
            raise RuntimeBuildError(
                [
                    f"runtime: {where}: Requires-Dist: expected a PEP 508 requirement; got {text!r} ({error})."
                ]
            ) from None
    return parsed


def dependencies(requires: Iterable[str], environment: Mapping[str, str], where: str) -> list[str]:
    """The canonical names of the distributions ``requires`` (Requires-Dist values) asks for in
    ``environment``: an extra is opt-in, so what only an extra asks for is left out."""
    return sorted(
        {
            canonicalize_name(r.name)
            for r in _parsed(requires, where)
            if r.marker is None or r.marker.evaluate(dict(environment))
        }
    )


def without_extras(requires: Iterable[str], where: str) -> list[str]:
    """``requires`` as a plain install takes them, judged here as pip would: what holds with no
    extra chosen, markers kept. Which of them Pyodide loads is the lock file's ``depends``."""
    return [
        str(r)
        for r in _parsed(requires, where)
        if r.marker is None or r.marker.evaluate({"extra": ""})
    ]


def retagged(wheel_name: str, python_tag: str) -> str:
    """``jinja2-3.1.6-py3-none-any.whl`` -> ``jinja2-3.1.6-cp314-none-any.whl``: bytecode
    loads in one CPython version only, and the name should not claim otherwise."""
    try:
        name, version, build, _ = parse_wheel_filename(wheel_name)
    except InvalidWheelFilename as error:
        raise RuntimeBuildError([f"runtime: {wheel_name}: not a wheel's name: {error}."]) from None
    # The file name spells the normalised name with underscores (the wheel file name spec).
    build_tag = f"-{build[0]}{build[1]}" if build else ""
    return f"{name.replace('-', '_')}-{version}{build_tag}-{python_tag}-none-any.whl"

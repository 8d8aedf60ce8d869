"""Requirements and wheel names through ``packaging``, markers judged in Pyodide."""

from __future__ import annotations

import pytest

from sendorskip.runtime.fetch import RuntimeBuildError
from sendorskip.runtime.requirements import (
    dependencies,
    pyodide_environment,
    retagged,
    without_extras,
)

INFO = {
    "abi_version": "2026_0",
    "arch": "wasm32",
    "platform": "emscripten_5_0_3",
    "python": "3.14.2",
}
PYODIDE = pyodide_environment(INFO)
# Requires-Dist value -> the distribution Pyodide must load with the wheel (None: nothing).
DEPENDENCIES = [
    ("MarkupSafe>=2.0", "markupsafe"),
    ('Babel>=2.7; extra == "i18n"', None),  # an extra is opt-in
    ("Foo.Bar_baz[fast] (>=1)", "foo-bar-baz"),  # PEP 503 name, extras and parentheses
    ('importlib-metadata; python_version < "3.10"', None),  # judged for Pyodide's 3.14...
    ('tomli>=1.1; python_full_version < "3.14.2"', None),
    ('emscripten-only; sys_platform == "emscripten"', "emscripten-only"),  # ...in Pyodide
    ('pywin32; platform_system == "Windows"', None),
    ('wasm-only; platform_machine == "wasm32" and os_name == "posix"', "wasm-only"),
]
WHEEL_NAMES = [
    ("jinja2-3.1.6-py3-none-any.whl", "jinja2-3.1.6-cp314-none-any.whl"),
    ("MarkupSafe-3.0.3-py3-none-any.whl", "markupsafe-3.0.3-cp314-none-any.whl"),
    ("zope.interface-7.0-1-py3-none-any.whl", "zope_interface-7.0-1-cp314-none-any.whl"),
]


def test_pyodide_environment_comes_from_the_lock_files_info() -> None:
    assert PYODIDE == {
        "os_name": "posix",
        "sys_platform": "emscripten",
        "platform_system": "Emscripten",
        "platform_machine": "wasm32",
        "platform_release": "5.0.3",
        "platform_version": "",
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
        "implementation_version": "3.14.2",
        "python_full_version": "3.14.2",
        "python_version": "3.14",
        "extra": "",
    }


@pytest.mark.parametrize(("requirement", "needed"), DEPENDENCIES)
def test_dependencies_are_judged_in_pyodide(requirement: str, needed: str | None) -> None:
    assert dependencies([requirement], PYODIDE, "demo.whl") == ([needed] if needed else [])


def test_a_malformed_requirement_names_the_wheel() -> None:
    with pytest.raises(RuntimeBuildError) as caught:
        dependencies(["jinja2 >= ; oops"], PYODIDE, "demo-1.0-py3-none-any.whl")
    (problem,) = caught.value.problems
    assert problem.startswith(
        "runtime: demo-1.0-py3-none-any.whl: Requires-Dist: expected a PEP 508 requirement; "
        "got 'jinja2 >= ; oops' ("
    )


def test_without_extras_keeps_the_plain_install() -> None:
    requires = [
        "jinja2<4,>=3.1",
        'mkdocs<2,>=1.6; extra == "site"',
        'packaging>=22; extra == "site"',
        'colorama; os_name == "nt" or os_name == "posix"',
    ]
    assert without_extras(requires, "sendorskip") == [
        "jinja2<4,>=3.1",
        'colorama; os_name == "nt" or os_name == "posix"',
    ]


@pytest.mark.parametrize(("name", "expected"), WHEEL_NAMES)
def test_retagged_names_the_bytecodes_python(name: str, expected: str) -> None:
    assert retagged(name, "cp314") == expected


def test_retagged_refuses_what_is_not_a_wheel() -> None:
    with pytest.raises(RuntimeBuildError) as caught:
        retagged("python_stdlib.zip", "cp314")
    (problem,) = caught.value.problems
    assert problem.startswith("runtime: python_stdlib.zip: not a wheel's name: ")

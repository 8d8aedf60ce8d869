"""bytecode.py on the host: .pyc files as py_compile writes them, read back by the import
system's loaders, and the import statements modulefinder sees. (Under Node, with Pyodide's own
CPython, the same code runs in tests/runtime/test_build.py.)"""

from __future__ import annotations

import importlib.machinery
import importlib.util
from pathlib import Path

import pytest

from sendorskip.runtime import bytecode

SOURCE = b"# -*- coding: latin-1 -*-\nVALUE = '\xe9t\xe9'\n"


def test_pyc_is_unchecked_hash_bytecode_of_this_interpreter(tmp_path: Path) -> None:
    data = bytecode.pyc(SOURCE, "/lib/python.zip/demo.py", 0, str(tmp_path))
    # PEP 552: the interpreter's magic, flags 0b01 (hash-based, unchecked), the source's hash.
    assert data[:16] == (
        importlib.util.MAGIC_NUMBER + b"\x01\x00\x00\x00" + importlib.util.source_hash(SOURCE)
    )
    (tmp_path / "demo.pyc").write_bytes(data)
    loader = importlib.machinery.SourcelessFileLoader("demo", str(tmp_path / "demo.pyc"))
    code = loader.get_code("demo")
    assert code is not None and code.co_filename == "/lib/python.zip/demo.py"
    namespace: dict[str, object] = {}
    exec(code, namespace)
    assert namespace["VALUE"] == "été"  # the coding line was honoured


@pytest.mark.parametrize("source", [b"def (:\n", b"x = 1\0"])
def test_pyc_raises_what_compile_raises(tmp_path: Path, source: bytes) -> None:
    with pytest.raises((SyntaxError, ValueError)):  # a null byte: ValueError before 3.12
        bytecode.pyc(source, "demo.py", 0, str(tmp_path))


def test_package_code_reads_sourceless_and_source_modules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "demo_pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_bytes(b"import json\n")
    (package / "sub" / "__init__.pyc").write_bytes(
        bytecode.pyc(b"import difflib\n", "sub/__init__.py", 0, str(tmp_path))
    )
    (package / "data.toml").write_bytes(b"x = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    codes = list(bytecode._package_code("demo_pkg"))
    assert sorted(c.co_filename for c in codes) == [str(package / "__init__.py"), "sub/__init__.py"]
    assert set().union(*map(bytecode.imports_in, codes)) == {"json", "difflib"}


def test_imports_in_nested_code_and_star_imports() -> None:
    code = compile(
        "from os.path import *\n"
        "class A:\n    def f(self):\n        return lambda: __import__('x')\n"
        "    import csv\n"
        "from .. import up\n",
        "demo.py",
        "exec",
    )
    assert bytecode.imports_in(code) == {"os.path", "csv"}

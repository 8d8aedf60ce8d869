"""The runtime the tests under tests/runtime share: built once per session (a cache hit after
the first build on a machine), since building copies some 30 MB."""

from __future__ import annotations

import shutil

import pytest

from sendorskip.runtime.build import RuntimeFiles, build_runtime
from sendorskip.runtime.wheel import package_wheel


@pytest.fixture(scope="session")
def runtime(tmp_path_factory: pytest.TempPathFactory) -> RuntimeFiles:
    missing = [tool for tool in ("node", "npm") if shutil.which(tool) is None]
    if missing:
        pytest.skip(
            f"{' and '.join(missing)} not found: building and running the Pyodide "
            "runtime needs Node.js 18+ with npm (Debian: apt-get install nodejs npm)"
        )
    tmp = tmp_path_factory.mktemp("runtime")
    return build_runtime(tmp / "pyodide", package_wheel=package_wheel(tmp))

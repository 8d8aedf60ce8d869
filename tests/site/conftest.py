"""Built sites for the handbook's tests: ``mkdocs build --strict`` run as a reader's CI would."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from ..conftest import ROOT

Build = Callable[..., Path]


def mkdocs_build(
    dest: Path,
    *,
    overrides: Path | None = None,
    site_url: str | None = None,
    config: Path = ROOT / "mkdocs.yml",
) -> Path:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("SENDORSKIP_OVERRIDES", None)
    if overrides:
        env["SENDORSKIP_OVERRIDES"] = str(overrides)
    cmd = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-f",
        str(config),
        "-d",
        str(dest),
    ]
    if site_url:
        env["SITE_URL"] = site_url
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise AssertionError(f"mkdocs build failed:\n{done.stdout}\n{done.stderr}")
    return dest


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return mkdocs_build(tmp_path_factory.mktemp("site"))

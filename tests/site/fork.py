"""A career center's fork in the upgrade-safe layout, made the way the hosting guide says: our
files untouched, the center's in center.yml, center/ and docs/center/."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from sendorskip.validate import stamp

from ..conftest import ROOT

CENTER = ROOT / "tests" / "center"
TEMPLATE = "center/templates/interviewer.txt.j2"


def make_fork(dest: Path) -> Path:
    """Copy our site, add the sample center's files; its copied template names the version of
    ours it was copied from (its first line), as the guide tells a center to do."""
    shutil.copytree(ROOT / "docs", dest / "docs")
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(CENTER, dest, dirs_exist_ok=True)
    template = dest / TEMPLATE
    template.write_text(stamp("interviewer") + "\n" + template.read_text("utf-8"), "utf-8")
    return dest


def build(fork: Path, dest: Path, site_url: str | None = None) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict -f center.yml`` from the fork's folder, as its CI would run it."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("SENDORSKIP_OVERRIDES", None)
    if site_url:
        env["SITE_URL"] = site_url
    # Not -q: MkDocs then drops warnings before --strict can count them.
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "center.yml"]
    return subprocess.run(
        [*cmd, "-d", str(dest)], cwd=fork, env=env, capture_output=True, text=True, check=False
    )


def built(fork: Path, dest: Path, site_url: str | None = None) -> Path:
    done = build(fork, dest, site_url)
    if done.returncode != 0:
        raise AssertionError(f"mkdocs build failed:\n{done.stdout}\n{done.stderr}")
    return dest

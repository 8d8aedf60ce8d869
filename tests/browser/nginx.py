"""Debian's nginx set up as the hosting guide shows (docs/hosting/nginx.conf): its location
block in a server of our own. Shared by the browser tests and bench/checker.py."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from ..conftest import ROOT
from .conftest import SUBPATH, wait_served

WASM_TYPE = "application/wasm       wasm;"
# The one allowance the guide's Content-Security-Policy makes beyond the site's own files.
GUIDE_CSP = "'wasm-unsafe-eval'"
# The guide's brotli_static; Debian's default nginx.conf loads it, a server of our own must.
BROTLI_STATIC = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


def nginx_conf(
    root: Path, site: Path, port: int, csp: str = GUIDE_CSP, wasm: str = WASM_TYPE
) -> Path:
    """The guide's location block, pointed at the built site, in a server of our own; ``csp``
    replaces the one allowance the guide's policy makes (a stricter intranet drops it), and
    ``wasm`` the line that gives WebAssembly its type (a server that forgets it)."""
    location = (
        (ROOT / "docs" / "hosting" / "nginx.conf")
        .read_text("utf-8")
        .replace("/srv/thank-you/", f"{site}/")
        .replace("'wasm-unsafe-eval'", csp)
        .replace(WASM_TYPE, wasm)
    )
    conf = root / "nginx.conf"
    conf.write_text(
        f"""load_module {BROTLI_STATIC};
worker_processes 1;
master_process off;
daemon off;
error_log {root}/error.log;
pid {root}/nginx.pid;
events {{ worker_connections 64; }}
http {{
  access_log off;
  client_body_temp_path {root}/tmp;
  server {{
    listen 127.0.0.1:{port};
{location}
  }}
}}
""",
        "utf-8",
    )
    (root / "tmp").mkdir()
    return conf


def run_nginx(
    root: Path, site: Path, port: int, csp: str = GUIDE_CSP, wasm: str = WASM_TYPE
) -> subprocess.Popen[bytes]:
    """nginx serving ``site`` at SUBPATH on ``port``, its own files under ``root``, once it
    answers; FileNotFoundError if nginx or its brotli-static module is not installed."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists() or not BROTLI_STATIC.exists():
        raise FileNotFoundError(
            "nginx or its brotli-static module is not installed: run scripts/setup --browser"
        )
    conf = nginx_conf(root, site, port, csp, wasm)
    process = subprocess.Popen([nginx, "-c", str(conf), "-p", str(root)])
    wait_served(f"http://127.0.0.1:{port}{SUBPATH}")
    return process

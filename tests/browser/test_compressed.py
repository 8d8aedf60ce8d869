"""The build's precompressed copies behind a real nginx and a real Apache, each configured as
the hosting guide shows (nginx: ``brotli_static``, ``gzip_static``; Apache: rewrite rules):
each encoding a browser may ask for gets its copy with the file's type and
``Vary: Accept-Encoding``, and the checker starts and answers from them."""

from __future__ import annotations

import gzip
import html
import http.client
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import brotli
import pytest

from sendorskip.labels import WORDS

from ..conftest import ROOT
from .conftest import SUBPATH, Site, free_port, wait_served
from .test_checker import shown_verdict
from .test_hosting import start_nginx

pytestmark = pytest.mark.browser

# (file under the built site, where RUNTIME/ is the runtime's folder; the type it is sent as)
FILES = [
    ("", "text/html"),
    ("search/search_index.json", "application/json"),
    ("assets/sendorskip/checker.js", "text/javascript"),
    ("RUNTIME/pyodide.mjs", "text/javascript"),
    ("RUNTIME/pyodide.asm.mjs", "text/javascript"),
    ("RUNTIME/pyodide.asm.wasm", "application/wasm"),
    ("RUNTIME/python_stdlib.zip", "application/zip"),
    ("RUNTIME/sendorskip-*.whl", "application/octet-stream"),
    ("RUNTIME/snapshot.bin", "application/octet-stream"),
    ("RUNTIME/snapshot_stdlib.zip", "application/zip"),
    ("assets/images/favicon.png", "image/png"),
]
# Files that do not shrink, so have no copies: sent as they are, whatever the client asks.
AS_THEY_ARE = {"assets/images/favicon.png"}
DECODE: dict[str | None, Callable[[bytes], bytes]] = {
    "br": brotli.decompress,
    "gzip": gzip.decompress,
    None: lambda body: body,
}
# (what the client sends as Accept-Encoding, None for no header; the encoding it gets)
ASKS = [("br", "br"), ("gzip", "gzip"), ("gzip, deflate, br, zstd", "br"), (None, None)]


def resolve(site: Path, name: str) -> Path:
    """A FILES entry as a path in the built site."""
    (runtime,) = (site / "assets" / "sendorskip" / "pyodide").iterdir()
    name = name.replace("RUNTIME/", f"{runtime.relative_to(site)}/")
    (path,) = site.glob(name) if name else [site / "index.html"]
    return path


APACHE = Path("/usr/sbin/apache2")
# What the guide's block uses, loaded from Debian's apache2-bin (its mod_unixd is built in).
APACHE_MODULES: tuple[str, ...] = ("mpm_event", "authz_core", "alias", "dir", "mime")
APACHE_MODULES += ("rewrite", "headers", "filter", "deflate")


def start_apache(root: Path, site: Path, port: int) -> subprocess.Popen[bytes]:
    """Apache in the foreground with the guide's configuration, pointed at ``site``."""
    if not APACHE.exists():
        pytest.skip("Apache is not installed: run scripts/setup --browser")
    block = (ROOT / "docs" / "hosting" / "apache.conf").read_text("utf-8")
    modules = "\n".join(
        f"LoadModule {name}_module /usr/lib/apache2/modules/mod_{name}.so"
        for name in APACHE_MODULES
    )
    conf = root / "httpd.conf"
    conf.write_text(
        f"""ServerRoot {root}
Listen 127.0.0.1:{port}
ServerName 127.0.0.1
PidFile {root}/httpd.pid
ErrorLog {root}/error.log
TypesConfig /etc/mime.types
User www-data
Group www-data
{modules}
{block.replace("/srv/thank-you/", f"{site}/")}
""",
        "utf-8",
    )
    process = subprocess.Popen([str(APACHE), "-f", str(conf), "-DFOREGROUND"])
    wait_served(f"http://127.0.0.1:{port}{SUBPATH}")
    return process


@pytest.fixture(scope="module", params=["nginx", "apache"])
def guide_server(request: pytest.FixtureRequest, site: Site) -> Iterator[Site]:
    """The session's built handbook behind each server, with the guide's configuration."""
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        served = site.root
        if request.param == "apache" and os.geteuid() == 0:
            # Apache started as root serves as www-data (never as root): give it a copy that
            # user can read, outside pytest's private temporary folders.
            root.chmod(0o755)
            served = Path(shutil.copytree(site.root, root / "site"))
            subprocess.run(["chmod", "-R", "a+rX", str(root)], check=True)
        start = start_apache if request.param == "apache" else start_nginx
        process = start(root, served, port)
        yield Site(served, f"http://127.0.0.1:{port}{SUBPATH}")
        process.terminate()
        process.wait(timeout=10)


def fetch(
    url: str, accept: str | None, via: str | None = None
) -> tuple[http.client.HTTPResponse, bytes]:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.netloc, timeout=30)
    # skip_accept_encoding: otherwise http.client asks for "identity" on our behalf.
    connection.putrequest("GET", parts.path, skip_accept_encoding=True)
    if accept is not None:
        connection.putheader("Accept-Encoding", accept)
    if via is not None:
        connection.putheader("Via", via)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


@pytest.mark.parametrize(("accept", "encoding"), ASKS, ids=[str(a[0]) for a in ASKS])
@pytest.mark.parametrize(("name", "type_"), FILES, ids=[f[0] or "index" for f in FILES])
def test_each_encoding_gets_its_copy_with_the_files_type(
    guide_server: Site, name: str, type_: str, accept: str | None, encoding: str | None
) -> None:
    path = resolve(guide_server.root, name)
    url = guide_server.url + (path.relative_to(guide_server.root).as_posix() if name else "")
    response, body = fetch(url, accept)
    assert response.status == 200
    assert response.getheader("Content-Type") == type_
    if name in AS_THEY_ARE:
        assert response.getheader("Content-Encoding") is None and body == path.read_bytes()
        return
    assert response.getheader("Content-Encoding") == encoding
    assert response.getheader("Vary") == "Accept-Encoding"
    if encoding:
        suffix = {"br": ".br", "gzip": ".gz"}[encoding]
        assert body == path.with_name(path.name + suffix).read_bytes()
    assert DECODE[encoding](body) == path.read_bytes()


@pytest.mark.parametrize(("accept", "encoding"), ASKS[:2], ids=[a[0] for a in ASKS[:2]])
def test_a_reader_behind_a_proxy_gets_the_copies_too(
    guide_server: Site, accept: str, encoding: str
) -> None:
    # A proxy or a campus cache says so in Via; nginx's gzip_static then sends the file
    # uncompressed unless gzip_proxied allows it.
    path = resolve(guide_server.root, "RUNTIME/snapshot.bin")
    url = guide_server.url + path.relative_to(guide_server.root).as_posix()
    response, body = fetch(url, accept, via="1.1 campus-proxy")
    assert response.getheader("Content-Encoding") == encoding
    assert DECODE[encoding](body) == path.read_bytes()


def test_the_checker_starts_and_answers_from_the_copies(
    guide_server: Site, watched: tuple[Any, Any]
) -> None:
    page, watch = watched
    encodings: dict[str, str | None] = {}
    page.on(
        "response",
        lambda r: encodings.__setitem__(
            r.url.rsplit("/", 1)[-1], r.headers.get("content-encoding")
        ),
    )
    page.goto(guide_server.url + "checker/")
    page.evaluate("window.sendorskip.ready")
    page.get_by_label("A disaster", exact=True).check()
    page.get_by_role("button", name="Get advice").click()
    assert shown_verdict(page) == WORDS.verdicts["skip"]
    # 127.0.0.1 counts as a secure origin, so Chromium asks for brotli: nginx has no brotli
    # of its own here (only brotli_static), so "br" means the build's copy was sent.
    # The snapshot boot, the default: its memory image and its own standard library.
    runtime = ("pyodide.asm.wasm", "pyodide.asm.mjs", "snapshot.bin", "snapshot_stdlib.zip")
    assert {name: encodings.get(name) for name in runtime} == dict.fromkeys(runtime, "br")
    assert watch.errors == []


def code_blocks(page: Path) -> list[str]:
    """The text of every code block in a built page, as a reader copies it."""
    blocks = re.findall(r"<pre>.*?<code>(.*?)</code></pre>", page.read_text("utf-8"), re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", block)) for block in blocks]


@pytest.mark.parametrize("server", ["nginx", "apache"])
def test_the_guide_shows_the_configuration_the_tests_run(site: Site, server: str) -> None:
    shown = code_blocks(site.root / "host-your-own" / "index.html")
    tested = (ROOT / "docs" / "hosting" / f"{server}.conf").read_text("utf-8")
    assert tested.rstrip("\n") in [block.rstrip("\n") for block in shown]

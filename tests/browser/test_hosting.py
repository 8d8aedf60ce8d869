"""Hosting: the sample center's fork behind a real nginx, with the hosting guide's configuration
(sub-path, Content-Security-Policy), and the checker added to an existing Material site."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ..conftest import ROOT
from ..site.conftest import mkdocs_build
from ..site.test_center import make_fork
from .conftest import SUBPATH, Site, Watch, free_port, serve

pytestmark = pytest.mark.browser
CSP_WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
"""


def nginx_conf(root: Path, site: Path, port: int) -> Path:
    """The guide's location block, pointed at the built site, in a server of our own."""
    location = (
        (ROOT / "docs" / "hosting" / "nginx.conf")
        .read_text("utf-8")
        .replace("/srv/thank-you/", f"{site}/")
    )
    conf = root / "nginx.conf"
    conf.write_text(
        f"""worker_processes 1;
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


@pytest.fixture(scope="module")
def nginx_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        pytest.skip("nginx is not installed: run scripts/setup --browser")
    port = free_port()
    url = f"http://127.0.0.1:{port}{SUBPATH}"
    fork = make_fork(tmp_path_factory.mktemp("fork"))
    site = mkdocs_build(fork / "site", config=fork / "mkdocs.yml", site_url=url)
    root = tmp_path_factory.mktemp("nginx")
    process = subprocess.Popen([nginx, "-c", str(nginx_conf(root, site, port)), "-p", str(root)])
    for _ in range(100):
        try:
            import urllib.request

            urllib.request.urlopen(url, timeout=1).close()
            break
        except OSError:
            time.sleep(0.05)
    yield Site(site, url)
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def center_page(nginx_site: Site, watched: tuple[Any, Watch]) -> Iterator[tuple[Any, Watch]]:
    page, watch = watched
    page.context.add_init_script(CSP_WATCH)
    yield page, watch
    assert page.evaluate("window.__csp") == []
    assert watch.errors == []
    assert watch.foreign(nginx_site.origin) == []


def test_served_with_the_guides_headers(nginx_site: Site, center_page: tuple[Any, Watch]) -> None:
    page, _ = center_page
    response = page.goto(nginx_site.url)
    assert "wasm-unsafe-eval" in response.headers["content-security-policy"]
    assert "unsafe-inline" not in response.headers["content-security-policy"]
    wasm = page.request.get(
        nginx_site.url + "assets/sendorskip/pyodide/pyodide.asm.wasm",
        headers={"Accept-Encoding": "gzip"},
    )
    assert wasm.headers["content-type"] == "application/wasm"


def test_center_branding_contact_verdict_and_wording(
    nginx_site: Site, center_page: tuple[Any, Watch]
) -> None:
    page, _ = center_page
    page.goto(nginx_site.url + "checker/")
    assert (
        page.locator(".md-header__topic")
        .first.inner_text()
        .startswith("Northfield College Careers")
    )
    assert (
        page.locator(".md-header__button.md-logo img")
        .get_attribute("src")
        .endswith("northfield-logo.svg")
    )
    assert page.locator("body").get_attribute("data-md-color-primary") == "teal"
    page.evaluate("window.sendorskip.ready")
    page.get_by_label("Well", exact=True).check()
    person = page.locator(".sos-person").first
    person.get_by_label("Name").fill("Ana Ruiz")
    person.get_by_label("What you talked about").fill("robotics")
    page.get_by_role("button", name="Get advice").click()
    assert "As a Northfield graduate" in page.locator("[data-sos-draft] pre").first.inner_text()
    contact = page.get_by_role("complementary", name="Talk to a Northfield advisor")
    assert contact.is_visible() and "Dana Whitfield" in contact.inner_text()
    page.get_by_text("More about your situation").click()
    page.get_by_label("It was an informational interview").check()
    page.get_by_role("button", name="Get advice").click()
    page.wait_for_selector('[data-sos-verdict="optional"]')
    assert (
        "NFC101" not in page.locator("[data-sos-results]").inner_text()
    )  # reasons show text, not ids
    assert "Northfield career fair" in page.locator("[data-sos-results]").inner_text()
    page.get_by_role("link", name="Visit us").first.click()
    page.wait_for_url("**/visit-us/")
    assert page.get_by_role("complementary", name="Talk to a Northfield advisor").is_visible()


def test_checker_added_to_an_existing_material_site(tmp_path: Path, browser: Any) -> None:
    port = free_port()
    site = tmp_path / "site"
    shutil.copytree(ROOT / "tests" / "existing-site", tmp_path / "src")
    mkdocs_build(
        site, config=tmp_path / "src" / "mkdocs.yml", site_url=f"http://127.0.0.1:{port}{SUBPATH}"
    )
    server = serve(site, port)
    context = browser.new_context()
    watch = Watch()
    context.on("request", lambda r: watch.requests.append(r.url))
    page = context.new_page()
    page.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
    page.goto(f"http://127.0.0.1:{port}{SUBPATH}")
    page.get_by_role("link", name="after the interview", exact=True).click()
    page.wait_for_url("**/advice/")
    page.evaluate("window.sendorskip.ready")
    page.get_by_label("A disaster", exact=True).check()
    page.get_by_role("button", name="Get advice").click()
    assert page.locator("[data-sos-verdict]").get_attribute("data-sos-verdict") == "skip"
    assert watch.errors == []
    assert [u for u in watch.requests if not u.startswith(f"http://127.0.0.1:{port}/")] == []
    context.close()
    server.shutdown()
    server.server_close()

"""Hosting: the sample center's fork behind a real nginx, with the hosting guide's configuration
(sub-path, Content-Security-Policy), and the checker added to an existing Material site."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sendorskip.labels import WORDS

from ..conftest import ROOT
from ..site.conftest import mkdocs_build
from ..site.fork import built, make_fork
from .chromium import ARGS, CHROMIUM
from .conftest import SUBPATH, Site, Watch, free_port, serve
from .nginx import GUIDE_CSP, WASM_TYPE, run_nginx
from .test_checker import advice_region, shown_verdict

pytestmark = pytest.mark.browser
CSP_WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
"""


def start_nginx(
    root: Path, site: Path, port: int, csp: str = GUIDE_CSP, wasm: str = WASM_TYPE
) -> Any:
    try:
        return run_nginx(root, site, port, csp, wasm)
    except FileNotFoundError as missing:
        pytest.skip(str(missing))


@pytest.fixture(scope="module")
def fork_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, int]:
    """The sample fork, built for a port of its own: (fork, built site, port)."""
    port = free_port()
    fork = make_fork(tmp_path_factory.mktemp("fork"))
    site = built(fork, fork / "site", site_url=f"http://127.0.0.1:{port}{SUBPATH}")
    return fork, site, port


@pytest.fixture(scope="module")
def nginx_site(
    tmp_path_factory: pytest.TempPathFactory, fork_site: tuple[Path, Path, int]
) -> Iterator[Site]:
    _, site, port = fork_site
    process = start_nginx(tmp_path_factory.mktemp("nginx"), site, port)
    yield Site(site, f"http://127.0.0.1:{port}{SUBPATH}")
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
    (runtime,) = (nginx_site.root / "assets" / "sendorskip" / "pyodide").iterdir()
    wasm = page.request.get(
        nginx_site.url + f"assets/sendorskip/pyodide/{runtime.name}/pyodide.asm.wasm",
        headers={"Accept-Encoding": "gzip"},
    )
    assert wasm.headers["content-type"] == "application/wasm"
    assert wasm.headers["cache-control"] == "public, max-age=31536000, immutable"
    # The runtime's folder sets headers of its own, which in nginx drops the outer ones.
    assert wasm.headers["referrer-policy"] == response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["cache-control"] == "no-cache"
    # What a center adds after the build keeps its type: with nosniff, text/plain would break it.
    for name, kind in (("handout.pdf", "application/pdf"), ("photo.jpg", "image/jpeg")):
        (nginx_site.root / "center" / name).write_bytes(b"\0" * 16)
        assert page.request.get(nginx_site.url + "center/" + name).headers["content-type"] == kind


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
    assert page.locator("body").get_attribute("data-md-color-primary") == "deep-purple"
    page.evaluate("window.sendorskip.ready")
    page.get_by_label("Well", exact=True).check()
    person = page.locator(".sos-person").first
    person.get_by_label("Name").fill("Ana Ruiz")
    person.get_by_label("What you talked about").fill("robotics")
    page.get_by_role("button", name="Get advice").click()
    assert (
        "As a Northfield graduate"
        in advice_region(page).get_by_role("article").locator("pre").first.inner_text()
    )
    contact = page.get_by_role("complementary", name="Talk to a Northfield advisor")
    assert contact.is_visible() and "Dana Whitfield" in contact.inner_text()
    page.get_by_text("More about your situation").click()
    page.get_by_label("It was an informational interview").check()
    page.get_by_role("button", name="Get advice").click()
    advice_region(page).get_by_text(WORDS.verdicts["optional"], exact=True).wait_for()
    assert "NFC101" not in advice_region(page).inner_text()  # reasons show text, not ids
    assert "Northfield career fair" in advice_region(page).inner_text()
    # The center's own question is in the form, and its rule answers it.
    page.get_by_label("It was an informational interview").uncheck()
    page.get_by_label("Was it an on-campus interview at Northfield?").check()
    page.get_by_role("button", name="Get advice").click()
    advice_region(page).get_by_text(
        "our employer partners expect a handwritten card too"
    ).wait_for()
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
    assert shown_verdict(page) == WORDS.verdicts["skip"]
    assert watch.errors == []
    assert [u for u in watch.requests if not u.startswith(f"http://127.0.0.1:{port}/")] == []
    context.close()
    server.shutdown()
    server.server_close()


# What a web team gets wrong, and what the checker then asks them for.
SERVER_MISTAKES = [
    (
        "a policy without wasm",
        {"csp": ""},
        "ask its web team to add 'wasm-unsafe-eval' to script-src",
    ),
    (
        "WebAssembly served as bytes",
        {"wasm": "application/octet-stream wasm;"},
        "ask the site's web team to serve .wasm files as application/wasm",
    ),
]


@pytest.mark.parametrize(
    ("server", "change", "ask"), SERVER_MISTAKES, ids=[m[0] for m in SERVER_MISTAKES]
)
def test_a_server_mistake_says_what_to_ask_for(
    tmp_path: Path,
    fork_site: tuple[Path, Path, int],
    browser: Any,
    server: str,
    change: dict[str, str],
    ask: str,
) -> None:
    """A stricter or careless server: the checker says what to ask for within 5 s, not
    "Loading" forever."""
    _, site, _ = fork_site
    port = free_port()
    process = start_nginx(tmp_path, site, port, **change)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{port}{SUBPATH}checker/")
        detail = page.locator("[data-sos-failure-detail]")
        detail.wait_for(state="visible", timeout=5000)
        assert ask in detail.inner_text()
    finally:
        context.close()
        process.terminate()
        process.wait(timeout=10)


def _advice(page: Any, url: str) -> str:
    page.goto(url + "checker/")
    page.evaluate("window.sendorskip.ready")
    result: str = page.evaluate(
        "window.sendorskip.advise({went: 'well', informational: true})"
        ".then((advice) => advice.reasons.map((r) => r.text).join(' '))"
    )
    return result


def test_a_redeploy_reaches_a_returning_reader(
    tmp_path: Path, fork_site: tuple[Path, Path, int], browser: Any
) -> None:
    """The center changes its rule and publishes again: a browser that cached everything on its
    first visit gets the new advice on its next one."""
    port = free_port()
    fork = make_fork(tmp_path / "fork")
    url = f"http://127.0.0.1:{port}{SUBPATH}"
    site = built(fork, fork / "site", site_url=url)
    process = start_nginx(tmp_path, site, port)
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=CHROMIUM, args=ARGS
    )
    try:
        page = context.new_page()
        assert "Northfield career fair" in _advice(page, url)
        rules = fork / "center" / "rules.toml"
        rules.write_text(
            rules.read_text("utf-8").replace("Northfield career fair", "Northfield job fair"),
            "utf-8",
        )
        built(fork, fork / "site", site_url=url)
        assert "Northfield job fair" in _advice(page, url)
    finally:
        context.close()
        process.terminate()
        process.wait(timeout=10)

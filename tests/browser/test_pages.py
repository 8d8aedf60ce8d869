"""Every page of the built handbook in a real browser: no foreign request, no console error, no
broken internal link, no axe-core violation at WCAG 2.1 AA."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urldefrag, urljoin

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import Site, Watch

pytestmark = pytest.mark.browser
WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def page_urls(site: Site) -> list[str]:
    sitemap = (site.root / "sitemap.xml").read_text("utf-8")
    urls = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert len(urls) >= 15
    return urls


def axe_violations(page: Any) -> list[str]:
    results = Axe().run(page, options=WCAG_21_AA)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes, e.g. {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]


def test_every_page(site: Site, watched: tuple[Any, Watch]) -> None:
    page, watch = watched
    problems: list[str] = []
    targets: dict[str, set[str]] = {}
    for url in page_urls(site):
        page.goto(url, wait_until="networkidle")
        problems += [f"{url}: axe {v}" for v in axe_violations(page)]
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            if href.startswith(site.origin):
                target, anchor = urldefrag(href)
                targets.setdefault(target, set()).add(anchor)
    for target, anchors in sorted(targets.items()):
        response = page.request.get(target)
        if response.status != 200:
            problems.append(f"broken link: {target} ({response.status})")
            continue
        html = response.text()
        for anchor in anchors - {""}:
            if f'id="{anchor}"' not in html:
                problems.append(f"broken anchor: {target}#{anchor}")
    problems += [f"console: {e}" for e in watch.errors]
    problems += [f"foreign request: {u}" for u in watch.foreign(site.origin)]
    assert problems == [], "\n".join(problems)
    assert urljoin(site.url, "checker/") in targets


def test_decision_guide_reads_without_javascript(browser: Any, site: Site) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + "decision-guide/")
    assert page.locator("article li").count() >= 15
    page.goto(site.url + "checker/")
    assert page.get_by_role("link", name="decision guide").first.is_visible()
    # Said once: the page's own words and the checker's static text used to say it twice.
    assert page.get_by_text("gives the same advice on plain pages").count() == 1
    context.close()

"""The checker at build time (site/checker.py): the engine's early start from the <head> of the
pages that have the checker, and only those."""

from __future__ import annotations

from pathlib import Path

import pytest

from sendorskip.site.checker import start_early

APP = '<div class="sos-app" data-sos-app data-sos-settings="{}"></div>'
PAGE = '<html><head><meta charset="utf-8"><title>t</title></head><body>{}</body></html>'
EARLY = '<head><script src="{}"></script><meta charset="utf-8">'

# (page URL, body, the script's address or None for a page left alone)
CASES = [
    ("", APP, "assets/sendorskip/start.js"),
    ("checker/", APP, "../assets/sendorskip/start.js"),
    ("centre/pages/checker/", APP, "../../../assets/sendorskip/start.js"),
    ("checker/", '<div data-sos-app="">', "../assets/sendorskip/start.js"),
    ("experts/", "<p>No checker here.</p>", None),
    # Shown in a code sample, escaped: not a checker.
    ("api/", "<code>&lt;div data-sos-app&gt;</code>", None),
    ("api/", '<div data-sos-apps="x">', None),
]


@pytest.mark.parametrize(("url", "body", "src"), CASES)
def test_the_engine_starts_from_the_head_of_checker_pages_only(
    url: str, body: str, src: str | None
) -> None:
    html = PAGE.format(body)
    started = start_early(html, url)
    if src is None:
        assert started == html
    else:
        assert started == html.replace('<head><meta charset="utf-8">', EARLY.format(src))


def test_the_built_checker_page_starts_the_engine_first(built_site: Path) -> None:
    checker = (built_site / "checker" / "index.html").read_text("utf-8")
    head = checker[checker.index("<head>") :]
    assert head.startswith('<head><script src="../assets/sendorskip/start.js"></script>')
    assert (built_site / "assets" / "sendorskip" / "start.js").is_file()
    for page in ("index.html", "experts/index.html"):
        assert "start.js" not in (built_site / page).read_text("utf-8")

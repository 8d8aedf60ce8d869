"""Lighthouse's accessibility score is 100 in light and dark on a few representative pages: the
home page, the checker (audited once its form is ready) and the who-says-what matrix. The call is
bench/lighthouse.py's, loaded from its file; that script runs it over every page."""

from __future__ import annotations

from typing import Any

import pytest

from ..conftest import load_bench
from .conftest import Site

pytestmark = pytest.mark.browser
PAGES = ["", "checker/", "who-says-what/"]


LIGHTHOUSE = load_bench("lighthouse")


@pytest.mark.parametrize("scheme", list(LIGHTHOUSE.SCHEMES))
def test_the_flag_lighthouse_gets_sets_materials_scheme(
    browser: Any, site: Site, scheme: str
) -> None:
    dark, material = LIGHTHOUSE.scheme_in_page(browser.browser_type, site.url, scheme)
    assert (dark, material) == (scheme == "dark", LIGHTHOUSE.MATERIAL_SCHEME[scheme])


@pytest.mark.parametrize("scheme", list(LIGHTHOUSE.SCHEMES))
@pytest.mark.parametrize("page", PAGES)
def test_accessibility_scores_100(browser: Any, site: Site, page: str, scheme: str) -> None:
    result = LIGHTHOUSE.audit(site.url, page, scheme)
    assert (result.score, result.failures) == (100, []), "\n".join(result.failures)
    assert LIGHTHOUSE.shown_scheme(browser, result) == scheme

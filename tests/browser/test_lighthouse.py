"""Lighthouse's accessibility score is 100 in light and dark on a few representative pages: the
home page, the checker (audited once its form is ready) and the who-says-what matrix. The call is
bench/lighthouse.py's, loaded from its file; that script runs it over every page."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType
from typing import Any

import pytest

from ..conftest import ROOT
from .conftest import Site

pytestmark = pytest.mark.browser
PAGES = ["", "checker/", "who-says-what/"]


def _runner() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bench_lighthouse", ROOT / "bench" / "lighthouse.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


LIGHTHOUSE = _runner()


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

"""Our copies of Material's partials: each differs from the installed partial only where it must,
so a Material upgrade that changes a partial fails here instead of being silently undone."""

from __future__ import annotations

import re
from pathlib import Path

import material

from ..conftest import ROOT

OURS = ROOT / "src" / "sendorskip" / "site" / "theme" / "partials"
MATERIAL = Path(material.__file__).parent / "templates" / "partials"
LEADING_COMMENT = re.compile(r"\A\{#-.*?-#\}\n", re.DOTALL)


def body(path: Path) -> str:
    return LEADING_COMMENT.sub("", path.read_text("utf-8"))


def test_search_partial_is_materials_with_a_named_dialog() -> None:
    named = '<div class="md-search" data-md-component="search" role="dialog"'
    expected = body(MATERIAL / "search.html").replace(
        named + ">", named + " aria-label=\"{{ lang.t('search') }}\">"
    )
    assert body(OURS / "search.html") == expected

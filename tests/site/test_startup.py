"""Material's inline start-up scripts as files (site/startup.py): generated from the installed
Material's own partials, the same code as the inline scripts, only with the checker on, and a
build that stops, naming the file, when a partial has a shape they cannot be made from."""

from __future__ import annotations

import json
import re
from importlib.metadata import version
from pathlib import Path
from typing import Any

import jinja2
import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from sendorskip.errors import SendOrSkipError
from sendorskip.site import startup

from ..conftest import ROOT
from .conftest import mkdocs_build

SITE = ROOT / "tests" / "startup-site"
PAGES = ["index.html", "a/b/deep/index.html"]  # the root, and three folders down
# Executable scripts written into the page, and scripts loaded from our asset folder.
INLINE = re.compile(r"<script>(.*?)</script>", re.DOTALL)
LOADED = re.compile(r'<script src="[./]*(assets/sendorskip/md-[a-z]+-\d\.js)"></script>')
CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.DOTALL)
WHAT = (
    "so it cannot be moved into a file (which a Content-Security-Policy without 'unsafe-inline' "
    "needs): use a mkdocs-material version this sendorskip supports, or set checker: false."
)
# A Material whose partials have shapes the files cannot be made from: each problem, in order.
BROKEN_PARTIALS = {
    "base": '<script>var here = "{{ page.url }}"</script>',
    "content": '<script src="tabs.js"></script>',
    "palette": '<script>var root = "{{ base_url }}/"</script>',
}
WHERE = f"mkdocs-material {version('mkdocs-material')}: material/templates/partials/javascripts"
BROKEN_PROBLEMS = [
    f"{WHERE}/base.html: expected a script that uses only config, features and base_url; "
    f"got one that also uses what a page has ('page' is undefined), {WHAT}",
    f"{WHERE}/content.html: expected only <script> elements without attributes; "
    f"got '<script src=\"tabs.js\"></script>', {WHAT}",
    f'{WHERE}/palette.html: expected base_url only as new URL("{{{{ base_url }}}}",location); '
    f"got 'var root = \"__sendorskip_base_url__/\"', {WHAT}",
]


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The same site built with Material's inline scripts (checker off) and with files."""
    tmp = tmp_path_factory.mktemp("startup")
    return {
        "inline": mkdocs_build(tmp / "inline", config=SITE / "no-checker.yml"),
        "files": mkdocs_build(tmp / "files", config=SITE / "mkdocs.yml"),
    }


def config(**changes: Any) -> MkDocsConfig:
    loaded: MkDocsConfig = load_config(str(SITE / "mkdocs.yml"), **changes)
    return loaded


@pytest.mark.parametrize("page", PAGES)
def test_files_hold_materials_inline_scripts_scoped_from_their_address(
    builds: dict[str, Path], page: str
) -> None:
    inline_html = (builds["inline"] / page).read_text("utf-8")
    files_html = (builds["files"] / page).read_text("utf-8")
    island = CONFIG.search(inline_html)
    assert island
    base = json.loads(island.group(1))["base"]  # base_url, as Material wrote it into this page
    inline = INLINE.findall(inline_html)
    assert [s[:20] for s in inline] == [
        '__md_scope=new URL("',
        "var palette=__md_get",
        'var tabs=__md_get("_',  # content.tabs.link is on
        "var target=document.",
    ]
    # The only difference: the scope, resolved from the file's own address, not the page's.
    expected = [s.replace(f'new URL("{base}",location)', startup.FILE_SCOPE) + "\n" for s in inline]
    assert expected[0] != inline[0] + "\n"
    loaded = [(builds["files"] / path).read_text("utf-8") for path in LOADED.findall(files_html)]
    assert loaded == expected
    assert INLINE.findall(files_html) == []


def test_without_the_checker_materials_partials_are_untouched(builds: dict[str, Path]) -> None:
    assert not list(builds["inline"].rglob("md-*.js"))
    assert LOADED.findall((builds["inline"] / "index.html").read_text("utf-8")) == []


def test_file_scope_is_the_site_root_from_the_asset_folder() -> None:
    # From <root>/assets/sendorskip/md-base-1.js, "../../" is <root>/, as base_url is from a page.
    assert startup.FILE_SCOPE == 'new URL("../../",document.currentScript.src)'


def test_extra_scope_is_kept_as_material_renders_it() -> None:
    made = startup.generate(config(extra={"scope": "/"}))
    assert made.scripts["assets/sendorskip/md-base-1.js"].startswith(
        '__md_scope=new URL("/",location),__md_hash='
    )


def test_feature_flags_decide_the_scripts() -> None:
    linked = startup.generate(config())
    plain = startup.generate(config(theme={"name": "material", "features": []}))
    assert sorted(linked.scripts) == [
        f"assets/sendorskip/md-{name}.js"
        for name in ("base-1", "content-1", "content-2", "palette-1")
    ]
    assert sorted(plain.scripts) == [
        f"assets/sendorskip/md-{name}.js" for name in ("base-1", "content-1", "palette-1")
    ]
    assert plain.scripts["assets/sendorskip/md-content-1.js"].startswith("var target=")
    assert plain.partials["partials/javascripts/content.html"] == (
        "<script src=\"{{ 'assets/sendorskip/md-content-1.js' | url }}\"></script>"
    )


def test_a_partial_of_another_shape_stops_the_build_naming_it(tmp_path: Path) -> None:
    templates = tmp_path / "material" / "templates"
    (templates / "partials" / "javascripts").mkdir(parents=True)
    for name, text in BROKEN_PARTIALS.items():
        (templates / "partials" / "javascripts" / f"{name}.html").write_text(text, "utf-8")
    with pytest.raises(SendOrSkipError) as caught:
        startup.generate(config(), templates)
    assert caught.value.problems == BROKEN_PROBLEMS


def test_a_missing_partial_stops_the_build(tmp_path: Path) -> None:
    templates = tmp_path / "material" / "templates"
    templates.mkdir(parents=True)
    with pytest.raises(SendOrSkipError) as caught:
        startup.generate(config(), templates)
    assert caught.value.problems == [
        f"{WHERE}/{name}.html: expected Material's start-up script here; got no such file, {WHAT}"
        for name in startup.PARTIALS
    ]


def test_a_sites_own_partial_still_wins(tmp_path: Path) -> None:
    own = tmp_path / "overrides"
    (own / "partials" / "javascripts").mkdir(parents=True)
    (own / "partials" / "javascripts" / "palette.html").write_text("ours", "utf-8")
    material = str(startup.material_templates())
    env = jinja2.Environment(
        loader=startup.loader(
            [str(own), material],
            {
                "partials/javascripts/palette.html": "generated",
                "partials/javascripts/base.html": "g",
            },
        )
    )
    assert env.get_template("partials/javascripts/palette.html").render() == "ours"
    assert env.get_template("partials/javascripts/base.html").render() == "g"
    assert env.get_template("partials/javascripts/announce.html")  # Material's, still found

"""Material's inline start-up scripts as files, so that a strict Content-Security-Policy holds.

Material writes small scripts straight into every page (``partials/javascripts/base.html``,
``content.html``, ``palette.html``): they define ``__md_get``/``__md_set`` under the site's
storage scope and restore the reader's palette and linked tabs before the first paint. A policy
without ``'unsafe-inline'`` blocks them. With the checker on (the sites that serve such a
policy), the plugin generates each script as a file from the *installed* Material's own partial,
rendered with the site's config (so ``features`` and ``extra.scope`` act as Material's do and an
upgrade cannot leave a stale copy), and serves a partial that loads those files instead.

One thing differs: the default scope, ``base_url``, is relative to the page, while the file is
shared by every page. The file resolves it from its own address instead (it sits a fixed number
of folders below the root), which gives the same URL from any page depth. A partial that uses
anything page-dependent other than that fails the build, naming the file and what was expected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.utils import get_theme_dir

from ..errors import SendOrSkipError
from .checker import ASSET_DIR

PARTIALS = ("base", "content", "palette")
# Stands for base_url while rendering: the one page-dependent value a partial may use.
_BASE_URL = "__sendorskip_base_url__"
# How Material uses base_url: a URL resolved against the page. A file resolves it against its
# own address, ASSET_DIR's depth below the root.
_PAGE_SCOPE = f'new URL("{_BASE_URL}",location)'
FILE_SCOPE = f'new URL("{"../" * len(ASSET_DIR.split("/"))}",document.currentScript.src)'
_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_WHAT = (
    "so it cannot be moved into a file (which a Content-Security-Policy without 'unsafe-inline' "
    "needs): use a mkdocs-material version this sendorskip supports, or set checker: false."
)


@dataclass(frozen=True)
class Startup:
    """What replaces Material's inline scripts: the files, by their path in the site, and the
    partials that load them, by template name."""

    scripts: dict[str, str]
    partials: dict[str, str]

    def files(self, config: MkDocsConfig) -> list[File]:
        return [
            File.generated(config, path, content=script) for path, script in self.scripts.items()
        ]


def material_templates() -> Path:
    """The installed Material's templates: the folder MkDocs itself uses for ``name: material``."""
    return Path(get_theme_dir("material"))


def generate(config: MkDocsConfig, templates: Path | None = None) -> Startup:
    """Each partial's scripts, rendered from ``templates`` (the installed Material's by default).

    Raises SendOrSkipError if a partial is not made of plain inline scripts that use only
    ``config``, ``features`` and ``base_url`` (the latter as Material's base.html does).
    """
    templates = templates or material_templates()
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        undefined=jinja2.StrictUndefined,  # a page-dependent variable is an error, not ""
        auto_reload=False,
    )
    context = {
        "config": config,
        "features": config.theme.get("features") or [],  # as Material's base.html sets it
        "base_url": _BASE_URL,
    }
    where = (
        f"mkdocs-material {version('mkdocs-material')}: {templates.parent.name}/{templates.name}"
    )
    problems: list[str] = []
    scripts: dict[str, str] = {}
    partials: dict[str, str] = {}
    for name in PARTIALS:
        template = f"partials/javascripts/{name}.html"
        try:
            bodies = _scripts(env, template, context, f"{where}/{template}")
        except SendOrSkipError as error:
            problems += error.problems
            continue
        tags = []
        for i, body in enumerate(bodies, start=1):
            path = f"{ASSET_DIR}/md-{name}-{i}.js"
            scripts[path] = body + "\n"
            tags.append(f"<script src=\"{{{{ '{path}' | url }}}}\"></script>")
        partials[template] = "\n".join(tags)
    if problems:
        raise SendOrSkipError(problems)
    return Startup(scripts, partials)


def _scripts(
    env: jinja2.Environment, template: str, context: dict[str, Any], file: str
) -> list[str]:
    """The partial's script bodies, each scoped from its file's address (see the module)."""
    try:
        html = env.get_template(template).render(context)
    except jinja2.TemplateNotFound:
        raise SendOrSkipError(
            [f"{file}: expected Material's start-up script here; got no such file, {_WHAT}"]
        ) from None
    except jinja2.UndefinedError as error:
        raise SendOrSkipError(
            [
                f"{file}: expected a script that uses only config, features and base_url; got one that also uses what a page has ({error}), {_WHAT}"
            ]
        ) from None
    except jinja2.TemplateError as error:
        raise SendOrSkipError(
            [
                f"{file}: expected a partial that renders on its own; got {type(error).__name__}: {error}, {_WHAT}"
            ]
        ) from None
    rest = _SCRIPT.sub("", html).strip()
    if rest:
        raise SendOrSkipError(
            [
                f"{file}: expected only <script> elements without attributes; got {rest[:80]!r}, {_WHAT}"
            ]
        )
    bodies = [body.replace(_PAGE_SCOPE, FILE_SCOPE) for body in _SCRIPT.findall(html)]
    for body in bodies:
        if _BASE_URL in body:
            at = body.index(_BASE_URL)
            expected = _PAGE_SCOPE.replace(_BASE_URL, "{{ base_url }}")
            raise SendOrSkipError(
                [
                    f"{file}: expected base_url only as {expected}; got {body[max(at - 30, 0) : at + 40]!r}, {_WHAT}"
                ]
            )
    return bodies


def loader(dirs: list[str], partials: dict[str, str]) -> jinja2.BaseLoader:
    """The theme's loader with ``partials`` just before Material's own, so that a site's
    ``custom_dir`` still overrides them, as it can any partial of Material's."""
    material = str(material_templates())
    at = next((i for i, d in enumerate(dirs) if str(Path(d)) == material), 0)
    return jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader(dirs[:at]),
            jinja2.DictLoader(partials),
            jinja2.FileSystemLoader(dirs[at:]),
        ]
    )

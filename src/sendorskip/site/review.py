"""``sendorskip validate -f center.yml``: everything ``mkdocs build`` would report about a
center's site, without building it, plus what MkDocs itself would say in a parser's words.

The checks are the plugin's own (:meth:`SendOrSkipPlugin.on_config` and ``page_problems``), so
validate and the build can never disagree; only the YAML reading is added (settings_file.py),
since MkDocs reads the file before any plugin runs.
"""

from __future__ import annotations

import difflib
import logging
import re
from importlib.metadata import entry_points
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.base import get_schema
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.structure.files import get_files
from mkdocs.utils.yaml import yaml_load

from ..errors import choices
from ..validate import STRICT
from .plugin import SendOrSkipPlugin
from .settings_file import KINDS, read_settings

# "Config value 'theme': Unrecognised theme name: ..." -> ("theme", "Unrecognised ...")
_MKDOCS = re.compile(r"^Config value '(?P<key>[^']+)': (?P<message>.*)$", re.S)
# MkDocs names Python's types ("Expected type: <class 'str'> but received: <class 'int'>").
_TYPE = re.compile(r"^Expected type: (?P<want>.+?) but received: <class '(?P<got>\w+)'>$", re.S)
_CLASS = re.compile(r"(?:an? )?<class '(\w+)'>")
_PLUGIN = re.compile(r'^The "(?P<name>[^"]+)" plugin is not installed$')
_SETTINGS = sorted(
    name
    for name, _ in get_schema(MkDocsConfig)
    if name not in ("config_file_path", "pages", "google_analytics")  # internal or retired
)


def _nearest(name: str, valid: list[str], kind: str) -> str:
    near = difflib.get_close_matches(name, valid, n=1)
    return f"did you mean {near[0]!r}?" if near else f"valid {kind}: {choices(valid)}."


def _plain(key: str, message: str) -> str:
    """MkDocs' own message about a setting, in the words of this project's messages."""
    message = message.rstrip(".")
    typed = _TYPE.match(message)
    if typed:
        want = " or ".join(KINDS.get(k, k) for k in _CLASS.findall(typed["want"]))
        got = KINDS.get(typed["got"], typed["got"])
        quote = want == "text" and got in ("a number", "true or false")
        return f"expected {want}; got {got}" + (": put it in quotes" if quote else "") + "."
    if message == f"Unrecognised configuration name: {key}":
        return f"unknown setting; {_nearest(key, _SETTINGS, 'settings')}"
    plugin = _PLUGIN.match(message)
    if plugin:
        installed = sorted(e.name for e in entry_points(group="mkdocs.plugins"))
        return (
            f"{plugin['name']!r} is not installed; {_nearest(plugin['name'], installed, 'plugins')}"
        )
    return _CLASS.sub(lambda c: KINDS.get(c[1], c[1]), message) + "."


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


# Settings whose list a center's file replaces whole: INHERIT merges mappings, not lists.
_LISTS = ("plugins", "markdown_extensions", "extra_css", "extra_javascript")


def _names(items: list[object]) -> list[str]:
    """A plugin or an extension is "name" or {"name": its settings}."""
    return [str(next(iter(i))) if isinstance(i, dict) and i else str(i) for i in items]


def _replaced(path: Path) -> list[str]:
    """What a center's file drops from ours by giving its own list: MkDocs says nothing, and the
    site builds without our styles, extensions or light/dark switch."""
    own = yaml_load(path.read_text("utf-8"))  # text, not a file: INHERIT is left unmerged
    parent = own.get("INHERIT")
    if not isinstance(parent, str):
        return []
    with (path.parent / parent).open("rb") as stream:
        ours = yaml_load(stream)
    found = []
    for key in _LISTS:
        mine, theirs = own.get(key), ours.get(key)
        if isinstance(mine, list) and isinstance(theirs, list):
            missing = [n for n in _names(theirs) if n not in _names(mine)]
            if missing:
                found.append(
                    f"{path.name}: {key}: your list replaces ours (INHERIT merges settings, not "
                    f"lists) and leaves out {choices(missing)}; list those too."
                )
    if isinstance(own.get("nav"), list) and isinstance(ours.get("nav"), list):
        found.append(
            f"{path.name}: nav: replaces the handbook's whole menu, so pages we add in a release "
            "will not appear; list your pages under the sendorskip plugin's center.pages instead."
        )
    palette = own.get("theme", {}).get("palette") if isinstance(own.get("theme"), dict) else None
    ours_theme = ours.get("theme")  # "theme: material" is a name alone
    ours_palette = ours_theme.get("palette") if isinstance(ours_theme, dict) else None
    short = not isinstance(palette, list) or len(palette) < len(ours_palette or ())
    if palette is not None and isinstance(ours_palette, list) and short:
        found.append(
            f"{path.name}: theme.palette: replaces our {len(ours_palette)} entries (the "
            "reader's system setting, light, dark) and drops the switch between light and "
            f"dark; copy all {len(ours_palette)} from {parent} and change primary and accent "
            "in each."
        )
    return found


def review(config_file: Path) -> tuple[list[str], list[str]]:
    """(problems, warnings) for a site's configuration, its overrides and its pages."""
    name = config_file.name
    if not config_file.is_file():
        return [f"{config_file}: file not found."], []
    problems = read_settings(config_file)
    if problems:
        return problems, []
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        config = load_config(config_file=str(config_file))
    except MkDocsException:
        pass  # what it is about was logged, and collected

    finally:
        logger.removeHandler(collect)
    for message in collect.messages:
        if message.startswith(("Aborted with", "DeprecationWarning")):
            continue
        m = _MKDOCS.match(message)
        problems.append(
            f"{name}: {m['key']}: {_plain(m['key'], m['message'])}" if m else f"{name}: {message}"
        )
    if problems:
        return problems, []
    plugin = config.plugins.get("sendorskip")
    if not isinstance(plugin, SendOrSkipPlugin):
        return [f"{name}: plugins: expected the sendorskip plugin in the list; got none."], []
    plugin.on_config(config)
    warnings = [*(warning + STRICT for warning in plugin.warnings), *_replaced(config_file)]
    if not config.site_url:
        warnings.append(
            f"{name}: site_url: not set; without it the sitemap is empty, Material's instant "
            "navigation is off and the checker starts again on every page: set it to the "
            "address you publish at (or build with SITE_URL=that address)."
        )
    return plugin.problems + plugin.page_problems(get_files(config)), warnings

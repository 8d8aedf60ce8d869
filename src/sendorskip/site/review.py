"""``sendorskip validate -f center.yml``: everything ``mkdocs build`` would report about a
center's site, without building it, plus what MkDocs itself would say in a parser's words.

The checks are the plugin's own (:meth:`SendOrSkipPlugin.on_config` and ``page_problems``), so
validate and the build can never disagree; only the YAML reading is added here, since MkDocs
reads the file before any plugin runs.
"""

from __future__ import annotations

import difflib
import logging
import re
from importlib.metadata import entry_points
from pathlib import Path

import yaml  # type: ignore[import-untyped]  # no stubs pinned; only its error types are used
from mkdocs.config import load_config
from mkdocs.config.base import get_schema
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError, MkDocsException
from mkdocs.structure.files import get_files
from mkdocs.utils.yaml import yaml_load

from ..errors import SendOrSkipError, choices, shown
from ..overrides import read_text
from ..validate import STRICT
from .plugin import SendOrSkipPlugin

# PyYAML's words -> what to do about it.
_YAML_PLAIN = (
    (
        "mapping values are not allowed here",
        "a ':' where none can be: put text that holds ': ' in quotes, or check the indentation",
    ),
    ("found character '\\t'", "a tab: indent with spaces only"),
    ("could not find expected ':'", "expected 'name: value'"),
    ("did not find expected key", "this line is not indented like the lines it belongs with"),
    ("expected <block end>", "this line is not indented like the lines it belongs with"),
    ("did not find expected '-'", "this list item is not indented like the items before it"),
    ("found unexpected end of stream", "a quote is opened and never closed"),
)
# "Config value 'theme': Unrecognised theme name: ..." -> ("theme", "Unrecognised ...")
_MKDOCS = re.compile(r"^Config value '(?P<key>[^']+)': (?P<message>.*)$", re.S)
# MkDocs names Python's types ("Expected type: <class 'str'> but received: <class 'int'>").
_TYPE = re.compile(r"^Expected type: (?P<want>.+?) but received: <class '(?P<got>\w+)'>$", re.S)
_CLASS = re.compile(r"(?:an? )?<class '(\w+)'>")
_PLUGIN = re.compile(r'^The "(?P<name>[^"]+)" plugin is not installed$')
_KINDS = {
    "str": "text",
    "int": "a number",
    "float": "a number",
    "bool": "true or false",
    "list": "a list",
    "dict": "settings (name: value)",
    "NoneType": "nothing",
}
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
        want = " or ".join(_KINDS.get(k, k) for k in _CLASS.findall(typed["want"]))
        got = _KINDS.get(typed["got"], typed["got"])
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
    return _CLASS.sub(lambda c: _KINDS.get(c[1], c[1]), message) + "."


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _yaml(path: Path) -> list[str]:
    try:
        text = read_text(path, path.name)
        with path.open("rb") as stream:  # a file, not text: INHERIT is found beside it
            data = yaml_load(stream)
    except SendOrSkipError as exc:
        return exc.problems
    except ConfigurationError as error:
        # MkDocs wraps the parser's error (of this file or the one it inherits) in its own.
        cause = error.__cause__ or error.__context__
        if not isinstance(cause, yaml.MarkedYAMLError):  # INHERIT names a file that is not there
            return [f"{path.name}: INHERIT: {str(error).rstrip('.')}."]
        raw = cause.problem or cause.context or ""
        # An unclosed quote is noticed at the end of the file: name the line it opens on.
        opened = raw.startswith("found unexpected end") and cause.context_mark
        mark = cause.context_mark if opened else (cause.problem_mark or cause.context_mark)
        plain = next((words for start, words in _YAML_PLAIN if raw.startswith(start)), raw)
        where = f"{Path(mark.name).name}: line {mark.line + 1}" if mark else path.name
        return [f"{where}: cannot read this: {plain}."]
    # MkDocs raises on a list or a word at the top without logging what is wrong.
    if data is not None and not isinstance(data, dict):
        return [f"{path.name}: expected {_KINDS['dict']}; got {shown(data)}."]
    return _twice(path.name, text)


def _twice(name: str, text: str) -> list[str]:
    """A name given twice in one block of settings: the parser keeps the last without a word,
    so a center's first 'theme:' would be dropped in silence. Read as the parser's nodes, not
    values, which is where the lines are (and no tag such as !ENV need be understood)."""
    found: list[tuple[int, str]] = []
    nodes = [yaml.compose(text, Loader=yaml.SafeLoader)]
    seen: set[int] = set()  # an alias is the node it names again: read each once
    while nodes:
        node = nodes.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            nodes += node.value
        if not isinstance(node, yaml.MappingNode):
            continue
        first: dict[str, int] = {}
        for key, value in node.value:
            nodes += [key, value]
            if not isinstance(key, yaml.ScalarNode):
                continue
            line = key.start_mark.line + 1
            if key.value in first:
                found.append(
                    (
                        line,
                        f"{name}: line {line}: {key.value!r} is given twice (first"
                        f" on line {first[key.value]}), and MkDocs would use only this one:"
                        " keep one.",
                    )
                )
            first.setdefault(key.value, line)
    return [problem for _, problem in sorted(found)]


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
    problems = _yaml(config_file)
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

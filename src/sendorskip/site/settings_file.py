"""Reading a site's settings file (center.yml, mkdocs.yml) as YAML, before MkDocs does: what
its parser says in plain words with the line, a name given twice, and what MkDocs' own reading
would do harm with (tags that run Python, aliases that repeat the file to millions of values).
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml  # type: ignore[import-untyped]  # no stubs pinned
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import yaml_load

from ..errors import SendOrSkipError, shown
from ..overrides import read_text

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
# Python's types as a center's staff know them.
KINDS = {
    "str": "text",
    "int": "a number",
    "float": "a number",
    "bool": "true or false",
    "list": "a list",
    "dict": "settings (name: value)",
    "NoneType": "nothing",
}

# The upgrade-safe layout's own file, which always builds on the handbook's mkdocs.yml.
CENTER_FILE = "center.yml"
# A file whose aliases (*name) repeat one another this many values over is refused: MkDocs
# would take minutes to read it (nine aliases of nine, a "billion laughs", took 47 s here).
MAX_VALUES = 100_000
# Tags that make PyYAML's full loader, which MkDocs uses, run Python while reading the file:
# python/object/apply:os.system calls a function with any arguments, python/module imports a
# module. "!!python/name:" stays, as Material's own docs use it (emoji_index, custom fences),
# though it too imports the module it names: the hosting guide says to build only settings
# you trust.
_PYTHON_TAGS = ("tag:yaml.org,2002:python/object", "tag:yaml.org,2002:python/module")
# INHERIT may name a file that names another: as many as this are read.
MAX_INHERITED = 10


def _cannot_read(name: str, cause: yaml.MarkedYAMLError) -> str:
    raw = cause.problem or cause.context or ""
    # An unclosed quote is noticed at the end of the file: name the line it opens on.
    opened = raw.startswith("found unexpected end") and cause.context_mark
    mark = cause.context_mark if opened else (cause.problem_mark or cause.context_mark)
    plain = next((words for start, words in _YAML_PLAIN if raw.startswith(start)), raw)
    # Read from text, a mark names no file: it is this one.
    file = name if not mark or mark.name.startswith("<") else Path(mark.name).name
    return (
        f"{file}: line {mark.line + 1}: cannot read this: {plain}."
        if mark
        else f"{file}: cannot read this: {plain}."
    )


def _scan(path: Path) -> tuple[yaml.Node | None, list[str]]:
    """One file as its parser's nodes, which acts on no tag, and what MkDocs' own reading of
    it would do harm with."""
    try:
        root = yaml.compose(read_text(path, path.name), Loader=yaml.SafeLoader)
    except SendOrSkipError as exc:
        return None, exc.problems
    except yaml.MarkedYAMLError as error:
        return None, [_cannot_read(path.name, error)]
    except RecursionError:
        return None, [f"{path.name}: cannot read this: settings nested too deeply."]
    refused = [
        f"{path.name}: line {n.start_mark.line + 1}: {n.tag.removeprefix('tag:yaml.org,2002:')!r}"
        " makes MkDocs run Python code as it reads the file: remove it."
        for n in _nodes(root)
        if n.tag.startswith(_PYTHON_TAGS)
    ]
    if root is not None and _values(root, {}) > MAX_VALUES:
        refused.append(
            f"{path.name}: its aliases (*name) repeat its settings to more than {MAX_VALUES:,}"
            " values: write the settings out instead."
        )
    return root, refused


def _top(root: yaml.Node | None) -> dict[str, yaml.Node]:
    """The top-level settings by name, with those a merge key (<<: *base) brings in, which the
    loader MkDocs uses would see too."""
    if not isinstance(root, yaml.MappingNode):
        return {}
    found: dict[str, yaml.Node] = {}
    for key, value in root.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        if key.tag == "tag:yaml.org,2002:merge":
            merged = value.value if isinstance(value, yaml.SequenceNode) else [value]
            for base in merged:
                found = {**_top(base), **found}  # the file's own settings win
        else:
            found[key.value] = value
    return found


def read_settings(path: Path) -> list[str]:
    """The file, and each it inherits (INHERIT), read as nodes first: what MkDocs' own reading
    would do harm with is refused before MkDocs reads any of them."""
    root, refused = _scan(path)
    chain, last = [Path(os.path.normpath(path))], root
    while not refused:
        parent = _top(last).get("INHERIT")
        if not isinstance(parent, yaml.ScalarNode):
            break
        # As MkDocs finds it: the normalised join, so "x/../base.yml" is base.yml.
        found = Path(os.path.normpath(os.path.join(chain[-1].parent, parent.value)))
        if not os.path.isfile(found):
            break  # MkDocs says that it is not there
        if found in chain or len(chain) >= MAX_INHERITED:
            names = " -> ".join(p.name for p in [*chain, found])
            return [
                f"{path.name}: INHERIT: expected a chain of at most {MAX_INHERITED} files, each"
                f" read once; got {names}."
            ]
        chain.append(found)
        last, refused = _scan(found)
    if refused:
        return refused
    try:
        with path.open("rb") as stream:  # a file, not text: INHERIT is found beside it
            data = yaml_load(stream)
    except ConfigurationError as error:
        # MkDocs wraps the parser's error (of the file this one inherits) in its own.
        cause = error.__cause__ or error.__context__
        if not isinstance(cause, yaml.MarkedYAMLError):  # INHERIT names a file that is not there
            return [f"{path.name}: INHERIT: {str(error).rstrip('.')}."]
        return [_cannot_read(path.name, cause)]
    except RecursionError:  # MkDocs' reading goes a little deeper than ours
        return [f"{path.name}: cannot read this: settings nested too deeply."]
    # MkDocs raises on a list or a word at the top without logging what is wrong.
    if data is not None and not isinstance(data, dict):
        return [f"{path.name}: expected {KINDS['dict']}; got {shown(data)}."]
    # A center's file that builds on nothing: MkDocs would only say that site_name is missing.
    # Read from the nodes: MkDocs' reading has merged the file it names and dropped the key.
    if path.name == CENTER_FILE and not {"INHERIT", "site_name"} & set(_top(root)):
        return [
            f"{path.name}: INHERIT: missing; a center's settings start with the line"
            " 'INHERIT: mkdocs.yml', which brings in the handbook's own."
        ]
    return _twice(path.name, _nodes(root))


def _nodes(root: yaml.Node | None) -> list[yaml.Node]:
    """Every node once: an alias is the node it names again."""
    found: list[yaml.Node] = []
    todo = [root] if root is not None else []
    seen: set[int] = set()
    while todo:
        node = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        found.append(node)
        if isinstance(node, yaml.SequenceNode):
            todo += node.value
        elif isinstance(node, yaml.MappingNode):
            todo += [part for pair in node.value for part in pair]
    return found


def _values(node: yaml.Node, counted: dict[int, int]) -> int:
    """How many values the node holds once its aliases are written out, each node counted
    once (so in time linear in the file); no deeper than the parser itself went."""
    if id(node) not in counted:
        inside = (
            node.value
            if isinstance(node, yaml.SequenceNode)
            else [part for pair in node.value for part in pair]
            if isinstance(node, yaml.MappingNode)
            else []
        )
        counted[id(node)] = 1 + sum(_values(n, counted) for n in inside)
    return counted[id(node)]


def _twice(name: str, nodes: list[yaml.Node]) -> list[str]:
    """A name given twice in one block of settings: the parser keeps the last without a word,
    so a center's first 'theme:' would be dropped in silence. Read as the parser's nodes, not
    values, which is where the lines are (and no tag such as !ENV need be understood)."""
    found: list[tuple[int, str]] = []
    for node in nodes:
        if not isinstance(node, yaml.MappingNode):
            continue
        first: dict[str, int] = {}
        for key, _ in node.value:
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

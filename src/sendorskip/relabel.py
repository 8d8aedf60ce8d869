"""A career center's ``labels.toml``: our words (labels.py, form_words.py) replaced entry by entry.

Each table of :class:`labels.Words` is a TOML table of the same name; an entry replaces ours by
its key, and a key we do not have is reported, since a typo would otherwise change nothing in
silence. A replacement keeps the original's ``{placeholders}``, bare and as often as there:
the page fills them in.

    [verdicts]
    send = "Write to them"
    [questions]
    went = "How did it go?"
    [values.went]
    mixed = "Mixed"
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import fields, replace
from typing import Any

from .errors import choices, shown
from .labels import WORDS, Words
from .records import Reader

FILE = "labels.toml"
TABLES = tuple(f.name for f in fields(Words))


def _placeholders(text: str) -> list[str] | None:
    """The ``{names}`` in ``text``, each as often as it occurs; None when a brace is anything but
    a bare ``{name}``: the page's script fills in only those, and the build splits a phrase at
    its one ``{guide}``."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        return None
    names = []
    for literal, name, spec, conversion in parsed:
        if "{" in literal or "}" in literal or spec or conversion:
            return None
        if name is not None:
            names.append(name)
    return sorted(names)


def _merge(reader: Reader, item: str, ours: Mapping[str, str], given: object) -> dict[str, str]:
    merged = dict(ours)
    if not isinstance(given, dict):
        reader.add("", f"expected a table; got {shown(given)}.", item)
        return merged
    for key in given:
        if key not in ours:
            reader.problem(item, key, f"unknown key; valid keys: {choices(ours)}.")
            continue
        text = reader.text(item, given, key)
        if not text:
            continue
        expected, got = _placeholders(ours[key]), _placeholders(text)
        if got != expected:
            wanted = ", ".join(f"{{{n}}}" for n in sorted(expected or ())) or "none"
            reader.problem(
                item,
                key,
                f"expected the placeholders {wanted}, as in {ours[key]!r}; got {shown(text)}.",
            )
            continue
        merged[key] = text
    return merged


def read_words(reader: Reader, data: Mapping[str, Any]) -> Words:
    """Ours with every valid entry of ``data`` in place; every invalid one a problem."""
    for top in data:
        if top not in TABLES:
            reader.add("", f"unknown table; valid tables: {choices(TABLES)}.", top)
    changes: dict[str, Any] = {}
    for table in TABLES:
        if table not in data:
            continue
        ours = getattr(WORDS, table)
        if table != "values":
            changes[table] = _merge(reader, table, ours, data[table])
            continue
        values = {name: dict(labels) for name, labels in ours.items()}
        given = data[table]
        if not isinstance(given, dict):
            reader.add("", f"expected a table; got {shown(given)}.", table)
            given = {}
        for name, labels in given.items():
            if name in ours:
                values[name] = _merge(reader, f"{table}.{name}", ours[name], labels)
            else:
                reader.problem(table, name, f"unknown field; valid fields: {choices(ours)}.")
        changes[table] = values
    return replace(WORDS, **changes)

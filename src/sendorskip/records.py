"""Reading records from TOML data files with every problem collected and located.

Each problem names the file, the item, the field, what was expected and what was received, so a
career center's staff can fix their files without reading Python.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable, Mapping
from typing import Any

from .errors import SHOWN_CHARS, DataError, Problems, choices, shown, unknown

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")

Record = Mapping[str, Any]


def parse_toml(file: str, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataError([f"{file}: not valid TOML: {exc}."]) from None


def inline(value: object) -> str:
    """A value spelt as TOML would have it (``{ went = "well", panel = true }``), so a career
    center finds an example in its file as written there; long strings are cut."""
    if isinstance(value, Mapping):
        pairs = [
            f"{k if _BARE_KEY.fullmatch(str(k)) else json.dumps(str(k))} = {inline(v)}"
            for k, v in value.items()
        ]
        return "{ " + ", ".join(pairs) + " }" if pairs else "{}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(map(inline, value)) + "]"
    if isinstance(value, str):
        cut = value if len(value) <= SHOWN_CHARS else value[:SHOWN_CHARS] + "…"
        return json.dumps(cut, ensure_ascii=False)
    return shown(value)


class Reader(Problems):
    """Typed accessors over one file's records; problems accumulate instead of raising."""

    def __init__(self, file: str, prefix: str = "") -> None:
        super().__init__(file)
        self.prefix = prefix
        self.tops: tuple[str, ...] = ()  # the names the file's top level takes

    def within(self, table: str) -> Reader:
        """The same accessors over a nested table (a rule's ``effect``): a problem there names
        the field as the file has it (``effect.verdict``), into the same list of problems."""
        inner = Reader(self.file, f"{self.prefix}{table}.")
        inner.problems = self.problems
        return inner

    def problem(self, item: str, path: str, text: str) -> None:
        self.add(self.prefix + path, text, item)

    def table_list(
        self, data: Mapping[str, Any], key: str, allowed_top: Iterable[str]
    ) -> list[Record]:
        allowed = self.tops = tuple(allowed_top)
        for top in data:
            if top not in allowed:
                self.add("", f"unknown table; valid tables: {choices(allowed)}.", top)
        items = data.get(key, [])
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            self.add("", f"expected a list of [[{key}]] tables.", key)
            return []
        return items

    def keys(
        self, item: str, record: Record, required: Iterable[str], optional: Iterable[str]
    ) -> None:
        req, opt = tuple(required), tuple(optional)
        for key in req:
            if key not in record:
                self.problem(item, key, "required field is missing.")
        for key in record:
            if key not in req + opt:
                # TOML puts a line after a [[table]] heading into that table, wherever it was meant.
                hint = (
                    f" ({key!r} belongs at the top of the file, before the first [[...]] heading:"
                    " a line after a heading is part of that table)"
                    if key in self.tops
                    else ""
                )
                self.problem(item, key, f"unknown field{hint}; valid fields: {choices(req + opt)}.")

    def text(self, item: str, record: Record, key: str, default: str = "") -> str:
        value = record.get(key, default)
        if isinstance(value, str) and (value.strip() or key not in record):
            return value
        if key in record:
            self.problem(item, key, f"expected some text; got {shown(value)}.")
        return default

    def choice(
        self, item: str, record: Record, key: str, valid: Iterable[str], default: str = ""
    ) -> str:
        options = tuple(valid)
        value = record.get(key, default)
        if value in options or (value == default and key not in record):
            return str(value)
        # A plural name ("recipients") invites a list: say that one value is wanted.
        one = " (one value, without [ ])" if isinstance(value, list) else ""
        self.problem(item, key, f"expected one of {choices(options)}; got {shown(value)}{one}.")
        return default

    def number(self, item: str, record: Record, key: str) -> float | None:
        value = record.get(key)
        if value is None:
            return None
        if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
            return float(value)
        self.problem(item, key, f"expected a number ≥ 0; got {shown(value)}.")
        return None

    def ids(
        self, item: str, record: Record, key: str, known: Iterable[str], kind: str
    ) -> tuple[str, ...]:
        valid = tuple(known)
        value = record.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(item, key, f"expected a list of {kind} ids; got {shown(value)}.")
            return ()
        for v in value:
            if v not in valid:
                self.problem(item, key, unknown(kind, v, valid))
        return tuple(v for v in value if v in valid)

    def unique(self, kind: str, ids: Iterable[str]) -> None:
        """Ids once each, whatever their case: a reader typing "nf101" means one of them."""
        seen: dict[str, str] = {}
        for i in ids:
            first = seen.get(i.casefold())
            if first is None:
                seen[i.casefold()] = i
                continue
            case = "" if first == i else f" ({first!r} differs from it only in case)"
            self.add("", f"duplicate id{case}; ids must be unique.", f"{kind} {i}")

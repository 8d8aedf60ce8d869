"""Intake: a reader's file or stdin, read strictly into text or a JSON value.

Only what the API cannot see is checked here: the size of the whole input, UTF-8 (never
replaced or guessed), nesting, duplicate keys and integers too long to convert. Everything
else (types, caps, NaN, lone surrogates) is the API's to report, with the field it concerns,
for every caller alike. Every step is linear in the input, and none recurses on it.
"""

from __future__ import annotations

import json
import re
import sys
from itertools import accumulate
from typing import Any

from .capped import CAPS
from .errors import InputError, named, printable, shown

# Integers with more digits are refused before conversion: int() is quadratic in the digits and
# raises past 4,300; no field takes a number anywhere near this long.
MAX_DIGITS = 40
# A problem found in the value is reported with its path for the first few; the rest are counted.
_SHOWN = 10
# A JSON string, matched so that it never fails once started: an unterminated string runs to the
# end. A failing match would be retried at every later quote, which is quadratic.
_STRING = re.compile(r'"(?:[^"\\]++|\\.?)*+"?', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]++")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


class _Repeated(dict[str, Any]):
    """An object whose keys were not unique: it keeps the last value, as json does, and says so."""

    def __init__(self, pairs: list[tuple[str, Any]], counts: dict[str, int]) -> None:
        super().__init__(pairs)
        self.counts = counts  # each repeated key: how many times it was given


class _LongNumber:
    def __init__(self, digits: str) -> None:
        self.digits = digits


def name(path: str) -> str:
    """How messages name an input: 'stdin' for '-', else the path as given."""
    return "stdin" if path == "-" else printable(path)


def read(path: str) -> bytes:
    """The bytes of a file, or of stdin for '-', refusing more than the cap."""
    cap = CAPS["input_bytes"]
    try:
        if path == "-":
            if sys.stdin is None:
                raise InputError(["stdin: cannot read: there is no standard input."])
            data = sys.stdin.buffer.read(cap + 1)
        else:
            with open(path, "rb") as stream:
                data = stream.read(cap + 1)
    except OSError as exc:
        raise InputError([f"{name(path)}: cannot read: {exc.strerror}."]) from None
    if len(data) > cap:
        raise InputError([f"{name(path)}: expected at most {cap:,} bytes; got more."])
    return data


def decode(data: bytes, where: str) -> str:
    """UTF-8 text (a leading byte-order mark dropped), or an error saying where it is not."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # exc.object, not data: after a byte-order mark, offsets count from the end of it.
        undecoded = bytes(exc.object)
        line = undecoded.count(b"\n", 0, exc.start) + 1
        raise InputError(
            [
                f"{where}: expected UTF-8 text; got byte 0x{undecoded[exc.start]:02x} on line "
                f"{line:,}, which is not UTF-8 (save the file as UTF-8)."
            ]
        ) from None


def _depth(text: str) -> int:
    """How deeply lists and objects nest, outside strings: found by scans, not by recursion."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


_NESTED = (dict, list, _LongNumber)


def _path(steps: tuple[object, ...]) -> str:
    return "".join(f"[{s}]" if isinstance(s, int) else f".{named(s)}" for s in steps).lstrip(".")


def _marked(value: Any, where: str) -> list[str]:
    """Every repeated key and long integer in ``value``, in document order, with its path."""
    found: list[str] = []
    more = 0  # past the first few, problems are only counted: formatting them costs time
    stack: list[tuple[Any, tuple[object, ...]]] = [(value, ())]
    while stack:  # an explicit stack: nesting is capped, but this need not rely on it
        node, steps = stack.pop()
        if isinstance(node, _LongNumber):
            if len(found) == _SHOWN:
                more += 1
                continue
            digits = node.digits.lstrip("-")
            found.append(
                f"{where}: {_path(steps) or 'the value'}: expected a number of at most "
                f"{MAX_DIGITS} digits; got {len(digits):,} digits ({shown(node.digits)})."
            )
            continue
        if isinstance(node, _Repeated):
            for key, n in node.counts.items():
                if len(found) == _SHOWN:
                    more += 1
                    continue
                found.append(
                    f"{where}: {_path((*steps, key))}: expected each key once in an object; "
                    f"got it {n:,} times."
                )
        children = enumerate(node) if isinstance(node, list) else node.items()
        inner = [(v, (*steps, k)) for k, v in children if isinstance(v, _NESTED)]
        stack.extend(reversed(inner))
    if more:
        found.append(f"{where}: {more:,} more problems like these.")
    return found


def parse(text: str, where: str) -> Any:
    """Standard JSON, refusing what json.loads would accept quietly or fail on with a traceback."""
    if not text.strip(" \t\n\r"):
        raise InputError([f"{where}: expected JSON; got an empty input."])
    depth, cap = _depth(text), CAPS["nesting"]
    if depth > cap:
        # Checked before parsing: json.loads recurses once per level.
        raise InputError(
            [f"{where}: expected lists and objects nested at most {cap} deep; got {depth:,}."]
        )
    marked = False

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal marked
        obj = dict(items)
        if len(obj) == len(items):
            return obj
        marked = True
        counts: dict[str, int] = {}
        for key, _ in items:
            counts[key] = counts.get(key, 0) + 1
        return _Repeated(items, {key: n for key, n in counts.items() if n > 1})

    def integer(digits: str) -> int | _LongNumber:
        nonlocal marked
        if len(digits.lstrip("-")) <= MAX_DIGITS:
            return int(digits)
        marked = True
        return _LongNumber(digits)

    try:
        value = json.loads(text, object_pairs_hook=pairs, parse_int=integer)
    except json.JSONDecodeError as exc:
        raise InputError(
            # Some of json's messages end in 'at' ("Unterminated string starting at").
            [
                f"{where}: not valid JSON: {exc.msg.removesuffix(' at')} at line {exc.lineno}, "
                f"column {exc.colno}."
            ]
        ) from None
    if marked:
        raise InputError(_marked(value, where))
    return value


def json_input(path: str) -> Any:
    """The JSON value in a file or stdin ('-'), read strictly."""
    where = name(path)
    return parse(decode(read(path), where), where)


def text_input(path: str) -> str:
    """The UTF-8 text of a file or stdin ('-'), read strictly."""
    return decode(read(path), name(path))

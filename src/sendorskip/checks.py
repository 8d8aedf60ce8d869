"""Draft checks: records over a note's text, each run by one of a few detectors in :mod:`detectors`.

Records hold the words (patterns, thresholds, messages); the detectors hold the little logic
that words cannot express, so a career center can tune a check without touching Python.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .errors import shown
from .records import Reader
from .rules import read_examples

SEVERITIES = ("error", "warning", "info")
# Which parameters each detector takes; read here so records are validated before use.
DETECTORS: dict[str, tuple[str, ...]] = {
    "pattern": ("patterns",),
    "no-specifics": ("patterns",),
    "near-duplicate": ("threshold",),
    "too-long": ("max_words",),
    "name-missing": (),
    "title-missing": (),
    "repeated-mark": ("mark", "max"),
}


@dataclass(frozen=True)
class Check:
    id: str
    name: str
    detector: str
    params: Mapping[str, Any]
    severity: str
    message: str
    why: str
    voices: tuple[str, ...]
    fires: tuple[Any, ...]
    silent: tuple[Any, ...]


def _params(reader: Reader, item: str, detector: str, raw: Mapping[str, Any]) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for key in DETECTORS.get(detector, ()):
        value = raw.get(key)
        if key == "patterns":
            if (
                not isinstance(value, list)
                or not value
                or not all(isinstance(p, str) for p in value)
            ):
                reader.problem(
                    item,
                    key,
                    f"expected a non-empty list of regular expressions; got {shown(value)}.",
                )
                continue
            compiled = []
            for p in value:
                try:
                    compiled.append(re.compile(p, re.IGNORECASE))
                except re.error as exc:
                    reader.problem(item, key, f"{p!r} is not a valid regular expression: {exc}.")
            params[key] = tuple(compiled)
        elif key == "mark":
            if not isinstance(value, str) or not value:
                reader.problem(item, key, f"expected a character; got {shown(value)}.")
            params[key] = value
        else:
            number = reader.number(item, raw, key)
            if number is None:
                reader.problem(item, key, "required: a number.")
            params[key] = number
    return params


def read_checks(reader: Reader, data: Mapping[str, Any], voices: set[str]) -> list[Check]:
    checks = []
    for raw in reader.table_list(data, "check", ("check", "disable")):
        cid = reader.text("check ?", raw, "id") or "?"
        item = f"check {cid} ({raw.get('name', '?')})"
        detector = reader.choice(item, raw, "detector", DETECTORS)
        reader.keys(
            item,
            raw,
            ("id", "name", "detector", "severity", "message", "why", "voices", "examples"),
            DETECTORS.get(detector, ()),
        )
        fires, silent = read_examples(reader, item, raw.get("examples"))
        checks.append(
            Check(
                id=cid,
                name=reader.text(item, raw, "name"),
                detector=detector,
                params=_params(reader, item, detector, raw),
                severity=reader.choice(item, raw, "severity", SEVERITIES),
                message=reader.text(item, raw, "message"),
                why=reader.text(item, raw, "why"),
                voices=reader.ids(item, raw, "voices", sorted(voices), "voice"),
                fires=fires,
                silent=silent,
            )
        )
    return checks
